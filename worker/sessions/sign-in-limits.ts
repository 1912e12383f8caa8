/**
 * How often a password may be tried, over plain data and the hall's clock. Badges are public
 * (window screens show them), so an account lock would let any stranger shut an officer out;
 * instead each place a try comes from earns its own growing wait:
 *
 * - per badge and place: three wrong tries free (typos), then 1 s, 2 s, 4 s … up to 15 min;
 * - per place over all badges: ten wrong tries free, then the same growth (a spray of badges);
 * - strangers together (every place that is not one of the hall's paired devices): a bucket of
 *   hashes that refills at a few per second, so a flood from many places cannot keep the hall
 *   object hashing (a 100,000-round PBKDF2 holds its only thread).
 *
 * A place is a paired device of this hall (its own key, never slowed by anyone else's failures)
 * or a client address. Every limit is answered before any hashing. The hall object keeps the
 * strikes (worker/sessions/hall-sessions.object.ts).
 *
 * A place that keeps trying while told to wait is a script, not a person: after HOLD_FREE tries
 * refused since its last sign-in, each further refusal is held before it is answered (a tarpit: a timer in the
 * Worker, worker/sessions/tarpit.ts, costing no CPU), 250 ms, 500 ms, 1 s, then 2 s each, so a
 * flooding loop sends a try or two a second instead of hundreds (issue 23 §1: the hall's other
 * commands keep their latency during a flood).
 *
 * @example
 * const strikes = afterWrongTry(afterWrongTry(afterWrongTry(NO_STRIKES, now), now), now);
 * waitLeft(strikes, FREE_PER_BADGE, now); // 1000: the fourth wrong try earns a second's wait
 */

export interface Strikes {
  /** Wrong tries since the last right one (or since they were forgotten). */
  failures: number;
  /** Hall-clock ms of the last wrong try. */
  lastAt: number;
}

export const NO_STRIKES: Strikes = { failures: 0, lastAt: 0 };

/** Wrong tries of one badge from one place before any wait. */
export const FREE_PER_BADGE = 3;
/** Wrong tries from one place, over every badge, before any wait. */
export const FREE_PER_PLACE = 10;
/** The longest wait a run of wrong tries earns. */
export const MAX_WAIT_MS = 15 * 60_000;
/** A day without a wrong try forgets the strikes. */
export const FORGET_MS = 24 * 3600_000;

/** Hashes strangers may start at once (a burst: a morning of officers signing in on laptops). */
export const STRANGER_BURST = 30;
/**
 * Strangers' hashes per second once the burst is spent. Each costs the hall object about 40 ms
 * of its one thread on this machine (docs/performance.md), so 4 a second leave ~85 % of it to the
 * queue however many places a flood comes from.
 */
export const STRANGER_RATE_PER_SECOND = 4;

/** Tries of one place refused (429) since its last sign-in that are answered at once: a person retrying during a wait. */
export const HOLD_FREE = 10;
/** The longest a refused try is held before its answer. */
export const HOLD_MAX_MS = 2000;

/** How long the `refused`-th refusal of one place since its last sign-in is held before it is answered. */
export function holdFor(refused: number): number {
  if (refused <= HOLD_FREE) return 0;
  return Math.min(HOLD_MAX_MS, 250 * 2 ** (refused - HOLD_FREE - 1));
}

/** The wait earned by `failures` wrong tries when `free` of them cost nothing. */
export function waitFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - free));
}

/** Ms until the next try is heard; 0 when it is heard now. */
export function waitLeft(strikes: Strikes, free: number, now: number): number {
  if (strikes.failures === 0 || now - strikes.lastAt >= FORGET_MS) return 0;
  return Math.max(0, strikes.lastAt + waitFor(strikes.failures, free) - now);
}

/** The strikes after one more wrong try. */
export function afterWrongTry(strikes: Strikes, now: number): Strikes {
  const kept = now - strikes.lastAt >= FORGET_MS ? 0 : strikes.failures;
  return { failures: kept + 1, lastAt: now };
}

/** The strangers' bucket: hashes left and when it was last filled. */
export interface Bucket {
  tokens: number;
  at: number;
}

export const FULL_BUCKET = (now: number): Bucket => ({ tokens: STRANGER_BURST, at: now });

/** Takes one hash from the bucket: the bucket after, or the ms until one is there. */
export function takeHash(bucket: Bucket, now: number): { ok: true; bucket: Bucket } | { ok: false; waitMs: number; bucket: Bucket } {
  const tokens = Math.min(STRANGER_BURST, bucket.tokens + (Math.max(0, now - bucket.at) * STRANGER_RATE_PER_SECOND) / 1000);
  if (tokens >= 1) return { ok: true, bucket: { tokens: tokens - 1, at: now } };
  return { ok: false, waitMs: Math.ceil(((1 - tokens) * 1000) / STRANGER_RATE_PER_SECOND), bucket: { tokens, at: now } };
}

/** Where a try comes from: a paired device of the hall, or a client address. */
export type Place = { kind: "device"; id: string; name: string } | { kind: "client"; address: string };

/** The key strikes are kept under: a device by id; an IPv6 client by its /64, as one household or office holds a whole /64. */
export function placeKey(place: Place): string {
  if (place.kind === "device") return `device:${place.id}`;
  const address = place.address.toLowerCase();
  if (!address.includes(":")) return `client:${address}`;
  const groups = expandV6(address);
  return `client:${groups ? groups.slice(0, 4).join(":") + "::/64" : address}`;
}

function expandV6(address: string): string[] | null {
  const [head, tail, extra] = address.split("::");
  if (extra !== undefined) return null;
  const a = head ? head.split(":") : [];
  const b = tail !== undefined ? (tail ? tail.split(":") : []) : [];
  const missing = 8 - a.length - b.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...a, ...Array.from({ length: missing }, () => "0"), ...b].map((g) => g.replace(/^0+(?=.)/, ""));
}

/** How the place is named in the audit log. */
export function placeName(place: Place): string {
  return place.kind === "device" ? `${place.name} (device ${place.id})` : `client ${place.address}`;
}
