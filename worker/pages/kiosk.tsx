/**
 * The ticket kiosk (取号机) on a 10-inch touch screen: the categories served now (others greyed
 * with the reason), the priorities the hall offers, an optional ID number, appointment check-in
 * with an on-screen keypad, and the printed ticket (58 or 80 mm thermal paper, `?paper=58`).
 * Laid out for landscape (1280×800, 1920×1080) and the upright 取号机 (1080×1920); 适老 mode
 * (`?elder=1`, or the 长辈模式 button for one citizen) is larger type and one choice per step.
 */
import type { Child } from "hono/jsx";
import { estimateHall } from "../core/estimates.js";
import { offeredPriorities } from "../core/issue.js";
import type { HallState } from "../core/model.js";
import { COMMON_SCRIPT, PRIORITY } from "../i18n/catalogue/common.js";
import { KIOSK, KIOSK_SCRIPT } from "../i18n/catalogue/kiosk.js";
import { hallLang, langIn, type Lang } from "../i18n/lang.js";
import { both, say, sayAfter, secondLang, type Msg } from "../i18n/words.js";
import { Bi, ConsoleConfig, firstLine, LangSwitch, langHref, MessageLine, scriptWords, secondLine } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";
import { FRONT_DESK } from "../access/roles.js";

type Props = { state: HallState; now: number; live: boolean; lang: Lang };

function Head({ state, live, lang }: Props) {
  return (
    <header id="kiosk-head" class="kiosk-head" {...oob(live)}>
      <h1>{state.settings.name}</h1>
      {state.settings.notice && <p class="notice">{state.settings.notice}</p>}
      <button type="button" class="elder-toggle" data-action="elder" aria-pressed="false">
        <Bi lang={lang} m={KIOSK.elderMode} />
      </button>
    </header>
  );
}

/**
 * 适老 mode, step two: after the service, one question — priority — in big buttons; kiosk.js
 * fills it from the priorities the hall offers now.
 */
function ElderStep({ lang }: { lang: Lang }) {
  return (
    <div id="elder-step" class="elder-step" role="dialog" aria-modal="true" aria-labelledby="elder-step-title" hidden>
      <div class="elder-step-frame">
        <h2 id="elder-step-title">
          <Bi lang={lang} m={KIOSK.elderQuestion} />
        </h2>
        <p class="elder-step-service" data-slot="service"></p>
        <div class="elder-step-choices" data-slot="choices"></div>
        <button type="button" class="secondary elder-back" data-action="elder-back">
          <Bi lang={lang} m={KIOSK.elderBack} />
        </button>
      </div>
    </div>
  );
}

/** Why a category cannot be chosen now, or null when an open window serves it. */
function unavailable(state: HallState, category: string): Msg | null {
  const serving = state.windows.filter((w) => w.categories.includes(category) && w.state !== "closed");
  if (serving.some((w) => w.state === "open")) return null;
  if (serving.length > 0) return KIOSK.pausedWindows;
  return KIOSK.noWindow;
}

function Categories({ state, now, live, lang }: Props) {
  const estimates = estimateHall(state, now);
  const other = secondLang(lang);
  return (
    <section id="kiosk-categories" class="kiosk-categories" {...oob(live)}>
      {state.categories.map((c) => {
        const why = unavailable(state, c.id);
        const wait = estimates.categories.get(c.id);
        const vars = { waiting: wait?.waiting ?? 0, minutes: wait?.estimatedWaitMinutes ?? "—" };
        return (
          <button type="button" class="category-button" data-category={c.id} disabled={why !== null} aria-describedby={`why-${c.id}`}>
            <span class="prefix">{c.prefix}</span>
            <span class="name-zh">{c.names[lang]}</span>
            <span class="name-en" lang={other}>
              {c.names[other]}
            </span>
            {why ? (
              <span class="why" id={`why-${c.id}`}>
                {say(lang, why)}
                <small lang={other}>{sayAfter(lang, why)}</small>
              </span>
            ) : (
              <span class="wait" id={`why-${c.id}`}>
                {say(lang, KIOSK.waiting, vars)}
                <small lang={other}>{sayAfter(lang, KIOSK.waiting, vars)}</small>
              </span>
            )}
          </button>
        );
      })}
    </section>
  );
}

function Priorities({ state, live, lang }: Props) {
  const offered = offeredPriorities(state);
  return (
    <div id="kiosk-priorities" class="kiosk-priorities" role="radiogroup" aria-label={both(lang, KIOSK.priority)} {...oob(live)}>
      <span class="label">
        <Bi lang={lang} m={KIOSK.priorityFirst} />
      </span>
      {(["normal", ...offered] as const).map((p) => (
        <button type="button" role="radio" class="priority" data-priority={p} aria-checked={p === "normal" ? "true" : "false"}>
          <Bi lang={lang} m={PRIORITY[p]} />
        </button>
      ))}
    </div>
  );
}

function Keypad({ lang }: { lang: Lang }) {
  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫"];
  return (
    <div class="keypad" aria-label={both(lang, KIOSK.keypad)}>
      {keys.map((k) => (
        <button type="button" class="key" data-key={k}>
          {k}
        </button>
      ))}
    </div>
  );
}

