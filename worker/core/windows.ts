/**
 * What a manager or an officer does to a window itself: opening, pausing or closing it and the
 * categories it serves (set_window), and an officer signing in and out by name and badge.
 * Signing in with a staff account, and the counter's own pause and resume, are in staff.ts.
 */
import { findCategory, findWindow } from "./config.js";
import type { WindowChange } from "./events.js";
import { activeTickets, ticketAt } from "./ledger.js";
import type { HallState, Officer, Window, WindowState } from "./model.js";
import type { Decision } from "./outcome.js";
import { broke, reject, type Rejection } from "./rejection.js";

/**
 * A window's state and served categories (most preferred first), as a manager sets them. A window
 * is not closed while a citizen is at it or a ticket transferred to it still waits.
 */
export function setWindow(state: HallState, windowId: string, set: { state?: WindowState; categories?: string[] }): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  const changes: WindowChange[] = [];
  let next: Window = w;
  if (set.categories !== undefined) {
    for (const c of set.categories) {
      const found = findCategory(state, c);
      if ("rejected" in found) return found;
    }
    if (new Set(set.categories).size !== set.categories.length) {
      return reject("invalid", "a window cannot list a category twice", { categories: "duplicate category" }, [broke("categories", "duplicate")]);
    }
    if (set.categories.join() !== w.categories.join()) {
      next = { ...next, categories: set.categories };
      changes.push("categories");
    }
  }
  if (set.state !== undefined && set.state !== w.state) {
    const holding = ticketAt(state, w);
    if (set.state === "closed" && holding) {
      return reject("conflict", `window ${w.number} still has ${holding.number}: finish or transfer it before closing`, {
        window: w.id,
        ticket: holding.number,
      });
    }
    const stranded = activeTickets(state).find((t) => t.status === "waiting" && t.targetWindow === w.id);
    if (set.state === "closed" && stranded) {
      return reject("conflict", `${stranded.number} was transferred to window ${w.number}; call it or transfer it elsewhere before closing`, {
        window: w.id,
        ticket: stranded.number,
      });
    }
    const { closing: _, ...rest } = next;
    next = { ...rest, state: set.state };
    changes.push("state");
  }
  return { events: changes.length > 0 ? [{ type: "window.updated", window: next, changes }] : [], result: { window: next } };
}

/** An officer signs in at a window by name and badge; a badge is signed in at one window at a time. */
export function signIn(state: HallState, windowId: string, officer: Officer): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  const elsewhere = state.windows.find((o) => o.id !== w.id && o.officer?.badge === officer.badge);
  if (elsewhere) {
    return reject("conflict", `officer ${officer.badge} is signed in at window ${elsewhere.number}; sign out there first`, {
      window: elsewhere.id,
    });
  }
  const window: Window = { ...w, officer };
  return { events: [{ type: "window.updated", window, changes: ["officer"] }], result: { window } };
}

/** The officer at a window signs out; a window with nobody signed in stays as it is. */
export function signOut(state: HallState, windowId: string): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  if (!w.officer) return { events: [], result: { window: w } };
  const window: Window = { ...w, officer: null };
  return { events: [{ type: "window.updated", window, changes: ["officer"] }], result: { window } };
}
