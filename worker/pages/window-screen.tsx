/**
 * The window screen (窗口屏): the small LED panel above a window. Its number and label, the
 * ticket it is serving (or 暂停服务 / 窗口关闭), and the officer on duty, as halls publish
 * staff information. Laid out for 480×160 and 800×200 panels; every size is in vh/vw.
 * Screens above the same window share one rendering (`keys: ["window"]`).
 */
import type { HallState, Window } from "../core/model.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import { flashAttrs, STATE_TEXT } from "./screen-parts.js";
import type { LiveView } from "./views.js";
import { ANY } from "../access/roles.js";

function windowOf(state: HallState, params: URLSearchParams): Window | undefined {
  const id = params.get("window") ?? "";
  return state.windows.find((w) => w.id === id);
}

function Centre({ state, window: w, now }: { state: HallState; window: Window; now: number }) {
  if (w.state !== "open") {
    return (
      <div class={`ws-centre ws-${w.state}`}>
        <span class="ws-state">{STATE_TEXT[w.state].zh}</span>
        <span class="ws-sub" lang="en">
          {w.state === "paused" ? "Paused · please wait" : "Closed"}
        </span>
      </div>
    );
  }
  const ticket = w.current ? state.tickets[w.current] : undefined;
  if (!ticket) {
    return (
      <div class="ws-centre ws-idle">
        <span class="ws-state">请等候叫号</span>
        <span class="ws-sub" lang="en">
          Please wait for your number
        </span>
      </div>
    );
  }
  // A recall flashes again: its time is the newest call record for this window.
  const lastCall = state.recentCalls.find((c) => c.window.id === w.id && c.ticket.id === ticket.id);
  const serving = ticket.status === "serving";
  return (
    <div class="ws-centre ws-ticket" data-ticket={ticket.number} {...(serving ? {} : flashAttrs(lastCall?.at ?? ticket.calledAt, now))}>
      <span class="ws-caption">
        {serving ? "正在办理" : "请到本窗口"}
        <span lang="en">{serving ? "Now serving" : "Please come"}</span>
      </span>
      <span class="ws-number">{ticket.number}</span>
    </div>
  );
}

function WindowRegion({ state, now, params, live }: { state: HallState; now: number; params: URLSearchParams; live: boolean }) {
  const w = windowOf(state, params);
  if (!w) {
    return (
      <main id="window-screen" class="window-screen gone" {...oob(live)}>
        <p class="ws-gone">此窗口已不在大厅配置中 · This window is no longer configured</p>
      </main>
    );
  }
  return (
    <main id="window-screen" class={`window-screen ${w.state}`} data-window={w.id} data-state={w.state} {...oob(live)}>
      <div class="ws-window">
        <span class="ws-window-number">
          {w.number}
          <small>号</small>
        </span>
        <span class={w.label.length > 7 ? "ws-window-label long" : "ws-window-label"}>{w.label}</span>
      </div>
      <Centre state={state} window={w} now={now} />
      <div class="ws-officer">
        {w.officer ? (
          <>
            <span class="ws-officer-role">值班民警</span>
            <span class="ws-officer-name">{w.officer.name}</span>
            <span class="ws-officer-badge">警号 {w.officer.badge}</span>
          </>
        ) : (
          <>
            <span class="ws-officer-role">办理业务</span>
            <span class="ws-services">
              {state.categories
                .filter((c) => w.categories.includes(c.id))
                .map((c) => (
                  <span>{c.names["zh-Hans"]}</span>
                ))}
            </span>
          </>
        )}
      </div>
    </main>
  );
}

export const windowScreen: LiveView = {
  roles: ANY,
  keys: ["window"],
  check(state, params) {
    const id = params.get("window") ?? "";
    if (windowOf(state, params)) return null;
    const known = state.windows.map((w) => w.id).join(", ");
    return `没有这个窗口 · unknown window "${id}"${known ? `; windows: ${known}` : ""}`;
  },
  page(state, now, params, live: LiveConfig) {
    const w = windowOf(state, params);
    return Page({
      title: `${w ? `${w.number} 号窗口` : "窗口"} · ${state.settings.name}`,
      live,
      styles: ["/static/display/window-screen.css"],
      bodyClass: "screen window-screen-body",
      children: <WindowRegion state={state} now={now} params={params} live={false} />,
    }).toString();
  },
  fragments(state, now, params) {
    return (<WindowRegion state={state} now={now} params={params} live={true} />).toString();
  },
};
