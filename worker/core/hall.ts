/**
 * The hall's rules: a command and the time in, events (or a reasoned "no") out.
 * No storage, sockets or clock here; the Durable Object feeds `now` and persists the events.
 *
 * @example
 * const outcome = decide(state, { type: "call", window: "5" }, Date.now());
 * if (isRejection(outcome)) return conflict(outcome.message);
 * persist(outcome.events); state = outcome.state;
 */
import { buildQueue, chooseNext } from "./call-policy.js";
import { decideContent } from "./content.js";
import { checkConfig, checkConfigAgainstLive, reject } from "./config.js";
import { localDay } from "./day.js";
import { emptyHall, evolve, isConfigured } from "./evolve.js";
import { bookAppointment, cancelAppointment, checkIn, isServed, issueTicket } from "./issue.js";
import { activeTickets, ticketNumbered, ticketOf } from "./ledger.js";
import { evaluateAtWindow, rateTicket } from "./rating.js";
import { closingPauses, pauseOrResume, removeStaff, saveStaff, signInStaff } from "./staff.js";
import type {
  Category,
  Command,
  CommandResult,
  Decision,
  HallEvent,
  HallEventBody,
  HallState,
  Outcome,
  Rejection,
  Ticket,
  Window,
  WindowChange,
  WindowRef,
} from "./types.js";
import { DEFAULT_ANNOUNCEMENT } from "./types.js";

export { emptyHall, evolve, isConfigured };

export function isRejection(x: Outcome | Rejection): x is Rejection {
  return (x as Rejection).rejected === true;
}

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
  record(decision: Decision | Rejection): CommandResult | Rejection {
    if ("rejected" in decision) return decision;
    for (const e of decision.events) this.emit(e);
    return decision.result;
  }
}

const ACTIVE = new Set<Ticket["status"]>(["waiting", "called", "serving"]);

function windowRef(w: Window): WindowRef {
  return { id: w.id, number: w.number, label: w.label };
}

function findWindow(state: HallState, id: string): Window | Rejection {
  return state.windows.find((w) => w.id === id) ?? reject("unknown_window", `no window "${id}" in this hall`, { window: id });
}

function findCategory(state: HallState, id: string): Category | Rejection {
  return (
    state.categories.find((c) => c.id === id) ??
    reject("unknown_category", `no category "${id}" in this hall`, { category: id })
  );
}

/** A ticket by id, or by today's number ("A023"). */
export function findTicket(state: HallState, ref: string): Ticket | undefined {
  return ticketOf(state, ref) ?? ticketNumbered(state, ref.toUpperCase());
}

function ticketAt(state: HallState, w: Window): Ticket | undefined {
  return w.current ? ticketOf(state, w.current) : undefined;
}

