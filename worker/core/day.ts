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

/** The wall clock in `timezone` at `now`, field by field. */
export function localParts(now: number, timezone: string): LocalParts {
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

/** The local date at `now` as YYYY-MM-DD. */
export function localDay(now: number, timezone: string): string {
  const p = localParts(now, timezone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
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
