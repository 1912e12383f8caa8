/**
 * What a region shows: its halls' latest reports read on the region's clock — totals, each
 * child region's totals, every hall in the subtree ranked by its oldest wait, which halls are
 * over the line and which have gone silent — and the public list a citizen may see.
 */
import { isOverLine, lineReachedAt, minutesWaited, wholeMinutes } from "../core/waits.js";
import { isActive, type HallReport, type OpeningHours } from "./summary.js";
import { localParts } from "../core/day.js";
import { minutesOf } from "../core/schedule.js";
import type { RegionName } from "./tree.js";

const MINUTE = 60_000;

/** A hall whose reports stop while it is busy is stale after this long (it heartbeats every minute). */
export const STALE_AFTER_MS = 2 * MINUTE;

/** A report as a region keeps it: through which child region it came (null: the hall is ours). */
export interface HallRow extends HallReport {
  via: string | null;
}

export interface Totals {
  halls: number;
  waiting: number;
  windowsOpen: number;
  windowsTotal: number;
  issuedToday: number;
  servedToday: number;
  /** Over every wait counted today in the subtree: Σ(mean × count) / Σ count. */
  meanWaitMinutes: number | null;
  /** How many halls are over the line. */
  overLine: number;
}

export interface HallLine {
  hall: string;
  name: string;
  region: string | null;
  waiting: number;
  windowsOpen: number;
  windowsTotal: number;
  oldestWaitMinutes: number | null;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  issuedToday: number;
  servedToday: number;
  overLine: boolean;
  stale: boolean;
  reportedAt: string;
}

export interface RegionView {
  region: string;
  name: RegionName;
  parent: string | null;
  totals: Totals;
  regions: Array<{ region: string; name: RegionName; totals: Totals }>;
  halls: HallLine[];
}

/** Minutes the oldest waiting ticket has waited at `now` (whole minutes, as the data wall shows). */
export function oldestWaitMinutes(r: HallReport, now: number): number | null {
  return r.oldestQueuedAt === null ? null : wholeMinutes(minutesWaited(r.oldestQueuedAt, now));
}

/** A hall is over the line when its oldest waiting ticket is, or today's mean wait is (worker/core/waits.ts). */
export function isHallOverLine(r: HallReport, now: number): boolean {
  const waitingOver = r.oldestQueuedAt !== null && isOverLine(minutesWaited(r.oldestQueuedAt, now), r.alarmMinutes, "running");
  return waitingOver || (r.meanWaitMinutes !== null && isOverLine(r.meanWaitMinutes, r.alarmMinutes, "finished"));
}

export function isStale(r: HallReport, now: number): boolean {
  return isActive(r) && now - r.reportedAt > STALE_AFTER_MS;
}

export function hallLine(r: HallReport, now: number): HallLine {
  return {
    hall: r.hall,
    name: r.name,
    region: r.region,
    waiting: r.waiting,
    windowsOpen: r.windowsOpen,
    windowsTotal: r.windowsTotal,
    oldestWaitMinutes: oldestWaitMinutes(r, now),
    meanWaitMinutes: r.meanWaitMinutes,
    p90WaitMinutes: r.p90WaitMinutes,
    issuedToday: r.issuedToday,
    servedToday: r.servedToday,
    overLine: isHallOverLine(r, now),
    stale: isStale(r, now),
    reportedAt: new Date(r.reportedAt).toISOString(),
  };
}

export function totalsOf(rows: Iterable<HallReport>, now: number): Totals {
  const t: Totals = { halls: 0, waiting: 0, windowsOpen: 0, windowsTotal: 0, issuedToday: 0, servedToday: 0, meanWaitMinutes: null, overLine: 0 };
  let waits = 0;
  let minutes = 0;
  for (const r of rows) {
    if (r.gone) continue;
    t.halls++;
    t.waiting += r.waiting;
    t.windowsOpen += r.windowsOpen;
    t.windowsTotal += r.windowsTotal;
    t.issuedToday += r.issuedToday;
    t.servedToday += r.servedToday;
    if (isHallOverLine(r, now)) t.overLine++;
    if (r.meanWaitMinutes !== null && r.waitsCounted > 0) {
      waits += r.waitsCounted;
      minutes += r.meanWaitMinutes * r.waitsCounted;
    }
  }
  t.meanWaitMinutes = waits === 0 ? null : Math.round((minutes / waits) * 100) / 100;
  return t;
}

