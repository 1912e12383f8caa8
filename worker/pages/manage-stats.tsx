/**
 * The manager console's statistics tab (统计): today's, yesterday's, this and last week's
 * figures by category, window, officer or hour, exported as CSV, beside the staffing advice.
 * The figures are the API's own: manage-stats.js reads GET /stats and GET /advice when the tab
 * is open (and again as the hall changes), so the page and an export never disagree.
 */
import type { HallState } from "../core/types.js";
import { Bi } from "./console-kit.js";

const RANGES = [
  ["today", "今日", "Today"],
  ["yesterday", "昨日", "Yesterday"],
  ["this-week", "本周", "This week"],
  ["last-week", "上周", "Last week"],
] as const;

const DIMENSIONS = [
  ["category", "业务", "Category"],
  ["window", "窗口", "Window"],
  ["officer", "民警", "Officer"],
  ["hour", "时段", "Hour"],
] as const;

/** Hall totals over the range; `data-total` names the figure manage-stats.js writes. */
const TOTALS = [
  ["issued", "取号", "issued"],
  ["served", "办结", "served"],
  ["noShows", "过号", "no-shows"],
  ["transfers", "转移", "transfers"],
  ["wait.meanMinutes", "平均等候", "mean wait, min"],
  ["wait.medianMinutes", "中位等候", "median wait"],
  ["wait.p90Minutes", "90% 等候", "90th percentile"],
  ["wait.maxMinutes", "最长等候", "longest wait"],
  ["service.meanMinutes", "平均办理", "mean service"],
  ["satisfaction", "满意度", "satisfaction"],
] as const;

function Toolbar({ state }: { state: HallState }) {
  return (
    <div class="stats-toolbar">
      <div class="segmented" role="group" aria-label="时间范围 range">
        {RANGES.map(([id, zh, en]) => (
          <button type="button" class="small" data-stats-range={id} aria-pressed={id === "today" ? "true" : "false"}>
            <Bi zh={zh} en={en} />
          </button>
        ))}
      </div>
      <label class="inline stats-dates">
        <input type="date" name="from" value={state.day} max={state.day} aria-label="从 from" />–
        <input type="date" name="to" value={state.day} max={state.day} aria-label="至 to" />
      </label>
      <div class="segmented" role="group" aria-label="分组 group by">
        {DIMENSIONS.map(([id, zh, en]) => (
          <button type="button" class="small" data-stats-by={id} aria-pressed={id === "category" ? "true" : "false"}>
            <Bi zh={zh} en={en} />
          </button>
        ))}
      </div>
      <div class="stats-export">
        <a class="button small" data-csv="range" href="#" download>
          <Bi zh="导出 CSV" en="Export CSV" />
        </a>
        <a class="button small" data-csv="day" href="#" download>
          <Bi zh="按日导出" en="CSV per day" />
        </a>
      </div>
    </div>
  );
}

function StatsTable() {
  return (
    <table class="list stats-table">
      <thead>
        <tr>
          <th rowspan={2} data-slot="group-head">业务 Category</th>
          <th rowspan={2} class="num">取号<small>issued</small></th>
          <th rowspan={2} class="num">办结<small>served</small></th>
          <th rowspan={2} class="num">过号<small>no-show</small></th>
          <th rowspan={2} class="num">转移<small>transfer</small></th>
          <th colspan={4} class="group">等候（分钟）· wait, min</th>
          <th colspan={2} class="group">办理 · service</th>
          <th rowspan={2} class="num">满意度<small>rating</small></th>
        </tr>
        <tr>
          <th class="num">平均<small>mean</small></th>
          <th class="num">中位<small>median</small></th>
          <th class="num">90%<small>p90</small></th>
          <th class="num">最长<small>max</small></th>
          <th class="num">平均<small>mean</small></th>
          <th class="num">90%<small>p90</small></th>
        </tr>
      </thead>
      <tbody id="stats-rows">
        <tr class="empty">
          <td colspan={13}>…</td>
        </tr>
      </tbody>
    </table>
  );
}

function AdvicePanel() {
  return (
    <aside id="advice" class="advice" aria-live="polite">
      <h2>
        <Bi zh="开窗建议" en="Staffing advice" />
      </h2>
      <p class="advice-now">
        <b data-slot="now"></b>
        <small class="muted" data-slot="now-basis"></small>
      </p>
      <table class="list advice-table">
        <thead>
          <tr>
            <th>业务</th>
            <th class="num">近1小时<small>arrivals/h</small></th>
            <th class="num">办理<small>min</small></th>
            <th class="num">等候<small>waiting</small></th>
            <th class="num">开放<small>open</small></th>
            <th class="num">需要<small>needed</small></th>
          </tr>
        </thead>
        <tbody id="advice-rows"></tbody>
      </table>
      <h3>
        <Bi zh="今日" en="The day" />
      </h3>
      <p class="advice-day" data-slot="day"></p>
      <p class="advice-action" data-slot="action" hidden>
        <span data-slot="action-text"></span>
        <button type="button" class="small primary" data-tab="hall">
          <Bi zh="去调整窗口" en="Adjust windows" />
        </button>
      </p>
    </aside>
  );
}

export function StatsPanel({ state }: { state: HallState }) {
  return (
    <section id="stats" class="stats-panel">
      <Toolbar state={state} />
      <p class="stats-caption" data-slot="caption"></p>
      <dl class="stats-totals" id="stats-totals">
        {TOTALS.map(([id, zh, en]) => (
          <div data-total={id}>
            <dt>
              <Bi zh={zh} en={en} />
            </dt>
            <dd>—</dd>
          </div>
        ))}
      </dl>
      <div class="stats-columns">
        <div class="stats-main">
          <StatsTable />
          <p class="stats-note muted">
            等候：取号至首次叫号；办理：窗口开始办理至办结；中位数与 90% 取最近秩（不插值）· Waits run from the ticket to its first call;
            median and 90th percentile are nearest-rank.
          </p>
        </div>
        <AdvicePanel />
      </div>
    </section>
  );
}
