/**
 * The data wall (数据大屏), after Jiangning's big screen by the guide desk: live load per
 * category, today's waits, tickets issued by hour, windows open against windows needed, and
 * alerts when a line passes the alarm line or arrivals surge. Figures: screen-figures.ts.
 */
import type { HallState } from "../core/model.js";
import { zoneProblem, zoneScope, zoneState, type ZoneScope } from "../core/zones.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import { hallFigures, SURGE_FACTOR, SURGE_MIN_TICKETS, SURGE_WINDOW_MINUTES, type HallFigures } from "../insights/figures.js";
import { CategoryName, Clock, CLOCK_SCRIPT, KpiRow, STATE_TEXT, ZoneName, type KpiTile } from "./screen-parts.js";
import type { LiveView, Room } from "./views.js";
import { inZone, offlineAlarms, type OfflineAlarm } from "../devices/devices.js";
import { ReminderItems } from "../planning/reminders.js";
import { ANY } from "../access/roles.js";
import { minutesShown as minutes } from "./figures.js";
import { DEFAULT_CALLED_ALARM_MINUTES, lateArrivals, zoneNames } from "../core/alarms.js";

/** Category colours in the chart and legend, in configuration order. */
const COLOURS = ["#4ea1ff", "#ffcc33", "#36d399", "#ff7a90", "#b48cff", "#ff9f1a", "#5ce1e6", "#c6d86b"];
const colour = (i: number) => COLOURS[i % COLOURS.length]!;


function Kpis({ f, live }: { f: HallFigures; live: boolean }) {
  const t = f.totals;
  const tiles: KpiTile[] = [
    { id: "issued", zh: "今日取号", en: "Issued today", value: String(t.issued) },
    // Citizens in the hall, and apart from them those who took a number from home and are on their way (在途).
    { id: "waiting", zh: "在厅等候", en: "Waiting in the hall", value: String(t.waiting - t.onTheWay), unit: t.onTheWay > 0 ? ` 在途 ${t.onTheWay}` : undefined },
    { id: "serving", zh: "办理中", en: "Being served", value: String(t.beingServed) },
    { id: "served", zh: "已办结", en: "Served today", value: String(t.served) },
    { id: "avg-wait", zh: "平均等候", en: "Average wait", value: minutes(t.waits.averageMinutes), unit: t.waits.averageMinutes === null ? undefined : "分钟" },
    { id: "p90-wait", zh: "90% 等候", en: "90th percentile", value: minutes(t.waits.p90Minutes), unit: t.waits.p90Minutes === null ? undefined : "分钟" },
    {
      id: "windows",
      zh: "窗口 开放/建议",
      en: "Open / needed",
      value: `${f.windows.open} / ${f.windows.needed}`,
      tone: f.windows.open < f.windows.needed ? "warn" : "ok",
    },
  ];
  return <KpiRow id="kpis" tiles={tiles} live={live} />;
}

