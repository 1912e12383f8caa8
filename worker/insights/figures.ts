/**
 * The data wall's figures, from today's tickets in the hall state: load per category, waits,
 * arrivals by hour, the alarm and surge alerts, and how many windows the load needs.
 *
 * - Waiting, a newcomer's estimated wait, today's waits (issue to first call, counted as the
 *   statistics count them) and the day's counts: the hall's load (insights/load.ts), which the
 *   region report reads too, so the data wall, GET /stats and the regions agree for today.
 * - Alarm: a category's oldest waiting ticket is over the hall's alarm line (`alarmMinutes`),
 *   counted since it joined the line, as the call policy counts (worker/core/waits.ts).
 * - Surge: a category's arrivals in the last 30 minutes are at least twice its average per half
 *   hour since the hall's first ticket today, and at least 10 tickets. The average includes the
 *   last 30 minutes, so the first hour of the day never counts as a surge of itself.
 * - Windows needed: the staffing advisor's Erlang C answer (worker/insights/advisor.ts) for the
 *   last hour's arrivals and the learnt service time, against the hall's target wait and alarm
 *   line; per category as if it had windows of its own, and for the hall as comprehensive
 *   windows serving every category.
 * - The day (insights/outlook.ts): Laibin's rule for the expected volume (the same weekday last
 *   week, or today so far if larger) and Erlang C for the expected busiest hour. The hall object
 *   passes last week's stored figures in; without them both read today's tickets so far.
 */
import { adviseStaffing, type StaffingAdvice } from "./advisor.js";
import { hallLoad, waitStats, type HallLoad, type WaitStats } from "./load.js";
import { dayOutlook, type DayOutlook, type ReferenceDay } from "./outlook.js";
import { serviceMinutesOf } from "../core/estimates.js";
import { isOverLine, lineReachedAt, minutesWaited, wholeMinutes } from "../core/waits.js";
import type { Category, HallState, Ticket } from "../core/model.js";
import { localTime } from "./clock-text.js";

export const SURGE_WINDOW_MINUTES = 30;
export const SURGE_FACTOR = 2;
export const SURGE_MIN_TICKETS = 10;

const MINUTE = 60_000;

/** Today's waits, counted once in load.ts; the data wall reads them per category too. */
export { waitStats, type WaitStats };

export interface CategoryFigures {
  category: Category;
  waiting: number;
  /** In service at a window now (status serving): "办理中" means in service, not called (issue 25 §8). */
  beingServed: number;
  servedToday: number;
  issuedToday: number;
  waits: WaitStats;
  estimatedWaitMinutes: number | null;
  /** Minutes the oldest waiting ticket has waited, or null when nobody waits. */
  oldestWaitMinutes: number | null;
  /** The instant the oldest waiting ticket reaches the alarm line (may be past). */
  alarmAt: number | null;
  alarm: boolean;
  arrivalsLastHour: number;
  arrivalsLast30: number;
  /** Today's arrivals per half hour since the hall's first ticket. */
  averagePerHalfHour: number;
  surge: boolean;
  serviceMinutes: number;
  /** Open windows that take this category. */
  openWindows: number;
  windowsNeeded: number;
}

export interface HourBar {
  hour: number;
  /** Tickets issued in that local hour, per category id. */
  counts: Record<string, number>;
  total: number;
}

export interface HallFigures {
  categories: CategoryFigures[];
  totals: HallLoad["totals"];
  windows: { open: number; paused: number; closed: number; needed: number; laibin: { share: number; windows: number } };
  hours: HourBar[];
  currentHour: number;
  peakHour: number | null;
  /** Erlang C for the last hour's arrivals: what the hall needs now. */
  advice: StaffingAdvice;
  /** The expected day: Laibin's rule and the busiest hour's needs. */
  day: DayOutlook;
}

/** Surge rule, stated once (see the module comment). */
export function isSurge(last30: number, averagePerHalfHour: number): boolean {
  return last30 >= SURGE_MIN_TICKETS && last30 >= SURGE_FACTOR * averagePerHalfHour;
}

