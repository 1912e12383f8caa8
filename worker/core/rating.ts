/**
 * Rating the service (满意度评价): after a ticket is done, the citizen scores it 1 to 5 on the
 * window evaluator (窗口评价器) or on the status page, once. The score becomes a
 * `ticket.rated` event, so satisfaction is read from the log like every other figure.
 */
import { reject, type Rejection } from "./rejection.js";
import { ticketNumbered, ticketOf } from "./ledger.js";
import type { HallState, RatingReason, Ticket } from "./model.js";
import type { Decision } from "./outcome.js";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** 好差评's five levels, 5 to 1. */
export const LEVELS: Record<number, { zh: string; en: string }> = {
  5: { zh: "非常满意", en: "Very satisfied" },
  4: { zh: "满意", en: "Satisfied" },
  3: { zh: "基本满意", en: "Fairly satisfied" },
  2: { zh: "不满意", en: "Dissatisfied" },
  1: { zh: "非常不满意", en: "Very dissatisfied" },
};

export const REASONS: Record<RatingReason, { zh: string; en: string }> = {
  efficiency: { zh: "服务效率", en: "Efficiency" },
  skill: { zh: "服务水平", en: "Skill" },
  attitude: { zh: "服务态度", en: "Attitude" },
  other: { zh: "其他", en: "Other" },
};

/** A 差评: 不满意 or 非常不满意. Every one must be followed up (回访). */
export const isBadScore = (score: number) => score <= 2;
/** A 好评: 非常满意 or 满意. */
export const isGoodScore = (score: number) => score >= 4;

/** The evaluator at a window rates the ticket finished there within this many minutes. */
export const EVALUATION_MINUTES = 10;

function ticketByRef(state: HallState, ref: string): Ticket | undefined {
  return ticketOf(state, ref) ?? ticketNumbered(state, ref.toUpperCase());
}

/**
 * @example
 * rateTicket(state, "A023", 5, at) // { events: [{ type: "ticket.rated", ticket: { id, number, category, window, officer }, score: 5 }], … }
 * rateTicket(state, "A024", 5, at) // rejected: "A024 is waiting: only a finished ticket can be rated"
 */
export function rateTicket(state: HallState, ref: string, score: number, at: string, reasons?: RatingReason[]): Decision | Rejection {
  if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
    return reject("invalid", `a score is a whole number from ${MIN_SCORE} to ${MAX_SCORE}`, { score: `${MIN_SCORE} to ${MAX_SCORE}` });
  }
  if (reasons && reasons.length > 0 && !isBadScore(score)) {
    return reject("invalid", "reasons go with 不满意 or 非常不满意 (a score of 1 or 2)", { reasons: "only with a score of 1 or 2" });
  }
  const unknown = reasons?.find((r) => !(r in REASONS));
  if (unknown) return reject("invalid", `unknown reason "${unknown}"; reasons are ${Object.keys(REASONS).join(", ")}`, { reasons: unknown });
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
  // In the indicators' own order, each once, however they were pressed.
  const given = reasons && reasons.length > 0 ? { reasons: (Object.keys(REASONS) as RatingReason[]).filter((r) => reasons.includes(r)) } : {};
  return { events: [{ type: "ticket.rated", ticket, score, ...given }], result: { ticket: { ...t, rating: { score, at, ...given } } } };
}

/**
 * The ticket a window's evaluator rates now: the one finished last at that window within
 * EVALUATION_MINUTES, if nobody rated it yet.
 */
export function ticketToEvaluate(state: HallState, windowId: string, now: number): Ticket | undefined {
  let last: Ticket | undefined;
  for (const t of Object.values(state.tickets)) {
    if (t.window !== windowId || t.status !== "done" || !t.finishedAt) continue;
    if (now - Date.parse(t.finishedAt) > EVALUATION_MINUTES * 60_000) continue;
    if (!last || t.finishedAt > last.finishedAt!) last = t;
  }
  return last && !last.rating ? last : undefined;
}

/**
 * The citizen presses a level on the window evaluator (窗口评价器): it rates the ticket just
 * finished at that window, once.
 *
 * @example
 * evaluateAtWindow(state, "5", 2, ["attitude"], now, at) // ticket.rated for the ticket finished at window 5
 */
export function evaluateAtWindow(state: HallState, windowId: string, score: number, reasons: RatingReason[] | undefined, now: number, at: string): Decision | Rejection {
  const w = state.windows.find((x) => x.id === windowId);
  if (!w) return reject("unknown_window", `no window "${windowId}" in this hall`, { window: windowId });
  const t = ticketToEvaluate(state, w.id, now);
  if (!t) {
    return reject("conflict", `window ${w.number} has no ticket to rate: none finished there in the last ${EVALUATION_MINUTES} minutes, or it was rated`, {
      window: w.id,
    });
  }
  return rateTicket(state, t.id, score, at, reasons);
}
