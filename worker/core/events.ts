/**
 * The hall's events: every change to a hall, in order. Events are the contract: screens,
 * announcers, statistics, webhooks and the audit log all read this one stream, and replaying it
 * (evolve.ts) rebuilds the state exactly, so each event carries the whole changed ticket or window.
 */
import type { ContentItem } from "./content-types.js";
import type { Appointment, BookingBlock, ChoiceCode, HallConfig, RatedTicket, RatingReason, Staff, Ticket, Transfer, Window, WindowRef } from "./model.js";

/** Every change to a hall. `seq` and `at` are stamped when the event is appended. */
export type HallEventBody =
  | { type: "hall.configured"; config: HallConfig; day: string }
  | { type: "hall.reset"; day: string; previousDay: string; cancelled: string[] }
  | { type: "ticket.issued"; ticket: Ticket }
  | {
      type: "ticket.called";
      callId: string;
      ticket: Ticket;
      window: WindowRef;
      reason: string;
      reasonZh: string;
      reasonCode: ChoiceCode;
    }
  | { type: "ticket.recalled"; callId: string; ticket: Ticket; window: WindowRef }
  | { type: "ticket.serving"; ticket: Ticket; window: WindowRef }
  | { type: "ticket.finished"; ticket: Ticket; window: WindowRef; serviceMinutes: number }
  | { type: "ticket.no_show"; ticket: Ticket; window: WindowRef }
  | { type: "ticket.requeued"; ticket: Ticket }
  | { type: "ticket.transferred"; ticket: Ticket; transfer: Transfer }
  | { type: "ticket.cancelled"; ticket: Ticket; reason: string }
  /** A ticket joined from home (issue 26), not yet checked in, stepped back behind the citizen `behind` a window called instead. */
  | { type: "ticket.held"; ticket: Ticket; behind: string }
  /** A ticket joined from home checked in at the kiosk or a window: called like any other from now on. */
  | { type: "ticket.arrived"; ticket: Ticket }
  | { type: "ticket.rated"; ticket: RatedTicket; score: number; reasons?: RatingReason[] }
  | { type: "window.updated"; window: Window; changes: WindowChange[] }
  | { type: "staff.updated"; staff: Staff; change: "added" | "updated" | "removed" }
  | { type: "appointment.booked"; appointment: Appointment }
  | { type: "appointment.cancelled"; appointment: Appointment }
  /** Issue 26 §5: a day or half hour closed to bookings, opened again, a booking on it told. */
  | { type: "bookings.blocked"; block: BookingBlock }
  | { type: "bookings.unblocked"; block: BookingBlock }
  | { type: "bookings.contacted"; block: BookingBlock; code: string }
  | { type: "content.changed"; item: ContentItem; change: "added" | "updated" | "removed" }
  /** A region's items for this hall, replacing what the hall held of that region. */
  | { type: "content.synced"; region: string; version: number; items: ContentItem[] };

/** What a `window.updated` event changed: its state (open, paused, closed, closing), categories or officer. */
export type WindowChange = "state" | "categories" | "officer";

/** An event as appended to the hall's log: numbered from 1 and stamped with the time of its command. */
export type HallEvent = HallEventBody & { seq: number; at: string };
export type HallEventType = HallEventBody["type"];
