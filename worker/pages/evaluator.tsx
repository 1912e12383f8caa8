/**
 * The window evaluator (窗口评价器): a 7–10" tablet facing the citizen at a window. It shows the
 * window, the officer on duty (halls publish staff information) and the ticket being served;
 * when that ticket finishes it asks 「请您对本次服务进行评价」 on 好差评's five levels, offers the
 * offline indicators for 不满意 and 非常不满意, thanks, and after 30 s untouched goes back to idle
 * (display/browser/evaluator.js). Screens at the same window share one rendering (`keys`).
 */
import { LEVELS, REASONS, ticketToEvaluate } from "../core/rating.js";
import type { HallState, RatingReason, Window } from "../core/types.js";
import { Bi, ConsoleConfig, MessageLine } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";

function windowOf(state: HallState, params: URLSearchParams): Window | undefined {
  return state.windows.find((w) => w.id === (params.get("window") ?? ""));
}

/** The live part: who serves at this window, whom, and which finished ticket awaits a rating. */
function WindowState({ state, now, params, live }: { state: HallState; now: number; params: URLSearchParams; live: boolean }) {
  const w = windowOf(state, params);
  if (!w) {
    return (
      <section id="evaluator-state" class="evaluator-state gone" {...oob(live)}>
        <p>此窗口已不在大厅配置中 · This window is no longer configured</p>
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
          {w.number}
          <small>号窗口</small>
        </span>
        <span class="ev-window-label">{w.label}</span>
      </div>
      <div class="ev-officer">
        {w.officer ? (
          <>
            <span class="ev-officer-role">
              <Bi zh="为您服务的民警" en="Serving you" />
            </span>
            <span class="ev-officer-name">{w.officer.name}</span>
            <span class="ev-officer-badge">警号 {w.officer.badge}</span>
          </>
        ) : (
          <span class="ev-officer-role">
            <Bi zh="本窗口民警暂未签到" en="No officer signed in" />
          </span>
        )}
      </div>
      <p class="ev-serving">
        {serving ? (
          <Bi zh={`正在为 ${serving.number} 号办理`} en={`Now serving ${serving.number}`} />
        ) : (
          <Bi zh="欢迎您，办理结束后请对我们的服务进行评价" en="Welcome. Please rate our service when you are done" />
        )}
      </p>
    </section>
  );
}

const TONES: Record<number, string> = { 5: "best", 4: "good", 3: "fair", 2: "poor", 1: "worst" };

/** The question and its answers; evaluator.js shows them when a ticket finishes here. */
function Ask() {
  return (
    <>
      <section id="evaluator-idle" class="evaluator-idle">
        <p class="ev-idle-zh">您好，欢迎对我们的服务进行评价</p>
        <p class="ev-idle-en" lang="en">
          When your business is done, you can rate our service here
        </p>
      </section>
      <section id="evaluator-ask" class="evaluator-ask" aria-labelledby="ev-ask-title" hidden>
        <h2 id="ev-ask-title">
          <Bi zh="请您对本次服务进行评价" en="Please rate the service you received" />
        </h2>
        <p class="ev-ask-ticket" data-slot="ticket"></p>
        <div class="ev-levels">
          {[5, 4, 3, 2, 1].map((score) => (
            <button type="button" class={`ev-level ev-${TONES[score]}`} data-score={String(score)}>
              <span class="ev-level-zh">{LEVELS[score]!.zh}</span>
              <span class="ev-level-en" lang="en">
                {LEVELS[score]!.en}
              </span>
            </button>
          ))}
        </div>
      </section>
      <section id="evaluator-reasons" class="evaluator-reasons" aria-labelledby="ev-reasons-title" hidden>
        <h2 id="ev-reasons-title">
          <Bi zh="请选择您不满意的方面（可多选）" en="What were you unhappy with? (choose any)" />
        </h2>
        <div class="ev-reason-list">
          {(Object.keys(REASONS) as RatingReason[]).map((r) => (
            <button type="button" class="ev-reason" data-reason={r} aria-pressed="false">
              <Bi zh={REASONS[r].zh} en={REASONS[r].en} />
            </button>
          ))}
        </div>
        <button type="button" class="primary ev-submit" data-action="submit-rating">
          <Bi zh="提交评价" en="Send" />
        </button>
      </section>
      <section id="evaluator-thanks" class="evaluator-thanks" role="status" hidden>
        <p>
          <Bi zh="感谢您的评价！" en="Thank you for your rating!" />
        </p>
        <p class="ev-thanks-note" data-slot="note"></p>
      </section>
    </>
  );
}

export const evaluatorView: LiveView = {
  keys: ["window"],
  check(state, params) {
    if (windowOf(state, params)) return null;
    const known = state.windows.map((w) => w.id).join(", ");
    return `没有这个窗口 · unknown window "${params.get("window") ?? ""}"${known ? `; windows: ${known}` : ""}`;
  },
  page(state, now, params, live: LiveConfig) {
    const w = windowOf(state, params);
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    return Page({
      title: `${w ? `${w.number} 号窗口评价` : "窗口评价"} · ${state.settings.name}`,
      live,
      bodyClass: "console evaluator-page",
      styles: ["/static/display/consoles.css", "/static/display/evaluator.css"],
      scripts: ["/static/display/consoles.js", "/static/display/evaluator.js"],
      children: (
        <>
          <ConsoleConfig config={{ hall: state.hall, window: w?.id ?? "", token, role: "evaluator" }} />
          <main class="evaluator">
            <header class="ev-head">
              <h1>{state.settings.name}</h1>
              <span class="ev-head-sub">
                <Bi zh="窗口服务评价" en="Rate our service" />
              </span>
            </header>
            <WindowState state={state} now={now} params={params} live={false} />
            <Ask />
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
