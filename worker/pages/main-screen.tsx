/**
 * The main hall screen (综合屏): the call being made now, the calls before it, who waits for
 * what and for how long, the windows and what each is doing, the time, the manager's notice
 * and the supervision QR code. Designed at 1920×1080; every size is in vw/vh/vmin so the same
 * page fills a 1280×720 box or a 3840×2160 LED wall.
 */
import { callWords } from "../../announcer/words.js";
import { snapshotOf, type HallSnapshot, zoneSnapshot } from "../core/snapshot.js";
import type { CallRecord, HallState } from "../core/model.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import { zoneProblem, zoneScope, zoneState, type ZoneScope } from "../core/zones.js";
import { CategoryName, Clock, CLOCK_SCRIPT, flashAttrs, Notice, STATE_TEXT, Supervision, waitText, ZoneName } from "./screen-parts.js";
import type { LiveView } from "./views.js";
import { ContentPanel, ContentUpdate, IdleBar, SIGNAGE_SCRIPT, signageClasses, signageOf, SLIDES_STYLE } from "../signage/main-content.js";
import { ANY } from "../access/roles.js";

/** Calls listed under the current one. */
const RECENT_SHOWN = 8;

/** The notice track is the screen's width; its font is 2.2vw, so the track is ~45 ems. */
const NOTICE_TRACK_EMS = 45;

/** The call as the announcer says it (announcer/words.ts), so what is shown is what is heard. */
function sentences(state: HallState, call: CallRecord): { zh: string; second: Array<{ text: string; lang: string }> } {
  const others = state.settings.languages.filter((l) => l !== "cmn-Hans");
  try {
    const [zh, ...rest] = callWords({ ticket: call.ticket.number, window: call.window.number }, ["cmn-Hans", ...others]);
    return { zh: zh!.display, second: rest.map((u) => ({ text: u.display, lang: u.language === "yue-Hant" ? "zh-Hant" : "en" })) };
  } catch {
    // A number the announcer cannot read (a window past 999): the screen still shows the call.
    return { zh: `请 ${call.ticket.number} 号到 ${call.window.number} 号窗口办理`, second: [] };
  }
}

function NowCalling({ state, now, live }: { state: HallState; now: number; live: boolean }) {
  const call = state.recentCalls[0];
  const words = call && sentences(state, call);
  return (
    <section id="now-calling" class="now-calling" {...oob(live)}>
      <h2 class="panel-title">
        正在呼叫 <span lang="en">Now calling</span>
        {call?.recall && <span class="recall-tag">重呼 · Recall</span>}
      </h2>
      {call && words ? (
        <>
          <div
            id="now-calling-call"
            class="call"
            data-call-id={call.callId}
            data-length={String(Math.min(8, call.ticket.number.length + String(call.window.number).length))}
            {...flashAttrs(call.at, now)}
          >
            <span class="call-ticket">{call.ticket.number}</span>
            <span class="call-arrow" aria-hidden="true">
              →
            </span>
            <span class="call-window">
              <span class="call-window-number">{call.window.number}</span>
              <span class="call-window-unit">号窗口</span>
              <span class="call-window-label">{call.window.label}</span>
            </span>
          </div>
          <p id="now-calling-sentence" class="call-sentence">
            <span class="sentence-zh">{words.zh}</span>
            {words.second.map((s) => (
              <span class="sentence-second" lang={s.lang}>
                {s.text}
              </span>
            ))}
          </p>
        </>
      ) : (
        <div class="call idle">
          <span class="idle-zh">请取号等候</span>
          <span class="idle-en" lang="en">
            Please take a ticket and wait for your number
          </span>
        </div>
      )}
    </section>
  );
}

