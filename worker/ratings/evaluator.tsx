/**
 * The window evaluator (窗口评价器): a 7–10" tablet facing the citizen at a window. It shows the
 * window, the officer on duty (halls publish staff information) and the ticket being served;
 * when that ticket finishes it asks 「请您对本次服务进行评价」 on 好差评's five levels, offers the
 * offline indicators for 不满意 and 非常不满意 and then, optionally, a mobile number for the call back
 * (回访; without one it says honestly that no call back can be made), thanks, and after 30 s
 * untouched goes back to idle (display/browser/evaluator.js). Screens at the same window share one rendering (`keys`).
 */
import { LEVELS, REASONS, ticketToEvaluate } from "../core/rating.js";
import type { HallState, RatingReason, Window } from "../core/model.js";
import { COMMON_SCRIPT } from "../i18n/catalogue/common.js";
import { EVALUATOR, EVALUATOR_SCRIPT } from "../i18n/catalogue/evaluator.js";
import { hallLang, langIn, type Lang } from "../i18n/lang.js";
import { both, say, sayAfter, secondLang } from "../i18n/words.js";
import { Bi, ConsoleConfig, LangSwitch, langHref, MessageLine, scriptWords } from "../pages/console-kit.js";
import { oob, Page, type LiveConfig } from "../pages/layout.js";
import type { LiveView } from "../pages/views.js";
import { EVALUATORS } from "../access/roles.js";

function windowOf(state: HallState, params: URLSearchParams): Window | undefined {
  return state.windows.find((w) => w.id === (params.get("window") ?? ""));
}

/** The live part: who serves at this window, whom, and which finished ticket awaits a rating. */
function WindowState({ state, now, params, live }: { state: HallState; now: number; params: URLSearchParams; live: boolean }) {
  const w = windowOf(state, params);
  const lang = langIn(params, hallLang(state.settings.languages));
  if (!w) {
    return (
      <section id="evaluator-state" class="evaluator-state gone" {...oob(live)}>
        <p>{both(lang, EVALUATOR.gone)}</p>
      </section>
    );
  }
  const serving = w.current ? state.tickets[w.current] : undefined;
  const ask = ticketToEvaluate(state, w.id, now);
  return (
    <section
      id="evaluator-state"
      class="evaluator-state"
      data-now={String(now)}
      {...(ask ? { "data-ask": ask.number, "data-ask-id": ask.id, "data-finished-at": String(Date.parse(ask.finishedAt!)) } : {})}
      {...oob(live)}
    >
      <div class="ev-window">
        <span class="ev-window-number">
          {lang === "en" ? <small>{say(lang, EVALUATOR.windowWord)} </small> : null}
          {w.number}
          {lang === "en" ? null : <small>{say(lang, EVALUATOR.windowWord)}</small>}
        </span>
        <span class="ev-window-label">{w.label}</span>
      </div>
      <div class="ev-officer">
        {w.officer ? (
          <>
            <span class="ev-officer-role">
              <Bi lang={lang} m={EVALUATOR.servingYou} />
            </span>
            <span class="ev-officer-name">{w.officer.name}</span>
            <span class="ev-officer-badge">{say(lang, EVALUATOR.badge, { badge: w.officer.badge })}</span>
          </>
        ) : (
          <span class="ev-officer-role">
            <Bi lang={lang} m={EVALUATOR.noOfficer} />
          </span>
        )}
      </div>
      <p class="ev-serving">
        {serving ? (
          <Bi lang={lang} m={EVALUATOR.nowServing} vars={{ number: serving.number }} />
        ) : (
          <Bi lang={lang} m={EVALUATOR.welcome} />
        )}
      </p>
    </section>
  );
}

const TONES: Record<number, string> = { 5: "best", 4: "good", 3: "fair", 2: "poor", 1: "worst" };

