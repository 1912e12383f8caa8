/**
 * The lockout rule for an officer's own PIN or password at a window (worker/sessions/credentials.object.ts):
 * the fifth wrong one in a row locks the account at windows for five minutes, then the count starts
 * again, refused as 409 `conflict` (the window sign-in's reply since PINs came). Only a holder of a
 * counter credential can try one there. A password on the login page, which anyone can reach, never locks an account:
 * the place it is tried from waits instead (worker/sessions/sign-in-limits.ts). Plain data and
 * the hall's clock; the object keeps the counts in its own table.
 *
 * @example
 * const attempts = afterWrongAttempt({ failures: 4, lockedUntil: 0 }, now);
 * lockout(attempts, now); // { locked: true, until: now + 300_000, retryAfterSeconds: 300 }
 */

/** Wrong secrets in a row that lock the account. */
export const MAX_WRONG_ATTEMPTS = 5;
/** How long a lock lasts: 5 minutes. */
export const LOCK_MS = 5 * 60_000;

export interface Attempts {
  /** Wrong secrets in a row since the last success or the last lock. */
  failures: number;
  /** Hall-clock ms until which the account is locked; 0 when it is not. */
  lockedUntil: number;
}

export type Lockout = { locked: false } | { locked: true; until: number; retryAfterSeconds: number };

/** Whether the account is locked at `now`, and until when. */
export function lockout(attempts: Attempts, now: number): Lockout {
  if (attempts.lockedUntil <= now) return { locked: false };
  return { locked: true, until: attempts.lockedUntil, retryAfterSeconds: Math.ceil((attempts.lockedUntil - now) / 1000) };
}

/** The count after one more wrong secret: at the limit the account locks and the count starts again. */
export function afterWrongAttempt(attempts: Attempts, now: number): Attempts {
  const failures = attempts.failures + 1;
  return failures >= MAX_WRONG_ATTEMPTS ? { failures: 0, lockedUntil: now + LOCK_MS } : { failures, lockedUntil: 0 };
}

/** The count after the right secret: nothing held against the account. */
export const afterRightAttempt = (): Attempts => ({ failures: 0, lockedUntil: 0 });
