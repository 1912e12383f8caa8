/**
 * The manager console (管理台) at 1366×768: the windows as a grid (open, pause, close, the
 * categories each serves, with a preview of what a change does to waits), the queue per
 * category with alarms, moving or cancelling a ticket, connected announcers, staff accounts,
 * appointments, hall settings and the audit log. manage.js sends each change to the API; the
 * page shows the hall's state as it comes back over the socket.
 */
import { estimateHall, type HallEstimates } from "../core/estimates.js";
import type { HallState, Window } from "../core/model.js";
import { LEVELS, REASONS } from "../core/rating.js";
import { isOverLine, waitedMinutes, wholeMinutes } from "../core/waits.js";
import { lateArrivals, zoneNames } from "../core/alarms.js";
import { COMMON, COMMON_SCRIPT, STATUS, WINDOW_STATE } from "../i18n/catalogue/common.js";
import { AUDIT_ACTIONS, MANAGE, MANAGE_SCRIPT } from "../i18n/catalogue/manage.js";
import { DEVICES_SCRIPT, FOLLOW_UPS_SCRIPT, STATS_SCRIPT } from "../i18n/catalogue/manage-tabs.js";
import { langIn, type Lang } from "../i18n/lang.js";
import { both, say, type Msg, type Vars } from "../i18n/words.js";
import { Bi, categoryNames, ConsoleConfig, hhmm, LangSwitch, langHref, MessageLine, minutesBetween, OnTheWayTag, scriptWords, TransferDialog } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import { FollowUpsPanel } from "../ratings/follow-ups-panel.js";
import { Announcers } from "./manage-announcers.js";
import { ArchivesPanel, AuditPanel } from "./manage-audit.js";
import { SettingsForm } from "./manage-settings.js";
import { WindowDialog } from "./manage-window-dialog.js";
import { Appointments, AppointmentForm } from "../appointments/panel.js";
import { BookingBoard } from "../appointments/board-panel.js";
import { BOARD_SCRIPT } from "../i18n/catalogue/booking-board.js";
import { StaffForm, StaffList } from "../sessions/staff-panel.js";
import { offlineAlarms } from "../devices/devices.js";
import { DeviceAlarmItems, DeviceDialog, DevicesList, PairForm } from "../devices/panel.js";
import { StatsPanel } from "../statistics/panel.js";
import { AutoOpenNote, PlanPanel } from "../planning/panel.js";
import { PlanReminders } from "../planning/reminders.js";
import { ContentForm, ContentList, ContentPreview, IdleForm } from "../signage/panel.js";
import { SLIDES_STYLE } from "../signage/main-content.js";
import { Clock, CLOCK_SCRIPT } from "./screen-parts.js";
import type { LiveView, Room } from "./views.js";
import { MANAGERS } from "../access/roles.js";

type Props = { state: HallState; now: number; live: boolean; estimates: HallEstimates; room?: Room; lang: Lang };

function Summary({ state, now, live, estimates, room, lang }: Props) {
  const waiting = estimates.order;
  const alarm = state.settings.alarmMinutes;
  const longest = waiting.reduce((m, t) => Math.max(m, waitedMinutes(t, now)), 0);
  const open = state.windows.filter((w) => w.state === "open").length;
  const alarms = [...alarmsOf(state, now, estimates, room), ...(room?.storageAlarms ?? [])];
  return (
    <section id="manage-summary" class={`summary${alarms.length ? " alarmed" : ""}`} {...oob(live)}>
      <div class="stat">
        <b>{waiting.length}</b>
        <Bi lang={lang} m={MANAGE.waiting} />
      </div>
      <div class="stat">
        <b>
          {open}/{state.windows.length}
        </b>
        <Bi lang={lang} m={MANAGE.windowsOpen} />
      </div>
      <div class={`stat${isOverLine(longest, alarm, "running") ? " bad" : ""}`}>
        <b>{wholeMinutes(longest)}′</b>
        <Bi lang={lang} m={MANAGE.longestWait} />
      </div>
      <div class="stat">
        <b>{Object.values(state.tickets).filter((t) => t.status === "done").length}</b>
        <Bi lang={lang} m={MANAGE.servedToday} />
      </div>
      <div class={`stat${alarms.length ? " bad" : ""}`}>
        <b>{alarms.length}</b>
        <Bi lang={lang} m={MANAGE.alarms} />
      </div>
    </section>
  );
}

/**
 * What needs the manager now: tickets past the line, categories nobody serves, waits over target,
 * called citizens not at the window and calls nobody spoke (worker/core/alarms.ts).
 */
