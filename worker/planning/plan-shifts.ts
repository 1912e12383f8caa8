/**
 * A day's applied plan (排班) in the live hall, as pure functions: whether a plan fits the hall,
 * the shift changes it makes on its day (a window opens serving its categories, or pauses after
 * its citizen), which changes are due by an instant, what the consoles and the data wall remind
 * of ahead of time (「10:00 开 3 号窗口」), and when the hall must next wake for them.
 *
 * The hall object keeps the plan and acts on it (worker/planning/day-plans.object.ts); the commands
 * it sends are the core's own `set_window` and `pause`, so every rule stays in worker/core.
 */
import type { Command } from "../core/commands.js";
import type { HallState, Window } from "../core/model.js";
import type { RotaWindow } from "./rota.js";
import { localInstant } from "../insights/scenario.js";

export type PlanWindow = RotaWindow;

/** A plan saved as the hall's plan for one day (PUT /api/halls/{hall}/plan/{date}). */
export interface SavedPlan {
  date: string;
  windows: PlanWindow[];
  windowHours: number;
  /** The days of history the planner used, when the plan came from GET /plan. */
  basedOn: string[];
  savedAt: string;
  savedBy: string;
}

/** One window's change at one instant of the plan's day. */
export interface ShiftChange {
  at: number;
  /** Local time, HH:MM. */
  time: string;
  window: string;
  /** open: opens (or stays open) serving `categories`; close: pauses once its citizen leaves. */
  action: "open" | "close";
  categories: string[];
}

/** What the reminder views read from the room: the plan applied for today, as its changes. */
export interface TodayPlan {
  date: string;
  changes: ShiftChange[];
}

/** Changes of one kind at one instant, as a screen says them. */
export interface Reminder {
  at: number;
  time: string;
  action: "open" | "close";
  windows: number[];
  zh: string;
  en: string;
  /** Within the reminder lead (30 minutes); otherwise it is the next change after those. */
  soon: boolean;
}

/** How long before a change the consoles and the data wall show it. */
export const REMIND_MS = 30 * 60_000;

const HHMM = /^([01]\d|2[0-3]):(00|30)$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * What is wrong with `windows` as a plan for this hall, by field (`windows.1.shifts.0.closes`),
 * or null: every window and category must be the hall's, none listed twice; shifts start and
 * end on the half hour, last at least an hour, and follow one another without overlapping.
 *
 * @example
 * checkPlan(state, [{ id: "9", categories: ["traffic"], shifts: [{ opens: "09:00", closes: "12:00" }] }])
 * // { "windows.0.id": 'no window "9" in this hall (windows: 1, 2, 3, 4, 5, 6)' }
 */
export function checkPlan(state: HallState, windows: PlanWindow[]): Record<string, string> | null {
  const problems: Record<string, string> = {};
  const known = new Set(state.windows.map((w) => w.id));
  const categories = new Set(state.categories.map((c) => c.id));
  const seen = new Set<string>();
  windows.forEach((w, i) => {
    const at = `windows.${i}`;
    if (!known.has(w.id)) problems[`${at}.id`] = `no window "${w.id}" in this hall (windows: ${[...known].join(", ")})`;
    else if (seen.has(w.id)) problems[`${at}.id`] = `window "${w.id}" is listed twice`;
    seen.add(w.id);
    w.categories.forEach((c, j) => {
      if (!categories.has(c)) problems[`${at}.categories.${j}`] = `no category "${c}" in this hall (categories: ${[...categories].join(", ")})`;
      else if (w.categories.indexOf(c) !== j) problems[`${at}.categories.${j}`] = `category "${c}" is listed twice`;
    });
    w.shifts.forEach((s, j) => {
      const where = `${at}.shifts.${j}`;
      for (const field of ["opens", "closes"] as const) {
        if (!HHMM.test(s[field])) problems[`${where}.${field}`] = `"${s[field]}" is not a half hour of the day (HH:00 or HH:30, 00:00–23:30)`;
      }
      if (!HHMM.test(s.opens) || !HHMM.test(s.closes)) return;
      if (minutesOf(s.closes) - minutesOf(s.opens) < 60) problems[`${where}.closes`] = `${s.opens}–${s.closes}: a shift lasts at least an hour, within the day`;
      const before = w.shifts[j - 1];
      if (before && HHMM.test(before.closes) && minutesOf(s.opens) < minutesOf(before.closes)) {
        problems[`${where}.opens`] = `${s.opens}–${s.closes} overlaps or comes before ${before.opens}–${before.closes}`;
      }
    });
  });
  return Object.keys(problems).length ? problems : null;
}

/** Window-hours (officer-hours) of a plan's shifts. */
export function planWindowHours(windows: PlanWindow[]): number {
  return windows.reduce((h, w) => h + w.shifts.reduce((m, s) => m + minutesOf(s.closes) - minutesOf(s.opens), 0), 0) / 60;
}

