/**
 * Wait estimates: play the call policy forward over the open windows, each taking the
 * category's (learnt) service time per ticket. No separate formula to drift from the policy:
 * the estimate is what the policy would do if nobody else arrived.
 */
import { buildQueue, chooseNext, take } from "./call-policy.js";
import { activeTickets, ticketOf } from "./ledger.js";
import type { Category, HallState, Ticket } from "./model.js";

export interface TicketEstimate {
  /** Waiting tickets of the same category called before this one. */
  ahead: number;
  /** Minutes until called, or null when no open window serves the category. */
  estimatedWaitMinutes: number | null;
}

export interface HallEstimates {
  /** Waiting tickets in the order they would be called. */
  order: Ticket[];
  tickets: Map<string, TicketEstimate>;
  /** For a normal ticket issued now, per category. */
  categories: Map<string, { waiting: number; estimatedWaitMinutes: number | null }>;
}

/** Minutes a category's service takes: learnt from finished tickets, else the manager's guess. */
export function serviceMinutesOf(state: HallState, category: string): number {
  const learnt = state.learnt[category];
  if (learnt) return learnt.minutes;
  return state.categories.find((c) => c.id === category)?.serviceMinutes ?? 5;
}

interface Slot {
  window: HallState["windows"][number];
  freeAt: number;
}

function openSlots(state: HallState, now: number): Slot[] {
  return state.windows
    // A closing window finishes its citizen and calls nobody new: it takes no one in the estimates.
    .filter((w) => w.state === "open" && !w.closing)
    .map((window) => {
      const current = window.current ? ticketOf(state, window.current) : undefined;
      if (!current) return { window, freeAt: now };
      const began = Date.parse(current.servedAt ?? current.calledAt ?? new Date(now).toISOString());
      const ends = began + serviceMinutesOf(state, current.category) * 60000;
      return { window, freeAt: Math.max(now, ends) };
    });
}

/**
 * Runs the policy forward from `now`; calls `onCall` for every simulated call in order,
 * stopping early when it returns true.
 */
function playForward(
  state: HallState,
  waiting: Iterable<Ticket>,
  now: number,
  onCall: (ticket: Ticket, at: number) => boolean | void,
): void {
  const categories = new Map<string, Category>(state.categories.map((c) => [c.id, c]));
  const queue = buildQueue(waiting);
  const slots = openSlots(state, now);
  while (slots.length > 0) {
    let s = 0;
    for (let i = 1; i < slots.length; i++) {
      const a = slots[i]!;
      const b = slots[s]!;
      if (a.freeAt < b.freeAt || (a.freeAt === b.freeAt && a.window.number < b.window.number)) s = i;
    }
    const slot = slots[s]!;
    const chosen = chooseNext(queue, slot.window, categories, state.settings, slot.freeAt);
    if (!chosen) {
      slots.splice(s, 1);
      continue;
    }
    take(queue, chosen.ticket);
    if (onCall(chosen.ticket, slot.freeAt)) return;
    slot.freeAt += serviceMinutesOf(state, chosen.ticket.category) * 60000;
  }
}

const toMinutes = (ms: number) => Math.max(0, Math.round(ms / 60000));

/**
 * Every waiting ticket's place and estimate, without the newcomer's wait per category: what a
 * reader of single tickets needs (webhooks' `ticket.near`), at a fraction of `estimateHall`'s cost.
 */
export function estimateTickets(state: HallState, now: number): Omit<HallEstimates, "categories"> & { waiting: Ticket[]; aheadIn: Map<string, number> } {
  const waiting = activeTickets(state).filter((t) => t.status === "waiting");
  const order: Ticket[] = [];
  const tickets = new Map<string, TicketEstimate>();
  const aheadIn = new Map<string, number>();
  const note = (t: Ticket, wait: number | null) => {
    const ahead = aheadIn.get(t.category) ?? 0;
    aheadIn.set(t.category, ahead + 1);
    tickets.set(t.id, { ahead, estimatedWaitMinutes: wait });
    order.push(t);
  };
  playForward(state, waiting, now, (t, at) => {
    note(t, toMinutes(at - now));
  });
  // Tickets no open window would reach keep their order by priority and queue time.
  const stranded = waiting.filter((t) => !tickets.has(t.id));
  const strandedQueue = buildQueue(stranded);
  for (const [, lines] of strandedQueue.categories) {
    const prio = lines.priority.items;
    const rest = lines.all.items.filter((t) => t.priority === "normal");
    for (const t of [...prio, ...rest]) note(t, null);
  }
  for (const [, line] of strandedQueue.targeted) for (const t of line.items) note(t, null);
  return { order, tickets, waiting, aheadIn };
}

export function estimateHall(state: HallState, now: number): HallEstimates {
  const { order, tickets, waiting, aheadIn } = estimateTickets(state, now);
  const categories = new Map<string, { waiting: number; estimatedWaitMinutes: number | null }>();
  const nowIso = new Date(now).toISOString();
  for (const c of state.categories) {
    const phantom = newcomer(c.id, nowIso);
    let wait: number | null = null;
    playForward(state, [...waiting, phantom], now, (t, at) => {
      if (t.id !== phantom.id) return false;
      wait = toMinutes(at - now);
      return true;
    });
    categories.set(c.id, { waiting: aheadIn.get(c.id) ?? 0, estimatedWaitMinutes: wait });
  }
  return { order, tickets, categories };
}

/** A normal ticket that arrives at `at`, to ask "how long would a newcomer wait?". */
function newcomer(category: string, at: string): Ticket {
  return waitingTicket({ id: "\uffff-newcomer", number: "", category, priority: "normal", at });
}

/** A ticket just taken: waiting, never called, with no history. */
export function waitingTicket(t: { id: string; number: string; category: string; priority: Ticket["priority"]; at: string }): Ticket {
  return {
    id: t.id,
    number: t.number,
    category: t.category,
    priority: t.priority,
    status: "waiting",
    issuedAt: t.at,
    queuedAt: t.at,
    calledAt: null,
    servedAt: null,
    finishedAt: null,
    window: null,
    targetWindow: null,
    officer: null,
    callCount: 0,
    transfers: [],
    noShowAt: null,
    requeues: 0,
    cancelReason: null,
  };
}
