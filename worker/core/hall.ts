/**
 * The hall's rules: a command and the time in, events (or a reasoned "no") out.
 * No storage, sockets or clock here; the Durable Object feeds `now` and persists the events.
 * This file only sends each command to its rule (tickets.ts, windows.ts, staff.ts, issue.ts,
 * rating.ts, content.ts, config.ts), applies the events it decides, and keeps the day.
 *
 * @example
 * const outcome = decide(state, { type: "call", window: "5" }, Date.now());
 * if (isRejection(outcome)) return conflict(outcome.message);
 * persist(outcome.events); state = outcome.state;
 */
import { blockBookings, markContacted, unblockBookings } from "./booking-blocks.js";
import type { Command } from "./commands.js";
import { changeSettings, checkConfig, checkConfigAgainstLive } from "./config.js";
import { decideContent } from "./content.js";
import { localDay } from "./day.js";
import type { HallEvent, HallEventBody } from "./events.js";
import { emptyHall, evolve, isConfigured } from "./evolve.js";
import { bookAppointment, cancelAppointment, issueTicket } from "./issue.js";
import { checkInCode } from "./check-in.js";
import { activeTickets } from "./ledger.js";
import type { HallConfig, HallState } from "./model.js";
import type { CommandResult, Decision, Outcome } from "./outcome.js";
import { evaluateAtWindow, rateTicket } from "./rating.js";
import { joinRemote } from "./remote.js";
import { isRejection, reject, type Rejection } from "./rejection.js";
import { closingPauses, pauseOrResume, removeStaff, saveStaff, signInStaff } from "./staff.js";
import { actAtWindow, callNext, cancelTicket, readyToCall, requeueTicket, transferTicket } from "./tickets.js";
import { setWindow, signIn, signOut } from "./windows.js";

// What a caller of `decide` needs beside it, from one place.
export { emptyHall, evolve, isConfigured, isRejection };

/** Collects events, applying each to the state as it is emitted. */
class Recorder {
  events: HallEvent[] = [];
  constructor(
    public state: HallState,
    private readonly at: string,
  ) {}
  emit(body: HallEventBody): void {
    const event = { ...body, seq: this.state.seq + 1, at: this.at } as HallEvent;
    this.events.push(event);
    this.state = evolve(this.state, event);
  }
  /** Emits a rule's decision and passes its result on; a rejection passes through. */
  record(decision: Decision): CommandResult;
  record(decision: Decision | Rejection): CommandResult | Rejection;
  record(decision: Decision | Rejection): CommandResult | Rejection {
    if ("rejected" in decision) return decision;
    for (const e of decision.events) this.emit(e);
    return decision.result;
  }
}

/** Applies `command` at `now`. Rejections change nothing. */
export function decide(state: HallState, command: Command, now: number): Outcome | Rejection {
  const at = new Date(now).toISOString();
  const rec = new Recorder(state, at);
  if (command.type === "configure") return configure(rec, command.config, now);
  if (!isConfigured(state)) return reject("unknown_hall", `hall "${state.hall}" is not configured`);

  const today = localDay(now, state.settings.timezone);
  // Only forward: a clock stepping back over midnight must not end the day twice.
  if (command.type === "reset" || today > state.day) startDay(rec, today);
  if (command.type === "reset" || command.type === "rollover") return done(rec, {});

  const result = apply(rec, command, now, at);
  if ("rejected" in result) return result;
  return done(rec, result);
}

function done(rec: Recorder, result: CommandResult): Outcome {
  for (const e of closingPauses(rec.state)) rec.emit(e);
  return { state: rec.state, events: rec.events, result };
}

function startDay(rec: Recorder, day: string): void {
  const cancelled = activeTickets(rec.state).map((t) => t.id);
  rec.emit({ type: "hall.reset", day, previousDay: rec.state.day, cancelled });
}

