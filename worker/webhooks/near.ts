/**
 * `ticket.near`: a waiting ticket has come to have the hall's `nearAhead` people (default 3) or
 * fewer ahead of it in its queue, with an open window that serves it — the moment an SMS or
 * WeChat reminder says "come back to the hall". Once per ticket: a ticket that falls back (a
 * priority ticket arrives, a window closes) is not told again.
 *
 * "Ahead" is the status page's figure (worker/core/estimates.ts, the same play of the call policy
 * that `estimateHall` runs for the screens): the waiting tickets of the same
 * category the call policy would call before it, so the message never disagrees with the screen.
 * A ticket no open window serves has no estimate and is not near, however few are ahead of it.
 */
import { estimateTickets } from "../core/estimates.js";
import type { HallState, NameScript, Priority } from "../core/model.js";

export const DEFAULT_NEAR_AHEAD = 3;
export const MAX_NEAR_AHEAD = 50;

export interface NearTicket {
  ticket: { id: string; number: string; category: string; priority: Priority };
  categoryNames: Record<NameScript, string>;
  hallName: string;
  ahead: number;
  nearAhead: number;
  estimatedWaitMinutes: number;
}

export function nearAheadOf(state: HallState): number {
  return state.settings.nearAhead ?? DEFAULT_NEAR_AHEAD;
}

/** Waiting tickets now within `nearAhead` of their call that `notified` says were not told yet, in call order. */
export function nearTickets(state: HallState, now: number, notified: (ticket: string) => boolean): NearTicket[] {
  const nearAhead = nearAheadOf(state);
  const estimates = estimateTickets(state, now);
  const near: NearTicket[] = [];
  for (const t of estimates.order) {
    const e = estimates.tickets.get(t.id);
    if (!e || e.ahead > nearAhead || e.estimatedWaitMinutes === null || notified(t.id)) continue;
    const category = state.categories.find((c) => c.id === t.category);
    near.push({
      ticket: { id: t.id, number: t.number, category: t.category, priority: t.priority },
      categoryNames: category?.names ?? { "zh-Hans": t.category, "zh-Hant": t.category, en: t.category },
      hallName: state.settings.name,
      ahead: e.ahead,
      nearAhead,
      estimatedWaitMinutes: e.estimatedWaitMinutes,
    });
  }
  return near;
}
