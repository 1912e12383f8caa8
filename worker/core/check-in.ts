/**
 * Checking in by code (issue 26): a booking (typed in by a manager or made by a citizen online)
 * or a ticket from home, typed or scanned at the kiosk or at a window. One rule wherever the
 * code is typed; a window only adds that it must be the hall's.
 *
 * At a window the citizen joins the queue as at the kiosk — a booking becomes an
 * appointment-priority ticket in its category, a ticket from home keeps the place it held — and
 * is called in turn: the officer may be serving someone, the window may not serve that category,
 * and a ticket that skipped the call would never be announced nor its wait counted.
 *
 * @example
 * checkInCode(state, "482913", at)       // at the kiosk
 * checkInCode(state, "482913", at, "3")  // at window 3: the same, or unknown_window
 */
import { checkIn } from "./issue.js";
import type { HallState } from "./model.js";
import type { Decision } from "./outcome.js";
import { reject, type Rejection } from "./rejection.js";
import { checkInRemote } from "./remote.js";

export function checkInCode(state: HallState, code: string, at: string, window?: string): Decision | Rejection {
  if (window !== undefined && !state.windows.some((w) => w.id === window)) {
    return reject("unknown_window", `no window "${window}" in this hall`, { window });
  }
  return state.appointments[code] ? checkIn(state, code, at) : checkInRemote(state, code, at);
}
