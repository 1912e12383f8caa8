/**
 * The manager console (管理台) at 1366×768: the windows as a grid (open, pause, close, the
 * categories each serves, with a preview of what a change does to waits), the queue per
 * category with alarms, moving or cancelling a ticket, connected announcers, staff accounts,
 * appointments, hall settings and the audit log. manage.js sends each change to the API; the
 * page shows the hall's state as it comes back over the socket.
 */
import { estimateHall, type HallEstimates } from "../core/estimates.js";
import type { HallState, Window } from "../core/types.js";
import { Bi, categoryZh, ConsoleConfig, hhmm, MessageLine, minutesBetween, TransferDialog, WINDOW_WORDS } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import { FollowUpsPanel } from "./manage-follow-ups.js";
import { Announcers, Appointments, AppointmentForm, AuditPanel, SettingsForm, StaffForm, StaffList, WindowDialog } from "./manage-panels.js";
import { offlineAlarms } from "../fleet/devices.js";
import { DeviceAlarmItems, DeviceDialog, DevicesList, PairForm } from "./manage-devices.js";
import { StatsPanel } from "./manage-stats.js";
import { ContentForm, ContentList, ContentPreview, IdleForm } from "./manage-content.js";
import { SLIDES_STYLE } from "./main-content.js";
import { Clock, CLOCK_SCRIPT } from "./screen-parts.js";
import type { LiveView, Room } from "./views.js";

type Props = { state: HallState; now: number; live: boolean; estimates: HallEstimates; room?: Room };

function Summary({ state, now, live, estimates }: Props) {
  const waiting = estimates.order;
  const alarm = state.settings.alarmMinutes;
  const longest = waiting.reduce((m, t) => Math.max(m, minutesBetween(t.queuedAt, now)), 0);
  const open = state.windows.filter((w) => w.state === "open").length;
  const alarms = alarmsOf(state, now, estimates);
  return (
    <section id="manage-summary" class={`summary${alarms.length ? " alarmed" : ""}`} {...oob(live)}>
      <div class="stat">
        <b>{waiting.length}</b>
        <Bi zh="等候" en="waiting" />
      </div>
      <div class="stat">
        <b>
          {open}/{state.windows.length}
        </b>
        <Bi zh="开放窗口" en="windows open" />
      </div>
      <div class={`stat${longest >= alarm ? " bad" : ""}`}>
        <b>{longest}′</b>
        <Bi zh="最长等候" en="longest wait" />
      </div>
      <div class="stat">
        <b>{Object.values(state.tickets).filter((t) => t.status === "done").length}</b>
        <Bi zh="今日办结" en="served today" />
      </div>
      <div class={`stat${alarms.length ? " bad" : ""}`}>
        <b>{alarms.length}</b>
        <Bi zh="警示" en="alarms" />
      </div>
    </section>
  );
}

/** What needs the manager now: tickets past the line, categories nobody serves, waits over target. */
function alarmsOf(state: HallState, now: number, estimates: HallEstimates): Array<{ zh: string; en: string }> {
  const alarm = state.settings.alarmMinutes;
  const overdue = estimates.order.filter((t) => minutesBetween(t.queuedAt, now) >= alarm);
  const alarms: Array<{ zh: string; en: string }> = [];
  if (overdue.length > 0) alarms.push({ zh: `${overdue.length} 人超过 ${alarm} 分钟警戒线`, en: `${overdue.length} past the ${alarm} min line` });
  for (const c of state.categories) {
    const e = estimates.categories.get(c.id);
    if (!e) continue;
    if (e.waiting > 0 && e.estimatedWaitMinutes === null) alarms.push({ zh: `${c.names["zh-Hans"]}：有人等候但无开放窗口`, en: `${c.names.en}: people waiting, no open window` });
    else if ((e.estimatedWaitMinutes ?? 0) > state.settings.targetWaitMinutes)
      alarms.push({ zh: `${c.names["zh-Hans"]}：预计 ${e.estimatedWaitMinutes} 分钟，超过目标 ${state.settings.targetWaitMinutes}`, en: `${c.names.en}: ${e.estimatedWaitMinutes} min, over the target` });
  }
  return alarms;
}

function Alarms({ state, now, live, estimates, room }: Props) {
  const alarms = alarmsOf(state, now, estimates);
  const devicesDown = offlineAlarms(state, room?.devices ?? [], now).filter((a) => a.due).length;
  return (
    <ul id="manage-alarms" class="alarms" aria-label="alarms" {...oob(live)}>
      <DeviceAlarmItems state={state} room={room} now={now} />
      {alarms.length + devicesDown === 0 ? (
        <li class="calm">
          <Bi zh="一切正常" en="No alarms" />
        </li>
      ) : (
        alarms.map((a) => (
          <li>
            <Bi zh={a.zh} en={a.en} />
          </li>
        ))
      )}
    </ul>
  );
}

