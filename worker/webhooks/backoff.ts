/**
 * When a failed delivery is tried again: soon at first (a receiver restarting), then further
 * apart, for 24 hours from the moment the event happened; the last try falls on the 24-hour mark.
 * Counted from the event, not from its first try, so an outage that blocked a webhook's queue for
 * a day does not make every delivery behind it wait another day each.
 */

export const RETRY_FOR_MS = 24 * 3600_000;

const S = 1000;
const M = 60 * S;
const H = 60 * M;
/** The wait after the 1st, 2nd, … failure; the last one repeats. */
export const RETRY_DELAYS_MS = [10 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 4 * H] as const;

/**
 * After `failures` failed tries (1 or more) of a delivery queued at `queuedAt`, the instant to
 * try again, or null when its 24 hours are up and it has failed for good.
 */
export function retryAt(queuedAt: number, failures: number, now: number): number | null {
  const deadline = queuedAt + RETRY_FOR_MS;
  if (now >= deadline) return null;
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1]!;
  return Math.min(now + delay, deadline);
}

/** Whether a delivery queued at `queuedAt` is past its 24 hours, tried or not. */
export function expired(queuedAt: number, now: number): boolean {
  return now >= queuedAt + RETRY_FOR_MS;
}