function RecentCalls({ state, live }: { state: HallState; live: boolean }) {
  // Each ticket once, at its latest call: a recall does not push a second copy down the list.
  const shown = new Set(state.recentCalls[0] ? [state.recentCalls[0].ticket.id] : []);
  const calls = state.recentCalls.slice(1).filter((c) => !shown.has(c.ticket.id) && shown.add(c.ticket.id)).slice(0, RECENT_SHOWN);
  return (
    <section id="recent-calls" class="recent-calls" {...oob(live)}>
      <h2 class="panel-title">
        最近呼叫 <span lang="en">Recent calls</span>
      </h2>
      {calls.length === 0 ? (
        <p class="none">暂无 · none yet</p>
      ) : (
        <ol id="recent-list" class="recent-list">
          {calls.map((c) => (
            <li id={`recent-${c.callId}`} class={c.recall ? "recent recall" : "recent"} data-call-id={c.callId}>
              <span class="recent-ticket">{c.ticket.number}</span>
              <span class="recent-window">
                {c.window.number}
                <small>号窗口</small>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Categories({ state, snapshot, live }: { state: HallState; snapshot: HallSnapshot; live: boolean }) {
  const size = snapshot.categories.length > 6 ? "many" : "few";
  return (
    <section id="categories" class={`categories ${size}`} {...oob(live)}>
      <div class="categories-head">
        <span>
          业务类型 <span lang="en">Service</span>
        </span>
        <span>
          等候 <span lang="en">Waiting</span>
        </span>
        <span>
          预计等候 <span lang="en">Est. wait</span>
        </span>
      </div>
      {snapshot.categories.map((c) => {
        const wait = waitText(c.waiting === 0 && c.estimatedWaitMinutes !== null ? 0 : c.estimatedWaitMinutes);
        return (
          <div id={`category-${c.id}`} class="category" data-category={c.id}>
            <span class="category-label">
              <span class="prefix">{c.prefix}</span>
              <CategoryName state={state} category={c} />
            </span>
            <span id={`category-${c.id}-waiting`} class="waiting" data-waiting={String(c.waiting)}>
              {c.waiting}
              <small>人</small>
            </span>
            <span id={`category-${c.id}-estimate`} class={c.estimatedWaitMinutes === null ? "estimate none" : "estimate"}>
              {wait.zh}
              <small lang="en">{wait.en}</small>
            </span>
          </div>
        );
      })}
    </section>
  );
}

function Windows({ snapshot, live }: { snapshot: HallSnapshot; live: boolean }) {
  const n = snapshot.windows.length;
  const size = n <= 6 ? "few" : n <= 12 ? "some" : "many";
  return (
    <section id="windows" class={`windows ${size}`} {...oob(live)}>
      <h2 class="panel-title">
        窗口 <span lang="en">Windows</span>
      </h2>
      <ul class="window-list">
        {snapshot.windows.map((w) => {
          const ticket = w.current;
          const status =
            w.state !== "open"
              ? STATE_TEXT[w.state].zh
              : ticket
                ? ticket.status === "serving"
                  ? "办理中"
                  : "呼叫中"
                : "空闲";
          return (
            <li id={`window-${w.id}`} class={`window-card ${w.state}`} data-window={w.id} data-state={w.state}>
              <span class="window-number">{w.number}</span>
              <span class="window-label">{w.label}</span>
              <span class="window-ticket">{w.state === "open" && ticket ? ticket.number : ""}</span>
              <span class="window-status">{status}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function HallName({ state, scope, live }: { state: HallState; scope: ZoneScope | null; live: boolean }) {
  return (
    <h1 id="hall-name" class="hall-name" {...oob(live)}>
      <ZoneName state={state} scope={scope} />
      {state.settings.name}
    </h1>
  );
}

/** The whole hall, or with `?zone=` one zone: the calls at its windows, its windows, its categories. */
function regions(hall: HallState, now: number, live: boolean, params: URLSearchParams) {
  const scope = zoneScope(hall, params.get("zone"));
  const whole = snapshotOf(hall, now);
  const snapshot = scope ? zoneSnapshot(whole, scope) : whole;
  const state = scope ? zoneState(hall, scope) : hall;
  const signage = signageOf(hall, scope, now);
  return {
    classes: signageClasses(signage),
    content: live ? <ContentUpdate hall={hall} signage={signage} now={now} /> : <ContentPanel hall={hall} signage={signage} now={now} />,
    idleBar: <IdleBar state={state} snapshot={snapshot} live={live} />,
    header: (
      <>
        <HallName state={state} scope={scope} live={live} />
        <Clock state={state} now={now} live={live} />
      </>
    ),
    now: <NowCalling state={state} now={now} live={live} />,
    recent: <RecentCalls state={state} live={live} />,
    categories: <Categories state={state} snapshot={snapshot} live={live} />,
    windows: <Windows snapshot={snapshot} live={live} />,
    notice: <Notice state={state} now={now} live={live} trackEms={NOTICE_TRACK_EMS} />,
    supervision: <Supervision state={state} live={live} />,
  };
}

export const mainScreen: LiveView = {
  roles: ANY,
  ages: true,
  showsContent: true,
  keys: ["zone"],
  check: (state, params) => zoneProblem(state, params),
  page(state, now, params, live: LiveConfig) {
    const r = regions(state, now, false, params);
    return Page({
      title: [state.settings.name, zoneScope(state, params.get("zone"))?.zone.names["zh-Hans"], "综合屏"].filter(Boolean).join(" · "),
      live,
      styles: ["/static/display/main-screen.css", SLIDES_STYLE],
      scripts: [CLOCK_SCRIPT, SIGNAGE_SCRIPT],
      bodyClass: "screen main-screen-body",
      children: (
        <main class={`main-screen${r.classes}`}>
          <header class="ms-header">{r.header}</header>
          {r.now}
          {r.content}
          {r.categories}
          {r.windows}
          {r.recent}
          {r.supervision}
          {r.idleBar}
          {r.notice}
        </main>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    const r = regions(state, now, true, params);
    return (
      <>
        {r.header}
        {r.now}
        {r.content}
        {r.idleBar}
        {r.categories}
        {r.recent}
        {r.supervision}
        {r.windows}
        {r.notice}
      </>
    ).toString();
  },
};