function configure(rec: Recorder, config: HallConfig, now: number): Outcome | Rejection {
  const invalid = checkConfig(config);
  if (invalid) return invalid;
  const today = localDay(now, config.timezone);
  // Past the hall's own midnight, a configuration starts the new day like any other command;
  // otherwise yesterday's queue and numbering would carry over into today.
  if (isConfigured(rec.state) && localDay(now, rec.state.settings.timezone) > rec.state.day) startDay(rec, today);
  const stranding = checkConfigAgainstLive(rec.state, config);
  if (stranding) return stranding;
  // A new time zone moves "today" without a reset: nobody's ticket is cancelled by a setting.
  rec.emit({ type: "hall.configured", config, day: today });
  return done(rec, {});
}

function apply(rec: Recorder, command: Exclude<Command, { type: "configure" | "reset" | "rollover" }>, now: number, at: string): CommandResult | Rejection {
  const state = rec.state;
  switch (command.type) {
    case "issue":
      return rec.record(issueTicket(state, { category: command.category, priority: command.priority ?? "normal", citizen: command.citizen }, at));
    case "book_appointment":
      return rec.record(bookAppointment(state, command, at));
    case "cancel_appointment":
      return rec.record(cancelAppointment(state, command.code));
    case "check_in":
      return rec.record(checkInCode(state, command.code, at, command.window));
    case "block_bookings":
      return rec.record(blockBookings(state, command, at));
    case "unblock_bookings":
      return rec.record(unblockBookings(state, command.block));
    case "mark_contacted":
      return rec.record(markContacted(state, command.block, command.code));
    case "join_remote":
      return rec.record(joinRemote(state, command, at));
    case "save_staff":
      return rec.record(saveStaff(state, command.staff, command.pin, command.password));
    case "remove_staff":
      return rec.record(removeStaff(state, command.staff));
    case "sign_in_staff":
      return rec.record(signInStaff(state, command.window, command.staff));
    case "pause":
    case "resume":
      return rec.record(pauseOrResume(state, command.window, command.type, command.type === "pause" && command.afterCitizen === true));
    case "rate":
      return rec.record(rateTicket(state, command.ticket, command.score, at, command.reasons));
    case "evaluate":
      return rec.record(evaluateAtWindow(state, command.window, command.score, command.reasons, now, at));
    case "add_content":
    case "change_content":
    case "remove_content":
    case "sync_region_content":
      return rec.record(decideContent(state, command, now, at));
    case "call":
      return call(rec, command.window, now, at);
    case "recall":
    case "start":
    case "finish":
    case "no_show":
      return rec.record(actAtWindow(state, command.type, command.window, now, at));
    case "requeue":
      return rec.record(requeueTicket(state, command.ticket, now, at));
    case "transfer":
      return rec.record(transferTicket(state, command, at));
    case "cancel":
      return rec.record(cancelTicket(state, command.ticket, command.reason, at));
    case "set_window":
      return rec.record(setWindow(state, command.window, command));
    case "sign_in":
      return rec.record(signIn(state, command.window, command.officer));
    case "sign_out":
      return rec.record(signOut(state, command.window));
    case "update_settings":
      return rec.record(changeSettings(state, command.settings));
  }
}

/**
 * One press per citizen, as a hardware caller (叫号器): calling the next finishes the one at the
 * window, in the same command, and the call policy then reads the hall as that finish left it.
 * callNextFinishes: false keeps the two presses (readyToCall refuses instead).
 */
function call(rec: Recorder, windowId: string, now: number, at: string): CommandResult | Rejection {
  const ready = readyToCall(rec.state, windowId);
  if ("rejected" in ready) return ready;
  if (!ready.finishFirst) return rec.record(callNext(rec.state, windowId, now, at));
  const finished = rec.record(actAtWindow(rec.state, "finish", windowId, now, at));
  if ("rejected" in finished) return finished;
  return { ...rec.record(callNext(rec.state, windowId, now, at)), finished: finished.ticket ?? undefined };
}
