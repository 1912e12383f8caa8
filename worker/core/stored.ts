/**
 * How the hall's state is cut for storage, so no stored row grows with the day.
 *
 * The collections that grow (today's tickets, appointments, staff accounts, signage items) are
 * kept one row per entry; the rest of the state (settings, windows, counters, recent calls…) is
 * bounded by the hall's configuration and stays in one snapshot row. `boundedPart` is that row's
 * content, `collectionsOf` the entries, and `joined` puts them back together.
 */
import type { HallState } from "./model.js";

/** The state's collections that grow with the day or with use, each stored one row per entry. */
export const COLLECTIONS = ["tickets", "appointments", "staff", "content"] as const;
export type Collection = (typeof COLLECTIONS)[number];

export function collectionsOf(state: HallState): Record<Collection, Record<string, unknown>> {
  return { tickets: state.tickets, appointments: state.appointments, staff: state.staff, content: state.content?.items ?? {} };
}

/** The state with every growing collection emptied: what the snapshot row holds. */
export function boundedPart(state: HallState): HallState {
  return {
    ...state,
    tickets: {},
    appointments: {},
    staff: {},
    ...(state.content ? { content: { ...state.content, items: {} } } : {}),
  };
}

/** Puts stored entries back into a bounded part (entries win over any the part still holds, as an old one-row snapshot does). */
export function joined(part: HallState, entries: Record<Collection, Record<string, unknown>>): HallState {
  const items = { ...(part.content?.items ?? {}), ...entries.content } as NonNullable<HallState["content"]>["items"];
  return {
    ...part,
    tickets: { ...part.tickets, ...(entries.tickets as HallState["tickets"]) },
    appointments: { ...part.appointments, ...(entries.appointments as HallState["appointments"]) },
    staff: { ...part.staff, ...(entries.staff as HallState["staff"]) },
    ...(part.content || Object.keys(items).length > 0 ? { content: { regions: {}, ...part.content, items } } : {}),
  };
}

/** Whether a snapshot row still holds entries of a growing collection (one written before this cut). */
export function holdsEntries(part: HallState): boolean {
  return Object.values(collectionsOf(part)).some((c) => Object.keys(c).length > 0);
}
