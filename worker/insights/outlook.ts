/**
 * The day ahead, for the staffing advisor: how many tickets today will bring and how many windows
 * its busiest hour needs, beside Laibin's rota rule (来宾市轮岗办法).
 *
 * - Expected volume: the tickets issued on the same weekday last week (a stored day; halls are
 *   busiest on the same weekdays, Monday after a weekend, Friday before one), or today's count so
 *   far when that is already larger or last week has no record. Laibin's rule reads this figure.
 * - Busiest hour: the hour with the most arrivals on that day last week, its tickets split over
 *   the categories as that whole day's were; without a record, today's busiest hour so far.
 *   Erlang C (advisor.ts) then says how many windows that hour needs, per category and as
 *   comprehensive windows, with today's learnt service times.
 */
import { adviseStaffing, type StaffingAdvice, type WaitTargets } from "./advisor.js";
import type { Rollup } from "../statistics/rollup.js";

/** What the log says about one past day: enough to expect today from it. */
export interface ReferenceDay {
  day: string;
  issued: number;
  /** Tickets issued per category id. */
  byCategory: Record<string, number>;
  /** The local hour ("10") with the most arrivals, and how many; null on a day without tickets. */
  peak: { hour: string; issued: number } | null;
}

/** The same weekday a week before `day` (YYYY-MM-DD). */
export function sameWeekdayLastWeek(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10);
}

/**
 * A stored day's figures as a reference, from its hall, category and hour rollups; null when
 * the rows hold nothing for `day` (the hall did not run, or ran before statistics were kept).
 *
 * @example
 * referenceDayOf(rows, "2026-11-16") // { day: "2026-11-16", issued: 557, byCategory: { traffic: 361, … }, peak: { hour: "10", issued: 89 } }
 */
export function referenceDayOf(rows: Iterable<Rollup>, day: string): ReferenceDay | null {
  let issued: number | null = null;
  const byCategory: Record<string, number> = {};
  let peak: ReferenceDay["peak"] = null;
  for (const r of rows) {
    if (r.day !== day) continue;
    if (r.by === "hall") issued = (issued ?? 0) + r.issued;
    if (r.by === "category") byCategory[r.key] = (byCategory[r.key] ?? 0) + r.issued;
    if (r.by === "hour" && r.issued > 0 && (!peak || r.issued > peak.issued || (r.issued === peak.issued && r.key < peak.hour))) {
      peak = { hour: r.key, issued: r.issued };
    }
  }
  return issued === null ? null : { day, issued, byCategory, peak };
}

export interface DayOutlook {
  /** The daily volume Laibin's rule reads. */
  expectedVolume: number;
  /** Where it comes from: last week's same weekday, or today's count so far. */
  basis: "last_week" | "today";
  /** The same weekday last week, and what it issued (null without a record). */
  lastWeek: { day: string; issued: number | null };
  todayIssued: number;
  /** The busiest hour the advice is for, and its arrivals per category. */
  peak: { hour: string | null; basis: "last_week" | "today"; arrivals: number; byCategory: Record<string, number> };
  /** Erlang C for that hour, and Laibin's rule for the expected volume. */
  advice: StaffingAdvice;
}

export interface OutlookInput extends WaitTargets {
  today: string;
  reference: ReferenceDay | null;
  todayIssued: number;
  /** Today's busiest hour so far ("10") and its arrivals per category; null before the first ticket. */
  todayPeak: { hour: string; byCategory: Record<string, number> } | null;
  /** Categories with today's service time (learnt, else configured). */
  categories: Array<{ id: string; serviceMinutes: number }>;
  windowsInHall: number;
}

/**
 * @example
 * dayOutlook({ today: "2026-11-23", reference: { day: "2026-11-16", issued: 557, byCategory: { traffic: 361, household: 196 }, peak: { hour: "10", issued: 89 } },
 *   todayIssued: 40, todayPeak: null, categories: [{ id: "traffic", serviceMinutes: 3 }, { id: "household", serviceMinutes: 6 }], windowsInHall: 4 })
 * // expectedVolume 557 (last_week); Laibin opens 4 of 4; the 10:00 hour's 89 arrivals need advice.comprehensive.windows
 */
export function dayOutlook(input: OutlookInput): DayOutlook {
  const { reference, todayIssued, todayPeak, categories, windowsInHall, today, ...targets } = input;
  const lastIssued = reference?.issued ?? null;
  const fromLastWeek = lastIssued !== null && lastIssued >= todayIssued;
  const expectedVolume = fromLastWeek ? lastIssued : todayIssued;

  let peak: DayOutlook["peak"];
  if (reference?.peak && reference.issued > 0) {
    const byCategory: Record<string, number> = {};
    for (const c of categories) byCategory[c.id] = (reference.peak.issued * (reference.byCategory[c.id] ?? 0)) / reference.issued;
    peak = { hour: reference.peak.hour, basis: "last_week", arrivals: reference.peak.issued, byCategory };
  } else {
    const byCategory = Object.fromEntries(categories.map((c) => [c.id, todayPeak?.byCategory[c.id] ?? 0]));
    const arrivals = Object.values(byCategory).reduce((s, n) => s + n, 0);
    peak = { hour: todayPeak?.hour ?? null, basis: "today", arrivals, byCategory };
  }
  const advice = adviseStaffing({
    demand: categories.map((c) => ({ category: c.id, arrivalsPerHour: peak.byCategory[c.id] ?? 0, serviceMinutes: c.serviceMinutes })),
    dailyVolume: expectedVolume,
    windowsInHall,
    ...targets,
  });
  return {
    expectedVolume,
    basis: fromLastWeek ? "last_week" : "today",
    lastWeek: { day: reference?.day ?? sameWeekdayLastWeek(today), issued: lastIssued },
    todayIssued,
    peak,
    advice,
  };
}
