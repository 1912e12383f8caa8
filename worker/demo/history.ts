/**
 * Four weeks of history for the demo hall, written once when it is first seeded, so its
 * statistics, the data wall's "same day last week" and the 排班 tab's plan (which reads the same
 * weekday of the last four weeks) have something to show on the first visit.
 *
 * Each weekday is a day simulated through the hall's own core (insights/simulate.ts), counted
 * by the same rollups as a real day and filed under each such day before the seed day: Monday
 * and Friday busier, Saturdays at half the arrivals, Sundays closed. The days are as a real hall
 * has them (issue 25 §7): a lean rota with a lunch break, so citizens wait at the morning peak and
 * over lunch and hardly at all mid-afternoon; about 6.5% of those called do not come (过号); about
 * 3% are sent on to the 治安 (security) counter after their first service (转办). Deterministic:
 * the same seed day gives the same history.
 */
import type { HallConfig } from "../core/model.js";
import { rollUp, type Rollup } from "../statistics/rollup.js";
import type { Arrival, Scenario, Shift } from "../insights/scenario.js";
import { replayDay } from "../insights/simulate.js";

const DAYS = 28;

/** Arrivals per minute by local time: a morning peak, a quiet lunch, a steady afternoon. */
function perMinute(minute: number): number {
  const h = minute / 60;
  return h < 9 ? 0.35 : h < 11 ? 0.75 : h < 12 ? 0.55 : h < 13.5 ? 0.25 : h < 15 ? 0.5 : 0.4;
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

/** Share of citizens called who never come to the window. */
export const NO_SHOW_SHARE = 0.065;
/** Share of household and traffic citizens sent on to security after their first service. */
export const TRANSFER_SHARE = 0.03;

/**
 * How the demo hall is staffed on an ordinary day: fewer windows than it has, a lunch break
 * covered by window 4, window 3 only at the peaks, the 疑难 window all day.
 */
export const DEMO_ROTA: Record<string, Shift[]> = {
  "1": [{ opens: "08:30", closes: "12:00" }, { opens: "13:30", closes: "17:00" }],
  "2": [{ opens: "09:00", closes: "12:00" }, { opens: "14:00", closes: "17:00" }],
  "3": [{ opens: "09:30", closes: "11:30" }],
  "4": [{ opens: "12:00", closes: "14:00" }],
  "5": [{ opens: "08:30", closes: "12:00" }, { opens: "13:30", closes: "16:30" }],
  "6": [{ opens: "08:30", closes: "17:00" }],
};

/** Monday to Saturday: how busy each is against an ordinary day (Sunday closed). */
const WEEKDAY_SCALE = [0, 1.15, 1, 0.95, 1, 1.1, 0.5];

/** The demo hall's day from 08:30 to 17:00, `scale` times as busy, on its rota; `seed` picks the citizens. */
export function demoDay(config: HallConfig, scale: number, seed = 20270315): Scenario {
  const rand = random(seed + Math.round(scale * 100));
  const service = new Map(config.categories.map((c) => [c.id, c.serviceMinutes]));
  const known = MIX.filter(([id]) => service.has(id));
  const arrivals: Arrival[] = [];
  for (let m = 8 * 60 + 30; m < 17 * 60; m++) {
    if (rand() >= perMinute(m) * scale) continue;
    let pick = rand() * known.reduce((s, [, w]) => s + w, 0);
    const category = known.find(([, w]) => (pick -= w) < 0)?.[0] ?? known[0]![0];
    const seconds = Math.floor(rand() * 60);
    const arrival: Arrival = { at: `${two(Math.floor(m / 60))}:${two(m % 60)}:${two(seconds)}`, category, serviceSeconds: Math.round(service.get(category)! * 60 * (0.5 + rand())) };
    if (rand() < NO_SHOW_SHARE) arrival.noShow = true;
    else if ((category === "household" || category === "traffic") && service.has("security") && rand() < TRANSFER_SHARE / 0.75) {
      Object.assign(arrival, { transferTo: "security", transferSeconds: Math.round(service.get("security")! * 60 * (0.5 + rand())) });
    }
    arrivals.push(arrival);
  }
  return {
    name: config.name,
    timezone: config.timezone,
    alarmMinutes: config.alarmMinutes,
    targetWaitMinutes: config.targetWaitMinutes,
    categories: config.categories.map((c) => ({ id: c.id, prefix: c.prefix, name: c.names["zh-Hans"], serviceMinutes: c.serviceMinutes })),
    windows: config.windows.map((w) => ({ id: w.id, label: w.label, categories: w.categories, shifts: DEMO_ROTA[w.id] ?? [{ opens: "08:30", closes: "17:00" }] })),
    arrivals,
  };
}

/** The statistics rows of the `DAYS` days before `today` (YYYY-MM-DD). */
export function demoHistory(config: HallConfig, today: string): Rollup[] {
  // One simulated day per weekday (six plays of the day, not 24), each with its own citizens.
  const byWeekday = WEEKDAY_SCALE.map((scale, weekday) => (scale === 0 ? [] : rollUp(replayDay(demoDay(config, scale, 20270315 + weekday * 7919)).events, { timezone: config.timezone })));
  const at = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: DAYS }, (_, i) => new Date(at - (i + 1) * 86_400_000)).flatMap((d) => {
    const day = d.toISOString().slice(0, 10);
    return byWeekday[d.getUTCDay()]!.map((r) => ({ ...r, day }));
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
