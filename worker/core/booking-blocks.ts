/**
 * A manager closes a day or a half hour to bookings (issue 26 §5): a meeting, an outage. A block
 * names a day, optionally one half hour (else the whole day) and one service (else every service),
 * and why. Blocked half hours are not offered to citizens and booking one is refused; bookings
 * already on it are kept, listed for the hall to call, and each marked once told (已通知).
 * Blocks are hall state, so they survive the object's eviction; a day's blocks go at its midnight.
 *
 * @example
 * blockBookings(state, { day: "2026-12-09", from: "10:00", category: null, reason: "消防演练" }, at)
 * blockOn(state, "2026-12-09", "10:00", "id") // the block, or null
 */
import { DEFAULT_APPOINTMENT_DAYS } from "./issue.js";
import type { BookingBlock, HallState } from "./model.js";
import type { Decision } from "./outcome.js";
import { reject, type Rejection } from "./rejection.js";
import { addDays } from "./schedule.js";

/** A half hour's start: HH:00 or HH:30. */
export const HALF_HOUR = /^([01]\d|2[0-3]):(00|30)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Blocks a hall holds at once. They live in the hall's state row, which the platform caps at
 * 2 MB per SQLite value: 500 blocks of a 200-character reason and a few hundred codes stay far under.
 */
export const MAX_BLOCKS = 500;
export const MAX_REASON = 200;

/** A block's id says what it covers: `2026-12-09.1000.id`, `2026-12-09.day.*` (whole day, every service). */
export function blockId(day: string, from: string | null, category: string | null): string {
  return `${day}.${from ? from.replace(":", "") : "day"}.${category ?? "*"}`;
}

export function blocksOf(state: Pick<HallState, "bookingBlocks">): BookingBlock[] {
  return Object.values(state.bookingBlocks ?? {}).sort((a, b) => a.day.localeCompare(b.day) || (a.from ?? "").localeCompare(b.from ?? "") || a.id.localeCompare(b.id));
}

/** The block closing `from` on `day` to `category` (a whole day's first), or null. */
export function blockOn(state: Pick<HallState, "bookingBlocks">, day: string, from: string, category: string): BookingBlock | null {
  let found: BookingBlock | null = null;
  for (const b of Object.values(state.bookingBlocks ?? {})) {
    if (b.day !== day || (b.category !== null && b.category !== category) || (b.from !== null && b.from !== from)) continue;
    if (!found || (found.from !== null && b.from === null)) found = b;
  }
  return found;
}

/** Whether a booking of `category` at `from` (null: a manager's appointment for the whole day) lies under `block`. */
export function underBlock(block: BookingBlock, day: string, from: string | null, category: string): boolean {
  return block.day === day && (block.category === null || block.category === category) && (block.from === null || block.from === from);
}

export function blockBookings(
  state: HallState,
  request: { day: string; from: string | null; category: string | null; reason: string },
  at: string,
): Decision | Rejection {
  const { day, from, category } = request;
  const reason = request.reason.trim();
  if (!DAY.test(day)) return reject("invalid", `day "${day}" is not a date as YYYY-MM-DD`, { day: "YYYY-MM-DD" });
  if (day < state.day) return reject("invalid", `${day} 已过 · ${day} is past; today is ${state.day}`, { day: "in the past", today: state.day });
  const horizon = state.settings.appointmentDays ?? DEFAULT_APPOINTMENT_DAYS;
  const last = addDays(state.day, horizon);
  if (day > last) return reject("invalid", `只能停约 ${horizon} 天内 · only days up to ${last} (appointmentDays ${horizon}) can be blocked`, { day: "past the booking horizon", last });
  if (from !== null && !HALF_HOUR.test(from)) return reject("invalid", `"${from}" is not the start of a half hour (HH:00 or HH:30)`, { from: "HH:00 or HH:30" });
  if (category !== null && !state.categories.some((c) => c.id === category)) {
    return reject("unknown_category", `no category "${category}" in this hall`, { category });
  }
  if (!reason || reason.length > MAX_REASON) return reject("invalid", `a reason of 1–${MAX_REASON} characters is needed (a meeting, an outage)`, { reason: `1–${MAX_REASON} characters` });
  const id = blockId(day, from, category);
  if (state.bookingBlocks?.[id]) return reject("conflict", `${day} ${from ?? "全天 whole day"} is already blocked: ${state.bookingBlocks[id]!.reason}`, { block: id });
  if (Object.keys(state.bookingBlocks ?? {}).length >= MAX_BLOCKS) return reject("conflict", `a hall holds at most ${MAX_BLOCKS} blocks: unblock some first`, { cap: "bookingBlocks", limit: MAX_BLOCKS });
  const block: BookingBlock = { id, day, from, category, reason, blockedAt: at, contacted: [] };
  return { events: [{ type: "bookings.blocked", block }], result: { block } };
}

export function unblockBookings(state: HallState, id: string): Decision | Rejection {
  const block = state.bookingBlocks?.[id];
  if (!block) return reject("unknown_block", `no block "${id}" in this hall`, { block: id });
  return { events: [{ type: "bookings.unblocked", block }], result: { block } };
}

/** Marks the booking `code` on a block as told (已通知), once; it must be an appointment the block covers. */
export function markContacted(state: HallState, id: string, code: string): Decision | Rejection {
  const block = state.bookingBlocks?.[id];
  if (!block) return reject("unknown_block", `no block "${id}" in this hall`, { block: id });
  const appointment = state.appointments[code];
  if (!appointment || appointment.day !== block.day || (block.category !== null && block.category !== appointment.category)) {
    return reject("unknown_appointment", `预约码 ${code} 不在此停约内 · no booking ${code} under block ${id}`, { code, block: id });
  }
  if (block.contacted.includes(code)) return reject("conflict", `${code} is already marked contacted`, { code });
  const marked = { ...block, contacted: [...block.contacted, code] };
  return { events: [{ type: "bookings.contacted", block: marked, code }], result: { block: marked } };
}
