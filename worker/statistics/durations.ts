/**
 * Durations the hall reports on (waits, service times), kept as a mergeable count of whole
 * seconds so a day's figures can be stored once and added to any other day's.
 *
 * Every duration is rounded to the nearest whole second when counted. Mean and max are then
 * exact over those seconds, and percentiles are read from the same counts, so a figure merged
 * from 365 stored days is exactly the figure computed from the year's raw events.
 */

/** Whole-second durations: how many of each, their sum and their longest. Plain JSON. */
export interface DurationCounts {
  count: number;
  sumSeconds: number;
  maxSeconds: number;
  /** Occurrences by whole seconds ("75": 3 means three durations of 1 min 15 s). */
  seconds: Record<string, number>;
}

/** What a manager reads: minutes, or null when nothing was counted. */
export interface DurationFigures {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
}

/**
 * Nothing counted yet.
 *
 * @example
 * const waits = noDurations();
 * countDuration(waits, 75_400); // 1 min 15.4 s → 75 s
 * durationFigures(waits); // { count: 1, meanMinutes: 1.25, medianMinutes: 1.25, p90Minutes: 1.25, maxMinutes: 1.25 }
 */
export function noDurations(): DurationCounts {
  return { count: 0, sumSeconds: 0, maxSeconds: 0, seconds: {} };
}

/** Counts one duration given in milliseconds (negative ones count as 0); see `noDurations`. */
export function countDuration(into: DurationCounts, ms: number): void {
  const s = Math.max(0, Math.round(ms / 1000));
  into.count += 1;
  into.sumSeconds += s;
  if (s > into.maxSeconds) into.maxSeconds = s;
  into.seconds[s] = (into.seconds[s] ?? 0) + 1;
}

/**
 * Adds `from` into `into`: Monday's waits plus Tuesday's are the two days' waits.
 *
 * @example
 * const week = noDurations();
 * for (const day of stored) addDurations(week, day.wait);
 */
export function addDurations(into: DurationCounts, from: DurationCounts): void {
  into.count += from.count;
  into.sumSeconds += from.sumSeconds;
  if (from.maxSeconds > into.maxSeconds) into.maxSeconds = from.maxSeconds;
  for (const [s, n] of Object.entries(from.seconds)) into.seconds[s] = (into.seconds[s] ?? 0) + n;
}

/**
 * The nearest-rank percentile: with the N values sorted ascending, the value at rank
 * ⌈p/100 · N⌉ (1-based), i.e. the smallest value with at least p% of values at or below it.
 * Always one of the values, never an interpolation; the median is p = 50, so for an even N
 * it is the lower of the two middle values. Null for no values.
 *
 * @example
 * percentileSeconds(counts([60, 120, 180, 240]), 50) // 120
 * percentileSeconds(counts([60, 120, 180, 240]), 90) // 240 (rank ⌈3.6⌉ = 4)
 */
export function percentileSeconds(counts: DurationCounts, p: number): number | null {
  if (counts.count === 0) return null;
  const rank = Math.max(1, Math.ceil((p * counts.count) / 100));
  const values = Object.keys(counts.seconds)
    .map(Number)
    .sort((a, b) => a - b);
  let seen = 0;
  for (const s of values) {
    seen += counts.seconds[s]!;
    if (seen >= rank) return s;
  }
  return counts.maxSeconds;
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 100) / 100;

/**
 * Mean, nearest-rank median and 90th percentile, and max, in minutes to two decimals.
 *
 * @example
 * // waits of 2, 3 and 10 minutes
 * durationFigures(waits) // { count: 3, meanMinutes: 5, medianMinutes: 3, p90Minutes: 10, maxMinutes: 10 }
 */
export function durationFigures(counts: DurationCounts): DurationFigures {
  if (counts.count === 0) return { count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null, maxMinutes: null };
  return {
    count: counts.count,
    meanMinutes: minutes(counts.sumSeconds / counts.count),
    medianMinutes: minutes(percentileSeconds(counts, 50)!),
    p90Minutes: minutes(percentileSeconds(counts, 90)!),
    maxMinutes: minutes(counts.maxSeconds),
  };
}
