/**
 * The 10-minute list: each hall's own statistics over a range (GET /api/halls/{hall}/stats,
 * by hall — one definition of a wait), one row per hall, and the halls whose mean wait was over
 * a line. Gathered from the halls, never a second record.
 */
import { isOverLine } from "../core/waits.js";
import type { StatsRow } from "../statistics/stats.js";

export interface RegionStatsRow {
  hall: string;
  name: string;
  region: string | null;
  issued: number;
  served: number;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  /** Hours officers spent serving at the hall's windows: Σ service time (start → finish) / 60. */
  windowHours: number;
}

/** A hall's line from its whole-hall statistics row over the range (null: nothing happened). */
export function regionStatsRow(hall: { hall: string; name: string; region: string | null }, total: StatsRow | null): RegionStatsRow {
  const service = total?.service;
  const serviceMinutes = service && service.meanMinutes !== null ? service.meanMinutes * service.count : 0;
  return {
    hall: hall.hall,
    name: hall.name,
    region: hall.region,
    issued: total?.issued ?? 0,
    served: total?.served ?? 0,
    meanWaitMinutes: total?.wait.meanMinutes ?? null,
    p90WaitMinutes: total?.wait.p90Minutes ?? null,
    windowHours: Math.round((serviceMinutes / 60) * 10) / 10,
  };
}

/** Longest mean wait first; `over` keeps only halls whose mean wait is over that line (worker/core/waits.ts). */
export function tenMinuteList(rows: RegionStatsRow[], over?: number): RegionStatsRow[] {
  return rows
    .filter((r) => over === undefined || (r.meanWaitMinutes !== null && isOverLine(r.meanWaitMinutes, over, "finished")))
    .sort((a, b) => (b.meanWaitMinutes ?? -1) - (a.meanWaitMinutes ?? -1) || a.hall.localeCompare(b.hall));
}

const COLUMNS: Array<[string, (r: RegionStatsRow) => string | number | null]> = [
  ["hall", (r) => r.hall],
  ["name", (r) => r.name],
  ["region", (r) => r.region],
  ["issued", (r) => r.issued],
  ["served", (r) => r.served],
  ["wait_mean_min", (r) => r.meanWaitMinutes],
  ["wait_p90_min", (r) => r.p90WaitMinutes],
  ["window_hours", (r) => r.windowHours],
];

function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row and a UTF-8 BOM, so Excel shows 梧州 rather than mojibake. */
export function regionStatsCsv(rows: RegionStatsRow[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(","), ...rows.map((r) => COLUMNS.map(([, v]) => field(v(r))).join(","))];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