function WindowCard({ state, w, now }: { state: HallState; w: Window; now: number }) {
  const t = w.current ? state.tickets[w.current] : undefined;
  const words = WINDOW_WORDS[w.state];
  return (
    <article class={`window-card is-${w.state}`} data-window={w.id} data-number={w.number} data-state={w.state} data-categories={w.categories.join(",")}>
      <header>
        <span class="number">{w.number}</span>
        <span class="label">{w.label}</span>
        <span class={`state-pill state-${w.state}`}>
          <Bi zh={words.zh} en={words.en} />
        </span>
      </header>
      <p class="officer">{w.officer ? `${w.officer.name} · ${w.officer.badge}` : <span class="muted">未签到 · no officer</span>}</p>
      <p class="at-window">
        {t ? (
          <>
            <b>{t.number}</b> {t.status === "serving" ? "办理中" : "已呼叫"} · {minutesBetween(t.calledAt ?? t.issuedAt, now)}′
          </>
        ) : (
          <span class="muted">空闲 · idle</span>
        )}
      </p>
      <p class="chips">
        {w.categories.length === 0 ? (
          <span class="muted">无业务 · no categories</span>
        ) : (
          w.categories.map((c) => <span class="chip">{categoryZh(state, c)}</span>)
        )}
      </p>
      <footer>
        {w.state === "open" ? (
          <button type="button" class="small" data-set-state="paused" data-window={w.id}>
            <Bi zh="暂停" en="Pause" />
          </button>
        ) : (
          <button type="button" class="small" data-set-state="open" data-window={w.id}>
            <Bi zh="开放" en="Open" />
          </button>
        )}
        <button type="button" class="small primary" data-adjust-window={w.id}>
          <Bi zh="调整…" en="Adjust" />
        </button>
      </footer>
    </article>
  );
}

function Windows({ state, now, live }: Props) {
  return (
    <section id="manage-windows" class="windows-grid" {...oob(live)}>
      {state.windows.map((w) => (
        <WindowCard state={state} w={w} now={now} />
      ))}
    </section>
  );
}

/** Tickets shown per category; the rest are counted. */
const SHOWN = 10;

