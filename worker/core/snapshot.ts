/**
 * The hall as screens and API clients see it: `GET /api/halls/{hall}` and the live feed's
 * `snapshot` message. Derived from the state on demand, never stored.
 */
import { estimateHall } from "./estimates.js";
import type { HallEvent } from "./events.js";
import { RECENT_CALLS } from "./evolve.js";
import { ticketOf } from "./ledger.js";
import type { CallRecord, Category, HallSettings, HallState, Ticket, Window, Zone } from "./model.js";
import { waitsInZone, type ZoneScope } from "./zones.js";

export interface WaitingTicket extends Ticket {
  ahead: number;
  estimatedWaitMinutes: number | null;
}

export interface HallSnapshot {
  hall: Omit<HallSettings, "zones"> & { id: string; day: string };
  seq: number;
  /** The hall's zones; empty when the hall is one zone. */
  zones: Zone[];
  categories: Array<Category & { waiting: number; estimatedWaitMinutes: number | null; learntServiceMinutes: number | null }>;
  windows: Array<Omit<Window, "current"> & { current: Ticket | null }>;
  waiting: WaitingTicket[];
  recentCalls: CallRecord[];
}

export function snapshotOf(state: HallState, now: number): HallSnapshot {
  const estimates = estimateHall(state, now);
  const { zones = [], ...settings } = state.settings;
  return {
    hall: { id: state.hall, day: state.day, ...settings },
    seq: state.seq,
    zones,
    categories: state.categories.map((c) => ({
      ...c,
      waiting: estimates.categories.get(c.id)?.waiting ?? 0,
      estimatedWaitMinutes: estimates.categories.get(c.id)?.estimatedWaitMinutes ?? null,
      learntServiceMinutes: state.learnt[c.id]?.minutes ?? null,
    })),
    windows: state.windows.map((w) => {
      const current = w.current ? ticketOf(state, w.current) : undefined;
      return { ...w, current: current ? publicTicket(current) : null };
    }),
    waiting: estimates.order.map((t) => ({ ...publicTicket(t), ...estimates.tickets.get(t.id)! })),
    recentCalls: state.recentCalls.slice(0, RECENT_CALLS),
  };
}

/**
 * A ticket as screens, feeds and integrations see it: without the citizen's ID mark, which only
 * the hall itself needs (one active ticket per ID and category).
 */
export function publicTicket<T extends Ticket>(ticket: T): T {
  if (!ticket.citizen) return ticket;
  const { citizen: _, ...rest } = ticket;
  return rest as T;
}

/** An event as the live feed sends it: any ticket in it without the citizen's ID mark. */
export function publicEvent(event: HallEvent): HallEvent {
  if (!("ticket" in event) || !(event.ticket as Ticket).citizen) return event;
  return { ...event, ticket: publicTicket(event.ticket as Ticket) } as HallEvent;
}

/** A hall snapshot cut down to one zone; waits and estimates stay the hall's, which calls every line. */
export function zoneSnapshot(snapshot: HallSnapshot, scope: ZoneScope): HallSnapshot {
  return {
    ...snapshot,
    categories: snapshot.categories.filter((c) => scope.categories.has(c.id)),
    windows: snapshot.windows.filter((w) => scope.windows.has(w.id)),
    waiting: snapshot.waiting.filter((t) => waitsInZone(scope, t)),
    recentCalls: snapshot.recentCalls.filter((c) => scope.windows.has(c.window.id)),
  };
}
