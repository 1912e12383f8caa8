/**
 * Rating the service (满意度评价): after a ticket is done, the citizen scores it 1 to 5 on the
 * window evaluator (窗口评价器) or on the status page, once. The score becomes a
 * `ticket.rated` event, so satisfaction is read from the log like every other figure.
 */
import { reject } from "./config.js";
import { ticketNumbered, ticketOf } from "./ledger.js";
import type { Decision, HallState, Rejection, Ticket } from "./types.js";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

function ticketByRef(state: HallState, ref: string): Ticket | undefined {
  return ticketOf(state, ref) ?? ticketNumbered(state, ref.toUpperCase());
}

/**
 * @example
 * rateTicket(state, "A023", 5, at) // { events: [{ type: "ticket.rated", ticket: { id, number, category, window, officer }, score: 5 }], … }
 * rateTicket(state, "A024", 5, at) // rejected: "A024 is waiting: only a finished ticket can be rated"
 */
export function rateTicket(state: HallState, ref: string, score: number, at: string): Decision | Rejection {
  if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
    return reject("invalid", `a score is a whole number from ${MIN_SCORE} to ${MAX_SCORE}`, { score: `${MIN_SCORE} to ${MAX_SCORE}` });
  }
  const t = ticketByRef(state, ref);
  if (!t) return reject("unknown_ticket", `no ticket "${ref}" today in this hall`, { ticket: ref });
  if (t.status !== "done") {
    return reject("conflict", `${t.number} is ${t.status}: only a finished ticket can be rated`, { ticket: t.number, status: t.status });
  }
  if (t.rating) {
    return reject("conflict", `${t.number} was already rated (${t.rating.score} of ${MAX_SCORE}); a ticket is rated once`, {
      ticket: t.number,
      score: t.rating.score,
    });
  }
  const ticket = { id: t.id, number: t.number, category: t.category, window: t.window, officer: t.officer };
  return { events: [{ type: "ticket.rated", ticket, score }], result: { ticket: { ...t, rating: { score, at } } } };
}
