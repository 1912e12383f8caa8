/**
 * What a webhook may subscribe to: every event of the hall's log, `ticket.near` (a waiting ticket
 * has come within the hall's `nearAhead` of its call; see near.ts), or `*` for all of them.
 */
import type { HallEventType } from "../core/events.js";

export const HALL_EVENT_TYPES = [
  "hall.configured",
  "hall.reset",
  "ticket.issued",
  "ticket.called",
  "ticket.recalled",
  "ticket.serving",
  "ticket.finished",
  "ticket.no_show",
  "ticket.requeued",
  "ticket.transferred",
  "ticket.cancelled",
  "ticket.rated",
  "ticket.held",
  "ticket.arrived",
  "window.updated",
  "staff.updated",
  "appointment.booked",
  "appointment.cancelled",
  "bookings.blocked",
  "bookings.unblocked",
  "bookings.contacted",
  "content.changed",
  "content.synced",
] as const satisfies readonly HallEventType[];

// A new event type in worker/core/events.ts fails the type check here until it is listed above.
type Unlisted = Exclude<HallEventType, (typeof HALL_EVENT_TYPES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;

export const NEAR = "ticket.near";

/** Issue 26: a citizen's own booking made or cancelled (from the phone), for SMS reminders. */
export const BOOKING_EVENTS = ["booking.made", "booking.reminder", "booking.cancelled"] as const;
export type BookingEventType = (typeof BOOKING_EVENTS)[number];

export type WebhookEventType = HallEventType | typeof NEAR | BookingEventType;

export const WEBHOOK_EVENTS = [...HALL_EVENT_TYPES, NEAR, ...BOOKING_EVENTS, "*"] as const;
export type Subscription = (typeof WEBHOOK_EVENTS)[number];

/** Whether a webhook subscribed to `events` receives events of `type`. */
export function subscribes(events: readonly string[], type: WebhookEventType): boolean {
  return events.includes("*") || events.includes(type);
}