function SidePanel({ lang, switcher }: { lang: Lang; switcher: (l: Lang) => string }) {
  return (
    <aside class="kiosk-side">
      <label class="field" data-field="idNumber">
        <Bi lang={lang} m={KIOSK.idNumber} />
        <input id="id-number" name="idNumber" inputmode="numeric" autocomplete="off" maxlength={18} placeholder={both(lang, KIOSK.idPlaceholder)} />
      </label>
      <label class="field" data-field="code">
        <Bi lang={lang} m={KIOSK.appointment} />
        <span class="code-row">
          <input id="appointment-code" name="code" inputmode="numeric" autocomplete="off" maxlength={6} placeholder={both(lang, KIOSK.codePlaceholder)} />
          <button type="button" class="primary" data-action="check-in">
            <Bi lang={lang} m={KIOSK.checkIn} />
          </button>
        </span>
      </label>
      <Keypad lang={lang} />
      <button type="button" class="secondary clear" data-action="clear">
        <Bi lang={lang} m={KIOSK.clear} />
      </button>
      <LangSwitch lang={lang} href={switcher} />
    </aside>
  );
}

/** A printed line with the other language beneath it; `slots` are filled by kiosk.js. */
function Printed({ lang, m, slots }: { lang: Lang; m: Msg; slots?: Record<string, Child> }) {
  return (
    <>
      {firstLine(lang, m, {}, slots)}
      <br />
      <span lang={secondLang(lang)}>{secondLine(lang, m, {}, slots)}</span>
    </>
  );
}

/** The ticket as shown and printed; kiosk.js fills the slots from the hall's reply. */
function Slip({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <div id="slip-overlay" class="slip-overlay" hidden>
      <div class="slip-frame">
        <article id="slip" class="slip" aria-live="assertive">
          <header>{state.settings.name}</header>
          <p class="slip-category" data-slot="category"></p>
          <p class="slip-number" data-slot="number"></p>
          <p class="slip-priority" data-slot="priority"></p>
          <p class="slip-ahead">
            <Printed lang={lang} m={KIOSK.ahead} slots={{ ahead: <b data-slot="ahead"></b> }} />
          </p>
          <p class="slip-wait">
            <Printed lang={lang} m={KIOSK.wait} slots={{ wait: <b data-slot="wait"></b> }} />
          </p>
          <figure class="slip-qr" data-slot="qr-figure">
            <img data-slot="qr" alt={both(lang, KIOSK.qrAlt)} width="132" height="132" />
            <figcaption>
              <Printed lang={lang} m={KIOSK.scan} />
            </figcaption>
          </figure>
          <p class="slip-time" data-slot="time"></p>
          <footer>{both(lang, KIOSK.listen)}</footer>
        </article>
        <div class="slip-actions">
          <section class="nearby" data-slot="nearby" hidden>
            <h3>
              <Bi lang={lang} m={KIOSK.nearby} />
            </h3>
            <ol data-slot="nearby-list"></ol>
          </section>
          <p class="take">
            <Bi lang={lang} m={KIOSK.takeTicket} />
          </p>
          <button type="button" class="secondary" data-action="print">
            <Bi lang={lang} m={KIOSK.printAgain} />
          </button>
          <button type="button" class="primary" data-action="done">
            <Bi lang={lang} m={KIOSK.done} />
          </button>
        </div>
      </div>
    </div>
  );
}

function regions(props: Props) {
  return (
    <>
      <Head {...props} />
      <Categories {...props} />
      <Priorities {...props} />
    </>
  );
}

export const kioskView: LiveView = {
  roles: FRONT_DESK,
  ages: true,
  keys: ["lang"],
  page(state, now, params, live: LiveConfig) {
    const lang = langIn(params, hallLang(state.settings.languages));
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    const paper = params.get("paper") === "58" ? "58" : "80";
    const names = Object.fromEntries(state.categories.map((c) => [c.id, c.names]));
    const props = { state, now, live: false, lang };
    return Page({
      title: `${state.settings.name} · ${both(lang, KIOSK.title, {}, " ")}`,
      lang,
      live,
      bodyClass: `console kiosk-page paper-${paper}${params.get("elder") === "1" ? " elder" : ""}`,
      styles: ["/static/display/consoles.css", "/static/display/kiosk.css"],
      scripts: ["/static/display/words.js", "/static/display/formErrors.js", "/static/display/consoles.js", "/static/display/kiosk.js"],
      children: (
        <>
          <ConsoleConfig
            config={{
              hall: state.hall,
              token,
              role: "kiosk",
              timezone: state.settings.timezone,
              categories: names,
              print: params.get("print") !== "off",
              // Over the alarm line, the slip offers the region's halls with a shorter wait (附近大厅).
              region: state.settings.region ?? null,
              alarmMinutes: state.settings.alarmMinutes,
              location: state.settings.location ?? null,
              lang,
              words: scriptWords(lang, COMMON_SCRIPT, KIOSK_SCRIPT),
            }}
          />
          <main class="kiosk">
            <Head {...props} />
            <section class="kiosk-main">
              {/* Before the services: an elderly or disabled citizen sees it before tapping one (issue 25 §2). */}
              <Priorities {...props} />
              <h2>
                <Bi lang={lang} m={KIOSK.chooseService} />
              </h2>
              <Categories {...props} />
            </section>
            <SidePanel lang={lang} switcher={(l) => langHref(params, l, { token })} />
            <MessageLine />
          </main>
          <ElderStep lang={lang} />
          <Slip state={state} lang={lang} />
        </>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    return regions({ state, now, live: true, lang: langIn(params, hallLang(state.settings.languages)) }).toString();
  },
};