function alarmsOf(state: HallState, now: number, estimates: HallEstimates, room: Room | undefined): Array<{ m: Msg; vars: Vars; kind?: string }> {
  const alarm = state.settings.alarmMinutes;
  const overdue = estimates.order.filter((t) => isOverLine(waitedMinutes(t, now), alarm, "running"));
  const alarms: Array<{ m: Msg; vars: Vars; kind?: string }> = [];
  for (const u of room?.unspoken ?? []) alarms.push({ m: MANAGE.unspoken, vars: { count: u.count, zone: zoneNames(state, u.zone) }, kind: "unspoken" });
  for (const l of lateArrivals(state, now)) alarms.push({ m: MANAGE.lateArrival, vars: { number: l.number, minutes: l.minutes, window: l.window.number }, kind: "late" });
  if (overdue.length > 0) alarms.push({ m: MANAGE.overdue, vars: { count: overdue.length, alarm } });
  for (const c of state.categories) {
    const e = estimates.categories.get(c.id);
    if (!e) continue;
    if (e.waiting > 0 && e.estimatedWaitMinutes === null) alarms.push({ m: MANAGE.nobodyServes, vars: { name: c.names } });
    else if ((e.estimatedWaitMinutes ?? 0) > state.settings.targetWaitMinutes)
      alarms.push({ m: MANAGE.overTarget, vars: { name: c.names, minutes: e.estimatedWaitMinutes ?? 0, target: state.settings.targetWaitMinutes } });
  }
  return alarms;
}

/**
 * Writes the storage guard refused today (worker/hall-object/storage-alarms.ts): first in the
 * list, since the hall may be losing changes, with one button that acknowledges them all.
 */
function StorageAlarmItems({ state, room, lang }: { state: HallState; room: Room | undefined; lang: Lang }) {
  const alarms = room?.storageAlarms ?? [];
  return (
    <>
      {alarms.map((a, i) => (
        <li data-alert="storage" class="storage-alarm">
          <Bi lang={lang} m={MANAGE.storageRefused} vars={{ time: hhmm(a.at, state.settings.timezone), size: `${(a.bytes / 1e6).toFixed(1)} MB` }} />
          {i === alarms.length - 1 ? (
            <button type="button" class="small" data-ack-storage>
              {both(lang, MANAGE.acknowledge)}
            </button>
          ) : null}
        </li>
      ))}
    </>
  );
}

function Alarms({ state, now, live, estimates, room, lang }: Props) {
  const alarms = alarmsOf(state, now, estimates, room);
  const devicesDown = offlineAlarms(state, room?.devices ?? [], now).filter((a) => a.due).length;
  const stored = room?.storageAlarms?.length ?? 0;
  return (
    <ul id="manage-alarms" class="alarms" aria-label={both(lang, MANAGE.alarms)} {...oob(live)}>
      <StorageAlarmItems state={state} room={room} lang={lang} />
      <DeviceAlarmItems state={state} room={room} now={now} lang={lang} />
      {alarms.length + devicesDown + stored === 0 ? (
        <li class="calm">
          <Bi lang={lang} m={MANAGE.calm} />
        </li>
      ) : (
        alarms.map((a) => (
          <li {...(a.kind ? { "data-alarm": a.kind } : {})}>
            <Bi lang={lang} m={a.m} vars={a.vars} />
          </li>
        ))
      )}
    </ul>
  );
}

function WindowCard({ state, w, now, lang }: { state: HallState; w: Window; now: number; lang: Lang }) {
  const t = w.current ? state.tickets[w.current] : undefined;
  return (
    <article class={`window-card is-${w.state}`} data-window={w.id} data-number={w.number} data-state={w.state} data-categories={w.categories.join(",")}>
      <header>
        <span class="number">{w.number}</span>
        <span class="label">{w.label}</span>
        <span class={`state-pill state-${w.closing ? "closing" : w.state}`}>
          <Bi lang={lang} m={w.closing ? MANAGE.closingPill : WINDOW_STATE[w.state]} />
        </span>
      </header>
      <p class="officer">{w.officer ? `${w.officer.name} · ${w.officer.badge}` : <span class="muted">{both(lang, MANAGE.noOfficer)}</span>}</p>
      <p class="at-window">
        {t ? (
          <>
            <b>{t.number}</b> {say(lang, t.status === "serving" ? STATUS.serving : STATUS.called)} · {minutesBetween(t.calledAt ?? t.issuedAt, now)}′
          </>
        ) : (
          <span class="muted">{both(lang, MANAGE.idle)}</span>
        )}
      </p>
      <p class="chips">
        {w.categories.length === 0 ? (
          <span class="muted">{both(lang, MANAGE.noCategories)}</span>
        ) : (
          w.categories.map((c) => <span class="chip">{categoryNames(state, c)[lang]}</span>)
        )}
      </p>
      <footer>
        {w.state === "open" ? (
          <button type="button" class="small" data-set-state="paused" data-window={w.id}>
            <Bi lang={lang} m={MANAGE.pause} />
          </button>
        ) : (
          <button type="button" class="small" data-set-state="open" data-window={w.id}>
            <Bi lang={lang} m={MANAGE.open} />
          </button>
        )}
        <button type="button" class="small primary" data-adjust-window={w.id}>
          <Bi lang={lang} m={MANAGE.adjust} />
        </button>
      </footer>
    </article>
  );
}

