/**
 * Content schedules in the hall's time zone: is an item on at an instant, when does that next
 * change, and does a schedule ever show at all. A schedule changes only at a local midnight
 * (dates, weekdays) or at one of its hour boundaries, so those are the only instants looked at.
 *
 * @example
 * isOn({ weekdays: [1, 2, 3, 4, 5], hours: [{ from: "09:00", to: "12:00" }] }, now, "Asia/Shanghai");
 * nextChange(schedule, now, tz); // the instant it goes on or off next, or null for never
 */
import type { Schedule } from "./content-types.js";
import { localParts, offsetMinutes } from "./day.js";

const DAY_MS = 86_400_000;

/** "HH:MM" → minutes after midnight ("24:00" is 1440). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

function dateText(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant the wall clock in `timezone` reads `minutes` after midnight on `date`. */
export function localInstant(date: string, minutes: number, timezone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  let guess = asUtc - offsetMinutes(asUtc, timezone) * 60_000;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMinutes(guess, timezone) * 60_000;
  return guess;
}

function local(now: number, timezone: string): { date: string; minute: number } {
  const p = localParts(now, timezone);
  return { date: dateText(p.year, p.month, p.day), minute: p.hour * 60 + p.minute + p.second / 60 };
}

/** Whether the schedule shows on local `date` at all (dates and weekdays). */
function dayOn(s: Schedule, date: string): boolean {
  if (s.from !== undefined && date < s.from) return false;
  if (s.to !== undefined && date > s.to) return false;
  return s.weekdays === undefined || s.weekdays.includes(isoWeekday(date));
}

function minuteOn(s: Schedule, minute: number): boolean {
  return s.hours === undefined || s.hours.some((h) => minute >= minutesOf(h.from) && minute < minutesOf(h.to));
}

/** Whether an item with this schedule is shown at `now`. */
export function isOn(s: Schedule, now: number, timezone: string): boolean {
  const { date, minute } = local(now, timezone);
  return dayOn(s, date) && minuteOn(s, minute);
}

/** The hour boundaries of a day, in order, without midnight. */
function boundaries(s: Schedule): number[] {
  const all = new Set<number>();
  for (const h of s.hours ?? []) for (const m of [minutesOf(h.from), minutesOf(h.to)]) if (m > 0 && m < 1440) all.add(m);
  return [...all].sort((a, b) => a - b);
}

/** Days scanned one by one; past them a weekly pattern repeats and only `from` or `to` can change it. */
const SCAN_DAYS = 8;

/**
 * The first instant after `now` at which `isOn` differs from what it is at `now`, or null when it
 * never will (no limit at all, or a schedule that has ended).
 */
export function nextChange(s: Schedule, now: number, timezone: string): number | null {
  if (s.from === undefined && s.to === undefined && s.weekdays === undefined && s.hours === undefined) return null;
  const on = isOn(s, now, timezone);
  const edges = boundaries(s);
  const { date } = local(now, timezone);
  for (let d = 0; d <= SCAN_DAYS; d++) {
    const day = addDays(date, d);
    for (const minute of d === 0 ? edges : [0, ...edges]) {
      const at = localInstant(day, minute, timezone);
      if (at > now && isOn(s, at, timezone) !== on) return at;
    }
  }
  // A week without change: only the first day (`from`) or the day after the last (`to`) can bring one.
  const jumps = [s.from, s.to === undefined ? undefined : addDays(s.to, 1)]
    .filter((d): d is string => d !== undefined)
    .map((d) => localInstant(d, 0, timezone))
    .filter((at) => at > now)
    .sort((a, b) => a - b);
  for (const at of jumps) {
    if (isOn(s, at, timezone) !== on) return at;
    const later = nextChange(s, at, timezone);
    if (later !== null) return later;
  }
  return null;
}

/**
 * What makes a schedule show never (from `now` on), by field as the API names it; empty when it
 * will show. Shapes (dates, "HH:MM", weekdays 1..7) are the edge's to check.
 */
export function scheduleProblems(s: Schedule, now: number, timezone: string, field = "schedule"): Record<string, string> {
  const problems: Record<string, string> = {};
  const today = local(now, timezone).date;
  if (s.from !== undefined && s.to !== undefined && s.from > s.to) problems[`${field}.to`] = `ends (${s.to}) before it starts (${s.from})`;
  else if (s.to !== undefined && s.to < today) problems[`${field}.to`] = `ended on ${s.to}; today is ${today} in the hall`;
  if (s.weekdays !== undefined && s.weekdays.length === 0) problems[`${field}.weekdays`] = "no weekday: it would never show (leave weekdays out for every day)";
  if (s.hours !== undefined && s.hours.length === 0) problems[`${field}.hours`] = "no hours: it would never show (leave hours out for all day)";
  (s.hours ?? []).forEach((h, i) => {
    if (minutesOf(h.from) >= minutesOf(h.to)) problems[`${field}.hours.${i}`] = `${h.from}–${h.to} is empty: "to" must come after "from" (24:00 for midnight)`;
  });
  if (Object.keys(problems).length > 0) return problems;
  // Off now and never changing again: it will not show.
  if (!isOn(s, now, timezone) && nextChange(s, now, timezone) === null) {
    problems[field] = s.weekdays !== undefined && s.from !== undefined && s.to !== undefined
      ? `none of weekdays ${s.weekdays.join(", ")} falls between ${s.from} and ${s.to}, or their hours are over`
      : "it would never show again";
  }
  return problems;
}
