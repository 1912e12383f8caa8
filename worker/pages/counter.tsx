/**
 * The window terminal (窗口终端): the officer's big buttons, the ticket at the window and why
 * it was chosen, the queue this window may call, and the officer's count today. Buttons carry
 * `data-action` and a key (caller keypads type digits); counter.js sends each press to the API
 * with a fresh commandId and the page shows what the hall says, over the live socket.
 */
import { estimateHall } from "../core/estimates.js";
import type { HallState, Ticket, Window } from "../core/model.js";
import { isOverLine, waitedMinutes, wholeMinutes } from "../core/waits.js";
import { COMMON_SCRIPT, STATUS, WINDOW_STATE } from "../i18n/catalogue/common.js";
import { CALL_REASON, COUNTER, COUNTER_SCRIPT } from "../i18n/catalogue/counter.js";
import { langIn, type Lang } from "../i18n/lang.js";
import { both, named, say, type Msg, type Named } from "../i18n/words.js";
import {
  Bi,
  BiName,
  callableBy,
  categoryNames,
  ConsoleConfig,
  hhmm,
  LangSwitch,
  langHref,
  MessageLine,
  minutesBetween,
  OnTheWayTag,
  Pair,
  PriorityTag,
  scriptWords,
  TransferDialog,
} from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";
import { STAFF } from "../access/roles.js";

type Props = { state: HallState; w: Window; now: number; live: boolean; lang: Lang };

/** The terminal's buttons, their keys (digits from a keypad, or letters) and when each applies. */
/** Call next stays enabled at an open window: with callNextFinishes (the default) it finishes the citizen there first. */
const finishesOnCall = (s: HallState) => s.settings.callNextFinishes !== false;

const ACTIONS = [
  { action: "call-next", key: "1", alt: "N", m: COUNTER.callNext, when: (w: Window, t: Ticket | undefined, s: HallState) => w.state === "open" && (!t || finishesOnCall(s)) },
  { action: "recall", key: "2", alt: "R", m: COUNTER.recall, when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "start", key: "3", alt: "S", m: COUNTER.start, when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "finish", key: "4", alt: "F", m: COUNTER.finish, when: (_: Window, t?: Ticket) => t?.status === "called" || t?.status === "serving" },
  { action: "no-show", key: "5", alt: "X", m: COUNTER.noShow, when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "transfer", key: "6", alt: "T", m: COUNTER.transfer, when: (_: Window, t?: Ticket) => t !== undefined },
  { action: "pause", key: "7", alt: "P", m: COUNTER.pause, when: (w: Window) => w.state === "open" },
  { action: "resume", key: "8", alt: "O", m: COUNTER.resume, when: (w: Window) => w.state === "paused" },
] as const;

/** What a button says: Call next at a window with a citizen says it finishes them too. */
function label(a: (typeof ACTIONS)[number], t: Ticket | undefined, s: HallState): Msg {
  if (a.action === "call-next" && t && finishesOnCall(s)) return COUNTER.finishAndCallNext;
  return a.m;
}

function windowOf(state: HallState, params: URLSearchParams): Window | undefined {
  return state.windows.find((w) => w.id === params.get("window"));
}

