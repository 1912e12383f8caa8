/**
 * A ticket's way through the hall after it is issued: called to a window by the call policy,
 * recalled, served, finished or marked a no-show there, re-queued once after a no-show,
 * transferred to another category or window, or cancelled. Each rule reads the state and returns
 * the events it decides (or a rejection); `decide` (hall.ts) applies them.
 */
import { buildQueue, chooseNext, take } from "./call-policy.js";
import { findCategory, findWindow, windowById } from "./config.js";
import type { HallEventBody } from "./events.js";
import { isServed } from "./issue.js";
import { activeTickets, findTicket, ticketAt } from "./ledger.js";
import type { HallState, Ticket, Transfer, Window, WindowRef } from "./model.js";
import type { Decision } from "./outcome.js";
import { broke, reject, type Rejection } from "./rejection.js";
import { onTheWay, stepBack } from "./remote.js";

const ACTIVE = new Set<Ticket["status"]>(["waiting", "called", "serving"]);

function windowRef(w: Window): WindowRef {
  return { id: w.id, number: w.number, label: w.label };
}

function categoryName(state: HallState, id: string): string {
  return state.categories.find((c) => c.id === id)?.names["zh-Hans"] ?? id;
}

function unknownTicket(ref: string): Rejection {
  return reject("unknown_ticket", `no ticket "${ref}" today in this hall`, { ticket: ref });
}

/**
 * Whether a window may call now: it must be open, and empty unless calling the next finishes the
 * ticket at it first (`finishFirst`: the hall's `callNextFinishes`, on unless set false).
 */
export function readyToCall(state: HallState, windowId: string): { finishFirst: boolean } | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  if (w.state !== "open") return reject("conflict", `window ${w.number} is ${w.state}`, { window: w.id, state: w.state });
  const holding = ticketAt(state, w);
  if (holding && state.settings.callNextFinishes !== false) return { finishFirst: true };
  if (holding) {
    return reject(
      "conflict",
      `window ${w.number} still has ${holding.number} (${holding.status}): finish it, mark it a no-show or transfer it first`,
      { window: w.id, ticket: holding.number },
    );
  }
  return { finishFirst: false };
}

/** Calls the next ticket to an open, empty window by the call policy; none waiting is no call. */
export function callNext(state: HallState, windowId: string, now: number, at: string): Decision {
  const w = windowById(state.windows, windowId)!;
  // A closing window serves the citizen at it and nobody new (its shift has ended).
  if (w.closing) return { events: [], result: { ticket: null, choice: null } };
  const categories = new Map(state.categories.map((c) => [c.id, c]));
  const queue = buildQueue(activeTickets(state));
  // A ticket joined from home is not called before its citizen checks in: the window calls the
  // next one, and the ticket steps back behind it (worker/core/remote.ts). With nobody else
  // waiting, nobody is called and it keeps its place.
  const passed: Ticket[] = [];
  let chosen = chooseNext(queue, w, categories, state.settings, now);
  while (chosen && onTheWay(chosen.ticket)) {
    passed.push(chosen.ticket);
    take(queue, chosen.ticket);
    chosen = chooseNext(queue, w, categories, state.settings, now);
  }
  if (!chosen) return { events: [], result: { ticket: null, choice: null } };
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
  const { ticket: _, ...choice } = chosen;
  const called: HallEventBody = {
    type: "ticket.called",
    callId: `${state.hall}:${state.calls + 1}`,
    ticket,
    window: windowRef(w),
    reason: chosen.reason,
    reasonZh: chosen.reasonZh,
    reasonCode: chosen.code,
  };
  return { events: [...stepBack(state, passed, chosen.ticket, at), called], result: { ticket, choice } };
}

/** What a counter does to the ticket at its window. */
export type WindowAction = "recall" | "start" | "finish" | "no_show";

