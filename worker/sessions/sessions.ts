/**
 * The rules of a person's sign-in, over plain data and the hall's clock: how long a session
 * lasts and what a session lets its holder do; how long a place waits after wrong passwords is
 * worker/sessions/sign-in-limits.ts. The hall object keeps the rows and the hashes
 * (worker/sessions/hall-sessions.object.ts).
 *
 * @example
 * standing(newSession(now), now + SESSION_MS); // "expired"
 */
import type { StaffAccess } from "../core/model.js";

/** A session lasts one long shift from sign-in, whatever is done with it: 12 h. */
export const SESSION_MS = 12 * 3600_000;

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 8;

// The PIN lockout rule, named here as worker/sessions/sessions.test.ts reads it (passwords no longer lock).
export { afterRightAttempt as afterRightPassword, afterWrongAttempt as afterWrongPassword, lockout, type Attempts, type Lockout } from "./lockout.js";

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

/** "4 分钟" / "40 秒": the time left to wait, as the login page says it. */
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
