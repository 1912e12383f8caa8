/**
 * The rules of a person's sign-in, over plain data and the hall's clock: how long a session
 * lasts, when an account is locked after wrong passwords and for how long, and what a session
 * lets its holder do. The hall object keeps the rows and the hashes (worker/sessions/hall-sessions.object.ts).
 *
 * @example
 * const attempts = afterWrongPassword({ failures: 4, lockedUntil: 0 }, now);
 * lockout(attempts, now); // { locked: true, retryAfterSeconds: 300 }
 */
import type { StaffAccess } from "../core/model.js";

/** A session lasts one long shift from sign-in, whatever is done with it: 12 h. */
export const SESSION_MS = 12 * 3600_000;

/** The fifth wrong password in a row locks the account for five minutes. */
export const MAX_WRONG_PASSWORDS = 5;
export const LOCK_MS = 5 * 60_000;

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 8;

export interface Attempts {
  /** Wrong passwords in a row since the last success or the last lock. */
  failures: number;
  /** Hall-clock ms until which the account is locked; 0 when it is not. */
  lockedUntil: number;
}

export type Lockout = { locked: false } | { locked: true; until: number; retryAfterSeconds: number };

export function lockout(attempts: Attempts, now: number): Lockout {
  if (attempts.lockedUntil <= now) return { locked: false };
  return { locked: true, until: attempts.lockedUntil, retryAfterSeconds: Math.ceil((attempts.lockedUntil - now) / 1000) };
}

/** The count after one more wrong password: at the limit the account locks and the count starts again. */
export function afterWrongPassword(attempts: Attempts, now: number): Attempts {
  const failures = attempts.failures + 1;
  return failures >= MAX_WRONG_PASSWORDS ? { failures: 0, lockedUntil: now + LOCK_MS } : { failures, lockedUntil: 0 };
}

export const afterRightPassword = (): Attempts => ({ failures: 0, lockedUntil: 0 });

export interface SessionRecord {
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export function newSession(now: number): SessionRecord {
  return { createdAt: now, expiresAt: now + SESSION_MS, revokedAt: null };
}

export type SessionStanding = "active" | "expired" | "revoked";

export function standing(session: SessionRecord, now: number): SessionStanding {
  if (session.revokedAt !== null) return "revoked";
  return now < session.expiresAt ? "active" : "expired";
}

/** The role a signed-in person acts with: their access, read afresh on every request. */
export function roleFor(access: StaffAccess): "manager" | "counter" {
  return access === "manager" ? "manager" : "counter";
}

/** How the person is named to others and in the audit log: 王芳 (012345). */
export const personName = (staff: { name: string; badge: string }) => `${staff.name} (${staff.badge})`;

/** "4 分钟" / "40 秒": the time left on a lock, as the login page says it. */
export function waitWords(seconds: number): { zh: string; en: string } {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return { zh: `${minutes} 分钟`, en: `${minutes} min` };
  }
  return { zh: `${seconds} 秒`, en: `${seconds} s` };
}

/**
 * Where a sign-in may send the person on: only a path of this site (never `//elsewhere` or a
 * full address), and only under the hall they signed in to.
 */
export function safeNext(hall: string, next: string | null | undefined): string | null {
  if (!next || !next.startsWith(`/halls/${hall}/`) || /[\\\u0000-\u001f]|\.\.|%2e/i.test(next)) return null;
  if (next.startsWith(`/halls/${hall}/login`)) return null;
  return next;
}
