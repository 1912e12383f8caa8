/**
 * Pieces every hall screen shares: the clock in the hall's time zone, category names in the
 * hall's second script, the scrolling notice, the supervision QR code and the call flash.
 *
 * Regions are replaced whole when an update arrives, and a replaced element restarts its CSS
 * animations. So animations are phased by the server's clock: the flash starts at the call's
 * own time and the notice scrolls at a phase of the wall clock, and a region re-rendered for
 * some other change carries on where it was instead of starting over.
 */
import { clockText } from "../insights/clock-text.js";
import { raw } from "hono/html";
import { encode } from "uqr";
import type { Category, HallState, Window } from "../core/model.js";
import type { ZoneScope } from "../core/zones.js";
import { oob } from "./layout.js";

/** How long a new call flashes, in seconds (base.css: .flash). */
export const FLASH_SECONDS = 6;

/** The script that ticks the clock; pages with a `Clock` load it. */
export const CLOCK_SCRIPT = "/static/display/clock.js";

export { clockText, localTime } from "../insights/clock-text.js";

/**
 * Date and time in the hall's zone. clock.js ticks it each second from the server's clock
 * (`data-now`), not the screen's own, which on a TV box is often wrong; every update re-syncs it.
 */
export function Clock({ state, now, live }: { state: HallState; now: number; live: boolean }) {
  const c = clockText(now, state.settings.timezone);
  return (
    <div id="clock" class="clock" data-now={String(now)} data-offset={String(c.offset)} {...oob(live)}>
      <span class="clock-date">{c.date}</span>
      <span class="clock-time">{c.time}</span>
    </div>
  );
}

/** The name under the Chinese one: zh-Hant for a Cantonese-calling hall, else English when the hall calls in English. */
export function secondName(state: HallState, category: Pick<Category, "names">): { text: string; lang: "zh-Hant" | "en" } | null {
  const langs = state.settings.languages;
  if (langs.includes("yue-Hant")) {
    const text = category.names["zh-Hant"];
    return text && text !== category.names["zh-Hans"] ? { text, lang: "zh-Hant" } : null;
  }
  if (langs.includes("en") && category.names.en) return { text: category.names.en, lang: "en" };
  return null;
}

/** A zone's name beside the hall's on its screens; a zone removed live says so. */
export function ZoneName({ state, scope }: { state: HallState; scope: ZoneScope | null }) {
  if (!scope) return null;
  if (!scope.known) {
    return (
      <span class="zone-name gone" data-zone={scope.zone.id}>
        区域已撤销 <span lang="en">Zone removed</span>
      </span>
    );
  }
  const second = secondName(state, scope.zone);
  return (
    <span class="zone-name" data-zone={scope.zone.id}>
      {scope.zone.names["zh-Hans"]}
      {second && <span lang={second.lang}>{second.text}</span>}
    </span>
  );
}

export function CategoryName({ state, category }: { state: HallState; category: Category }) {
  const second = secondName(state, category);
  return (
    <span class="category-name">
      <span class="name-zh">{category.names["zh-Hans"]}</span>
      {second && (
        <span class="name-second" lang={second.lang}>
          {second.text}
        </span>
      )}
    </span>
  );
}

export const STATE_TEXT: Record<Window["state"], { zh: string; en: string }> = {
  open: { zh: "开放", en: "Open" },
  paused: { zh: "暂停服务", en: "Paused" },
  closed: { zh: "窗口关闭", en: "Closed" },
};

/**
 * The attributes that flash a freshly called ticket, phased from the call's own time: a region
 * re-rendered two seconds after a call flashes on from second two; one rendered after the flash
 * is over does not flash. A new call or recall has a new time, so it flashes from the start.
 */
export function flashAttrs(at: string | null | undefined, now: number): { "data-flash"?: string; style?: string } {
  if (!at) return {};
  const age = (now - Date.parse(at)) / 1000;
  if (!(age >= -1 && age < FLASH_SECONDS)) return {};
  return { "data-flash": "on", style: `animation-delay:-${Math.max(0, age).toFixed(2)}s` };
}

