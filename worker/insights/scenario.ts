/**
 * A day to simulate, as a manager would describe it: the categories, the windows with their
 * opening hours, and every citizen who walks in (when, for what, how long the service takes).
 * Times are local wall-clock times ("08:31:05") in the scenario's time zone, on one fixed date.
 */
import { isTimezone, offsetMinutes } from "../core/day.js";
import type { HallConfig, Priority } from "../core/model.js";

export interface Scenario {
  name?: string;
  timezone: string;
  alarmMinutes: number;
  targetWaitMinutes?: number;
  orderBonusMinutes?: number;
  /** Local date the day is played on; default 2026-03-02 (a Monday). */
  date?: string;
  categories: Array<{ id: string; prefix: string; name?: string; weight?: number; serviceMinutes?: number }>;
  /** Categories most preferred first, as in the hall's configuration. */
  windows: ScenarioWindow[];
  arrivals: Arrival[];
}

/** A window's hours: one `opens`/`closes`, or a rota of `shifts` (an empty list: closed all day). */
export interface ScenarioWindow {
  id: string;
  label?: string;
  categories: string[];
  opens?: string;
  closes?: string;
  shifts?: Shift[];
}

/** Local wall-clock times, "08:30" to "12:00". */
export interface Shift {
  opens: string;
  closes: string;
}

/** The window's shifts in order: its `shifts`, or its one `opens`–`closes`. */
export function shiftsOf(w: ScenarioWindow): Shift[] {
  return w.shifts ?? [{ opens: w.opens!, closes: w.closes! }];
}

export interface Arrival {
  /** Local time the citizen takes a ticket: "08:31:05" or "08:31". */
  at: string;
  category: string;
  priority?: Priority;
  serviceSeconds: number;
  /** Absent when called: the window marks a no-show after the grace period. */
  noShow?: boolean;
  /** Sent on after `serviceSeconds` at the first window: transferred to this category, served there for `transferSeconds`. */
  transferTo?: string;
  transferSeconds?: number;
}

export const DEFAULT_DATE = "2026-03-02";

const PRIORITIES = new Set<Priority>(["normal", "elderly", "disabled", "appointment", "green"]);

/** Milliseconds the zone's wall clock is ahead of UTC at instant `at`. */
function offsetAt(at: number, timezone: string): number {
  return offsetMinutes(at, timezone) * 60000;
}

/**
 * The instant of local wall-clock `time` on `date` in `timezone`.
 *
 * @example
 * localInstant("2026-03-02", "08:30", "Asia/Shanghai") // Date.parse("2026-03-02T00:30:00Z")
 */
export function localInstant(date: string, time: string, timezone: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) throw new Error(`"${time}" is not a time of day (HH:MM or HH:MM:SS)`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // Read the offset at the guess, then again at the corrected guess (a daylight-saving edge).
  let guess = wall - offsetAt(wall, timezone);
  guess = wall - offsetAt(guess, timezone);
  return guess;
}

/**
 * Throws, naming the field, when the scenario cannot be played.
 *
 * @example
 * checkScenario({ ...day, arrivals: [{ at: "8:31", category: "traffic", serviceSeconds: 120 }] });
 * // Error: scenario arrivals[0].at: "8:31" is not a time of day (HH:MM or HH:MM:SS)
 */