function Head({ state, w, live, lang }: Props) {
  const officer = w.officer;
  const done = Object.values(state.tickets).filter((t) => t.status === "done");
  const byOfficer = officer ? done.filter((t) => (officer.id ? t.officer?.id === officer.id : t.officer?.badge === officer.badge)).length : 0;
  const atWindow = done.filter((t) => t.window === w.id).length;
  return (
    <header id="counter-head" class="counter-head" data-window-state={w.state} data-officer={officer?.id ?? officer?.badge ?? ""} {...oob(live)}>
      <div class="window-name">
        <span class="window-number">{w.number}</span>
        <Bi lang={lang} m={COUNTER.windowName} vars={{ label: w.label, number: w.number, hall: state.settings.name }} />
      </div>
      {/* A plan's shift ended while a citizen was here: they are served, nobody new is called. */}
      <span class={`state-pill state-${w.closing ? "closing" : w.state}`}>
        <Bi lang={lang} m={w.closing ? COUNTER.closingPill : WINDOW_STATE[w.state]} />
      </span>
      <div class="officer">
        {officer ? (
          <>
            <Bi lang={lang} m={COUNTER.officer} vars={{ name: officer.name, badge: officer.badge }} />
            <button type="button" class="secondary small" data-action="sign-out">
              <Bi lang={lang} m={COUNTER.signOut} />
            </button>
          </>
        ) : (
          <button type="button" class="primary small" data-action="sign-in">
            <Bi lang={lang} m={COUNTER.signIn} />
          </button>
        )}
      </div>
      <div class="served" title={both(lang, COUNTER.servedHereTitle)}>
        <span class="figure">{officer ? byOfficer : atWindow}</span>
        <Bi lang={lang} m={officer ? COUNTER.servedByYou : COUNTER.servedHere} />
      </div>
    </header>
  );
}

/**
 * Why the hall chose this ticket. The core wrote it in Simplified Chinese and English when it
 * called (worker/core/call-policy.ts); a Traditional page says the same from its code, with the
 * wait the ticket had when called (the core's own count: its call less its place in the queue).
 */
function CallReason({ state, t, lang }: { state: HallState; t: Ticket; lang: Lang }) {
  const r = t.callReason;
  if (!r) return <Pair first="—" second="" lang={lang === "en" ? "zh-Hans" : "en"} />;
  if (lang === "zh-Hans") return <Pair first={r.reasonZh} second={r.reason} lang="en" />;
  if (lang === "en") return <Pair first={r.reason.charAt(0).toUpperCase() + r.reason.slice(1)} second={r.reasonZh} lang="zh-Hans" />;
  const vars = {
    minutes: t.calledAt ? minutesBetween(t.queuedAt, Date.parse(t.calledAt)) : 0,
    alarm: state.settings.alarmMinutes,
    priority: named(CALL_REASON[t.priority]),
    category: categoryNames(state, t.category),
  };
  const known = r.code in CALL_REASON ? CALL_REASON[r.code as keyof typeof CALL_REASON] : null;
  return <Pair first={known ? say(lang, known, vars) : r.reasonZh} second={r.reason} lang="en" />;
}

function Current({ state, w, now, live, lang }: Props) {
  const t = w.current ? state.tickets[w.current] : undefined;
  if (!t) {
    const why = w.state === "closed" ? COUNTER.closedHint : w.state === "paused" ? COUNTER.pausedHint : COUNTER.openHint;
    return (
      <section id="counter-current" class="current empty" data-ticket="" data-status="" {...oob(live)}>
        <Bi lang={lang} m={COUNTER.noTicket} class="idle" />
        <Bi lang={lang} m={why} class="hint" />
      </section>
    );
  }
  const waited = t.calledAt ? minutesBetween(t.queuedAt, Date.parse(t.calledAt)) : minutesBetween(t.queuedAt, now);
  const moved = t.transfers.at(-1);
  const taken = hhmm(t.issuedAt, state.settings.timezone);
  return (
    <section id="counter-current" class={`current status-${t.status}`} data-ticket={t.id} data-number={t.number} data-status={t.status} {...oob(live)}>
      <div class="current-number">{t.number}</div>
      <div class="current-facts">
        <div class="current-line">
          <BiName lang={lang} names={categoryNames(state, t.category)} class="category" />
          <PriorityTag lang={lang} priority={t.priority} />
          <span class={`status-pill status-${t.status}`}>
            {t.callCount > 1 ? (
              <Bi lang={lang} m={COUNTER.callCount} vars={{ status: named(STATUS[t.status]), count: t.callCount }} />
            ) : (
              <Bi lang={lang} m={STATUS[t.status]} />
            )}
          </span>
        </div>
        <dl>
          <dt>
            <Bi lang={lang} m={COUNTER.waited} />
          </dt>
          <dd>
            <Bi lang={lang} m={COUNTER.waitedFor} vars={{ minutes: waited, at: taken }} />
          </dd>
          <dt>
            <Bi lang={lang} m={COUNTER.why} />
          </dt>
          <dd class="reason">
            <CallReason state={state} t={t} lang={lang} />
          </dd>
          <dt>
            <Bi lang={lang} m={COUNTER.atWindow} />
          </dt>
          <dd>
            <span data-since={t.servedAt ?? t.calledAt ?? ""} data-now={String(now)}>{minutesBetween(t.servedAt ?? t.calledAt ?? new Date(now).toISOString(), now)}</span>{" "}
            {lang === "en" ? say(lang, COUNTER.minutes) : both(lang, COUNTER.minutes)}
            {say(lang, t.servedAt ? COUNTER.beingServed : COUNTER.awaitingCitizen)}
          </dd>
          {moved && (
            <>
              <dt>
                <Bi lang={lang} m={COUNTER.transferred} />
              </dt>
              <dd>
                <Bi
                  lang={lang}
                  m={moved.from.window ? COUNTER.transferredFromWindow : COUNTER.transferredFrom}
                  vars={{ category: categoryNames(state, moved.from.category), window: moved.from.window ?? "" }}
                />
              </dd>
            </>
          )}
        </dl>
      </div>
    </section>
  );
}

