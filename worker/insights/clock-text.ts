/**
 * The hall's wall clock as the screens write it: "2026年11月23日 星期一" and "09:05:07", in the
 * hall's time zone (clock.js writes the same between updates). On its own so that a test can
 * hold the screens to the same rule without loading the pages.
 */
import { localParts, offsetMinutes, type LocalParts } from "../core/day.js";

const WEEKDAYS = "日一二三四五六";

interface LocalTime extends LocalParts {
  weekday: number;
  /** Minutes east of UTC in the hall's zone at that instant. */
  offset: number;
}

/** The wall clock in `timezone` at `now`, with its weekday and UTC offset. */
export function localTime(now: number, timezone: string): LocalTime {
  const p = localParts(now, timezone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return { ...p, weekday, offset: offsetMinutes(now, timezone) };
}

const two = (n: number) => String(n).padStart(2, "0");

/** "2026年11月23日 星期一" and "09:05:07", as clock.js also writes them. */
export function clockText(now: number, timezone: string): { date: string; time: string; offset: number } {
  const t = localTime(now, timezone);
  return {
    date: `${t.year}年${t.month}月${t.day}日 星期${WEEKDAYS[t.weekday]}`,
    time: `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`,
    offset: t.offset,
  };
}

