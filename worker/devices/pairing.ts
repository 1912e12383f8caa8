/**
 * Pairing a device by a code, as signage players are registered: a new device shows a code,
 * a manager types it in the console, and the device becomes what the manager chose. Pure
 * rules over plain records and an injected clock; worker/pairing-object stores them.
 *
 * A code is six random digits (10^6 possibilities), valid PAIRING_TTL_MS, used once. It is
 * bound to the browser that asked for it by a secret held in that browser's cookie, so a code
 * read off a screen across the room pairs that screen and nothing else.
 */

export const PAIRING_TTL_MS = 10 * 60_000;
/** A claimed code's credential waits this long past the code's expiry for the device to collect it. */
export const DELIVERY_GRACE_MS = 10 * 60_000;
/** More wrong codes than this from one manager within GUESS_WINDOW_MS, and every try is refused. */
export const MAX_WRONG_CODES = 10;
export const GUESS_WINDOW_MS = 60_000;
/** Waiting codes at once: far more than any rollout, few enough that nobody can exhaust the 10^6. */
export const MAX_WAITING_CODES = 10_000;
/**
 * Waiting codes from one client address at once: a hall rolling out its screens behind one
 * address pairs far fewer at a time; a flood from one address stops here, leaving the rest of
 * MAX_WAITING_CODES to everyone else (issue 23 §3).
 */
export const MAX_WAITING_PER_CLIENT = 50;

/** What a claimed code hands to the device that showed it. */
export interface Delivery {
  hall: string;
  device: string;
  /** The device's credential in clear: held only until the device collects it. */
  credential: string;
  /** The device's page, with no token in it. */
  location: string;
}

export interface PairingCode {
  code: string;
  /** SHA-256 of the browser's pairing secret, hex. */
  secretHash: string;
  createdAt: number;
  expiresAt: number;
  delivery: Delivery | null;
}

export type PairingStatus =
  | { state: "waiting"; code: string; expiresAt: number }
  | { state: "expired" }
  | { state: "paired"; delivery: Delivery };

export type ClaimVerdict = { ok: true } | { ok: false; why: "not_found" } | { ok: false; why: "too_many"; retryAfterMs: number };

const RANGE = 1_000_000;
// The largest multiple of 10^6 below 2^32: draws above it are thrown back, so every code is equally likely.
const UNBIASED_LIMIT = Math.floor(2 ** 32 / RANGE) * RANGE;

function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * A six-digit code that `taken` does not hold.
 * @example drawCode((code) => live.has(code)) // "048213"
 */
export function drawCode(taken: (code: string) => boolean, random: () => number = randomUint32): string {
  for (;;) {
    const n = random();
    if (n >= UNBIASED_LIMIT) continue;
    const code = String(n % RANGE).padStart(6, "0");
    if (!taken(code)) return code;
  }
}

/** A fresh code record for a browser whose secret hashes to `secretHash`. */
export function newPairing(code: string, secretHash: string, now: number): PairingCode {
  return { code, secretHash, createdAt: now, expiresAt: now + PAIRING_TTL_MS, delivery: null };
}

/** A code a manager can still type: not expired, not yet claimed. */
export function isClaimable(record: PairingCode | null, now: number): record is PairingCode {
  return record !== null && record.delivery === null && now < record.expiresAt;
}

/** What the device that showed `record` sees now. */
export function statusOf(record: PairingCode | null, now: number): PairingStatus {
  if (record?.delivery) return { state: "paired", delivery: record.delivery };
  if (!isClaimable(record, now)) return { state: "expired" };
  return { state: "waiting", code: record.code, expiresAt: record.expiresAt };
}

/** When a record can be forgotten: its code expired and any credential had time to be collected. */
export function forgetAt(record: PairingCode): number {
  return record.expiresAt + (record.delivery ? DELIVERY_GRACE_MS : 0);
}

/** The wrong codes that still count against a manager: those of the last minute. */
export function recentWrong(wrongAt: number[], now: number): number[] {
  return wrongAt.filter((at) => at > now - GUESS_WINDOW_MS);
}

/**
 * Whether a manager's typed code pairs. Over the limit, even a right code is refused until the
 * minute has passed, or the limit would only slow a guesser down.
 */
export function judgeClaim(record: PairingCode | null, wrongAt: number[], now: number): ClaimVerdict {
  const recent = recentWrong(wrongAt, now).sort((a, b) => a - b);
  if (recent.length >= MAX_WRONG_CODES) {
    return { ok: false, why: "too_many", retryAfterMs: recent[recent.length - MAX_WRONG_CODES]! + GUESS_WINDOW_MS - now };
  }
  return isClaimable(record, now) ? { ok: true } : { ok: false, why: "not_found" };
}
