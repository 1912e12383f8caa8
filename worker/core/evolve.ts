/**
 * How each event changes the hall. Events carry the full changed ticket or window, so
 * replaying the log over a snapshot rebuilds the state exactly; `decide` emits, this applies.
 */
import { evolveContent } from "./content.js";
import { ticketOf, withFields, withoutTickets, withTicket } from "./ledger.js";
import type { HallEvent } from "./events.js";
import { DEFAULT_ANNOUNCEMENT, type CallRecord, type HallState, type Window } from "./model.js";

/** How many calls the screens keep as "recent". */
export const RECENT_CALLS = 10;

/**
 * The newest calls, and beyond them the newest of each window: in a big hall one zone's screens
 * still show their last call after dozens of calls in the other zones. At most RECENT_CALLS plus
 * one a window.
 */
function keepCalls(calls: CallRecord[]): CallRecord[] {
  const seen = new Set<string>();
  const kept: CallRecord[] = [];
  // Plain loops here and below, not callbacks: every call and finish goes through them, and a
  // fresh process (a simulated day) runs much of its day before the compiler inlines a callback.
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i]!;
    const newest = !seen.has(c.window.id);
    seen.add(c.window.id);
    if (i < RECENT_CALLS || newest) kept.push(c);
  }
  return kept;
}

/** Weight of the newest finished ticket in the learnt service time (exponential average). */
const LEARNING_RATE = 0.2;

export function emptyHall(hall: string): HallState {
  return {
    hall,
    seq: 0,
    day: "",
    dayPart: 1,
    settings: {
      name: hall,
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      targetWaitMinutes: 8.2,
      languages: ["cmn-Hans", "yue-Hant"],
      noShowRequeueMinutes: 30,
      orderBonusMinutes: 2,
      notice: "",
      supervisionUrl: null,
      announcer: { ...DEFAULT_ANNOUNCEMENT },
    },
    categories: [],
    windows: [],
    tickets: {},
    counters: {},
    recentCalls: [],
    learnt: {},
    calls: 0,
    staff: {},
    appointments: {},
  };
}

export function isConfigured(state: HallState): boolean {
  return state.day !== "";
}

/** The windows with whichever holds `ticketId` freed. */
function released(windows: Window[], ticketId: string): Window[] {
  let holds = false;
  for (let i = 0; i < windows.length && !holds; i++) holds = windows[i]!.current === ticketId;
  if (!holds) return windows;
  const out: Window[] = [];
  for (let i = 0; i < windows.length; i++) out.push(windows[i]!.current === ticketId ? { ...windows[i]!, current: null } : windows[i]!);
  return out;
}

/** The windows with the one of id `id` now holding `ticketId`. */
function holding(windows: Window[], id: string, ticketId: string): Window[] {
  const out: Window[] = [];
  for (let i = 0; i < windows.length; i++) out.push(windows[i]!.id === id ? { ...windows[i]!, current: ticketId } : windows[i]!);
  return out;
}

/**
 * The state after `e`. Never changes `state`; costs the same late in the day as early (the
 * tickets live in a ledger, see ledger.ts).
 */