export function checkScenario(s: Scenario): void {
  const fail = (where: string, what: string) => {
    throw new Error(`scenario ${where}: ${what}`);
  };
  if (typeof s.timezone !== "string") fail("timezone", "missing");
  if (!isTimezone(s.timezone)) fail("timezone", `unknown time zone "${s.timezone}"`);
  if (!(s.alarmMinutes > 0)) fail("alarmMinutes", "must be a number of minutes > 0");
  if (!Array.isArray(s.categories) || s.categories.length === 0) fail("categories", "at least one category is needed");
  if (!Array.isArray(s.windows) || s.windows.length === 0) fail("windows", "at least one window is needed");
  if (!Array.isArray(s.arrivals)) fail("arrivals", "must be a list");
  const categories = new Set(s.categories.map((c) => c.id));
  s.windows.forEach((w, i) => {
    for (const c of w.categories ?? []) if (!categories.has(c)) fail(`windows[${i}].categories`, `unknown category "${c}"`);
    if (w.shifts !== undefined) {
      if (!Array.isArray(w.shifts)) fail(`windows[${i}].shifts`, "must be a list of { opens, closes }");
      if (w.opens !== undefined || w.closes !== undefined) fail(`windows[${i}]`, "give either opens/closes or shifts, not both");
    }
    let previous: { closes: number; text: string } | null = null;
    shiftsOf(w).forEach((shift, j) => {
      const where = w.shifts ? `windows[${i}].shifts[${j}]` : `windows[${i}]`;
      const times = (["opens", "closes"] as const).map((field) => {
        try {
          return localInstant(s.date ?? DEFAULT_DATE, shift?.[field] as string, s.timezone);
        } catch (e) {
          return fail(`${where}.${field}`, (e as Error).message);
        }
      });
      if (!w.shifts) return;
      if (times[0]! >= times[1]!) fail(where, `opens at ${shift.opens}, not before it closes at ${shift.closes}`);
      if (previous && times[0]! < previous.closes) fail(where, `${shift.opens}–${shift.closes} overlaps the shift before it (${previous.text})`);
      previous = { closes: times[1]!, text: `${shift.opens}–${shift.closes}` };
    });
  });
  s.arrivals.forEach((a, i) => {
    if (!categories.has(a.category)) fail(`arrivals[${i}].category`, `unknown category "${a.category}"`);
    if (!(a.serviceSeconds > 0)) fail(`arrivals[${i}].serviceSeconds`, "must be > 0");
    if (a.transferTo !== undefined && !categories.has(a.transferTo)) fail(`arrivals[${i}].transferTo`, `unknown category "${a.transferTo}"`);
    if (a.transferTo !== undefined && !((a.transferSeconds ?? 0) > 0)) fail(`arrivals[${i}].transferSeconds`, "must be > 0 with transferTo");
    if (a.priority !== undefined && !PRIORITIES.has(a.priority)) fail(`arrivals[${i}].priority`, `unknown priority "${a.priority}"`);
    try {
      localInstant(s.date ?? DEFAULT_DATE, a.at, s.timezone);
    } catch (e) {
      fail(`arrivals[${i}].at`, (e as Error).message);
    }
  });
}

/**
 * Call policies to compare, both played through the same core:
 *  - "tongban": the scenario's own settings (alarm line, category weights, preference bonus);
 *  - "fifo": a plain ticket machine, one line by ticket time. The core expresses it with every
 *    weight 1 and no preference bonus (so "longest effective wait" is simply the oldest ticket
 *    the window may take), an alarm line of a whole day (the overdue rule never fires; it would
 *    pick the oldest ticket anyway) and every ticket issued as normal (no priority queue).
 */
export type CallPolicyName = "tongban" | "fifo";

/**
 * The hall configuration a scenario plays under; windows not yet open start paused, so the
 * kiosk can issue tickets before the first window opens.
 *
 * @example
 * decide(emptyHall("sim"), { type: "configure", config: scenarioConfig(day, "fifo", () => true) }, at);
 */
export function scenarioConfig(s: Scenario, policy: CallPolicyName, startsPaused: (windowId: string) => boolean): HallConfig {
  const fifo = policy === "fifo";
  return {
    name: s.name ?? "simulated hall",
    timezone: s.timezone,
    alarmMinutes: fifo ? 24 * 60 : s.alarmMinutes,
    targetWaitMinutes: s.targetWaitMinutes ?? 8.2,
    languages: ["cmn-Hans"],
    notice: "",
    supervisionUrl: null,
    noShowRequeueMinutes: 0,
    orderBonusMinutes: fifo ? 0 : (s.orderBonusMinutes ?? 2),
    categories: s.categories.map((c) => {
      const own = s.arrivals.filter((a) => a.category === c.id);
      const mean = own.length === 0 ? 5 : own.reduce((sum, a) => sum + a.serviceSeconds, 0) / own.length / 60;
      const name = c.name ?? c.id;
      return {
        id: c.id,
        prefix: c.prefix,
        names: { "zh-Hans": name, "zh-Hant": name, en: c.id },
        serviceMinutes: c.serviceMinutes ?? Math.round(mean * 100) / 100,
        weight: fifo ? 1 : (c.weight ?? 1),
      };
    }),
    windows: s.windows.map((w, i) => ({
      id: w.id,
      number: i + 1,
      label: w.label ?? "综合窗口",
      categories: w.categories,
      state: w.shifts?.length === 0 ? "closed" : startsPaused(w.id) ? "paused" : "open",
    })),
  };
}
