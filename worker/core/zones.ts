/**
 * Zones: areas of a big hall (出入境区, 交管区, a floor) with their own screens and speakers.
 * A zone's screens show the calls at its windows, its windows, and the lines of the categories
 * its windows serve; its announcer speaks the calls at its windows. The queue stays the hall's:
 * a category served in two zones has one line, shown in both.
 *
 * @example
 * const scope = zoneScope(state, "east");          // null: the whole hall
 * const shown = scope ? zoneSnapshot(snapshotOf(state, now), scope) : snapshotOf(state, now); // snapshot.ts
 */
import type { HallState, Ticket, Zone } from "./model.js";

/** Zones a hall has at most (issue 22 §3): a floor or a service area each, never more than this. */
export const MAX_ZONES = 50;

/** What one zone's screens see of the hall. */
export interface ZoneScope {
  zone: Zone;
  /** False once a live change removed the zone: its screens then show nothing of the hall. */
  known: boolean;
  windows: Set<string>;
  categories: Set<string>;
}

/**
 * Problems of a hall's zones against its windows, keyed by field as the API names them
 * (`zones.1.windows.0`): a duplicate zone id, an unknown window, a window in two zones.
 */
export function zoneProblems(zones: Zone[], windows: Array<{ id: string; number: number }>): Record<string, string> {
  const problems: Record<string, string> = {};
  const known = new Set(windows.map((w) => w.id));
  const ids = new Map<string, number>();
  const owner = new Map<string, string>();
  zones.forEach((zone, i) => {
    if (ids.has(zone.id)) problems[`zones.${i}.id`] = `zone id "${zone.id}" appears twice (zones ${ids.get(zone.id)} and ${i})`;
    else ids.set(zone.id, i);
    zone.windows.forEach((w, j) => {
      const field = `zones.${i}.windows.${j}`;
      if (!known.has(w)) problems[field] = `zone "${zone.id}" lists window "${w}", which this hall does not have`;
      else if (owner.has(w)) problems[field] = `window "${w}" is already in zone "${owner.get(w)}"; a window belongs to at most one zone`;
      else owner.set(w, zone.id);
    });
  });
  return problems;
}

export function findZone(state: HallState, id: string): Zone | undefined {
  return state.settings.zones?.find((z) => z.id === id);
}

/** The zone a page's `?zone=` names, or null for the whole hall (no or an empty parameter). */
export function zoneScope(state: HallState, id: string | null | undefined): ZoneScope | null {
  if (!id) return null;
  const found = findZone(state, id);
  const zone = found ?? { id, names: { "zh-Hans": id, "zh-Hant": id, en: id }, windows: [] };
  const windows = new Set(zone.windows);
  const categories = new Set(state.windows.filter((w) => windows.has(w.id)).flatMap((w) => w.categories));
  return { zone, known: found !== undefined, windows, categories };
}

/** A page's check: an unknown `?zone=` is a 404 with a message a person can act on. */
export function zoneProblem(state: HallState, params: URLSearchParams): string | null {
  const id = params.get("zone");
  if (!id || findZone(state, id)) return null;
  const known = (state.settings.zones ?? []).map((z) => z.id);
  return `没有这个区域 · no zone "${id}" in this hall${known.length ? ` (zones: ${known.join(", ")})` : "; it has no zones"}`;
}

/** Whether a waiting ticket is in a zone's lines: targeted at one of its windows, or of a category it serves. */
export function waitsInZone(scope: ZoneScope, ticket: Pick<Ticket, "category" | "targetWindow">): boolean {
  return ticket.targetWindow ? scope.windows.has(ticket.targetWindow) : scope.categories.has(ticket.category);
}

/**
 * The hall as one zone sees it: its windows, its categories, the calls at its windows and
 * (with `tickets`) only the tickets of its categories or at its windows, for figures.
 */
export function zoneState(state: HallState, scope: ZoneScope, { tickets = false } = {}): HallState {
  return {
    ...state,
    windows: state.windows.filter((w) => scope.windows.has(w.id)),
    categories: state.categories.filter((c) => scope.categories.has(c.id)),
    recentCalls: state.recentCalls.filter((c) => scope.windows.has(c.window.id)),
    tickets: tickets
      ? Object.fromEntries(
          Object.entries(state.tickets).filter(([, t]) => (t.window ? scope.windows.has(t.window) : waitsInZone(scope, t))),
        )
      : state.tickets,
  };
}