export function evolve(state: HallState, e: HallEvent): HallState {
  switch (e.type) {
    case "hall.configured": {
      const { categories, windows, ...settings } = e.config;
      const before = new Map(state.windows.map((w) => [w.id, w]));
      return withFields(state, {
        seq: e.seq,
        day: e.day,
        settings,
        categories,
        windows: windows.map((w) => ({
          ...w,
          officer: before.get(w.id)?.officer ?? null,
          current: before.get(w.id)?.current ?? null,
          // A window still open keeps closing across a change of settings.
          ...(before.get(w.id)?.closing && w.state === "open" ? { closing: true as const } : {}),
        })),
      });
    }
    case "hall.reset":
      return withoutTickets(state, {
        seq: e.seq,
        day: e.day,
        dayPart: e.day === state.day ? state.dayPart + 1 : 1,
        counters: {},
        recentCalls: [],
        windows: state.windows.map((w) => ({ ...w, current: null, officer: null })),
        appointments: Object.fromEntries(Object.entries(state.appointments).filter(([, a]) => a.day >= e.day)),
        ...(state.bookingBlocks ? { bookingBlocks: Object.fromEntries(Object.entries(state.bookingBlocks).filter(([, b]) => b.day >= e.day)) } : {}),
      });
    case "ticket.issued": {
      const prefix = state.categories.find((c) => c.id === e.ticket.category)?.prefix ?? "";
      const code = e.ticket.appointment;
      const booked = code === undefined ? undefined : state.appointments[code];
      const appointments = booked ? { ...state.appointments, [booked.code]: { ...booked, ticket: e.ticket.id } } : state.appointments;
      return withTicket(state, e.ticket, { seq: e.seq, appointments, counters: { ...state.counters, [prefix]: (state.counters[prefix] ?? 0) + 1 } });
    }
    case "ticket.called":
    case "ticket.recalled": {
      const call = {
        callId: e.callId,
        at: e.at,
        recall: e.type === "ticket.recalled",
        ticket: { id: e.ticket.id, number: e.ticket.number, category: e.ticket.category },
        window: e.window,
      };
      return withTicket(state, e.ticket, {
        seq: e.seq,
        windows: holding(state.windows, e.window.id, e.ticket.id),
        calls: state.calls + 1,
        recentCalls: keepCalls([call, ...state.recentCalls]),
      });
    }
    case "ticket.serving":
    case "ticket.held":
    case "ticket.arrived":
      return withTicket(state, e.ticket, { seq: e.seq });
    case "ticket.finished": {
      const before = state.learnt[e.ticket.category];
      const configured = state.categories.find((c) => c.id === e.ticket.category)?.serviceMinutes ?? e.serviceMinutes;
      const sample = Math.min(120, Math.max(0.5, e.serviceMinutes));
      const prior = before?.minutes ?? configured;
      const minutes = Math.round((prior + LEARNING_RATE * (sample - prior)) * 100) / 100;
      return withTicket(state, e.ticket, {
        seq: e.seq,
        windows: released(state.windows, e.ticket.id),
        learnt: { ...state.learnt, [e.ticket.category]: { minutes, samples: (before?.samples ?? 0) + 1 } },
      });
    }
    case "ticket.no_show":
    case "ticket.requeued":
    case "ticket.transferred":
    case "ticket.cancelled":
      return withTicket(state, e.ticket, { seq: e.seq, windows: released(state.windows, e.ticket.id) });
    case "ticket.rated": {
      const rated = ticketOf(state, e.ticket.id);
      return rated ? withTicket(state, { ...rated, rating: { score: e.score, at: e.at, ...(e.reasons ? { reasons: e.reasons } : {}) } }, { seq: e.seq }) : withFields(state, { seq: e.seq });
    }
    case "window.updated":
      return withFields(state, { seq: e.seq, windows: state.windows.map((w) => (w.id === e.window.id ? e.window : w)) });
    case "staff.updated": {
      const { [e.staff.id]: _, ...others } = state.staff;
      return withFields(state, { seq: e.seq, staff: e.change === "removed" ? others : { ...state.staff, [e.staff.id]: e.staff } });
    }
    case "appointment.cancelled": {
      const { [e.appointment.code]: _, ...others } = state.appointments;
      return withFields(state, { seq: e.seq, appointments: others });
    }
    case "appointment.booked":
      return withFields(state, { seq: e.seq, appointments: { ...state.appointments, [e.appointment.code]: e.appointment } });
    case "bookings.blocked":
    case "bookings.contacted":
      return withFields(state, { seq: e.seq, bookingBlocks: { ...state.bookingBlocks, [e.block.id]: e.block } });
    case "bookings.unblocked": {
      const { [e.block.id]: _, ...others } = state.bookingBlocks ?? {};
      return withFields(state, { seq: e.seq, bookingBlocks: others });
    }
    case "content.changed":
    case "content.synced":
      return withFields(state, { seq: e.seq, content: evolveContent(state.content, e) });
  }
}
