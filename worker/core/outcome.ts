/**
 * What the hall answers a command it accepts: a rule's `Decision` (the events it emits and what
 * its caller gets back), and `decide`'s `Outcome` (those events stamped, and the state after them).
 */
import type { ContentItem } from "./content-types.js";
import type { HallEvent, HallEventBody } from "./events.js";
import type { Appointment, BookingBlock, Choice, HallState, Staff, Ticket, Window } from "./model.js";

/** A command's answer from `decide`: the new state and the events that made it. */
export interface Outcome {
  state: HallState;
  events: HallEvent[];
  /** What the command produced for its caller: the ticket issued or called, and why. */
  result: CommandResult;
}

/** What a command produced for its caller, beside its events. */
export interface CommandResult {
  ticket?: Ticket | null;
  choice?: Omit<Choice, "ticket"> | null;
  /** A call that finished the ticket at the window first (callNextFinishes): that ticket, done. */
  finished?: Ticket;
  window?: Window;
  staff?: Staff;
  appointment?: Appointment;
  block?: BookingBlock;
  item?: ContentItem;
}

/** What a rule decided, before the events are stamped and applied. */
export interface Decision {
  events: HallEventBody[];
  result: CommandResult;
}