function Actions({ state, w, live, lang }: Props) {
  const t = w.current ? state.tickets[w.current] : undefined;
  return (
    <nav id="counter-actions" class="actions" aria-label={both(lang, COUNTER.actions)} {...oob(live)}>
      {ACTIONS.map((a) => (
        <button type="button" class={`action action-${a.action}`} data-action={a.action} data-key={a.key} data-alt-key={a.alt} disabled={!a.when(w, t, state)}>
          <kbd>{a.key}</kbd>
          <Bi lang={lang} m={label(a, t, state)} />
        </button>
      ))}
    </nav>
  );
}

/** The window's categories in each script, "户政、交管" or "Household registration, Traffic". */
function categoriesOf(state: HallState, w: Window): Named {
  const list = (l: keyof Named, sep: string) => w.categories.map((c) => categoryNames(state, c)[l]).join(sep);
  if (w.categories.length === 0) return named(COUNTER.noCategories);
  return { "zh-Hans": list("zh-Hans", "、"), "zh-Hant": list("zh-Hant", "、"), en: list("en", ", ") };
}

function Queue({ state, w, now, live, lang }: Props) {
  const estimates = estimateHall(state, now);
  const mine = estimates.order.filter((t) => callableBy(t, w));
  const alarm = state.settings.alarmMinutes;
  const shown = mine.slice(0, 14);
  return (
    <section id="counter-queue" class="queue" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={COUNTER.queueTitle} vars={{ count: mine.length, categories: categoriesOf(state, w) }} />
      </h2>
      {mine.length === 0 ? (
        <p class="empty">
          <Bi lang={lang} m={COUNTER.nobodyWaiting} />
        </p>
      ) : (
        <ol data-total={mine.length}>
          <li class="columns" aria-hidden="true">
            <span class="number">{say(lang, COUNTER.columnNumber)}</span>
            <span class="category">{both(lang, COUNTER.columnCategory, {}, " ")}</span>
            <span class="waited">{both(lang, COUNTER.columnWaited, {}, " ")}</span>
            <span class="estimate">{both(lang, COUNTER.columnEstimate, {}, " ")}</span>
          </li>
          {shown.map((t) => {
            const waited = waitedMinutes(t, now);
            const est = estimates.tickets.get(t.id)?.estimatedWaitMinutes;
            return (
              <li class={isOverLine(waited, alarm, "running") ? "overdue" : ""} data-number={t.number}>
                <span class="number">{t.number}</span>
                <span class="category">{categoryNames(state, t.category)[lang]}</span>
                <PriorityTag lang={lang} priority={t.priority} />
                {t.targetWindow === w.id && <span class="tag tag-targeted">{say(lang, COUNTER.toThisWindow)}</span>}
                <OnTheWayTag t={t} lang={lang} />
                <span class="waited">{say(lang, COUNTER.waitedShort, { minutes: wholeMinutes(waited) })}</span>
                <span class="estimate" title={both(lang, COUNTER.estimated)}>
                  {est === null || est === undefined ? "—" : `≈${est}′`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {/* queue-fit.js hides the rows the panel has no room for and counts them here. */}
      <p class="more" hidden={mine.length <= shown.length}>
        +{mine.length - shown.length}
      </p>
    </section>
  );
}

/**
 * A booking's or a ticket from home's code, typed or scanned (a scanner types it and Enter),
 * checked in by the kiosk's rule; what went wrong is said beside the field. Outside the live
 * regions, so an update never clears what is being typed.
 */
function CheckInForm({ lang }: { lang: Lang }) {
  return (
    <form id="check-in-form" class="check-in" novalidate>
      <label for="check-in-code">
        <Bi lang={lang} m={COUNTER.checkInLabel} />
      </label>
      <div class="check-in-row">
        <input id="check-in-code" name="code" inputmode="numeric" autocomplete="off" maxlength={20} aria-describedby="check-in-error" />
        <button type="submit" class="primary">
          <Bi lang={lang} m={COUNTER.checkInButton} />
        </button>
      </div>
      <p id="check-in-error" class="field-error" data-error-for="code" aria-live="polite"></p>
    </form>
  );
}

function SignInDialog({ lang }: { lang: Lang }) {
  return (
    <dialog id="sign-in-dialog" class="console-dialog">
      <form id="sign-in-form" method="dialog">
        <h2>
          <Bi lang={lang} m={COUNTER.signInTitle} />
        </h2>
        <label>
          <Bi lang={lang} m={COUNTER.staffAccount} />
          <select name="staff" required></select>
        </label>
        <label>
          <Bi lang={lang} m={COUNTER.pin} />
          <input name="pin" type="password" autocomplete="off" maxlength={200} required />
        </label>
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi lang={lang} m={COUNTER.cancel} />
          </button>
          <button type="submit" value="sign-in" class="primary">
            <Bi lang={lang} m={COUNTER.signInButton} />
          </button>
        </div>
      </form>
    </dialog>
  );
}

function regions(state: HallState, w: Window, now: number, live: boolean, lang: Lang) {
  const props = { state, w, now, live, lang };
  return (
    <>
      <Head {...props} />
      <Current {...props} />
      <Actions {...props} />
      <Queue {...props} />
    </>
  );
}

export const counterView: LiveView = {
  roles: STAFF,
  ages: true,
  keys: ["window", "lang"],
  check(state, params) {
    return windowOf(state, params) ? null : both(langIn(params), COUNTER.noWindow, { window: params.get("window") ?? "" });
  },
  page(state, now, params, live: LiveConfig) {
    const w = windowOf(state, params)!;
    const lang = langIn(params);
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    return Page({
      title: both(lang, COUNTER.title, { number: w.number }),
      lang,
      live,
      bodyClass: "console counter-page",
      styles: ["/static/display/consoles.css", "/static/display/counter.css"],
      scripts: ["/static/display/words.js", "/static/display/formErrors.js", "/static/display/consoles.js", "/static/display/counter.js", "/static/display/queue-fit.js"],
      children: (
        <>
          <ConsoleConfig config={{ hall: state.hall, window: w.id, token, role: "counter", lang, words: scriptWords(lang, COMMON_SCRIPT, COUNTER_SCRIPT) }} />
          <main class="counter">
            {regions(state, w, now, false, lang)}
            <CheckInForm lang={lang} />
            <LangSwitch lang={lang} href={(l) => langHref(params, l, { omit: ["window"], token })} />
            <MessageLine />
          </main>
          <TransferDialog lang={lang} state={state} exceptWindow={w.id} />
          <SignInDialog lang={lang} />
        </>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    const w = windowOf(state, params);
    return w ? regions(state, w, now, true, langIn(params)).toString() : "";
  },
};
