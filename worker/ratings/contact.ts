/**
 * The citizen's call-back number (回访电话) after a 差评: a walk-in ticket has no contact, so the
 * evaluator asks for one, optionally. The number is kept only until its follow-up is done plus
 * CONTACT_KEEP_MS, and is shown masked (138****5678) everywhere except on the open follow-up row
 * a manager calls from. It is never part of an event, so no screen, feed, webhook, log or export
 * can carry it.
 */

/** A mainland Chinese mobile number: 11 digits starting with 1. */
export const MOBILE = /^1\d{10}$/;

/** How long a number is kept once its follow-up is done. */
export const CONTACT_KEEP_MS = 30 * 24 * 3600 * 1000;

/** How long after the rating the evaluator may still leave a number (as long as it may rate). */
export const CONTACT_WINDOW_MS = 10 * 60 * 1000;

/**
 * The number as anyone but the manager calling back sees it.
 *
 * @example
 * maskMobile("13812345678") // "138****5678"
 */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : "*".repeat(mobile.length);
}
