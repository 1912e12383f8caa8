/**
 * A citizen's status page (`/t/{token}`), on their phone: my number, people ahead, the
 * estimated wait, live; when called, which window, loudly (status.js vibrates and beeps where
 * the phone allows). Bilingual, in the page's language first (`?lang=`, else the phone's). The view is keyed by ticket id, and its socket is opened with
 * the signed link, so it only ever shows this one ticket.
 */
import { raw } from "hono/html";
import { estimateHall, type HallEstimates } from "../core/estimates.js";
import { DEFAULT_REMOTE_HOLDS, onTheWay } from "../core/remote.js";
import type { HallState, Ticket } from "../core/model.js";
import { PRIORITY } from "../i18n/catalogue/common.js";
import { STATUS_PAGE, STATUS_SCRIPT } from "../i18n/catalogue/status.js";
import { langIn, type Lang } from "../i18n/lang.js";
import { both, say, sayAfter, secondLang, type Msg, type Vars } from "../i18n/words.js";
import { categoryNames, hhmm, LangSwitch, scriptWords } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";
import { TICKET_HOLDERS } from "../access/roles.js";

/** Every status page renders after each change: one estimate per change serves them all. */
const estimated = new WeakMap<HallState, HallEstimates>();
function estimatesOf(state: HallState, now: number): HallEstimates {
  let e = estimated.get(state);
  if (!e) {
    e = estimateHall(state, now);
    estimated.set(state, e);
  }
  return e;
}

function Line({ lang, m, vars, class: cls }: { lang: Lang; m: Msg; vars?: Vars; class?: string }) {
  return (
    <p class={cls}>
      {say(lang, m, vars)}
      <span class="en" lang={secondLang(lang)}>
        {sayAfter(lang, m, vars)}
      </span>
    </p>
  );
}

function windowNumber(state: HallState, t: Ticket): number | string {
  return state.windows.find((w) => w.id === t.window)?.number ?? t.window ?? "";
}

function Body({ state, t, now, lang }: { state: HallState; t: Ticket; now: number; lang: Lang }) {
  switch (t.status) {
    case "waiting": {
      const e = estimatesOf(state, now).tickets.get(t.id);
      const wait = e?.estimatedWaitMinutes;
      const target = t.targetWindow ? state.windows.find((w) => w.id === t.targetWindow) : undefined;
      return (
        <>
          <div class="figures">
            <div class="figure">
              <b>{e?.ahead ?? 0}</b>
              <Line lang={lang} m={STATUS_PAGE.ahead} />
            </div>
            <div class="figure">
              <b>{wait === null || wait === undefined ? "—" : `${wait}`}</b>
              <Line lang={lang} m={STATUS_PAGE.estimated} />
            </div>
          </div>
          {wait === null && <Line lang={lang} class="note warn" m={STATUS_PAGE.noWindow} />}
          {target && <Line lang={lang} class="note" m={STATUS_PAGE.transferredTo} vars={{ number: target.number }} />}
          {onTheWay(t) && <OnTheWay state={state} t={t} lang={lang} />}
          <Line lang={lang} class="note" m={STATUS_PAGE.willAlert} />
        </>
      );
    }
    case "called":
      return (
        <div class="called">
          <Line lang={lang} class="go" m={STATUS_PAGE.goTo} vars={{ number: windowNumber(state, t) }} />
          {t.callCount > 1 ? <Line lang={lang} m={STATUS_PAGE.callAgain} vars={{ count: t.callCount }} /> : <Line lang={lang} m={STATUS_PAGE.calledNow} />}
        </div>
      );
    case "serving":
      return <Line lang={lang} class="state" m={STATUS_PAGE.servingAt} vars={{ number: windowNumber(state, t) }} />;
    case "done":
      return (
        <>
          <Line lang={lang} class="state" m={STATUS_PAGE.done} />
          <Rating t={t} lang={lang} />
          {state.settings.supervisionUrl && (
            <p class="note">
              <a href={state.settings.supervisionUrl} rel="noopener">
                {/* 「（码上监督）」 ends in a wide bracket: no space before the dot in Chinese. */}
                {both(lang, STATUS_PAGE.supervision, {}, lang === "en" ? " · " : "· ")}
              </a>
            </p>
          )}
        </>
      );
    case "no_show":
      return (
        <>
          <Line lang={lang} class="state warn" m={STATUS_PAGE.missed} />
          {state.settings.noShowRequeueMinutes > 0 && t.requeues === 0 ? (
            <Line lang={lang} class="note" m={STATUS_PAGE.requeue} vars={{ minutes: state.settings.noShowRequeueMinutes }} />
          ) : (
            <Line lang={lang} class="note" m={STATUS_PAGE.newNumber} />
          )}
        </>
      );
    case "cancelled":
      if (t.remote && t.remote.arrivedAt === null && t.cancelReason !== "day_end") {
        return <Line lang={lang} class="state warn" m={STATUS_PAGE.expired} vars={{ holds: t.remote.holds }} />;
      }
      return <Line lang={lang} class="state" m={t.cancelReason === "day_end" ? STATUS_PAGE.dayEnded : STATUS_PAGE.cancelled} />;
  }
}