function Windows({ state, now, live, lang }: Props) {
  return (
    <section id="manage-windows" class="windows-grid" {...oob(live)}>
      {state.windows.map((w) => (
        <WindowCard state={state} w={w} now={now} lang={lang} />
      ))}
    </section>
  );
}

/** Tickets shown per category; the rest are counted. */
const SHOWN = 10;

function Queues({ state, now, live, estimates, lang }: Props) {
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
              <Bi lang={lang} m={MANAGE.queueHead} vars={{ prefix: c.prefix, name: c.names }} />
              <span class="count">{line.length}</span>
              <span class={`wait${wait === null ? " bad" : (wait ?? 0) > state.settings.targetWaitMinutes ? " warn" : ""}`}>
                {wait === null || wait === undefined ? say(lang, MANAGE.noWindowShort) : `≈${wait}′`}
              </span>
            </header>
            <p class="served-by">{serving.length ? say(lang, MANAGE.servedBy, { windows: serving.join(lang === "en" ? ", " : "、") }) : both(lang, MANAGE.noOpenWindow)}</p>
            <ol>
              {line.slice(0, SHOWN).map((t) => (
                <li>
                  <button
                    type="button"
                    class={`ticket-chip priority-${t.priority}${isOverLine(waitedMinutes(t, now), alarm, "running") ? " overdue" : ""}`}
                    data-ticket-actions={t.id}
                    data-number={t.number}
                    title={both(lang, MANAGE.moveOrCancel, { number: t.number })}
                  >
                    <b>{t.number}</b>
                    {t.targetWindow && <span class="to">→{state.windows.find((w) => w.id === t.targetWindow)?.number}</span>}
                    <OnTheWayTag t={t} lang={lang} />
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

/** The 回访 tab's words for a 差评 (the core's levels and indicators) and its window. */
const FOLLOW_UP_WORDS: Record<string, Msg> = {
  level1: LEVELS[1]!,
  level2: LEVELS[2]!,
  windowNumber: COMMON.windowNumber,
  ...Object.fromEntries(Object.entries(REASONS).map(([k, m]) => [`reason-${k}`, m])),
};

const TABS = [
  ["hall", MANAGE.tabHall],
  ["content", MANAGE.tabContent],
  ["stats", MANAGE.tabStats],
  ["plan", MANAGE.tabPlan],
  ["staff", MANAGE.tabStaff],
  ["devices", MANAGE.tabDevices],
  ["appointments", MANAGE.tabAppointments],
  ["settings", MANAGE.tabSettings],
  ["follow-ups", MANAGE.tabFollowUps],
  ["audit", MANAGE.tabAudit],
] as const;

function liveRegions(props: Props) {
  const { state, room, now, live, lang } = props;
  return (
    <>
      <Summary {...props} />
      <PlanReminders state={props.state} now={props.now} room={props.room} live={props.live} />
      <Alarms {...props} />
      <Windows {...props} />
      <Queues {...props} />
      <Announcers room={room} live={live} lang={lang} />
      <StaffList state={state} live={live} lang={lang} />
      <DevicesList state={state} room={room} now={now} live={live} lang={lang} />
      <Appointments state={state} live={live} lang={lang} />
      <AutoOpenNote state={state} live={live} lang={lang} />
      <ContentList state={state} now={now} live={live} lang={lang} />
    </>
  );
}

export const manageView: LiveView = {
  roles: MANAGERS,
  keys: ["lang"],
  // The longest wait and a called citizen not yet at the window (issue 25 §3) age with the clock.
  ages: true,
  showsRoom: true,
  showsPlan: true,
  showsContent: true,
  page(state, now, params, live: LiveConfig, room) {
    const lang = langIn(params);
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    const props: Props = { state, now, live: false, estimates: estimateHall(state, now), room, lang };
    const words = scriptWords(lang, COMMON_SCRIPT, MANAGE_SCRIPT, DEVICES_SCRIPT, FOLLOW_UPS_SCRIPT, FOLLOW_UP_WORDS, STATS_SCRIPT, BOARD_SCRIPT);
    return Page({
      title: `${state.settings.name} · ${both(lang, MANAGE.consoleTitle, {}, " ")}`,
      lang,
      live,
      bodyClass: "console manage-page",
      styles: ["/static/display/consoles.css", "/static/display/manage.css", SLIDES_STYLE],
      scripts: [
        "/static/display/words.js",
        "/static/display/formErrors.js",
        "/static/display/consoles.js",
        "/static/display/manage.js",
        "/static/display/manage-devices.js",
        "/static/display/manage-stats.js",
        "/static/display/manage-plan.js",
        "/static/display/manage-follow-ups.js",
        "/static/display/manage-bookings.js",
        "/static/display/manage-content.js",
        CLOCK_SCRIPT,
      ],
      children: (
        <>
          <ConsoleConfig
            config={{ hall: state.hall, token, role: "manager", timezone: state.settings.timezone, day: state.day, alarmMinutes: state.settings.alarmMinutes, lang, words, audit: scriptWords(lang, AUDIT_ACTIONS) }}
          />
          <header class="manage-head">
            <div class="manage-title">
              <h1>
                <Bi lang={lang} m={MANAGE.heading} vars={{ hall: state.settings.name, day: state.day, time: hhmm(now, state.settings.timezone) }} />
              </h1>
              <LangSwitch lang={lang} href={(l) => langHref(params, l, { token })} />
            </div>
            <nav class="tabs" role="tablist">
              {TABS.map(([id, m]) => (
                <button type="button" role="tab" data-tab={id} aria-selected={id === "hall" ? "true" : "false"}>
                  <Bi lang={lang} m={m} />
                </button>
              ))}
            </nav>
          </header>
          <main class="manage">
            <section class="tab-panel hall-panel" data-tab-panel="hall">
              <Summary {...props} />
              <PlanReminders state={state} now={now} room={room} live={false} />
              <div class="hall-columns">
                <div>
                  <Windows {...props} />
                  <Alarms {...props} />
                  <Announcers room={room} live={false} lang={lang} />
                </div>
                <div>
                  <p class="legend">
                    <span class="key green">{say(lang, MANAGE.keyGreen)}</span>
                    <span class="key elderly">{say(lang, MANAGE.keyElderly)}</span>
                    <span class="key appointment">{say(lang, MANAGE.keyAppointment)}</span>
                    <span class="key overdue">{say(lang, MANAGE.keyOverdue)}</span>
                    <span class="muted">{both(lang, MANAGE.tapTicket)}</span>
                  </p>
                  <Queues {...props} />
                </div>
              </div>
            </section>
            <section class="tab-panel" data-tab-panel="content" hidden>
              <div class="content-columns">
                <div>
                  <ContentList state={state} now={now} live={false} lang={lang} />
                  <ContentPreview lang={lang} />
                  <IdleForm state={state} lang={lang} />
                </div>
                <ContentForm state={state} lang={lang} />
              </div>
            </section>
            <section class="tab-panel" data-tab-panel="stats" hidden>
              <StatsPanel state={state} lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="plan" hidden>
              <PlanPanel state={state} lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="staff" hidden>
              <StaffList state={state} live={false} lang={lang} />
              <StaffForm lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="devices" hidden>
              <DevicesList state={state} room={room} now={now} live={false} lang={lang} />
              <PairForm state={state} lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="appointments" hidden>
              <BookingBoard state={state} lang={lang} />
              <AppointmentForm state={state} lang={lang} />
              <Appointments state={state} live={false} lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="settings" hidden>
              <SettingsForm state={state} lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="follow-ups" hidden>
              <FollowUpsPanel lang={lang} />
            </section>
            <section class="tab-panel" data-tab-panel="audit" hidden>
              <AuditPanel lang={lang} />
              <ArchivesPanel lang={lang} />
            </section>
            <MessageLine />
          </main>
          <WindowDialog state={state} lang={lang} />
          <DeviceDialog state={state} lang={lang} />
          {/* The hall's clock for clock.js, which shows a device alarm once it is due. */}
          <div hidden>
            <Clock state={state} now={now} live={false} />
          </div>
          <TransferDialog lang={lang} state={state}>
            <h3>
              <Bi lang={lang} m={MANAGE.orCancel} />
            </h3>
            <p class="cancel-row">
              <input name="reason" placeholder={both(lang, MANAGE.reason, {}, lang === "en" ? " · " : "· ")} maxlength={200} />
              <button type="button" class="danger" data-cancel-ticket>
                <Bi lang={lang} m={MANAGE.cancelTicket} />
              </button>
            </p>
          </TransferDialog>
        </>
      ),
    }).toString();
  },
  fragments(state, now, params, room) {
    return liveRegions({ state, now, live: true, estimates: estimateHall(state, now), room, lang: langIn(params) }).toString();
  },
};