export function hallFigures(state: HallState, now: number, reference: ReferenceDay | null = null): HallFigures {
  const load = hallLoad(state, now);
  const { tickets } = load;
  const firstIssued = tickets.reduce((m, t) => Math.min(m, Date.parse(t.issuedAt)), Infinity);
  const halfHours = Number.isFinite(firstIssued) ? Math.max(1, (now - firstIssued) / (SURGE_WINDOW_MINUTES * MINUTE)) : 1;
  const alarmMinutes = state.settings.alarmMinutes;
  const arrivedWithin = (list: Ticket[], minutes: number) => list.filter((t) => now - Date.parse(t.issuedAt) < minutes * MINUTE).length;

  const partial = load.categories.map(({ category, tickets: list, waiting, estimatedWaitMinutes, oldestQueuedAt: oldest }) => {
    const last30 = arrivedWithin(list, SURGE_WINDOW_MINUTES);
    const averagePerHalfHour = list.length / halfHours;
    const waited = oldest === null ? null : minutesWaited(oldest, now);
    return {
      category,
      waiting,
      beingServed: list.filter((t) => t.status === "serving").length,
      servedToday: list.filter((t) => t.status === "done").length,
      issuedToday: list.length,
      waits: waitStats(list),
      estimatedWaitMinutes,
      oldestWaitMinutes: waited === null ? null : wholeMinutes(waited),
      alarmAt: oldest === null ? null : lineReachedAt(oldest, alarmMinutes),
      alarm: waited !== null && isOverLine(waited, alarmMinutes, "running"),
      arrivalsLastHour: arrivedWithin(list, 60),
      arrivalsLast30: last30,
      averagePerHalfHour,
      surge: isSurge(last30, averagePerHalfHour),
      serviceMinutes: serviceMinutesOf(state, category.id),
      openWindows: state.windows.filter((w) => w.state === "open" && w.categories.includes(category.id)).length,
    };
  });

  const advice = adviseStaffing({
    demand: partial.map((c) => ({ category: c.category.id, arrivalsPerHour: c.arrivalsLastHour, serviceMinutes: c.serviceMinutes })),
    dailyVolume: tickets.length,
    windowsInHall: state.windows.length,
    targetWaitMinutes: state.settings.targetWaitMinutes,
    alarmMinutes: state.settings.alarmMinutes,
  });
  const categories: CategoryFigures[] = partial.map((c) => ({
    ...c,
    windowsNeeded: advice.categories.find((a) => a.category === c.category.id)?.windows ?? 0,
  }));

  const { hours, currentHour, peakHour } = hourlyArrivals(state, tickets, now);
  const peakBar = hours.find((h) => h.hour === peakHour);
  const day = dayOutlook({
    today: state.day,
    reference,
    todayIssued: tickets.length,
    todayPeak: peakBar ? { hour: String(peakBar.hour).padStart(2, "0"), byCategory: peakBar.counts } : null,
    categories: partial.map((c) => ({ id: c.category.id, serviceMinutes: c.serviceMinutes })),
    windowsInHall: state.windows.length,
    targetWaitMinutes: state.settings.targetWaitMinutes,
    alarmMinutes: state.settings.alarmMinutes,
  });
  return {
    categories,
    totals: load.totals,
    windows: {
      open: load.windowsOpen,
      paused: state.windows.filter((w) => w.state === "paused").length,
      closed: state.windows.filter((w) => w.state === "closed").length,
      needed: advice.comprehensive.windows,
      laibin: { share: day.advice.laibin.share, windows: day.advice.laibin.windows },
    },
    hours,
    currentHour,
    peakHour,
    advice,
    day,
  };
}

/** Tickets issued per local hour today, from 8:00 (or the first ticket) to 17:00 (or now). */
function hourlyArrivals(state: HallState, tickets: Ticket[], now: number): { hours: HourBar[]; currentHour: number; peakHour: number | null } {
  const { hour: currentHour, offset } = localTime(now, state.settings.timezone);
  const byHour = new Map<number, HourBar>();
  for (const t of tickets) {
    // Today's offset for every ticket: one Intl call per render, not one per ticket.
    const hour = new Date(Date.parse(t.issuedAt) + offset * MINUTE).getUTCHours();
    let bar = byHour.get(hour);
    if (!bar) byHour.set(hour, (bar = { hour, counts: {}, total: 0 }));
    bar.counts[t.category] = (bar.counts[t.category] ?? 0) + 1;
    bar.total++;
  }
  const first = Math.min(8, currentHour, ...byHour.keys());
  const last = Math.max(17, currentHour, ...byHour.keys());
  const hours: HourBar[] = [];
  for (let h = first; h <= last; h++) hours.push(byHour.get(h) ?? { hour: h, counts: {}, total: 0 });
  const peak = hours.reduce<HourBar | null>((p, b) => (b.total > 0 && (!p || b.total > p.total) ? b : p), null);
  return { hours, currentHour, peakHour: peak?.hour ?? null };
}
