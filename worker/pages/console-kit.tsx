/**
 * What the consoles (window terminal, kiosk, manager, citizen status page) share: bilingual
 * labels in the page's language (worker/i18n/), the hall's wall clock, the console config and
 * words the browser scripts read, the language switcher, and the transfer dialog the terminal
 * and the manager both use.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Category, HallState, Priority, Ticket } from "../core/model.js";
import { onTheWay } from "../core/remote.js";
import { minutesWaited, wholeMinutes } from "../core/waits.js";
import { COMMON, PRIORITY } from "../i18n/catalogue/common.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { both, pieces, say, sayAfter, secondLang, template, valueIn, type Msg, type Named, type Vars } from "../i18n/words.js";

/** A template with its values filled in; a `slot` (an element a script fills later) stands where its name is. */
function lineOf(lang: Lang, text: string, vars: Vars = {}, slots: Record<string, Child> = {}): Child {
  const parts = pieces(text);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (i % 2 ? (p in slots ? slots[p] : valueIn(lang, vars[p], p)) : p)).filter((p) => p !== "");
}

/** A message's first line (the page's language) as markup: its values filled, its slots in place. */
export function firstLine(lang: Lang, m: Msg, vars?: Vars, slots?: Record<string, Child>): Child {
  return lineOf(lang, template(lang, m), vars, slots);
}

/** A message's second line as markup (its language: `secondLang(lang)`). */
export function secondLine(lang: Lang, m: Msg, vars?: Vars, slots?: Record<string, Child>): Child {
  const other = secondLang(lang);
  return lineOf(other, template(other, m, false), vars, slots);
}

/**
 * The consoles' one rule for labels: the page's language first, the other beneath or beside it.
 * The spans keep their names `zh` (the first line) and `en` (the second) whatever the language;
 * `lang` on the second says which it is.
 */
export function Bi({ lang, m, vars, slots, class: cls }: { lang: Lang; m: Msg; vars?: Vars; slots?: Record<string, Child>; class?: string }) {
  const other = secondLang(lang);
  return (
    <span class={`bi${cls ? ` ${cls}` : ""}`}>
      <span class="zh">{firstLine(lang, m, vars, slots)}</span>
      <span class="en" lang={other}>
        {secondLine(lang, m, vars, slots)}
      </span>
    </span>
  );
}

/** Two lines that are data, not words: a name and its label (`lang` of the second when it is known). */
export function Pair({ first, second, lang, class: cls }: { first: Child; second: Child; lang?: Lang; class?: string }) {
  return (
    <span class={`bi${cls ? ` ${cls}` : ""}`}>
      <span class="zh">{first}</span>
      <span class="en" {...(lang ? { lang } : {})}>
        {second}
      </span>
    </span>
  );
}

/** A name the hall gave in every script (a category, a zone): the page's script first. */
export function BiName({ lang, names, class: cls }: { lang: Lang; names: Named; class?: string }) {
  return <Pair first={names[lang]} second={names[secondLang(lang)]} lang={secondLang(lang)} {...(cls ? { class: cls } : {})} />;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:32" in the hall's time zone. */
export function hhmm(at: string | number, timezone: string): string {
  let f = clockFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(timezone, f);
  }
  return f.format(new Date(at));
}

/** Whole minutes from `from` to `to`, as every console shows a wait (worker/core/waits.ts). */
export const minutesBetween = (from: string, to: number) => wholeMinutes(minutesWaited(Date.parse(from), to));

export function categoryOf(state: HallState, id: string): Category | undefined {
  return state.categories.find((c) => c.id === id);
}

/** A category's names as the hall configured them; its id in every script for one it no longer has. */
export function categoryNames(state: HallState, id: string): Named {
  return categoryOf(state, id)?.names ?? { "zh-Hans": id, "zh-Hant": id, en: id };
}

export function PriorityTag({ lang, priority }: { lang: Lang; priority: Priority }) {
  if (priority === "normal") return null;
  const w = PRIORITY[priority];
  return (
    <span class={`tag tag-${priority}`} title={sayAfter(lang, w)}>
      {say(lang, w)}
    </span>
  );
}

/**
 * 在途: a ticket taken from home whose citizen has not checked in (worker/core/remote.ts), and how
 * many times it stepped back for the next citizen: staff see who in the line is not yet here.
 */