/** The question and its answers; evaluator.js shows them when a ticket finishes here. */
function Ask({ lang }: { lang: Lang }) {
  return (
    <>
      <section id="evaluator-idle" class="evaluator-idle">
        <p class="ev-idle-zh">{say(lang, EVALUATOR.idle)}</p>
        <p class="ev-idle-en" lang={secondLang(lang)}>
          {sayAfter(lang, EVALUATOR.idle)}
        </p>
      </section>
      <section id="evaluator-ask" class="evaluator-ask" aria-labelledby="ev-ask-title" hidden>
        <h2 id="ev-ask-title">
          <Bi lang={lang} m={EVALUATOR.ask} />
        </h2>
        <p class="ev-ask-ticket" data-slot="ticket"></p>
        <div class="ev-levels">
          {[5, 4, 3, 2, 1].map((score) => (
            <button type="button" class={`ev-level ev-${TONES[score]}`} data-score={String(score)}>
              <span class="ev-level-zh">{say(lang, LEVELS[score]!)}</span>
              <span class="ev-level-en" lang={secondLang(lang)}>
                {sayAfter(lang, LEVELS[score]!)}
              </span>
            </button>
          ))}
        </div>
      </section>
      <section id="evaluator-reasons" class="evaluator-reasons" aria-labelledby="ev-reasons-title" hidden>
        <h2 id="ev-reasons-title">
          <Bi lang={lang} m={EVALUATOR.whatWrong} />
        </h2>
        <div class="ev-reason-list">
          {(Object.keys(REASONS) as RatingReason[]).map((r) => (
            <button type="button" class="ev-reason" data-reason={r} aria-pressed="false">
              <Bi lang={lang} m={REASONS[r]} />
            </button>
          ))}
        </div>
        <button type="button" class="primary ev-submit" data-action="submit-rating">
          <Bi lang={lang} m={EVALUATOR.send} />
        </button>
      </section>
      <form id="evaluator-contact" class="evaluator-contact" aria-labelledby="ev-contact-title" novalidate hidden>
        <h2 id="ev-contact-title">
          <Bi lang={lang} m={EVALUATOR.contactAsk} />
        </h2>
        <label class="ev-contact-field">
          <Bi lang={lang} m={EVALUATOR.contactLabel} />
          <input name="mobile" type="tel" inputmode="numeric" autocomplete="off" maxlength={11} aria-describedby="ev-contact-use ev-contact-error" />
          <small id="ev-contact-error" class="field-error" data-error-for="mobile" aria-live="polite"></small>
        </label>
        <p id="ev-contact-use" class="ev-contact-use">
          <Bi lang={lang} m={EVALUATOR.contactUse} />
        </p>
        <div class="ev-contact-actions">
          <button type="submit" class="primary" data-action="send-contact">
            <Bi lang={lang} m={EVALUATOR.contactSend} />
          </button>
          <button type="button" data-action="skip-contact">
            <Bi lang={lang} m={EVALUATOR.contactSkip} />
          </button>
        </div>
      </form>
      <section id="evaluator-thanks" class="evaluator-thanks" role="status" hidden>
        <p>
          <Bi lang={lang} m={EVALUATOR.thanks} />
        </p>
        <p class="ev-thanks-note" data-slot="note"></p>
      </section>
    </>
  );
}

export const evaluatorView: LiveView = {
  roles: EVALUATORS,
  keys: ["window", "lang"],
  check(state, params) {
    if (windowOf(state, params)) return null;
    const known = state.windows.map((w) => w.id).join(", ");
    return both(langIn(params, hallLang(state.settings.languages)), EVALUATOR.unknownWindow, { window: params.get("window") ?? "", known: known ? `; windows: ${known}` : "" });
  },
  page(state, now, params, live: LiveConfig) {
    const w = windowOf(state, params);
    const lang = langIn(params, hallLang(state.settings.languages));
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    return Page({
      title: `${w ? say(lang, EVALUATOR.title, { number: w.number }) : say(lang, EVALUATOR.titleNoWindow)} · ${state.settings.name}`,
      lang,
      live,
      bodyClass: "console evaluator-page",
      styles: ["/static/display/consoles.css", "/static/display/evaluator.css"],
      scripts: ["/static/display/words.js", "/static/display/formErrors.js", "/static/display/consoles.js", "/static/display/evaluator.js"],
      children: (
        <>
          <ConsoleConfig config={{ hall: state.hall, window: w?.id ?? "", token, role: "evaluator", lang, words: scriptWords(lang, COMMON_SCRIPT, EVALUATOR_SCRIPT) }} />
          <main class="evaluator">
            <header class="ev-head">
              <h1>{state.settings.name}</h1>
              <span class="ev-head-sub">
                <Bi lang={lang} m={EVALUATOR.rateOurService} />
              </span>
              <LangSwitch lang={lang} href={(l) => langHref(params, l, { omit: ["window"], token })} />
            </header>
            <WindowState state={state} now={now} params={params} live={false} />
            <Ask lang={lang} />
            <MessageLine />
          </main>
        </>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    return (<WindowState state={state} now={now} params={params} live={true} />).toString();
  },
};
