/**
 * When a citizen's booking is reminded (issue 26 item 3): the evening before at 18:00 and an hour
 * before its half hour, in the hall's time zone, each once, through the hall's webhooks
 * (`booking.reminder`). A reminder whose time had passed when the booking was made is not sent
 * late (a booking for tomorrow made at 20:00 gets only the hour before), nor one for a half hour
 * that has begun.
 *
 * @example
 * remindersOf({ day: "2031-03-05", slot: "09:00", bookedAt }, "Asia/Shanghai")
 * // [{ kind: "evening", at: 2031-03-04 18:00 local }, { kind: "hour", at: 2031-03-05 08:00 local }]
 */
import { addDays, localInstant, minutesOf } from "../core/schedule.js";

export type ReminderKind = "evening" | "hour";

/** The evening reminder's local time, minutes after midnight (18:00). */
export const EVENING_MINUTES = 18 * 60;
/** The second reminder comes this long before the half hour. */
export const BEFORE_MINUTES = 60;

export interface Remindable {
  code: string;
  day: string;
  slot: string;
  /** When it was booked (hall clock, ms). */
  bookedAt: number;
}

export function remindersOf(b: Remindable, timezone: string): Array<{ kind: ReminderKind; at: number }> {
  const starts = localInstant(b.day, minutesOf(b.slot), timezone);
  const all: Array<{ kind: ReminderKind; at: number }> = [
    { kind: "evening", at: localInstant(addDays(b.day, -1), EVENING_MINUTES, timezone) },
    { kind: "hour", at: starts - BEFORE_MINUTES * 60_000 },
  ];
  return all.filter((r) => r.at > b.bookedAt && r.at < starts);
}

/** The reminders due at `now` and not yet sent, and when the next one falls due (null: none). */
export function dueReminders(
  bookings: readonly Remindable[],
  sent: (code: string, day: string, kind: ReminderKind) => boolean,
  now: number,
  timezone: string,
): { due: Array<Remindable & { kind: ReminderKind }>; next: number | null } {
  const due: Array<Remindable & { kind: ReminderKind }> = [];
  let next: number | null = null;
  for (const b of bookings) {
    const starts = localInstant(b.day, minutesOf(b.slot), timezone);
    for (const r of remindersOf(b, timezone)) {
      if (sent(b.code, b.day, r.kind)) continue;
      if (r.at <= now) {
        if (now < starts) due.push({ ...b, kind: r.kind });
      } else if (next === null || r.at < next) next = r.at;
    }
  }
  return { due, next };
}