/**
 * The plan's changes on its day in time order: each shift opens its window and closes it. A
 * shift that starts as the window's previous one ends is no change at all.
 */
export function shiftChanges(plan: Pick<SavedPlan, "date" | "windows">, timezone: string): ShiftChange[] {
  const changes: ShiftChange[] = [];
  for (const w of plan.windows) {
    w.shifts.forEach((s, j) => {
      const next = w.shifts[j + 1];
      const carriesOn = (time: string) => ({ at: localInstant(plan.date, time, timezone), time, window: w.id, categories: w.categories });
      if (w.shifts[j - 1]?.closes !== s.opens) changes.push({ ...carriesOn(s.opens), action: "open" });
      if (next?.opens !== s.closes) changes.push({ ...carriesOn(s.closes), action: "close" });
    });
  }
  return changes.sort((a, b) => a.at - b.at || a.window.localeCompare(b.window, "en", { numeric: true }));
}

/**
 * The changes due in (after, upTo], the latest per window only: a hall that slept through a
 * window's opening and closing only needs the closing.
 */
export function dueChanges(changes: ShiftChange[], after: number, upTo: number): ShiftChange[] {
  const latest = new Map<string, ShiftChange>();
  for (const c of changes) if (c.at > after && c.at <= upTo) latest.set(c.window, c);
  return [...latest.values()].sort((a, b) => a.at - b.at);
}

/**
 * The core commands that make a change; none when the window already is as the plan wants (or
 * is gone from the hall). An opening opens the window with the plan's categories (a window still
 * closing from an earlier shift is resumed); a closing pauses it after its citizen, and leaves a
 * window that a manager paused or closed as it is.
 */
export function commandsFor(change: ShiftChange, state: HallState): Command[] {
  const w = state.windows.find((x) => x.id === change.window);
  if (!w) return [];
  if (change.action === "close") return w.state === "open" && !w.closing ? [{ type: "pause", window: w.id, afterCitizen: true }] : [];
  const categories = change.categories.filter((c) => state.categories.some((k) => k.id === c));
  const recategorise = categories.length > 0 && categories.join() !== w.categories.join();
  const commands: Command[] = [];
  if (w.closing) commands.push({ type: "resume", window: w.id });
  if (w.state !== "open" || recategorise) commands.push({ type: "set_window", window: w.id, ...(w.state !== "open" ? { state: "open" as const } : {}), ...(recategorise ? { categories } : {}) });
  return commands;
}

const numberOf = (windows: Window[], id: string) => windows.find((w) => w.id === id)?.number;

/**
 * What to remind of at `now`: every change within the next 30 minutes, then the next one after
 * those, grouped by instant and kind: 「10:00 开 3 号窗口」, 「12:00 关 4、5 号窗口」.
 * `windows` limits them to some windows (a zone's); a window gone from the hall is left out.
 */
export function reminders(changes: ShiftChange[], now: number, state: Pick<HallState, "windows">, windows?: string[]): Reminder[] {
  const ahead = changes.filter((c) => c.at > now && (!windows || windows.includes(c.window)) && numberOf(state.windows, c.window) !== undefined);
  const soon = ahead.filter((c) => c.at <= now + REMIND_MS);
  const next = ahead.find((c) => c.at > now + REMIND_MS);
  const shown = next ? [...soon, ...ahead.filter((c) => c.at === next.at)] : soon;
  const groups = new Map<string, Reminder>();
  for (const c of shown) {
    const key = `${c.at} ${c.action}`;
    const group = groups.get(key) ?? { at: c.at, time: c.time, action: c.action, windows: [], zh: "", en: "", soon: c.at <= now + REMIND_MS };
    group.windows.push(numberOf(state.windows, c.window)!);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const numbers = [...new Set(g.windows)].sort((a, b) => a - b);
    const en = `${g.time} ${g.action === "open" ? "open" : "close"} window${numbers.length > 1 ? "s" : ""} ${numbers.join(", ")}`;
    return { ...g, windows: numbers, zh: `${g.time} ${g.action === "open" ? "开" : "关"} ${numbers.join("、")} 号窗口`, en };
  });
}

/**
 * The next instant after `now` the hall must be awake for the plan: a change (to make it, or to
 * take its reminder down), and, when `reminding`, the moment a reminder goes up. Null when none.
 */
export function nextPlanInstant(changes: ShiftChange[], now: number, reminding: boolean): number | null {
  let next = Infinity;
  for (const c of changes) {
    if (c.at > now) next = Math.min(next, c.at);
    if (reminding && c.at - REMIND_MS > now) next = Math.min(next, c.at - REMIND_MS);
  }
  return next === Infinity ? null : next;
}

/** Whether a reminder went up or came down in (after, upTo]: the screens showing them need rendering. */
export function remindersMoved(changes: ShiftChange[], after: number, upTo: number): boolean {
  return changes.some((c) => (c.at > after && c.at <= upTo) || (c.at - REMIND_MS > after && c.at - REMIND_MS <= upTo));
}
