/**
 * How a region takes a hall's report in: newest version wins, a repeated or late one changes
 * nothing, and a departure only removes the hall from the path it left by — so a hall that moved
 * between two counties of one city never disappears from the city, whichever report comes first.
 */
import type { HallRow } from "./board.js";
import type { HallReport } from "./summary.js";

function compare(a: HallReport, b: HallReport): number {
  return a.seq - b.seq || a.reportedAt - b.reportedAt;
}

/** The row to keep after `incoming` arrives through `via`, or null when it changes nothing. */
export function admit(stored: HallRow | undefined, incoming: HallReport, via: string | null): HallRow | null {
  const row: HallRow = { ...incoming, via };
  if (incoming.gone) {
    if (!stored || stored.gone || stored.via !== via) return null;
    return compare(incoming, stored) >= 0 ? row : null;
  }
  if (!stored) return row;
  const order = compare(incoming, stored);
  if (stored.gone || stored.via !== via) return order >= 0 ? row : null;
  return order > 0 ? row : null;
}

/** The departure a region passes up for a hall no longer below it, at the hall's own version. */
export function tombstone(row: HallRow): HallRow {
  return { ...row, gone: true };
}