/** A ticket joined from home, not checked in yet: its code, and how often it has stepped back (issue 26). */
function OnTheWay({ state, t, lang }: { state: HallState; t: Ticket; lang: Lang }) {
  const most = state.settings.remoteHolds ?? DEFAULT_REMOTE_HOLDS;
  return (
    <div class="on-the-way">
      <p class="code">
        <span class="label">{both(lang, STATUS_PAGE.checkInCode)}</span>
        <b>{t.remote!.code}</b>
      </p>
      <Line lang={lang} class="note" m={STATUS_PAGE.onTheWay} />
      {t.remote!.holds > 0 && <Line lang={lang} class="note warn" m={STATUS_PAGE.heldBack} vars={{ holds: t.remote!.holds, most }} />}
    </div>
  );
}

/** Five stars once the ticket is done (status.js posts the score with the page's own link); thanks once rated. */
function Rating({ t, lang }: { t: Ticket; lang: Lang }) {
  if (t.rating) {
    const { score } = t.rating;
    return (
      <p class="rated" data-rated={String(score)}>
        {say(lang, STATUS_PAGE.thanks, { score })}{" "}
        <span class="stars-shown" aria-label={`${score} / 5`}>
          {"★".repeat(score) + "☆".repeat(5 - score)}
        </span>
        <span class="en" lang={secondLang(lang)}>
          {sayAfter(lang, STATUS_PAGE.thanks, { score })}
        </span>
      </p>
    );
  }
  return (
    <div class="rate" role="group" aria-label={both(lang, STATUS_PAGE.rate)}>
      <Line lang={lang} m={STATUS_PAGE.tapStar} />
      <p class="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button type="button" class="star" data-rate={String(n)} aria-label={both(lang, STATUS_PAGE.star, { n })}>
            ★
          </button>
        ))}
      </p>
      <p class="rate-message" role="status" hidden></p>
    </div>
  );
}

function TicketStatus({ state, ticketId, now, live, lang }: { state: HallState; ticketId: string; now: number; live: boolean; lang: Lang }) {
  const t = state.tickets[ticketId];
  if (!t) {
    return (
      <section id="status-ticket" class="status-ticket gone" data-status="gone" {...oob(live)}>
        <Line lang={lang} class="state" m={STATUS_PAGE.gone} />
      </section>
    );
  }
  const alertKey = t.status === "called" ? `${t.window}:${t.callCount}` : "";
  const names = categoryNames(state, t.category);
  const taken = hhmm(t.issuedAt, state.settings.timezone);
  return (
    <section id="status-ticket" class={`status-ticket status-${t.status}`} data-status={t.status} data-alert={alertKey} {...oob(live)}>
      <p class="category">
        {names[lang]} <span lang={secondLang(lang)}>{names[secondLang(lang)]}</span>
        {t.priority !== "normal" && <span class="tag">{say(lang, PRIORITY[t.priority])}</span>}
      </p>
      <p class="number">{t.number}</p>
      <Body state={state} t={t} now={now} lang={lang} />
      <p class="issued">{both(lang, STATUS_PAGE.taken, { time: taken })}</p>
    </section>
  );
}

export const statusView: LiveView = {
  roles: TICKET_HOLDERS,
  ages: true,
  keys: ["ticket", "lang"],
  page(state, now, params, live: LiveConfig) {
    const lang = langIn(params);
    const ticketId = params.get("ticket") ?? "";
    const number = state.tickets[ticketId]?.number ?? "";
    // The socket is opened with the signed link itself, never a role token, and asks for the page's language.
    const feed = { url: `/api/t/${encodeURIComponent(params.get("access") ?? "")}/live?lang=${lang}`, seq: live.seq };
    const words = scriptWords(lang, STATUS_SCRIPT);
    return Page({
      title: `${number} · ${state.settings.name}`,
      lang,
      live: feed,
      bodyClass: "status-page",
      styles: ["/static/display/status.css"],
      scripts: ["/static/display/words.js", "/static/display/status.js"],
      children: (
        <main class="status">
          <script type="application/json" id="tongban-words">
            {raw(JSON.stringify(words).replaceAll("<", "\\u003c"))}
          </script>
          <header>{state.settings.name}</header>
          <LangSwitch lang={lang} href={(l) => `?lang=${l}`} />
          <TicketStatus state={state} ticketId={ticketId} now={now} live={false} lang={lang} />
          <button type="button" id="alerts" class="alerts">
            {say(lang, STATUS_PAGE.alerts)} <span lang={secondLang(lang)}>{sayAfter(lang, STATUS_PAGE.alerts)}</span>
          </button>
          <p class="live-note">
            {say(lang, STATUS_PAGE.updates)} · <span lang={secondLang(lang)}>{sayAfter(lang, STATUS_PAGE.updates)}</span>
          </p>
        </main>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    return (<TicketStatus state={state} ticketId={params.get("ticket") ?? ""} now={now} live={true} lang={langIn(params)} />).toString();
  },
};
