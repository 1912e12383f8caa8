/**
 * Which halls below a region still need its content list, and when to try a hall again. The
 * region pushes its whole list, versioned, to every hall below it, and keeps per hall the version
 * that hall acknowledged: a hall that was unreachable is tried again with backoff, a hall that
 * joins later gets the list at once, and a hall that left gets version 0 ("drop my items").
 *
 * @example
 * const due = dueHalls(rows, sent, version, now); // halls to send to now, with what
 */

/** What the region knows of its last delivery to one hall. */
export interface Delivery {
  hall: string;
  /** The version the hall acknowledged; 0 for none yet. */
  version: number;
  failures: number;
  /** Not before this (region clock, ms) after a failure. */
  retryAt: number;
}

export type DueDelivery = { hall: string; removal: boolean };

/** Retries wait 5 s, 10 s, 20 s … and at most 10 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * Halls to deliver to at `now`: every hall below that has not acknowledged `version`, and every
 * hall that left but still holds an older list. `below` are the halls below the region now.
 */
export function dueHalls(below: Iterable<string>, sent: Map<string, Delivery>, version: number, now: number): DueDelivery[] {
  const due: DueDelivery[] = [];
  const here = new Set(below);
  for (const hall of here) {
    const d = sent.get(hall);
    if (version > 0 && (d?.version ?? 0) < version && (d?.retryAt ?? 0) <= now) due.push({ hall, removal: false });
  }
  for (const d of sent.values()) {
    if (!here.has(d.hall) && d.version > 0 && d.retryAt <= now) due.push({ hall: d.hall, removal: true });
  }
  return due;
}

/** When the next delivery falls due, or null when every hall holds what it should. */
export function nextDueAt(below: Iterable<string>, sent: Map<string, Delivery>, version: number, now: number): number | null {
  let at = Infinity;
  const here = new Set(below);
  for (const hall of here) {
    const d = sent.get(hall);
    if (version > 0 && (d?.version ?? 0) < version) at = Math.min(at, Math.max(now, d?.retryAt ?? 0));
  }
  for (const d of sent.values()) if (!here.has(d.hall) && d.version > 0) at = Math.min(at, Math.max(now, d.retryAt));
  return Number.isFinite(at) ? at : null;
}
