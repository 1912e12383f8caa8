/**
 * A citizen's status page (`/t/{token}`), on their phone: my number, people ahead, the
 * estimated wait, live; when called, which window, loudly (status.js vibrates and beeps where
 * the phone allows). Bilingual. The view is keyed by ticket id, and its socket is opened with
 * the signed link, so it only ever shows this one ticket.
 */
import { estimateHall, type HallEstimates } from "../core/estimates.js";
import type { HallState, Ticket } from "../core/types.js";
import { categoryEn, categoryZh, hhmm, PRIORITY_WORDS } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";

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

function Line({ zh, en, class: cls }: { zh: string; en: string; class?: string }) {
  return (
    <p class={cls}>
      {zh}
      <span class="en" lang="en">
        {en}
      </span>
    </p>
  );
}

function windowNumber(state: HallState, t: Ticket): number | string {
  return state.windows.find((w) => w.id === t.window)?.number ?? t.window ?? "";
}

function Body({ state, t, now }: { state: HallState; t: Ticket; now: number }) {
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
              <Line zh="前面还有（人）" en="people ahead" />
            </div>
            <div class="figure">
              <b>{wait === null || wait === undefined ? "—" : `${wait}`}</b>
              <Line zh="预计等候（分钟）" en="estimated wait, min" />
            </div>
          </div>
          {wait === null && <Line class="note warn" zh="目前没有开放的窗口办理此业务，请留意大厅广播" en="No open window serves this right now; please listen for announcements" />}
          {target && <Line class="note" zh={`已转至 ${target.number} 号窗口`} en={`Transferred to window ${target.number}`} />}
          <Line class="note" zh="叫到您时，本页会震动并响铃提醒" en="This page vibrates and rings when you are called" />
        </>
      );
    }
    case "called":
      return (
        <div class="called">
          <Line class="go" zh={`请到 ${windowNumber(state, t)} 号窗口`} en={`Please go to window ${windowNumber(state, t)}`} />
          <Line zh={t.callCount > 1 ? `第 ${t.callCount} 次呼叫，请尽快前往` : "正在呼叫您"} en={t.callCount > 1 ? `Call ${t.callCount}: please hurry` : "You are being called now"} />
        </div>
      );
    case "serving":
      return <Line class="state" zh={`正在 ${windowNumber(state, t)} 号窗口办理`} en={`Being served at window ${windowNumber(state, t)}`} />;
    case "done":
      return (
        <>
          <Line class="state" zh="已办结，感谢您的耐心等候" en="Done. Thank you for waiting" />
          <Rating t={t} />
          {state.settings.supervisionUrl && (
            <p class="note">
              <a href={state.settings.supervisionUrl} rel="noopener">
                评价或监督（码上监督）· Rate the service or report a problem
              </a>
            </p>
          )}
        </>
      );
    case "no_show":
      return (
        <>
          <Line class="state warn" zh="您已过号" en="You missed your call" />
          {state.settings.noShowRequeueMinutes > 0 && t.requeues === 0 ? (
            <Line class="note" zh={`请在 ${state.settings.noShowRequeueMinutes} 分钟内到服务台重新排队`} en={`Go to the service desk within ${state.settings.noShowRequeueMinutes} min to queue again`} />
          ) : (
            <Line class="note" zh="请重新取号" en="Please take a new number" />
          )}
        </>
      );
    case "cancelled":
      return <Line class="state" zh={t.cancelReason === "day_end" ? "今日办理已结束，此号已失效" : "此号已取消"} en={t.cancelReason === "day_end" ? "The day has ended; this ticket is no longer valid" : "This ticket was cancelled"} />;
  }
}

/** Five stars once the ticket is done (status.js posts the score with the page's own link); thanks once rated. */
function Rating({ t }: { t: Ticket }) {
  if (t.rating) {
    const { score } = t.rating;
    return (
      <p class="rated" data-rated={String(score)}>
        感谢您的评价 <span class="stars-shown" aria-label={`${score} / 5`}>{"★".repeat(score) + "☆".repeat(5 - score)}</span>
        <span class="en" lang="en">
          Thank you for rating the service {score} of 5
        </span>
      </p>
    );
  }
  return (
    <div class="rate" role="group" aria-label="服务评价 · rate the service">
      <Line zh="请为本次服务评分" en="How was the service? Tap a star" />
      <p class="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button type="button" class="star" data-rate={String(n)} aria-label={`${n} 星 · ${n} of 5`}>
            ★
          </button>
        ))}
      </p>
      <p class="rate-message" role="status" hidden></p>
    </div>
  );
}

function TicketStatus({ state, ticketId, now, live }: { state: HallState; ticketId: string; now: number; live: boolean }) {
  const t = state.tickets[ticketId];
  if (!t) {
    return (
      <section id="status-ticket" class="status-ticket gone" data-status="gone" {...oob(live)}>
        <Line class="state" zh="此号票不是今天的，或已失效" en="This ticket is not from today, or is no longer valid" />
      </section>
    );
  }
  const alertKey = t.status === "called" ? `${t.window}:${t.callCount}` : "";
  return (
    <section id="status-ticket" class={`status-ticket status-${t.status}`} data-status={t.status} data-alert={alertKey} {...oob(live)}>
      <p class="category">
        {categoryZh(state, t.category)} <span lang="en">{categoryEn(state, t.category)}</span>
        {t.priority !== "normal" && <span class="tag">{PRIORITY_WORDS[t.priority].zh}</span>}
      </p>
      <p class="number">{t.number}</p>
      <Body state={state} t={t} now={now} />
      <p class="issued">
        {hhmm(t.issuedAt, state.settings.timezone)} 取号 · taken at {hhmm(t.issuedAt, state.settings.timezone)}
      </p>
    </section>
  );
}

export const statusView: LiveView = {
  ages: true,
  roles: ["citizen"],
  keys: ["ticket"],
  page(state, now, params, live: LiveConfig) {
    const ticketId = params.get("ticket") ?? "";
    const number = state.tickets[ticketId]?.number ?? "";
    // The socket is opened with the signed link itself, never a role token.
    const feed = { url: `/api/t/${encodeURIComponent(params.get("access") ?? "")}/live`, seq: live.seq };
    return Page({
      title: `${number} · ${state.settings.name}`,
      live: feed,
      bodyClass: "status-page",
      styles: ["/static/display/status.css"],
      scripts: ["/static/display/status.js"],
      children: (
        <main class="status">
          <header>{state.settings.name}</header>
          <TicketStatus state={state} ticketId={ticketId} now={now} live={false} />
          <button type="button" id="alerts" class="alerts">
            开启声音和震动提醒 <span lang="en">Turn on sound and vibration</span>
          </button>
          <p class="live-note">
            本页自动更新，无需刷新 · <span lang="en">This page updates by itself</span>
          </p>
        </main>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    return (<TicketStatus state={state} ticketId={params.get("ticket") ?? ""} now={now} live={true} />).toString();
  },
};
