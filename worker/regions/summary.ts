/**
 * What a hall tells its region: a summary of its state now, built from the hall's load
 * (worker/insights/load.ts) that the data wall's figures are built on, so a wait is counted one
 * way on the hall's wall, in its statistics and at every region above it. Only the load: a region
 * shows no windows-needed advice and no outlook, so a busy hall's report (up to one every 2 s)
 * runs neither Erlang C nor the day's outlook. Time-driven figures (how long the oldest ticket
 * has waited, whether it is over the line) travel as instants and are read by each region on its
 * own clock: a ticket crossing the line costs no report at all.
 */
import type { HallState } from "../core/model.js";
import { hallLoad } from "../insights/load.js";
import { bookingRules } from "../appointments/booking.js";
import type { RegionName } from "./tree.js";

/** A category's public load: what a citizen deciding where to go may see. */
export interface CategoryLoad {
  id: string;
  names: RegionName & Record<string, string>;
  waiting: number;
  estimatedWaitMinutes: number | null;
}

export interface HallReport {
  hall: string;
  name: string;
  /** The region the hall reports to; the report travels to every region above it. */
  region: string | null;
  /** The hall's event seq: a report with a lower (seq, reportedAt) changes nothing. */
  seq: number;
  /** The hall's clock when the report was made, ms. */
  reportedAt: number;
  day: string;
  waiting: number;
  /** Called or being served at a window now (the data wall's 办理中 counts only those in service). */
  beingServed: number;
  windowsOpen: number;
  windowsTotal: number;
  officersOnDuty: number;
  /** When the oldest waiting ticket joined the line (ms), or null when nobody waits. */
  oldestQueuedAt: number | null;
  alarmMinutes: number;
  /** Today's waits, issue to first call (the statistics' definition). */
  waitsCounted: number;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  issuedToday: number;
  servedToday: number;
  categories: CategoryLoad[];
  location: { lat: number; lng: number } | null;
  address: string | null;
  /**
   * The hall's usual opening in its time zone (the booking settings' opens–closes, closed weekdays
   * and dates): the public list shows a hall as open now only within it, on the region's clock.
   * Absent in reports from older deployments: then a window open is enough.
   */
  hours?: OpeningHours;
  /** Set when the hall left this region (moved, or its region cleared). */
  gone?: true;
  /**
   * Set by the region when the report came over HTTPS from another deployment
   * (worker/regions/upstream.routes.ts): such a hall pulls its content with its reports.
   */
  remote?: true;
}

export interface OpeningHours {
  opens: string;
  closes: string;
  closedWeekdays: number[];
  closedDates: string[];
  timezone: string;
}

/** The hall's summary now. */
export function hallReport(state: HallState, now: number): HallReport {
  const load = hallLoad(state, now);
  const oldest = load.categories.reduce((m, c) => (c.oldestQueuedAt === null ? m : Math.min(m, c.oldestQueuedAt)), Infinity);
  return {
    hall: state.hall,
    name: state.settings.name,
    region: state.settings.region ?? null,
    seq: state.seq,
    reportedAt: now,
    day: state.day,
    waiting: load.totals.waiting,
    // At a window, called or in service: a hall with a citizen called keeps reporting (isActive).
    beingServed: load.totals.called + load.totals.beingServed,
    windowsOpen: load.windowsOpen,
    windowsTotal: state.windows.length,
    officersOnDuty: state.windows.filter((w) => w.officer !== null).length,
    oldestQueuedAt: Number.isFinite(oldest) ? oldest : null,
    alarmMinutes: state.settings.alarmMinutes,
    waitsCounted: load.totals.waits.count,
    meanWaitMinutes: load.totals.waits.averageMinutes,
    p90WaitMinutes: load.totals.waits.p90Minutes,
    issuedToday: load.totals.issued,
    servedToday: load.totals.served,
    categories: load.categories.map((c) => ({
      id: c.category.id,
      names: c.category.names,
      waiting: c.waiting,
      estimatedWaitMinutes: c.estimatedWaitMinutes,
    })),
    location: state.settings.location ?? null,
    address: state.settings.address ?? null,
    hours: openingHours(state),
  };
}

function openingHours(state: HallState): OpeningHours {
  const { opens, closes, closedWeekdays, closedDates } = bookingRules(state);
  return { opens, closes, closedWeekdays, closedDates, timezone: state.settings.timezone };
}

/**
 * A hall with someone waiting, at a window or signed in keeps reporting (a heartbeat) so its
 * region can tell a silent hall from a quiet one; a quiet hall reports once and sleeps.
 */
export function isActive(r: HallReport): boolean {
  return !r.gone && (r.waiting > 0 || r.beingServed > 0 || r.officersOnDuty > 0);
}

/** The report without its timestamp: equal fingerprints mean nothing changed worth sending. */
export function fingerprint(r: HallReport): string {
  const { reportedAt: _, ...rest } = r;
  return JSON.stringify(rest);
}

/** Whether `a` supersedes `b`: a later (seq, reportedAt); on a tie a live row beats a departure. */
export function supersedes(a: HallReport, b: HallReport | undefined): boolean {
  if (!b) return true;
  if (a.seq !== b.seq) return a.seq > b.seq;
  if (a.reportedAt !== b.reportedAt) return a.reportedAt > b.reportedAt;
  return !a.gone && b.gone === true;
}

/** The departure a hall sends the region it left: the same version as its new report. */
export function departure(r: HallReport, from: string): HallReport {
  return { ...r, region: from, gone: true };
}
