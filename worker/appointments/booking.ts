/**
 * Citizens' own bookings (issue 26): which days and half hours have room, who may book.
 *
 * A half hour's capacity for a service is the window-minutes the day gives it — the saved day
 * plan's shifts, or without one the hall's usual opening and its windows — shared equally among
 * the categories each window serves, turned into citizens by the service's minutes, times the
 * share kept for bookings (`share`, Shenzhen's 50%), less what is booked. One booking per person
 * per hall per day; `noShowLimit` no-shows in `noShowDays` block booking until the oldest of them
 * ages out.
 *
 * @example
 * bookingDays("2026-12-07", settings) // ["2026-12-07", "2026-12-08", …] (open days only, 7 of them)
 * slotsOf(state, null, "2026-12-08", "id", new Map()) // [{ from: "09:00", to: "09:30", capacity: 3, booked: 0, open: true }, …]
 */
import { blockOn } from "../core/booking-blocks.js";
import { DEFAULT_APPOINTMENT_DAYS, DEFAULT_BOOKING_DAYS } from "../core/issue.js";
import { addDays, isoWeekday, minutesOf } from "../core/schedule.js";
import type { BookingSettings, HallState } from "../core/model.js";

export const SLOT_MINUTES = 30;

/** The rules with every default filled in. */
export type BookingRules = Required<BookingSettings>;

export const BOOKING_DEFAULTS: BookingRules = {
  days: DEFAULT_BOOKING_DAYS,
  share: 0.5,
  noShowLimit: 3,
  noShowDays: 180,
  opens: "09:00",
  closes: "17:00",
  closedWeekdays: [6, 7],
  closedDates: [],
};

export function bookingRules(state: Pick<HallState, "settings">): BookingRules {
  return { ...BOOKING_DEFAULTS, ...state.settings.booking };
}

/** Calendar days ahead the hall takes appointments (its `appointmentDays`): the booking days stop there. */
export function horizonOf(state: Pick<HallState, "settings">): number {
  return state.settings.appointmentDays ?? DEFAULT_APPOINTMENT_DAYS;
}

export function isClosedDay(rules: BookingRules, date: string): boolean {
  return rules.closedWeekdays.includes(isoWeekday(date)) || rules.closedDates.includes(date);
}

/**
 * The days a citizen may book from `today` on: the next `days` days the hall is open, today
 * included, and none past the appointment horizon (`horizonDays` calendar days, the hall's
 * `appointmentDays`), which the booking's appointment must keep.
 */
export function bookingDays(today: string, rules: BookingRules, horizonDays = Number.POSITIVE_INFINITY): string[] {
  const days: string[] = [];
  const last = Number.isFinite(horizonDays) ? addDays(today, horizonDays) : "9999-12-31";
  // A year of closed days in a row is a mistake in the settings, not a hall: stop looking.
  for (let d = today, looked = 0; days.length < rules.days && looked < 366 && d <= last; d = addDays(d, 1), looked++) {
    if (!isClosedDay(rules, d)) days.push(d);
  }
  return days;
}

/** One window's hours on the day and what it serves: from a saved plan's shifts or the usual opening. */
export interface DayWindow {
  categories: string[];
  shifts: Array<{ opens: string; closes: string }>;
}

/** Without a saved plan: every window not closed, open the hall's usual hours. */
export function usualDay(state: Pick<HallState, "windows" | "settings">): DayWindow[] {
  const { opens, closes } = bookingRules(state);
  return state.windows.filter((w) => w.state !== "closed").map((w) => ({ categories: w.categories, shifts: [{ opens, closes }] }));
}

export interface Slot {
  from: string;
  to: string;
  capacity: number;
  booked: number;
  /** Room left, not begun and not blocked: what the page offers. */
  open: boolean;
  /** Why a manager closed this half hour to bookings (issue 26 §5), or null; its bookings are kept. */
  blocked: string | null;
  /** The block's id (worker/core/booking-blocks.ts), or null. */
  block: string | null;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * The day's half hours for `category` with their capacity and bookings: the one capacity rule,
 * for the booking page, the booking API and the manager's 预约 tab alike. `booked` counts bookings
 * by slot start (HH:MM); `notBefore` (minutes after midnight, today only) closes the slots that
 * have begun; `day` finds the manager's blocks (worker/core/booking-blocks.ts), which close a half
 * hour whatever its room.
 */
export function slotsOf(
  state: Pick<HallState, "categories" | "settings" | "bookingBlocks">,
  windows: DayWindow[],
  category: string,
  booked: ReadonlyMap<string, number>,
  notBefore = 0,
  day: string | null = null,
): Slot[] {
  const service = state.categories.find((c) => c.id === category);
  if (!service) return [];
  const rules = bookingRules(state);
  const minutes = new Map<number, number>();
  for (const w of windows) {
    if (!w.categories.includes(category)) continue;
    const part = 1 / w.categories.length;
    for (const s of w.shifts) {
      const opens = minutesOf(s.opens);
      const closes = minutesOf(s.closes);
      for (let slot = Math.floor(opens / SLOT_MINUTES) * SLOT_MINUTES; slot < closes; slot += SLOT_MINUTES) {
        const covered = Math.min(closes, slot + SLOT_MINUTES) - Math.max(opens, slot);
        if (covered > 0) minutes.set(slot, (minutes.get(slot) ?? 0) + covered * part);
      }
    }
  }
  const serviceMinutes = Math.max(1, service.serviceMinutes);
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([slot, m]) => {
      const from = hhmm(slot);
      // Rounded first so 0.5 × 10 window-minutes per 5-minute service is 1, not 0.99…
      const capacity = Math.floor(Math.round((m / serviceMinutes) * rules.share * 1000) / 1000);
      const taken = booked.get(from) ?? 0;
      const block = day === null ? null : blockOn(state, day, from, category);
      return { from, to: hhmm(slot + SLOT_MINUTES), capacity, booked: taken, open: taken < capacity && slot >= notBefore && !block, blocked: block?.reason ?? null, block: block?.id ?? null };
    });
}

/**
 * Whether no-shows block a person from booking on `today`, and until when: blocked while
 * `noShowLimit` of their no-show days fall within the last `noShowDays` days; it lifts the day
 * the oldest of the latest `noShowLimit` ages out.
 *
 * @example
 * noShowBlock(["2026-11-01", "2026-11-20", "2026-12-01"], "2026-12-07", rules) // { until: "2027-04-30" }
 */
export function noShowBlock(noShows: readonly string[], today: string, rules: BookingRules): { until: string; count: number } | null {
  const since = addDays(today, -rules.noShowDays);
  const recent = noShows.filter((d) => d > since && d < today).sort((a, b) => b.localeCompare(a));
  if (recent.length < rules.noShowLimit) return null;
  return { until: addDays(recent[rules.noShowLimit - 1]!, rules.noShowDays), count: recent.length };
}

/** Mobile numbers are kept until the booking's day has passed plus this many days (issue 26). */
export const MOBILE_KEPT_DAYS = 7;

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const MOBILE = /^1[3-9]\d{9}$/;

/** 13812345678 → 138****5678, the only way a manager sees it. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
