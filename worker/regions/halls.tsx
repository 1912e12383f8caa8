/**
 * The public list of a region's halls (附近大厅), phone first, no token: each hall open now with
 * how many wait and the estimated wait per category, nearest first once the browser shares its
 * position. Only the figures a hall's own screen shows: no tickets, officers or ID marks.
 */
import type { PublicHall } from "./board.js";
import type { RegionName } from "./tree.js";
import { Page } from "../pages/layout.js";
import { minutesShown as wait } from "../pages/figures.js";


function HallCard({ h }: { h: PublicHall }) {
  const busiest = h.categories.reduce((m, c) => Math.max(m, c.estimatedWaitMinutes ?? 0), 0);
  return (
    <li class="hall-card" data-hall={h.hall}>
      <div class="hall-head">
        <h2>{h.name}</h2>
        {h.distanceKm !== undefined ? <span class="distance">{h.distanceKm} km</span> : null}
      </div>
      {h.address ? <p class="address">{h.address}</p> : null}
      <p class="summary">
        <strong data-waiting>{h.waiting}</strong> 人等候 · {h.windowsOpen} 个窗口开放
        <span lang="en">
          {" "}
          {h.waiting} waiting · {h.windowsOpen} {h.windowsOpen === 1 ? "window" : "windows"} open
        </span>
      </p>
      <table class="categories">
        <thead>
          <tr>
            <th>业务 Service</th>
            <th>等候 Waiting</th>
            <th>预计 Est. wait</th>
          </tr>
        </thead>
        <tbody>
          {h.categories.map((c) => (
            <tr data-category={c.id} class={c.estimatedWaitMinutes !== null && c.estimatedWaitMinutes >= busiest && busiest > 0 ? "longest" : ""}>
              <td>
                {c.names["zh-Hans"]}
                <span lang="en">{c.names.en ?? ""}</span>
              </td>
              <td>{c.waiting}</td>
              <td>
                {wait(c.estimatedWaitMinutes)}
                <small>分钟 min</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {h.location ? (
        <a class="map" href={`https://uri.amap.com/marker?position=${h.location.lng},${h.location.lat}&name=${encodeURIComponent(h.name)}&coordinate=wgs84`}>
          地图导航 · Map
        </a>
      ) : null}
      <a class="map book" href={`/halls/${h.hall}/book`}>
        网上预约 · Book a visit
      </a>
    </li>
  );
}

export function regionHallsPage(list: { region: string; name: RegionName; halls: PublicHall[] }, sorted: boolean): string {
  return Page({
    title: `${list.name["zh-Hans"]} · 附近大厅`,
    styles: ["/static/display/region-halls.css"],
    scripts: ["/static/display/region-halls.js"],
    bodyClass: "region-halls",
    children: (
      <main>
        <header>
          <h1>
            {list.name["zh-Hans"]}办事大厅
            <span lang="en">{list.name.en ? `${list.name.en} service halls` : "Service halls"}</span>
          </h1>
          <p class="hint">
            现在开放的大厅与预计等候时间 <span lang="en">Halls open now and their estimated waits</span>
          </p>
          <button type="button" id="nearest" data-sorted={String(sorted)}>
            {sorted ? "已按距离排序 · Nearest first" : "按距离排序 · Nearest first"}
          </button>
        </header>
        {list.halls.length === 0 ? (
          <p class="none">现在没有开放的大厅 · No hall is open now</p>
        ) : (
          <ol class="hall-list">
            {list.halls.map((h) => (
              <HallCard h={h} />
            ))}
          </ol>
        )}
      </main>
    ),
  }).toString();
}
