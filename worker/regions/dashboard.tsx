/**
 * The region's data wall (区域数据大屏) at 1920×1080: the region's totals, its child regions,
 * and every hall below it ranked by its oldest wait — over the line red, silent grey — each a
 * link to the hall's own wall. Rendered by the region object, first paint and live updates
 * from the same components; figures from worker/regions/board.ts.
 */
import type { RegionView, Totals } from "./board.js";
import { oob, Page, type LiveConfig } from "../pages/layout.js";
import { clockText, CLOCK_SCRIPT, KpiRow, type KpiTile } from "../pages/screen-parts.js";
import { minutesShown as minutes } from "../pages/figures.js";

/** The wall shows this many halls; the rest are counted under the table. */
export const WALL_ROWS = 11;


function Kpis({ t, live }: { t: Totals; live: boolean }) {
  const tiles: KpiTile[] = [
    { id: "halls", zh: "大厅", en: "Halls", value: String(t.halls) },
    { id: "waiting", zh: "等候中", en: "Waiting", value: String(t.waiting) },
    { id: "windows", zh: "开放窗口", en: "Windows open", value: `${t.windowsOpen} / ${t.windowsTotal}` },
    { id: "issued", zh: "今日取号", en: "Issued today", value: String(t.issuedToday) },
    { id: "served", zh: "已办结", en: "Served today", value: String(t.servedToday) },
    { id: "mean-wait", zh: "平均等候", en: "Mean wait", value: minutes(t.meanWaitMinutes), unit: t.meanWaitMinutes === null ? "" : "分钟" },
    { id: "over-line", zh: "超时大厅", en: "Over the line", value: String(t.overLine), tone: t.overLine > 0 ? "alarm" : "ok" },
  ];
  return <KpiRow id="region-kpis" tiles={tiles} live={live} />;
}

function Children({ view, live }: { view: RegionView; live: boolean }) {
  return (
    <section id="region-children" class="children" {...oob(live)}>
      <h2 class="panel-title">
        下级区域 <span lang="en">Regions below</span>
      </h2>
      {view.regions.length === 0 ? (
        <p class="empty">无下级区域 · none</p>
      ) : (
        <ol class="child-list">
          <li class="child child-head">
            <span>区域</span>
            <span>
              大厅<span lang="en">Halls</span>
            </span>
            <span>
              等候<span lang="en">Waiting</span>
            </span>
            <span>
              平均<span lang="en">Mean</span>
            </span>
            <span>
              超时<span lang="en">Over</span>
            </span>
          </li>
          {view.regions.map((r) => (
            <li class={`child ${r.totals.overLine > 0 ? "over" : ""}`} data-region={r.region}>
              <span class="child-name">{r.name["zh-Hans"]}</span>
              <span class="child-figure">{r.totals.halls}</span>
              <span class="child-figure">{r.totals.waiting}</span>
              <span class="child-figure">{minutes(r.totals.meanWaitMinutes)}</span>
              <span class={`child-figure ${r.totals.overLine > 0 ? "alarm" : ""}`}>{r.totals.overLine}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Halls({ view, now, token, live }: { view: RegionView; now: number; token: string | null; live: boolean }) {
  const shown = view.halls.slice(0, WALL_ROWS);
  const more = view.halls.length - shown.length;
  const link = (hall: string) => `/halls/${hall}/dashboard${token ? `?token=${encodeURIComponent(token)}` : ""}`;
  return (
    <section id="region-halls" class="halls" data-now={String(now)} {...oob(live)}>
      <h2 class="panel-title">
        大厅 · 按最久等候排序 <span lang="en">Halls by longest wait</span>
        <span class="legend">
          <i class="key over" /> 超过警戒线 <span lang="en">over the line</span> <i class="key stale" /> 无数据 <span lang="en">no reports</span>
        </span>
      </h2>
      <div class="hall-row hall-head">
        <span>大厅</span>
        <span>
          最久等候<span lang="en">Oldest</span>
        </span>
        <span>
          等候<span lang="en">Waiting</span>
        </span>
        <span>
          窗口<span lang="en">Windows</span>
        </span>
        <span>
          平均<span lang="en">Mean</span>
        </span>
        <span>
          90%<span lang="en">p90</span>
        </span>
        <span>
          取号/办结<span lang="en">Issued/served</span>
        </span>
      </div>
      {shown.map((h) => (
        <a
          class={`hall-row ${h.overLine ? "over" : ""} ${h.stale ? "stale" : ""}`}
          href={link(h.hall)}
          data-hall={h.hall}
          data-over={String(h.overLine)}
          data-stale={String(h.stale)}
        >
          <span class="hall-name-cell">{h.name}</span>
          <span class="big">{h.oldestWaitMinutes === null ? "—" : `${h.oldestWaitMinutes}′`}</span>
          <span>{h.waiting}</span>
          <span>
            {h.windowsOpen}/{h.windowsTotal}
          </span>
          <span>{minutes(h.meanWaitMinutes)}</span>
          <span>{minutes(h.p90WaitMinutes)}</span>
          <span>
            {h.issuedToday}/{h.servedToday}
          </span>
        </a>
      ))}
      {more > 0 ? <p class="more">另有 {more} 个大厅 · {more} more halls</p> : null}
    </section>
  );
}

function Title({ view, now, live }: { view: RegionView; now: number; live: boolean }) {
  const c = clockText(now, "Asia/Shanghai");
  return (
    <>
      <h1 id="region-title" class="hall-name" {...oob(live)}>
        {view.name["zh-Hans"]}
        <span class="subtitle">
          数据大屏 <span lang="en">{view.name.en ?? "Halls"}</span>
        </span>
      </h1>
      <div id="clock" class="clock" data-now={String(now)} data-offset={String(c.offset)} {...oob(live)}>
        <span class="clock-date">{c.date}</span>
        <span class="clock-time">{c.time}</span>
      </div>
    </>
  );
}

function parts(view: RegionView, now: number, token: string | null, live: boolean) {
  return (
    <>
      <Title view={view} now={now} live={live} />
      <Kpis t={view.totals} live={live} />
      <Children view={view} live={live} />
      <Halls view={view} now={now} token={token} live={live} />
    </>
  );
}

export const regionDashboard = {
  page(view: RegionView, now: number, live: LiveConfig): string {
    const token = new URLSearchParams(live.url.split("?")[1] ?? "").get("token");
    return Page({
      title: `${view.name["zh-Hans"]} · 数据大屏`,
      styles: ["/static/display/dashboard.css", "/static/display/region-dashboard.css"],
      scripts: [CLOCK_SCRIPT],
      live,
      bodyClass: "region-wall",
      children: <main class="dashboard region-dashboard">{parts(view, now, token, false)}</main>,
    }).toString();
  },
  fragments(view: RegionView, now: number, token: string | null = null): string {
    return parts(view, now, token, true).toString();
  },
};
