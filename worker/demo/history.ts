/**
 * Four weeks of history for the demo hall, written once when it is first seeded, so its
 * statistics, the data wall's "same day last week" and the 排班 tab's plan (which reads the same
 * weekday of the last four weeks) have something to show on the first visit.
 *
 * The days are one ordinary day simulated through the hall's own core (insights/simulate.ts),
 * counted by the same rollups as a real day, and filed under each day before the seed day:
 * weekdays in full, Saturdays at half the arrivals, Sundays closed.
 */
import type { HallConfig } from "../core/model.js";
import { rollUp, type Rollup } from "../statistics/rollup.js";
import type { Arrival, Scenario } from "../insights/scenario.js";
import { replayDay } from "../insights/simulate.js";

const DAYS = 28;

/** Arrivals per minute by local time: a morning peak, a quiet lunch, a steady afternoon. */
function perMinute(minute: number): number {
  const h = minute / 60;
  return h < 9 ? 0.25 : h < 11 ? 0.55 : h < 12 ? 0.4 : h < 13.5 ? 0.15 : h < 15 ? 0.35 : 0.3;
}

const MIX: Array<[string, number]> = [
  ["household", 0.35],
  ["exit-entry", 0.15],
  ["traffic", 0.4],
  ["security", 0.1],
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/** The demo hall's ordinary day from 08:30 to 17:00, `scale` times as busy. */
export function demoDay(config: HallConfig, scale: number): Scenario {
  const rand = random(20270315 + Math.round(scale * 100));
  const service = new Map(config.categories.map((c) => [c.id, c.serviceMinutes]));
  const known = MIX.filter(([id]) => service.has(id));
  const arrivals: Arrival[] = [];
  for (let m = 8 * 60 + 30; m < 17 * 60; m++) {
    if (rand() >= perMinute(m) * scale) continue;
    let pick = rand() * known.reduce((s, [, w]) => s + w, 0);
    const category = known.find(([, w]) => (pick -= w) < 0)?.[0] ?? known[0]![0];
    const seconds = Math.floor(rand() * 60);
    arrivals.push({ at: `${two(Math.floor(m / 60))}:${two(m % 60)}:${two(seconds)}`, category, serviceSeconds: Math.round(service.get(category)! * 60 * (0.5 + rand())) });
  }
  return {
    name: config.name,
    timezone: config.timezone,
    alarmMinutes: config.alarmMinutes,
    targetWaitMinutes: config.targetWaitMinutes,
    categories: config.categories.map((c) => ({ id: c.id, prefix: c.prefix, name: c.names["zh-Hans"], serviceMinutes: c.serviceMinutes })),
    windows: config.windows.map((w) => ({ id: w.id, label: w.label, categories: w.categories, opens: "08:30", closes: "17:00" })),
    arrivals,
  };
}

/** The statistics rows of the `DAYS` days before `today` (YYYY-MM-DD). */
export function demoHistory(config: HallConfig, today: string): Rollup[] {
  const rowsOf = (scale: number) => rollUp(replayDay(demoDay(config, scale)).events, { timezone: config.timezone });
  const weekday = rowsOf(1);
  const saturday = rowsOf(0.5);
  const at = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: DAYS }, (_, i) => new Date(at - (i + 1) * 86_400_000)).flatMap((d) => {
    const day = d.toISOString().slice(0, 10);
    const rows = d.getUTCDay() === 0 ? [] : d.getUTCDay() === 6 ? saturday : weekday;
    return rows.map((r) => ({ ...r, day }));
  });
}

/** Files the history beside the stats the hall keeps itself (hall-object/stats.ts). */
export function seedDemoHistory(storage: Pick<DurableObjectStorage, "sql" | "transactionSync">, config: HallConfig, today: string): void {
  const rows = demoHistory(config, today);
  storage.transactionSync(() => {
    for (const r of rows) {
      storage.sql.exec("INSERT OR IGNORE INTO stats_rollups (dimension, day, key, body) VALUES (?, ?, ?, ?)", r.by, r.day, r.key, JSON.stringify(r));
    }
  });
}
