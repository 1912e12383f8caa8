/**
 * Calendar arithmetic in a hall's time zone. Numbering restarts at local midnight,
 * so every "which day is it" question goes through here.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formattedParts(now: number, timezone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(now))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds the wall clock in `timezone` is ahead of UTC at `at`, to the second. */
function offsetMs(at: number, timezone: string): number {
  const p = formattedParts(at, timezone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** A quarter of an hour: no zone has ever changed its offset twice within one. */
const SPAN_MS = 15 * 60_000;

/** Per zone, the offset through each quarter-hour of UTC that had a single one (null: a change falls inside). */
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The wall clock in `timezone` at `now`, field by field.
 *
 * Intl's formatter is slow (it was a quarter of a simulated day's time), so each quarter-hour's
 * offset is read once, at both ends: when they agree, every instant between has that offset.
 */
export function localParts(now: number, timezone: string): LocalParts {
  let zone = offsets.get(timezone);
  if (!zone) {
    formatterFor(timezone);
    zone = new Map();
    offsets.set(timezone, zone);
  }
  const span = Math.floor(now / SPAN_MS);
  let offset = zone.get(span);
  if (offset === undefined) {
    const first = offsetMs(span * SPAN_MS, timezone);
    offset = first === offsetMs(span * SPAN_MS + SPAN_MS - 1, timezone) ? first : null;
    if (zone.size > 10_000) zone.clear();
    zone.set(span, offset);
  }
  if (offset === null) return formattedParts(now, timezone);
  const wall = new Date(Math.floor(now / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** A local date (YYYY-MM-DD) and hour ("09"). */
export interface LocalDayHour {
  readonly day: string;
  readonly hour: string;
}

const two = (n: number) => String(n).padStart(2, "0");

function dayHourOf(p: LocalParts): LocalDayHour {
  return { day: `${p.year}-${two(p.month)}-${two(p.day)}`, hour: two(p.hour) };
}

/** Per zone, the local date and hour through each quarter-hour of UTC with one offset, date and hour (null: not so). */
const dayHours = new Map<string, Map<number, LocalDayHour | null>>();

/**
 * The local date and hour at `now`. Shared: do not change the object returned.
 *
 * Every command asks the date (and the statistics the hour of every ticket), so each
 * quarter-hour's is worked out once: when the quarter-hour has a single offset (see `localParts`)
 * the wall clock only moves forward through it, so the same date and hour at both ends are those
 * of every instant between.
 */
export function localDayHour(now: number, timezone: string): LocalDayHour {
  let zone = dayHours.get(timezone);
  if (!zone) {
    zone = new Map();
    dayHours.set(timezone, zone);
  }
  const span = Math.floor(now / SPAN_MS);
  let known = zone.get(span);
  if (known === undefined) {
    const first = dayHourOf(localParts(span * SPAN_MS, timezone));
    const single = offsets.get(timezone)!.get(span) !== null;
    const last = dayHourOf(localParts(span * SPAN_MS + SPAN_MS - 1, timezone));
    known = single && first.day === last.day && first.hour === last.hour ? first : null;
    if (zone.size > 10_000) zone.clear();
    zone.set(span, known);
  }
  return known ?? dayHourOf(localParts(now, timezone));
}

/** The local date at `now` as YYYY-MM-DD. */
export function localDay(now: number, timezone: string): string {
  return localDayHour(now, timezone).day;
}

/** Minutes east of UTC in `timezone` at instant `at`. */
export function offsetMinutes(at: number, timezone: string): number {
  const p = localParts(at, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60000);
}

/**
 * The instant of the next local midnight after `now`. Zones with daylight saving are
 * handled by re-reading the offset at the candidate instant.
 */
export function nextMidnight(now: number, timezone: string): number {
  const p = localParts(now, timezone);
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1, 0, 0, 0);
  let guess = midnightAsUtc - offsetMinutes(now, timezone) * 60000;
  for (let i = 0; i < 2; i++) {
    guess = midnightAsUtc - offsetMinutes(guess, timezone) * 60000;
  }
  return guess <= now ? now + 1000 : guess;
}

/** "2026-11-23" → "20261123", the day part of a ticket id. */
export function compactDay(day: string): string {
  return day.replaceAll("-", "");
}