function categoryName(state: HallState, id: string): string {
  return state.categories.find((c) => c.id === id)?.names["zh-Hans"] ?? id;
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

function configure(rec: Recorder, config: Parameters<typeof checkConfig>[0], now: number): Outcome | Rejection {
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

type Applied = CommandResult | Rejection;

function apply(rec: Recorder, command: Exclude<Command, { type: "configure" | "reset" | "rollover" }>, now: number, at: string): Applied {
  const state = rec.state;
  switch (command.type) {
    case "issue":
      return rec.record(issueTicket(state, { category: command.category, priority: command.priority ?? "normal", citizen: command.citizen }, at));
    case "book_appointment":
      return rec.record(bookAppointment(state, command, at));
    case "cancel_appointment":
      return rec.record(cancelAppointment(state, command.code));
    case "check_in":
      return rec.record(checkIn(state, command.code, at));
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

    case "call": {
      const w = findWindow(state, command.window);
      if ("rejected" in w) return w;
      if (w.state !== "open") return reject("conflict", `window ${w.number} is ${w.state}`, { window: w.id, state: w.state });
      const holding = ticketAt(state, w);
      // One press per citizen, as a hardware caller (叫号器): calling the next finishes the one at
      // the window, in the same command. callNextFinishes: false keeps the two presses.
      let finished: Ticket | undefined;
      if (holding && state.settings.callNextFinishes !== false) {
        const done = atWindow(rec, "finish", w.id, now, at);
        if ("rejected" in done) return done;
        finished = done.ticket ?? undefined;
        return { ...callNext(rec, w.id, now, at), finished };
      }
      if (holding) {
        return reject(
          "conflict",
          `window ${w.number} still has ${holding.number} (${holding.status}): finish it, mark it a no-show or transfer it first`,
          { window: w.id, ticket: holding.number },
        );
      }
      return callNext(rec, w.id, now, at);
    }

    case "recall":
    case "start":
    case "finish":
    case "no_show":
      return atWindow(rec, command.type, command.window, now, at);

    case "requeue": {
      const t = findTicket(state, command.ticket);
      if (!t) return unknownTicket(command.ticket);
      if (t.status !== "no_show") return reject("conflict", `${t.number} is ${t.status}, not a no-show`, { ticket: t.number });
      const limit = state.settings.noShowRequeueMinutes;
      if (limit <= 0) return reject("conflict", "this hall does not re-queue no-shows");
      if (t.requeues >= 1) return reject("conflict", `${t.number} was already re-queued once`, { ticket: t.number });
      const since = (now - Date.parse(t.noShowAt ?? at)) / 60000;
      if (since > limit) {
        return reject("conflict", `${t.number} missed its call ${Math.floor(since)} min ago, past the ${limit} min limit`, {
          ticket: t.number,
        });
      }
      // Back of the line: those who stayed waiting keep their turn.
      const ticket: Ticket = { ...t, status: "waiting", queuedAt: at, window: null, requeues: t.requeues + 1 };
      rec.emit({ type: "ticket.requeued", ticket });
      return { ticket };
    }

    case "transfer": {
      const t = findTicket(state, command.ticket);
      if (!t) return unknownTicket(command.ticket);
      if (!ACTIVE.has(t.status)) return reject("conflict", `${t.number} is ${t.status} and cannot be transferred`, { ticket: t.number });
      if (command.category === undefined && command.window === undefined) {
        return reject("invalid", "a transfer needs a category or a window", { category: "required without window" });
      }
      const category = command.category === undefined ? undefined : findCategory(state, command.category);
      if (category && "rejected" in category) return category;
      const target = command.window === undefined ? undefined : findWindow(state, command.window);
      if (target && "rejected" in target) return target;
      if (target && target.state === "closed") return reject("conflict", `window ${target.number} is closed`, { window: target.id });
      const toCategory = category?.id ?? t.category;
      if (!target && toCategory === t.category) {
        return reject("conflict", `${t.number} is already in ${categoryName(state, toCategory)}`, { ticket: t.number });
      }
      if (!target && !isServed(state, toCategory)) {
        return reject("conflict", `no open window serves ${categoryName(state, toCategory)} (${toCategory}) now`, {
          category: toCategory,
        });
      }
      const transfer = {
        at,
        from: { category: t.category, window: t.window },
        to: { category: toCategory, window: target?.id ?? null },
      };
      const ticket: Ticket = {
        ...t,
        category: toCategory,
        status: "waiting",
        window: null,
        targetWindow: target?.id ?? null,
        transfers: [...t.transfers, transfer],
      };
      rec.emit({ type: "ticket.transferred", ticket, transfer });
      return { ticket };
    }

    case "cancel": {
      const t = findTicket(state, command.ticket);
      if (!t) return unknownTicket(command.ticket);
      if (!ACTIVE.has(t.status)) return reject("conflict", `${t.number} is already ${t.status}`, { ticket: t.number });
      const reason = command.reason ?? "cancelled";
      const ticket: Ticket = { ...t, status: "cancelled", finishedAt: at, cancelReason: reason };
      rec.emit({ type: "ticket.cancelled", ticket, reason });
      return { ticket };
    }

    case "set_window": {
      const w = findWindow(state, command.window);
      if ("rejected" in w) return w;
      const changes: WindowChange[] = [];
      let next: Window = w;
      if (command.categories !== undefined) {
        for (const c of command.categories) {
          const found = findCategory(state, c);
          if ("rejected" in found) return found;
        }
        if (new Set(command.categories).size !== command.categories.length) {
          return reject("invalid", "a window cannot list a category twice", { categories: "duplicate category" });
        }
        if (command.categories.join() !== w.categories.join()) {
          next = { ...next, categories: command.categories };
          changes.push("categories");
        }
      }
      if (command.state !== undefined && command.state !== w.state) {
        const holding = ticketAt(state, w);
        if (command.state === "closed" && holding) {
          return reject("conflict", `window ${w.number} still has ${holding.number}: finish or transfer it before closing`, {
            window: w.id,
            ticket: holding.number,
          });
        }
        const stranded = activeTickets(state).find((t) => t.status === "waiting" && t.targetWindow === w.id);
        if (command.state === "closed" && stranded) {
          return reject("conflict", `${stranded.number} was transferred to window ${w.number}; call it or transfer it elsewhere before closing`, {
            window: w.id,
            ticket: stranded.number,
          });
        }
        const { closing: _, ...rest } = next;
        next = { ...rest, state: command.state };
        changes.push("state");
      }
      if (changes.length > 0) rec.emit({ type: "window.updated", window: next, changes });
      return { window: next };
    }

    case "sign_in": {
      const w = findWindow(state, command.window);
      if ("rejected" in w) return w;
      const elsewhere = state.windows.find((o) => o.id !== w.id && o.officer?.badge === command.officer.badge);
      if (elsewhere) {
        return reject("conflict", `officer ${command.officer.badge} is signed in at window ${elsewhere.number}; sign out there first`, {
          window: elsewhere.id,
        });
      }
      const window: Window = { ...w, officer: command.officer };
      rec.emit({ type: "window.updated", window, changes: ["officer"] });
      return { window };
    }

    case "update_settings": {
      const { announcer, ...change } = command.settings;
      const settings = { ...state.settings, ...change };
      if (announcer) settings.announcer = { ...DEFAULT_ANNOUNCEMENT, ...state.settings.announcer, ...announcer };
      if (JSON.stringify(settings) === JSON.stringify(state.settings)) return {};
      const config = {
        ...settings,
        categories: state.categories,
        windows: state.windows.map(({ id, number, label, categories, state: open }) => ({ id, number, label, categories, state: open })),
      };
      const invalid = checkConfig(config);
      if (invalid) return invalid;
      rec.emit({ type: "hall.configured", config, day: state.day });
      return {};
    }

    case "sign_out": {
      const w = findWindow(state, command.window);
      if ("rejected" in w) return w;
      if (!w.officer) return { window: w };
      const window: Window = { ...w, officer: null };
      rec.emit({ type: "window.updated", window, changes: ["officer"] });
      return { window };
    }
  }
}

/** Calls the next ticket to an open, empty window by the call policy; none waiting is no call. */
function callNext(rec: Recorder, windowId: string, now: number, at: string): CommandResult {
  const state = rec.state;
  const w = state.windows.find((x) => x.id === windowId)!;
  // A closing window serves the citizen at it and nobody new (its shift has ended).
  if (w.closing) return { ticket: null, choice: null };
  const categories = new Map(state.categories.map((c) => [c.id, c]));
  const chosen = chooseNext(buildQueue(activeTickets(state)), w, categories, state.settings, now);
  if (!chosen) return { ticket: null, choice: null };
  const ticket: Ticket = {
    ...chosen.ticket,
    status: "called",
    calledAt: at,
    firstCalledAt: chosen.ticket.firstCalledAt ?? at,
    // A transferred ticket may have been served elsewhere; service here has not begun yet.
    servedAt: null,
    window: w.id,
    targetWindow: null,
    officer: w.officer,
    callCount: chosen.ticket.callCount + 1,
    callReason: { code: chosen.code, reason: chosen.reason, reasonZh: chosen.reasonZh },
  };
  rec.emit({
    type: "ticket.called",
    callId: `${state.hall}:${state.calls + 1}`,
    ticket,
    window: windowRef(w),
    reason: chosen.reason,
    reasonZh: chosen.reasonZh,
    reasonCode: chosen.code,
  });
  const { ticket: _, ...choice } = chosen;
  return { ticket, choice };
}

function unknownTicket(ref: string): Rejection {
  return reject("unknown_ticket", `no ticket "${ref}" today in this hall`, { ticket: ref });
}

/** Recall, start, finish and no-show all act on the ticket at the window. */
function atWindow(rec: Recorder, action: "recall" | "start" | "finish" | "no_show", windowId: string, now: number, at: string): Applied {
  const state = rec.state;
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  const t = ticketAt(state, w);
  const allowed: Record<typeof action, Ticket["status"][]> = {
    recall: ["called"],
    start: ["called"],
    finish: ["called", "serving"],
    no_show: ["called"],
  };
  if (!t || !allowed[action].includes(t.status)) {
    const words = { recall: "to recall", start: "to start serving", finish: "to finish", no_show: "to mark as a no-show" };
    const holding = t ? `; it has ${t.number} (${t.status})` : "";
    return reject("conflict", `window ${w.number} has no ticket ${words[action]}${holding}`, { window: w.id });
  }
  const ref = windowRef(w);
  switch (action) {
    case "recall": {
      const ticket = { ...t, callCount: t.callCount + 1 };
      rec.emit({ type: "ticket.recalled", callId: `${state.hall}:${state.calls + 1}`, ticket, window: ref });
      return { ticket };
    }
    case "start": {
      const ticket: Ticket = { ...t, status: "serving", servedAt: at };
      rec.emit({ type: "ticket.serving", ticket, window: ref });
      return { ticket };
    }
    case "finish": {
      // Finished without "start": service began when the citizen was called to the window.
      const servedAt = t.servedAt ?? t.calledAt ?? at;
      const ticket: Ticket = { ...t, status: "done", servedAt, finishedAt: at };
      const serviceMinutes = Math.round(((now - Date.parse(servedAt)) / 60000) * 100) / 100;
      rec.emit({ type: "ticket.finished", ticket, window: ref, serviceMinutes });
      return { ticket };
    }
    case "no_show": {
      const ticket: Ticket = { ...t, status: "no_show", noShowAt: at };
      rec.emit({ type: "ticket.no_show", ticket, window: ref });
      return { ticket };
    }
  }
}
