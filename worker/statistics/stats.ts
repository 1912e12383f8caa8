/**
 * The hall's statistics for managers (Liuzhou counts every window and officer weekly;
 * Guangxi's target is a mean wait of 8.2 min): per day or over a range, by category, window,
 * officer or hour of arrival. Read from the event log through rollups (rollup.ts), so a stored
 * day and a recomputed day give the same figures.
 *
 * Definitions:
 *  - wait: ticket issued → first called, in minutes;
 *  - service: service began at the finishing window → finished, in minutes;
 *  - median and p90 are nearest-rank percentiles over whole seconds (see `percentileSeconds`):
 *    always a wait that really happened, never an interpolation;
 *  - satisfaction: mean score (1..5) of the ratings of tickets served in the group, the 好评率
 *    (share of 4 and 5, in percent) and the count of 差评 (1 and 2).
 */
import { durationFigures, noDurations, type DurationFigures } from "./durations.js";
import { addRollup, rollUp, type Rating, type Rollup, type StatsDimension } from "./rollup.js";
import type { HallEvent } from "../core/events.js";

export type { Rating, Rollup, StatsDimension } from "./rollup.js";

/** One line of the statistics: a group over a day (from = to) or a range of days. */
export interface StatsRow {
  from: string;
  to: string;
  by: StatsDimension;
  key: string;
  label: string;
  issued: number;
  served: number;
  noShows: number;
  transfers: number;
  wait: DurationFigures;
  service: DurationFigures;
  satisfaction: { meanScore: number | null; count: number; goodRate: number | null; bad: number };
}

export interface StatsQuery {
  by: StatsDimension;
  /** First local day included, YYYY-MM-DD; open when left out. */
  from?: string;
  /** Last local day included. */
  to?: string;
  /** One row per day and group (default), or one per group over the whole range. */
  perDay?: boolean;
}

function emptyLike(r: Rollup): Rollup {
  return {
    ...r,
    issued: 0,
    served: 0,
    noShows: 0,
    transfers: 0,
    wait: noDurations(),
    service: noDurations(),
    rating: { count: 0, sum: 0, good: 0, bad: 0 },
  };
}

function toRow(r: Rollup, from: string, to: string): StatsRow {
  return {
    from,
    to,
    by: r.by,
    key: r.key,
    label: r.label,
    issued: r.issued,
    served: r.served,
    noShows: r.noShows,
    transfers: r.transfers,
    wait: durationFigures(r.wait),
    service: durationFigures(r.service),
    satisfaction: {
      meanScore: r.rating.count === 0 ? null : Math.round((r.rating.sum / r.rating.count) * 100) / 100,
      count: r.rating.count,
      // 好评率: the share of 非常满意 and 满意, in percent.
      goodRate: r.rating.count === 0 ? null : Math.round(((r.rating.good ?? 0) / r.rating.count) * 1000) / 10,
      bad: r.rating.bad ?? 0,
    },
  };
}

/**
 * Answers a query from stored rollups (any mix of days and dimensions; those outside the
 * query are skipped). Merging is exact: counts, sums and per-second counts simply add.
 *
 * @example
 * // the Durable Object keeps one row per (day, by, key); a year by category:
 * mergeRollups(storedRows, { by: "category", from: "2026-01-01", to: "2026-12-31", perDay: false });
 */
export function mergeRollups(rollups: Iterable<Rollup>, query: StatsQuery): StatsRow[] {
  const perDay = query.perDay ?? true;
  const groups = new Map<string, { sum: Rollup; first: string; last: string }>();
  for (const r of rollups) {
    if (r.by !== query.by) continue;
    if (query.from !== undefined && r.day < query.from) continue;
    if (query.to !== undefined && r.day > query.to) continue;
    const id = perDay ? `${r.day}|${r.key}` : r.key;
    let g = groups.get(id);
    if (!g) {
      g = { sum: emptyLike(r), first: r.day, last: r.day };
      groups.set(id, g);
    }
    addRollup(g.sum, r);
    if (r.day < g.first) g.first = r.day;
    if (r.day > g.last) g.last = r.day;
  }
  const all = [...groups.values()];
  const first = all.reduce((d, g) => (d === "" || g.first < d ? g.first : d), "");
  const last = all.reduce((d, g) => (g.last > d ? g.last : d), "");
  return all
    .map((g) => (perDay ? toRow(g.sum, g.first, g.first) : toRow(g.sum, query.from ?? first, query.to ?? last)))
    .sort((a, b) => a.from.localeCompare(b.from) || a.key.localeCompare(b.key, "en", { numeric: true }));
}

/**
 * Statistics straight from an event log (and the window evaluator's ratings).
 *
 * @example
 * hallStats(events, { timezone: "Asia/Shanghai", by: "category" });
 * // [{ from: "2026-03-02", to: "2026-03-02", by: "category", key: "traffic", label: "交管",
 * //    issued: 350, served: 348, wait: { meanMinutes: 6.4, medianMinutes: 5.1, p90Minutes: 12.3, … }, … }, …]
 */
export function hallStats(
  events: Iterable<HallEvent>,
  query: StatsQuery & { timezone: string; ratings?: Iterable<Rating> },
): StatsRow[] {
  const { timezone, ratings, ...rest } = query;
  return mergeRollups(rollUp(events, ratings ? { timezone, ratings } : { timezone }), rest);
}

const CSV_COLUMNS: Array<[header: string, value: (r: StatsRow) => string | number | null]> = [
  ["from", (r) => r.from],
  ["to", (r) => r.to],
  ["by", (r) => r.by],
  ["key", (r) => r.key],
  ["label", (r) => r.label],
  ["issued", (r) => r.issued],
  ["served", (r) => r.served],
  ["no_shows", (r) => r.noShows],
  ["transfers", (r) => r.transfers],
  ["waits", (r) => r.wait.count],
  ["wait_mean_min", (r) => r.wait.meanMinutes],
  ["wait_median_min", (r) => r.wait.medianMinutes],
  ["wait_p90_min", (r) => r.wait.p90Minutes],
  ["wait_max_min", (r) => r.wait.maxMinutes],
  ["service_mean_min", (r) => r.service.meanMinutes],
  ["service_median_min", (r) => r.service.medianMinutes],
  ["service_p90_min", (r) => r.service.p90Minutes],
  ["service_max_min", (r) => r.service.maxMinutes],
  ["satisfaction_mean", (r) => r.satisfaction.meanScore],
  ["ratings", (r) => r.satisfaction.count],
  ["good_rate_pct", (r) => r.satisfaction.goodRate],
  ["bad_ratings", (r) => r.satisfaction.bad],
];

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as CSV (RFC 4180: CRLF line ends, quoted where needed), with a header row; empty
 * fields where a figure has no data. `bom` prefixes a UTF-8 byte-order mark so that Excel
 * shows 户政 rather than mojibake.
 *
 * @example
 * statsCsv(hallStats(events, { timezone: "Asia/Shanghai", by: "window" }));
 * // "from,to,by,key,label,issued,served,…\r\n2026-03-02,2026-03-02,window,5,5 交管专窗,0,84,…\r\n"
 */
export function statsCsv(rows: Iterable<StatsRow>, options: { bom?: boolean } = {}): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(",")];
  for (const r of rows) lines.push(CSV_COLUMNS.map(([, v]) => csvField(v(r))).join(","));
  return (options.bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