/** Longest oldest wait first; halls nobody waits at after, by name. */
export function byOldestWait(a: HallLine, b: HallLine): number {
  const wa = a.oldestWaitMinutes ?? -1;
  const wb = b.oldestWaitMinutes ?? -1;
  return wb - wa || Number(b.overLine) - Number(a.overLine) || a.name.localeCompare(b.name, "zh-Hans") || a.hall.localeCompare(b.hall);
}

export function regionView(
  self: { region: string; name: RegionName; parent: string | null },
  children: Array<{ region: string; name: RegionName }>,
  rows: Iterable<HallRow>,
  now: number,
): RegionView {
  const live = [...rows].filter((r) => !r.gone);
  return {
    ...self,
    totals: totalsOf(live, now),
    regions: children.map((c) => ({ ...c, totals: totalsOf(live.filter((r) => r.via === c.region), now) })),
    halls: live.map((r) => hallLine(r, now)).sort(byOldestWait),
  };
}

/**
 * The next instant something in the view turns without a report: a busy hall going stale, or a
 * waiting ticket reaching its hall's line. Null when nothing is due.
 */
export function nextTurnAt(rows: Iterable<HallReport>, now: number): number | null {
  let next = Infinity;
  for (const r of rows) {
    if (r.gone) continue;
    if (isActive(r) && r.reportedAt + STALE_AFTER_MS >= now) next = Math.min(next, r.reportedAt + STALE_AFTER_MS + 1);
    if (r.oldestQueuedAt !== null) {
      const line = lineReachedAt(r.oldestQueuedAt, r.alarmMinutes);
      if (line > now) next = Math.min(next, line);
    }
  }
  return Number.isFinite(next) ? next : null;
}

/** One hall in the public list: no tickets, no officers, no ID marks — the figures on its hall screen. */
export interface PublicHall {
  hall: string;
  name: string;
  region: string | null;
  address: string | null;
  location: { lat: number; lng: number } | null;
  waiting: number;
  windowsOpen: number;
  categories: Array<{ id: string; names: HallReport["categories"][number]["names"]; waiting: number; estimatedWaitMinutes: number | null }>;
  /** Kilometres from the position asked about, when one was given and the hall has a location. */
  distanceKm?: number;
  reportedAt: string;
}

/** Whether `now` falls within the hall's usual opening, read on its own wall clock. */
export function withinHours(hours: OpeningHours, now: number): boolean {
  const p = localParts(now, hours.timezone);
  const date = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  if (hours.closedWeekdays.includes(weekday) || hours.closedDates.includes(date)) return false;
  const minute = p.hour * 60 + p.minute;
  return minute >= minutesOf(hours.opens) && minute < minutesOf(hours.closes);
}

/**
 * Halls open now (within their usual opening hours, a window open, reports current), nearest
 * first when a position is given, otherwise by name.
 */
export function publicHalls(rows: Iterable<HallReport>, now: number, near?: { lat: number; lng: number }): PublicHall[] {
  const list: PublicHall[] = [];
  for (const r of rows) {
    if (r.gone || r.windowsOpen === 0 || isStale(r, now) || (r.hours && !withinHours(r.hours, now))) continue;
    const entry: PublicHall = {
      hall: r.hall,
      name: r.name,
      region: r.region,
      address: r.address,
      location: r.location,
      waiting: r.waiting,
      windowsOpen: r.windowsOpen,
      categories: r.categories.map((c) => ({ id: c.id, names: c.names, waiting: c.waiting, estimatedWaitMinutes: c.estimatedWaitMinutes })),
      reportedAt: new Date(r.reportedAt).toISOString(),
    };
    if (near && r.location) entry.distanceKm = Math.round(distanceKm(near, r.location) * 10) / 10;
    list.push(entry);
  }
  return list.sort(
    (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name, "zh-Hans") || a.hall.localeCompare(b.hall),
  );
}

/** Great-circle distance (haversine), km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
