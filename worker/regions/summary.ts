/**
 * What a hall tells its region: a summary of its state now, built from the data wall's own
 * figures (worker/insights/figures.ts), so a wait is counted one way on the hall's wall, in
 * its statistics and at every region above it. Time-driven figures (how long the oldest ticket
 * has waited, whether it is past the line) travel as instants and are read by each region on
 * its own clock: a ticket crossing the line costs no report at all.
 */
import type { HallState } from "../core/model.js";
import { hallFigures } from "../insights/figures.js";
import type { RegionName } from "./tree.js";

const MINUTE = 60_000;

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
  /** Called or being served at a window now. */
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
  /** Set when the hall left this region (moved, or its region cleared). */
  gone?: true;
}

/** The hall's summary now. */
export function hallReport(state: HallState, now: number): HallReport {
  const f = hallFigures(state, now);
  const alarmMs = state.settings.alarmMinutes * MINUTE;
  const firstAlarm = f.categories.reduce((m, c) => (c.alarmAt === null ? m : Math.min(m, c.alarmAt)), Infinity);
  return {
    hall: state.hall,
    name: state.settings.name,
    region: state.settings.region ?? null,
    seq: state.seq,
    reportedAt: now,
    day: state.day,
    waiting: f.totals.waiting,
    beingServed: f.totals.beingServed,
    windowsOpen: f.windows.open,
    windowsTotal: state.windows.length,
    officersOnDuty: state.windows.filter((w) => w.officer !== null).length,
    oldestQueuedAt: Number.isFinite(firstAlarm) ? firstAlarm - alarmMs : null,
    alarmMinutes: state.settings.alarmMinutes,
    waitsCounted: f.totals.waits.count,
    meanWaitMinutes: f.totals.waits.averageMinutes,
    p90WaitMinutes: f.totals.waits.p90Minutes,
    issuedToday: f.totals.issued,
    servedToday: f.totals.served,
    categories: f.categories.map((c) => ({
      id: c.category.id,
      names: c.category.names,
      waiting: c.waiting,
      estimatedWaitMinutes: c.estimatedWaitMinutes,
    })),
    location: state.settings.location ?? null,
    address: state.settings.address ?? null,
  };
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
