/**
 * Alarms that must not stay silent (issue 25 §3): a called citizen who has not come to the
 * window, and calls made while no announcer could speak them. The manager console and the data
 * wall read both from here, so "all is well" shows only when neither holds.
 *
 * - A ticket still `called` (not `serving`) `calledAlarmMinutes` after its call is late: the
 *   citizen did not hear, or left. From that instant on, on the hall's clock.
 * - A call is unspoken when, as it is made, no announcer with its sound on speaks its zone: one
 *   opened without `?zone=` speaks every call, one with `?zone=` only its zone's windows. The
 *   tally of a zone starts with its first unspoken call and is dropped once an announcer speaks
 *   that zone again (calls it missed and still unanswered are then late arrivals, above).
 *
 * @example
 * lateArrivals(state, now)                       // [{ number: "A002", window: { number: 3 }, minutes: 11 }]
 * noteCalls(tally, state, events, [null], now)   // an announcer speaks every zone: nothing counted
 */
import type { HallEvent } from "./events.js";
import type { HallState, NameScript } from "./model.js";
import { minutesWaited } from "./waits.js";

/** Minutes a called citizen may take to reach the window before it is an alarm; a hall setting. */
export const DEFAULT_CALLED_ALARM_MINUTES = 5;

export interface LateArrival {
  ticket: string;
  number: string;
  window: { id: string; number: number; label: string };
  /** Whole minutes since the call. */
  minutes: number;
}

/** Tickets called at least the hall's `calledAlarmMinutes` ago and not yet being served, longest first. */
export function lateArrivals(state: HallState, now: number): LateArrival[] {
  const line = state.settings.calledAlarmMinutes ?? DEFAULT_CALLED_ALARM_MINUTES;
  const late: LateArrival[] = [];
  for (const t of Object.values(state.tickets)) {
    if (t.status !== "called" || t.calledAt === null || t.window === null) continue;
    const minutes = minutesWaited(Date.parse(t.calledAt), now);
    if (minutes < line) continue;
    const w = state.windows.find((x) => x.id === t.window);
    late.push({ ticket: t.id, number: t.number, window: { id: t.window, number: w?.number ?? 0, label: w?.label ?? "" }, minutes: Math.floor(minutes) });
  }
  return late.sort((a, b) => b.minutes - a.minutes || a.number.localeCompare(b.number));
}

/** The zone a window belongs to, or null for a window in none (spoken only by a zone-less announcer). */
export function zoneOfWindow(state: HallState, window: string): string | null {
  return state.settings.zones?.find((z) => z.windows.includes(window))?.id ?? null;
}

/** Whether an announcer for `announcerZone` (null: the whole hall) speaks calls in `zone`. */
export function speaks(announcerZone: string | null, zone: string | null): boolean {
  return announcerZone === null || announcerZone === zone;
}

/** One zone's calls nobody spoke: how many, since when, and the latest ticket called. */
export interface Unspoken {
  /** The zone id; null for the windows in no zone (the whole hall when it has no zones). */
  zone: string | null;
  count: number;
  since: number;
  last: string;
}

/** What the hall keeps of unspoken calls: today's, per zone ("" for no zone). */
export interface UnspokenTally {
  day: string;
  zones: Record<string, { count: number; since: number; last: string }>;
}

const key = (zone: string | null) => zone ?? "";

/** Counts the calls among `events` that no announcer in `speaking` (their zones) speaks. */
export function noteCalls(tally: UnspokenTally, state: HallState, events: HallEvent[], speaking: Array<string | null>, now: number): UnspokenTally {
  let next = tally.day === state.day ? tally : { day: state.day, zones: {} };
  for (const e of events) {
    if (e.type !== "ticket.called" && e.type !== "ticket.recalled") continue;
    const zone = zoneOfWindow(state, e.window.id);
    if (speaking.some((a) => speaks(a, zone))) continue;
    const was = next.zones[key(zone)];
    next = { day: next.day, zones: { ...next.zones, [key(zone)]: { count: (was?.count ?? 0) + 1, since: was?.since ?? now, last: e.ticket.number } } };
  }
  return next;
}

/** The tally without the zones an announcer in `speaking` speaks again. */
export function heard(tally: UnspokenTally, speaking: Array<string | null>): UnspokenTally {
  const zones = Object.fromEntries(Object.entries(tally.zones).filter(([z]) => !speaking.some((a) => speaks(a, z === "" ? null : z))));
  return Object.keys(zones).length === Object.keys(tally.zones).length ? tally : { day: tally.day, zones };
}

/** Today's unspoken calls per zone, the longest silent first. */
export function unspokenCalls(tally: UnspokenTally, day: string): Unspoken[] {
  if (tally.day !== day) return [];
  return Object.entries(tally.zones)
    .map(([z, u]) => ({ zone: z === "" ? null : z, ...u }))
    .sort((a, b) => a.since - b.since);
}

/** A zone's names for an alarm: the zone's own, or the hall's for windows in no zone. */
export function zoneNames(state: HallState, zone: string | null): Record<NameScript, string> {
  const found = zone === null ? undefined : state.settings.zones?.find((z) => z.id === zone);
  if (found) return found.names;
  if (zone !== null) return { "zh-Hans": zone, "zh-Hant": zone, en: zone };
  return state.settings.zones?.length ? { "zh-Hans": "未分区窗口", "zh-Hant": "未分區窗口", en: "windows in no zone" } : { "zh-Hans": "大厅", "zh-Hant": "大廳", en: "the hall" };
}