const ALLOWED: Record<WindowAction, Ticket["status"][]> = {
  recall: ["called"],
  start: ["called"],
  finish: ["called", "serving"],
  no_show: ["called"],
};

const WORDS: Record<WindowAction, string> = { recall: "to recall", start: "to start serving", finish: "to finish", no_show: "to mark as a no-show" };

/** Recall, start, finish and no-show all act on the ticket at the window. */
export function actAtWindow(state: HallState, action: WindowAction, windowId: string, now: number, at: string): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  const t = ticketAt(state, w);
  if (!t || !ALLOWED[action].includes(t.status)) {
    const holding = t ? `; it has ${t.number} (${t.status})` : "";
    return reject("conflict", `window ${w.number} has no ticket ${WORDS[action]}${holding}`, { window: w.id });
  }
  const ref = windowRef(w);
  switch (action) {
    case "recall": {
      const ticket = { ...t, callCount: t.callCount + 1 };
      return { events: [{ type: "ticket.recalled", callId: `${state.hall}:${state.calls + 1}`, ticket, window: ref }], result: { ticket } };
    }
    case "start": {
      const ticket: Ticket = { ...t, status: "serving", servedAt: at };
      return { events: [{ type: "ticket.serving", ticket, window: ref }], result: { ticket } };
    }
    case "finish": {
      // Finished without "start": service began when the citizen was called to the window.
      const servedAt = t.servedAt ?? t.calledAt ?? at;
      const ticket: Ticket = { ...t, status: "done", servedAt, finishedAt: at };
      const serviceMinutes = Math.round(((now - Date.parse(servedAt)) / 60000) * 100) / 100;
      return { events: [{ type: "ticket.finished", ticket, window: ref, serviceMinutes }], result: { ticket } };
    }
    case "no_show": {
      const ticket: Ticket = { ...t, status: "no_show", noShowAt: at };
      return { events: [{ type: "ticket.no_show", ticket, window: ref }], result: { ticket } };
    }
  }
}

/** A no-show back in line, once, within the hall's `noShowRequeueMinutes`. */
export function requeueTicket(state: HallState, ref: string, now: number, at: string): Decision | Rejection {
  const t = findTicket(state, ref);
  if (!t) return unknownTicket(ref);
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
  return { events: [{ type: "ticket.requeued", ticket }], result: { ticket } };
}

/**
 * An active ticket moved to another category's line, or to one window (only that window may then
 * call it), keeping its place in the queue.
 */
export function transferTicket(state: HallState, move: { ticket: string; category?: string; window?: string }, at: string): Decision | Rejection {
  const t = findTicket(state, move.ticket);
  if (!t) return unknownTicket(move.ticket);
  if (!ACTIVE.has(t.status)) return reject("conflict", `${t.number} is ${t.status} and cannot be transferred`, { ticket: t.number });
  if (move.category === undefined && move.window === undefined) {
    return reject("invalid", "a transfer needs a category or a window", { category: "required without window" }, [broke("category", "either")]);
  }
  const category = move.category === undefined ? undefined : findCategory(state, move.category);
  if (category && "rejected" in category) return category;
  const target = move.window === undefined ? undefined : findWindow(state, move.window);
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
  const transfer: Transfer = {
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
  return { events: [{ type: "ticket.transferred", ticket, transfer }], result: { ticket } };
}

/** An active ticket cancelled (the citizen left, or staff cancelled it), with the reason given. */
export function cancelTicket(state: HallState, ref: string, reason: string | undefined, at: string): Decision | Rejection {
  const t = findTicket(state, ref);
  if (!t) return unknownTicket(ref);
  if (!ACTIVE.has(t.status)) return reject("conflict", `${t.number} is already ${t.status}`, { ticket: t.number });
  const why = reason ?? "cancelled";
  const ticket: Ticket = { ...t, status: "cancelled", finishedAt: at, cancelReason: why };
  return { events: [{ type: "ticket.cancelled", ticket, reason: why }], result: { ticket } };
}