/** Roughly how many ems a line of text is wide: CJK and full-width forms 1, others ~0.55. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 1 : 0.55;
  return ems;
}

/** Notice scroll speed in ems per second (three to four characters a second reads well from afar). */
const NOTICE_EMS_PER_SECOND = 3.5;

/**
 * The manager's notice line, scrolling right to left. The scroll's phase comes from the wall
 * clock, so an update that re-renders the line does not send it back to the start.
 * `trackEms` is how wide the track is in ems of the notice's font (see the page's CSS).
 */
export function Notice({ state, now, live, trackEms }: { state: HallState; now: number; live: boolean; trackEms: number }) {
  const text = state.settings.notice.trim();
  const seconds = Math.max(8, Math.round(((textEms(text) + trackEms) / NOTICE_EMS_PER_SECOND) * 10) / 10);
  const phase = ((now / 1000) % seconds).toFixed(2);
  return (
    <div id="notice" class={text ? "notice" : "notice empty"} {...oob(live)}>
      {text && (
        <div class="notice-track">
          <span class="notice-text" style={`animation-duration:${seconds}s;animation-delay:-${phase}s`}>
            {text}
          </span>
        </div>
      )}
    </div>
  );
}

/** Rendered codes by address; one isolate may serve several halls. */
const qrCache = new Map<string, string>();
const QR_CACHE_SIZE = 32;

/**
 * A QR code as one SVG path (horizontal runs of dark modules), dark on white with a quiet zone;
 * the screen's CSS sizes it. Memoised: every render of every main screen asks for it.
 */
export function qrSvg(url: string): string {
  const cached = qrCache.get(url);
  if (cached) return cached;
  const { data, size } = encode(url, { ecc: "M", border: 0 });
  const quiet = 4; // the four-module quiet zone the QR standard asks for
  let d = "";
  data.forEach((row, y) => {
    for (let x = 0; x < size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run;
    }
  });
  const box = size + quiet * 2;
  const svg =
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges" role="img" aria-label="码上监督二维码">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
  if (qrCache.size >= QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value!);
  qrCache.set(url, svg);
  return svg;
}

/** The supervision QR code (码上监督), or an empty region when the hall has none. */
export function Supervision({ state, live }: { state: HallState; live: boolean }) {
  const url = state.settings.supervisionUrl;
  return (
    <aside id="supervision" class={url ? "supervision" : "supervision empty"} {...oob(live)}>
      {url && (
        <>
          {raw(qrSvg(url))}
          <span class="supervision-label">码上监督</span>
          <span class="supervision-sub" lang="en">
            Scan to comment
          </span>
        </>
      )}
    </aside>
  );
}

/** Minutes as people read them on a wall: "约 12 分钟", "即到" for none. */
export function waitText(minutes: number | null): { zh: string; en: string } {
  if (minutes === null) return { zh: "暂无窗口", en: "No window open" };
  if (minutes <= 0) return { zh: "即到", en: "Now" };
  return { zh: `约 ${minutes} 分钟`, en: `≈ ${minutes} min` };
}

/** A data wall's figure: its id (data-kpi), its words, its value and unit, and its tone. */
export interface KpiTile {
  id: string;
  zh: string;
  en: string;
  value: string;
  unit?: string;
  tone?: string;
}

/** The row of big figures across the top of a data wall (the hall's and a region's). */
export function KpiRow({ id, tiles, live }: { id: string; tiles: KpiTile[]; live: boolean }) {
  return (
    <section id={id} class="kpis" {...oob(live)}>
      {tiles.map((k) => (
        <div class={`kpi ${k.tone ?? ""}`} data-kpi={k.id}>
          <span class="kpi-label">
            {k.zh}
            <span lang="en">{k.en}</span>
          </span>
          <span class="kpi-value">
            {k.value}
            {k.unit ? <small>{k.unit}</small> : null}
          </span>
        </div>
      ))}
    </section>
  );
}