function Alerts({ state, f, live, offline, now, room, scope }: { state: HallState; f: HallFigures; live: boolean; offline: OfflineAlarm[]; now: number; room?: Room | undefined; scope: ZoneScope | null }) {
  const line = state.settings.alarmMinutes;
  return (
    <section id="alerts" class="alerts" {...oob(live)}>
      {/* A zone's state holds only its windows, so it is reminded of their changes alone. */}
      <ReminderItems state={state} now={now} room={room} />
      {f.categories.map((c) => {
        if (c.alarmAt === null) return null;
        const name = c.category.names["zh-Hans"];
        // Not due yet: clock.js shows it when the oldest ticket reaches the line, between updates.
        return c.alarm ? (
          <p class="alert alarm" data-alert="alarm" data-category={c.category.id}>
            <b>{name}</b> 最久等候 {c.oldestWaitMinutes} 分钟，超过 {line} 分钟警戒线
            <span lang="en">
              {c.category.names.en}: oldest wait {c.oldestWaitMinutes} min
            </span>
          </p>
        ) : (
          <p class="alert alarm" data-alert="alarm" data-category={c.category.id} data-show-at={String(c.alarmAt)} hidden>
            <b>{name}</b> 有号等候超过 {line} 分钟警戒线
            <span lang="en">{c.category.names.en}: over the alarm line</span>
          </p>
        );
      })}
      {f.categories
        .filter((c) => c.surge)
        .map((c) => (
          <p class="alert surge" data-alert="surge" data-category={c.category.id}>
            <b>{c.category.names["zh-Hans"]}</b> 取号激增：近 {SURGE_WINDOW_MINUTES} 分钟 {c.arrivalsLast30} 张，为全天均值{" "}
            {(c.arrivalsLast30 / c.averagePerHalfHour).toFixed(1)} 倍<span lang="en">{c.category.names.en}: arrivals surge</span>
          </p>
        ))}
      {f.windows.open < f.windows.needed && (
        <p class="alert understaffed" data-alert="understaffed">
          开放 {f.windows.open} 个窗口，需要 {f.windows.needed} 个，请增开
          <span lang="en">
            Open more windows: {f.windows.open} of {f.windows.needed}
          </span>
        </p>
      )}
      {(room?.unspoken ?? [])
        .filter((u) => scope === null || u.zone === scope.zone.id)
        .map((u) => {
          const zone = zoneNames(state, u.zone);
          return (
            <p class="alert alarm" data-alert="unspoken" data-zone={u.zone ?? ""}>
              <b>{u.count} 次叫号未播报</b>：{zone["zh-Hans"]}没有播报器在线
              <span lang="en">
                {u.count} {u.count === 1 ? "call" : "calls"} not spoken: no announcer connected in {zone.en}
              </span>
            </p>
          );
        })}
      {lateArrivals(state, now)
        .filter((l) => scope === null || scope.windows.has(l.window.id))
        .map((l) => (
        <p class="alert alarm" data-alert="late" data-ticket={l.number}>
          <b>{l.number}</b> 已叫号 {l.minutes} 分钟，未到 {l.window.number} 号窗口
          <span lang="en">
            {l.number} called {l.minutes} min ago, not at window {l.window.number}
          </span>
        </p>
        ))}
      {offline.map((a) => (
        // Not due yet: clock.js shows it once the device has been offline a minute.
        <p class="alert alarm" data-alert="device-offline" data-device={a.device} {...(a.due ? {} : { "data-show-at": String(a.dueAt), hidden: true })}>
          <b>{a.zh}</b>
          <span lang="en">{a.en}</span>
        </p>
      ))}
      {/* wall-fit.js shows it when the alerts pass two lines, counting those folded into it. */}
      <p class="alert more" data-alert="more" hidden>
        另有 <b data-count>0</b> 条告警
        <span lang="en" data-count-en>
          0 more alerts
        </span>
      </p>
      <p class="all-clear">
        运行平稳 <span lang="en">· All lines within the {line} min alarm line</span>
      </p>
    </section>
  );
}

function Load({ state, f, live }: { state: HallState; f: HallFigures; live: boolean }) {
  return (
    <section id="load" class={`load${f.categories.length > 5 ? " many" : ""}`} {...oob(live)}>
      <h2 class="panel-title">
        各业务实时负荷 <span lang="en">Live load by service</span>
      </h2>
      <div class="load-table" role="table">
        <div class="load-row load-head" role="row">
          <span role="columnheader">业务 Service</span>
          <span role="columnheader">等候</span>
          <span role="columnheader">办理中</span>
          <span role="columnheader">已办结</span>
          <span role="columnheader">平均等候</span>
          <span role="columnheader">90% 等候</span>
          <span role="columnheader">最久等候</span>
          <span role="columnheader">近1小时</span>
          <span role="columnheader">窗口</span>
        </div>
        {f.categories.map((c, i) => (
          <div class={`load-row${c.alarm ? " alarm" : ""}${c.surge ? " surge" : ""}`} role="row" data-category={c.category.id}>
            <span role="cell" class="load-name">
              <i class="swatch" style={`background:${colour(i)}`}></i>
              <CategoryName state={state} category={c.category} />
            </span>
            <span role="cell" class="num strong" data-field="waiting">
              {c.waiting}
            </span>
            <span role="cell" class="num" data-field="being-served">
              {c.beingServed}
            </span>
            <span role="cell" class="num" data-field="served">
              {c.servedToday}
            </span>
            <span role="cell" class="num" data-field="avg-wait">
              {minutes(c.waits.averageMinutes)}
              {c.waits.averageMinutes !== null && <small>分</small>}
            </span>
            <span role="cell" class="num" data-field="p90-wait">
              {minutes(c.waits.p90Minutes)}
              {c.waits.p90Minutes !== null && <small>分</small>}
            </span>
            <span role="cell" class={`num${c.alarm ? " hot" : ""}`} data-field="oldest-wait">
              {c.oldestWaitMinutes ?? "—"}
              {c.oldestWaitMinutes !== null && <small>分</small>}
            </span>
            <span role="cell" class="num" data-field="last-hour">
              {c.arrivalsLastHour}
            </span>
            <span role="cell" class={`num${c.openWindows < c.windowsNeeded && c.waiting > 0 ? " hot" : ""}`} data-field="windows">
              {c.openWindows}/{c.windowsNeeded}
            </span>
          </div>
        ))}
      </div>
      <p class="load-note">等候：取号至首次叫号 · 窗口：开放数 / 按近 1 小时取号所需</p>
    </section>
  );
}

