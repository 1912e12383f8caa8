/**
 * The hall as screens and API clients see it: `GET /api/halls/{hall}` and the live feed's
 * `snapshot` message. Derived from the state on demand, never stored.
 */
import { estimateHall } from "./estimates.js";
import type { CallRecord, Category, HallSettings, HallState, Ticket, Window } from "./types.js";

export interface WaitingTicket extends Ticket {
  ahead: number;
  estimatedWaitMinutes: number | null;
}

export interface HallSnapshot {
  hall: HallSettings & { id: string; day: string };
  seq: number;
  categories: Array<Category & { waiting: number; estimatedWaitMinutes: number | null; learntServiceMinutes: number | null }>;
  windows: Array<Omit<Window, "current"> & { current: Ticket | null }>;
  waiting: WaitingTicket[];
  recentCalls: CallRecord[];
}

export function snapshotOf(state: HallState, now: number): HallSnapshot {
  const estimates = estimateHall(state, now);
  return {
    hall: { id: state.hall, day: state.day, ...state.settings },
    seq: state.seq,
    categories: state.categories.map((c) => ({
      ...c,
      waiting: estimates.categories.get(c.id)?.waiting ?? 0,
      estimatedWaitMinutes: estimates.categories.get(c.id)?.estimatedWaitMinutes ?? null,
      learntServiceMinutes: state.learnt[c.id]?.minutes ?? null,
    })),
    windows: state.windows.map((w) => ({ ...w, current: w.current ? (state.tickets[w.current] ?? null) : null })),
    waiting: estimates.order.map((t) => ({ ...t, ...estimates.tickets.get(t.id)! })),
    recentCalls: state.recentCalls,
  };
}