function Queues({ state, now, live, estimates }: Props) {
  const alarm = state.settings.alarmMinutes;
  return (
    <section id="manage-queues" class="queues" {...oob(live)}>
      {state.categories.map((c) => {
        const e = estimates.categories.get(c.id);
        const line = estimates.order.filter((t) => t.category === c.id);
        const wait = e?.estimatedWaitMinutes;
        const serving = state.windows.filter((w) => w.state === "open" && w.categories.includes(c.id)).map((w) => w.number);
        return (
          <div class="queue-card" data-category={c.id}>
            <header>
              <Bi zh={`${c.prefix} · ${c.names["zh-Hans"]}`} en={c.names.en} />
              <span class="count">{line.length}</span>
              <span class={`wait${wait === null ? " bad" : (wait ?? 0) > state.settings.targetWaitMinutes ? " warn" : ""}`}>
                {wait === null || wait === undefined ? "无窗口" : `≈${wait}′`}
              </span>
            </header>
            <p class="served-by">{serving.length ? `窗口 ${serving.join("、")}` : "无开放窗口 · no open window"}</p>
            <ol>
              {line.slice(0, SHOWN).map((t) => (
                <li>
                  <button
                    type="button"
                    class={`ticket-chip priority-${t.priority}${minutesBetween(t.queuedAt, now) >= alarm ? " overdue" : ""}`}
                    data-ticket-actions={t.id}
                    data-number={t.number}
                    title={`${t.number}：转移或取消 · move or cancel`}
                  >
                    <b>{t.number}</b>
                    {t.targetWindow && <span class="to">→{state.windows.find((w) => w.id === t.targetWindow)?.number}</span>}
                    <span class="waited">{minutesBetween(t.queuedAt, now)}′</span>
                  </button>
                </li>
              ))}
              {line.length > SHOWN && <li class="more">+{line.length - SHOWN}</li>}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

const TABS = [
  ["hall", "大厅", "Hall"],
  ["content", "内容", "Content"],
  ["stats", "统计", "Statistics"],
  ["staff", "人员", "Staff"],
  ["devices", "设备", "Devices"],
  ["appointments", "预约", "Appointments"],
  ["settings", "设置", "Settings"],
  ["follow-ups", "回访", "Follow-ups"],
  ["audit", "审计", "Audit log"],
] as const;

function liveRegions(props: Props) {
  return (
    <>
      <Summary {...props} />
      <Alarms {...props} />
      <Windows {...props} />
      <Queues {...props} />
      <Announcers room={props.room} live={props.live} />
      <StaffList state={props.state} live={props.live} />
      <DevicesList state={props.state} room={props.room} now={props.now} live={props.live} />
      <Appointments state={props.state} live={props.live} />
      <ContentList state={props.state} now={props.now} live={props.live} />
    </>
  );
}

export const manageView: LiveView = {
  roles: ["admin", "manager"],
  showsRoom: true,
  showsContent: true,
  page(state, now, _params, live: LiveConfig, room) {
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    const props: Props = { state, now, live: false, estimates: estimateHall(state, now), room };
    return Page({
      title: `${state.settings.name} · 管理台 Manager console`,
      live,
      bodyClass: "console manage-page",
      styles: ["/static/display/consoles.css", "/static/display/manage.css", SLIDES_STYLE],
      scripts: ["/static/display/consoles.js", "/static/display/manage.js", "/static/display/manage-devices.js", "/static/display/manage-stats.js", "/static/display/manage-follow-ups.js", "/static/display/manage-content.js", CLOCK_SCRIPT],
      children: (
        <>
          <ConsoleConfig config={{ hall: state.hall, token, role: "manager", timezone: state.settings.timezone, day: state.day, alarmMinutes: state.settings.alarmMinutes }} />
          <header class="manage-head">
            <h1>
              <Bi zh={`${state.settings.name} · 管理台`} en={`Manager console · ${state.day} · ${hhmm(now, state.settings.timezone)}`} />
            </h1>
            <nav class="tabs" role="tablist">
              {TABS.map(([id, zh, en]) => (
                <button type="button" role="tab" data-tab={id} aria-selected={id === "hall" ? "true" : "false"}>
                  <Bi zh={zh} en={en} />
                </button>
              ))}
            </nav>
          </header>
          <main class="manage">
            <section class="tab-panel hall-panel" data-tab-panel="hall">
              <Summary {...props} />
              <div class="hall-columns">
                <div>
                  <Windows {...props} />
                  <Alarms {...props} />
                  <Announcers room={room} live={false} />
                </div>
                <div>
                  <p class="legend">
                    <span class="key green">绿色通道</span>
                    <span class="key elderly">长者·残障</span>
                    <span class="key appointment">预约</span>
                    <span class="key overdue">超警戒线</span>
                    <span class="muted">点号码可转移或取消 · tap a number to move or cancel it</span>
                  </p>
                  <Queues {...props} />
                </div>
              </div>
            </section>
            <section class="tab-panel" data-tab-panel="content" hidden>
              <div class="content-columns">
                <div>
                  <ContentList state={state} now={now} live={false} />
                  <ContentPreview />
                  <IdleForm state={state} />
                </div>
                <ContentForm state={state} />
              </div>
            </section>
            <section class="tab-panel" data-tab-panel="stats" hidden>
              <StatsPanel state={state} />
            </section>
            <section class="tab-panel" data-tab-panel="staff" hidden>
              <StaffList state={state} live={false} />
              <StaffForm />
            </section>
            <section class="tab-panel" data-tab-panel="devices" hidden>
              <DevicesList state={state} room={room} now={now} live={false} />
              <PairForm state={state} />
            </section>
            <section class="tab-panel" data-tab-panel="appointments" hidden>
              <AppointmentForm state={state} />
              <Appointments state={state} live={false} />
            </section>
            <section class="tab-panel" data-tab-panel="settings" hidden>
              <SettingsForm state={state} />
            </section>
            <section class="tab-panel" data-tab-panel="follow-ups" hidden>
              <FollowUpsPanel />
            </section>
            <section class="tab-panel" data-tab-panel="audit" hidden>
              <AuditPanel />
            </section>
            <MessageLine />
          </main>
          <WindowDialog state={state} />
          <DeviceDialog state={state} />
          {/* The hall's clock for clock.js, which shows a device alarm once it is due. */}
          <div hidden>
            <Clock state={state} now={now} live={false} />
          </div>
          <TransferDialog state={state}>
            <h3>
              <Bi zh="或取消此号" en="Or cancel this ticket" />
            </h3>
            <p class="cancel-row">
              <input name="reason" placeholder="原因（可选）· reason (optional)" maxlength={200} />
              <button type="button" class="danger" data-cancel-ticket>
                <Bi zh="取消此号" en="Cancel ticket" />
              </button>
            </p>
          </TransferDialog>
        </>
      ),
    }).toString();
  },
  fragments(state, now, _params, room) {
    return liveRegions({ state, now, live: true, estimates: estimateHall(state, now), room }).toString();
  },
};