/** Tickets issued per hour, stacked by category, as an inline SVG (no chart library). */
function Hourly({ state, f, live }: { state: HallState; f: HallFigures; live: boolean }) {
  // Drawn small and scaled up, so its labels (30–32 units) stay ≥ 24 px on a 1920×1080 wall.
  const W = 720;
  const H = 340;
  const left = 64;
  const right = 8;
  const top = 44;
  const bottom = 48;
  const max = Math.max(1, ...f.hours.map((h) => h.total));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const slot = (W - left - right) / f.hours.length;
  const barW = slot * 0.64;
  const y = (v: number) => top + (H - top - bottom) * (1 - v / yMax);
  const ticks: number[] = [];
  for (let v = 0; v <= yMax; v += step) ticks.push(v);
  return (
    <section id="hourly" class="hourly" {...oob(live)}>
      <h2 class="panel-title">
        今日分时取号 <span lang="en">Tickets issued by hour</span>
        {f.peakHour !== null && (
          <span class="peak">
            高峰 {f.peakHour}:00–{f.peakHour + 1}:00
          </span>
        )}
      </h2>
      <ul class="legend">
        {state.categories.map((c, i) => (
          <li>
            <i class="swatch" style={`background:${colour(i)}`}></i>
            {c.names["zh-Hans"]}
          </li>
        ))}
      </ul>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="今日分时取号柱状图">
        {ticks.map((v) => (
          <g>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#24314f" stroke-width="1.5" />
            <text x={left - 10} y={y(v) + 10} text-anchor="end" fill="#9aa8c2" font-size="30">
              {v}
            </text>
          </g>
        ))}
        {f.hours.map((h, i) => {
          const x = left + slot * i + (slot - barW) / 2;
          let base = 0;
          const now = h.hour === f.currentHour;
          return (
            <g data-hour={String(h.hour)} data-total={String(h.total)}>
              {state.categories.map((c, ci) => {
                const n = h.counts[c.id] ?? 0;
                if (n === 0) return null;
                const y0 = y(base);
                base += n;
                return <rect x={x} y={y(base)} width={barW} height={Math.max(0, y0 - y(base))} fill={colour(ci)} />;
              })}
              {h.total > 0 && (
                <text x={x + barW / 2} y={y(h.total) - 10} text-anchor="middle" fill="#f4f6fb" font-size="32" font-weight="700">
                  {h.total}
                </text>
              )}
              <text x={x + barW / 2} y={H - 12} text-anchor="middle" fill={now ? "#ffcc33" : "#9aa8c2"} font-size="30" font-weight={now ? "700" : "400"}>
                {h.hour}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}

function niceStep(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500]) if (max / s <= 5) return s;
  return Math.ceil(max / 5 / 1000) * 1000;
}

function Staffing({ state, f, live }: { state: HallState; f: HallFigures; live: boolean }) {
  return (
    <section id="staffing" class={`staffing ${state.windows.length > 16 ? "many" : state.windows.length > 8 ? "some" : ""}`} {...oob(live)}>
      <div class="staffing-summary">
        <span class="panel-title">
          窗口 <span lang="en">Windows</span>
        </span>
        <span class="staffing-counts">
          <b class="ok">{f.windows.open}</b> 开放 · <b class="warn">{f.windows.paused}</b> 暂停 · <b class="muted">{f.windows.closed}</b> 关闭
        </span>
        <span class="staffing-advice" data-advice-basis={f.day.basis}>
          现需 <b>{f.windows.needed}</b> 个<small>（Erlang C）</small>· 今日预计 <b>{f.day.expectedVolume}</b> 张
          <small>{f.day.basis === "last_week" ? `（上周同日 ${f.day.lastWeek.issued} 张）` : "（今日至今）"}</small>· 来宾规则{" "}
          {Math.round(f.windows.laibin.share * 100)}%：<b>{f.windows.laibin.windows}</b> 个
          {f.day.peak.hour !== null && (
            <>
              {" "}
              · 高峰 {Number(f.day.peak.hour)} 时需 <b>{f.day.advice.comprehensive.windows}</b> 个
            </>
          )}
        </span>
      </div>
      <ul class="window-chips">
        {state.windows.map((w) => {
          const ticket = w.current ? state.tickets[w.current] : undefined;
          return (
            <li class={`chip ${w.state}`} data-window={w.id} data-state={w.state}>
              <span class="chip-number">{w.number}</span>
              <span class="chip-body">
                <span class="chip-top">
                  <span class="chip-label">{w.label}</span>
                  {w.officer && <span class="chip-officer">{w.officer.name}</span>}
                </span>
                <span class="chip-line">
                  <span class="chip-state">{w.state === "open" ? (ticket ? (ticket.status === "serving" ? "办理中" : "呼叫中") : "空闲") : STATE_TEXT[w.state].zh}</span>
                  {w.state === "open" && ticket && <b class="chip-ticket">{ticket.number}</b>}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * About how many ems wide `text` sets in the wall's bold sans: a Chinese character is one, Latin
 * letters and digits a little over half. The hall's name takes the largest size at which it fits
 * its half of the wall (dashboard.css), never under 24 px, wrapping rather than being cut (issue 25 §8).
 */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    ems += c >= 0x2e80 ? 1 : ch === " " ? 0.26 : /[A-Z]/.test(ch) ? 0.68 : /[a-z0-9]/.test(ch) ? 0.57 : 0.4;
  }
  return Math.max(1, Math.round(ems * 10) / 10);
}

/** The devices a data wall warns about: the whole hall's, or a zone's own. */
function zoneDevices(room: Room | undefined, scope: ZoneScope | null) {
  const devices = room?.devices ?? [];
  return scope ? devices.filter((d) => inZone(d, { id: scope.zone.id, windows: scope.windows })) : devices;
}

/**
 * The whole hall, or with `?zone=` one zone's figures: the tickets of the lines its windows serve
 * and those served at its windows, its windows, and advice from today's tickets alone (last
 * week's record is the hall's, not the zone's).
 */
function regions(hall: HallState, now: number, live: boolean, params: URLSearchParams, room?: Room) {
  const scope = zoneScope(hall, params.get("zone"));
  const state = scope ? zoneState(hall, scope, { tickets: true }) : hall;
  const f = hallFigures(state, now, scope ? null : (room?.lastWeek ?? null));
  return (
    <>
      <h1 id="hall-name" class="hall-name" style={`--ems:${textEms([scope?.zone.names["zh-Hans"] ?? "", state.settings.name].join(" "))}`} {...oob(live)}>
        <span class="hall-title">
          <ZoneName state={state} scope={scope} />
          {state.settings.name}
        </span>
        <span class="subtitle">
          数据大屏 <span lang="en">Data wall</span>
        </span>
      </h1>
      <Clock state={state} now={now} live={live} />
      <Kpis f={f} live={live} />
      <Alerts state={state} f={f} live={live} offline={offlineAlarms(state, zoneDevices(room, scope), now)} now={now} room={room} scope={scope} />
      <Load state={state} f={f} live={live} />
      <Hourly state={state} f={f} live={live} />
      <Staffing state={state} f={f} live={live} />
      <footer id="rules" class="rules" {...oob(live)}>
        警戒线 {state.settings.alarmMinutes} 分钟 · 叫号 {state.settings.calledAlarmMinutes ?? DEFAULT_CALLED_ALARM_MINUTES} 分钟未到即警示 · 激增：近 {SURGE_WINDOW_MINUTES} 分钟取号 ≥ 半小时均值 {SURGE_FACTOR}{" "}
        倍且 ≥ {SURGE_MIN_TICKETS} 张 · 建议窗口：Erlang C，目标平均等候 {state.settings.targetWaitMinutes} 分钟
      </footer>
    </>
  );
}

export const dashboard: LiveView = {
  roles: ANY,
  ages: true,
  // The room carries last week's stored figures, from which the day's expected volume is read,
  // and the day plan's changes, which the alerts remind of.
  showsRoom: true,
  showsPlan: true,
  keys: ["zone"],
  check: (state, params) => zoneProblem(state, params),
  page(state, now, params, live: LiveConfig, room) {
    return Page({
      title: [state.settings.name, zoneScope(state, params.get("zone"))?.zone.names["zh-Hans"], "数据大屏"].filter(Boolean).join(" · "),
      live,
      styles: ["/static/display/dashboard.css"],
      scripts: [CLOCK_SCRIPT, "/static/display/wall-fit.js"],
      bodyClass: "screen dashboard-body",
      children: (
        <main class="dashboard">
          {regions(state, now, false, params, room)}
        </main>
      ),
    }).toString();
  },
  fragments(state, now, params, room) {
    return regions(state, now, true, params, room).toString();
  },
};