export function OnTheWayTag({ t, lang }: { t: Ticket; lang: Lang }) {
  if (!onTheWay(t)) return null;
  const holds = t.remote!.holds;
  return (
    <span class="tag tag-on-the-way" data-holds={holds} title={both(lang, holds > 0 ? COMMON.heldTitle : COMMON.onTheWayTitle, { count: holds })}>
      {say(lang, COMMON.onTheWay)}
      {holds > 0 && ` · ${say(lang, COMMON.heldTimes, { count: holds })}`}
    </span>
  );
}

/** Waiting tickets a window may call: its categories, or transferred to it by name. */
export function callableBy(t: Ticket, window: { id: string; categories: string[] }): boolean {
  return t.status === "waiting" && (t.targetWindow === window.id || (t.targetWindow === null && window.categories.includes(t.category)));
}

/**
 * A script's words in the page's language: each message's two lines as templates, `{name}`
 * left for the script to fill (consoles.js: `Tongban.t(key, values)`).
 */
export function scriptWords(lang: Lang, ...tables: Array<Record<string, Msg>>): Record<string, [string, string]> {
  const other = secondLang(lang);
  const words: Record<string, [string, string]> = {};
  for (const table of tables) {
    for (const [k, m] of Object.entries(table)) {
      if (k in words) throw new Error(`two script words are called "${k}"`);
      words[k] = [template(lang, m), template(other, m, false)];
    }
  }
  return words;
}

/** Settings the console scripts read: the hall, the API token, what the page is for, and its language's words. */
export function ConsoleConfig({ config }: { config: Record<string, unknown> }) {
  return (
    <script type="application/json" id="tongban-console">
      {raw(JSON.stringify(config).replaceAll("<", "\\u003c"))}
    </script>
  );
}

/** The page's messages: the scripts put what a press did, or why it failed, here. */
export function MessageLine() {
  return <div id="console-message" class="console-message" role="status" aria-live="polite" hidden></div>;
}

/**
 * Move a ticket to another category or window. Filled from the first paint (categories and
 * windows change rarely); the hall checks the target when the press arrives.
 */
export function TransferDialog({ lang, state, exceptWindow, children }: { lang: Lang; state: HallState; exceptWindow?: string; children?: Child }) {
  return (
    <dialog id="transfer-dialog" class="console-dialog">
      <form method="dialog">
        <h2>
          <Bi lang={lang} m={COMMON.transferTitle} slots={{ number: <span data-slot="number"></span> }} />
        </h2>
        <h3>
          <Bi lang={lang} m={COMMON.transferToCategory} />
        </h3>
        <div class="choice-grid">
          {state.categories.map((c) => (
            <button type="button" class="choice" data-transfer-category={c.id}>
              <BiName lang={lang} names={c.names} />
            </button>
          ))}
        </div>
        <h3>
          <Bi lang={lang} m={COMMON.transferToWindow} />
        </h3>
        <div class="choice-grid">
          {state.windows
            .filter((w) => w.id !== exceptWindow)
            .map((w) => (
              <button type="button" class="choice" data-transfer-window={w.id}>
                <Pair first={say(lang, COMMON.windowNumber, { number: w.number })} second={w.label} />
              </button>
            ))}
        </div>
        {children}
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi lang={lang} m={COMMON.close} />
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Each language named in itself, for the switcher. */
const LANG_NAMES: Record<Lang, string> = { "zh-Hans": "简体", "zh-Hant": "繁體", en: "English" };

/**
 * The console's language switcher: the same page in each language, every other parameter kept
 * (`href` builds the address; consoles.js adds the tab in the address's #fragment when followed).
 */
export function LangSwitch({ lang, href }: { lang: Lang; href: (lang: Lang) => string }) {
  return (
    <nav class="lang-switch" aria-label={`${say(lang, COMMON.languages)} · ${sayAfter(lang, COMMON.languages)}`}>
      {LANGS.map((l) => (
        <a href={href(l)} lang={l} hreflang={l} data-lang={l} {...(l === lang ? { "aria-current": "true" } : {})}>
          {LANG_NAMES[l]}
        </a>
      ))}
    </nav>
  );
}

/**
 * `?…&lang=` for this page in `lang`: its own query (path parameters and the page's secret, like
 * the status link, left out) with the API token it was opened with, so the page opens the same way.
 */
export function langHref(params: URLSearchParams, lang: Lang, { omit = [], token = null }: { omit?: string[]; token?: string | null } = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of params) if (k !== "lang" && !omit.includes(k)) q.append(k, v);
  if (token) q.set("token", token);
  q.set("lang", lang);
  return `?${q}`;
}
