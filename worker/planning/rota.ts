/**
 * A day's rota (排班): which windows open, serving what, in which shifts. The planner writes
 * one; `withRota` plays a scenario day under one (`npm run simulate -- day.json --plan p.json`).
 *
 * Shifts start and end on the half hour and last at least an hour (the planner keeps the hall's
 * own, longer minimum: planning/rules.ts). Internally the planner works on a schedule: for each
 * window, ranked (the day's own windows in their order, then borrowed ones, `extra-1`, …), the
 * half hours it is open; one schedule is one rota.
 */
import { DEFAULT_DATE, localInstant, shiftsOf, type Scenario, type ScenarioWindow, type Shift } from "../insights/scenario.js";

export interface RotaWindow {
  id: string;
  /** Most preferred first, as the call policy reads them. */
  categories: string[];
  shifts: Shift[];
}

export const SLOT_MINUTES = 30;

/** The hall's day in half hours: from the first window's opening to the last one's closing. */
export interface Day {
  /** Minutes after local midnight of the first half hour. */
  start: number;
  slots: number;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function hallDay(scenario: Scenario): Day {
  const shifts = scenario.windows.flatMap(shiftsOf);
  const start = Math.floor(Math.min(...shifts.map((s) => minutesOf(s.opens))) / SLOT_MINUTES) * SLOT_MINUTES;
  const end = Math.ceil(Math.max(...shifts.map((s) => minutesOf(s.closes))) / SLOT_MINUTES) * SLOT_MINUTES;
  return { start, slots: Math.max(1, (end - start) / SLOT_MINUTES) };
}

/** Categories by the day's volume, busiest first. */
function categoriesByVolume(scenario: Scenario): string[] {
  const count = new Map(scenario.categories.map((c) => [c.id, 0]));
  for (const a of scenario.arrivals) count.set(a.category, (count.get(a.category) ?? 0) + 1);
  return scenario.categories.map((c) => c.id).sort((a, b) => count.get(b)! - count.get(a)!);
}

/**
 * The window of each rank. With `keepCategories` (the hall's rule, issue 25) a window of the day
 * serves exactly its configured categories, in its order: a 交管专窗 stays a traffic window and a
 * 疑难问题窗口 keeps its list. Without it, it serves every category, its own first (its
 * officers' specialism), then the rest, busiest first. A borrowed window takes them all, busiest
 * first, turned by one per window so no category is last everywhere.
 */
export function rankedWindows(scenario: Scenario, count: number, keepCategories = false): Array<Pick<RotaWindow, "id" | "categories">> {
  const byVolume = categoriesByVolume(scenario);
  return Array.from({ length: count }, (_, r) => {
    const own = scenario.windows[r];
    if (own) return { id: own.id, categories: keepCategories ? [...own.categories] : [...own.categories, ...byVolume.filter((c) => !own.categories.includes(c))] };
    const k = r - scenario.windows.length;
    const turn = k % byVolume.length;
    return { id: `extra-${k + 1}`, categories: [...byVolume.slice(turn), ...byVolume.slice(0, turn)] };
  });
}

/** Runs of half hours where `on` holds, as [first, end) slot pairs. */
export function runs(slots: number, on: (s: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < slots; s++) {
    if (!on(s)) continue;
    const first = s;
    while (s + 1 < slots && on(s + 1)) s++;
    out.push([first, s + 1]);
  }
  return out;
}

/**
 * A day's staffing window by window: `schedule[r][s]` is whether the window of rank r (see
 * `rankedWindows`) is open in half hour s. Each window's open half hours are its shifts.
 */
export type Schedule = boolean[][];

/** The rota a schedule stands for: only windows with at least one shift. */
export function rotaOf(scenario: Scenario, day: Day, schedule: Schedule, keepCategories = false): RotaWindow[] {
  const ranked = rankedWindows(scenario, schedule.length, keepCategories);
  return ranked.flatMap((w, r) => {
    const shifts = runs(day.slots, (s) => schedule[r]![s] === true).map(([a, b]) => ({
      opens: timeOf(day.start + a * SLOT_MINUTES),
      closes: timeOf(day.start + b * SLOT_MINUTES),
    }));
    return shifts.length ? [{ ...w, shifts }] : [];
  });
}

export const windowHours = (rota: RotaWindow[]) =>
  rota.reduce((h, w) => h + w.shifts.reduce((m, s) => m + minutesOf(s.closes) - minutesOf(s.opens), 0), 0) / 60;

/**
 * The scenario day with its windows on `rota`: listed windows take its categories and shifts,
 * the day's other windows stay closed, `extra-N` windows are borrowed. Throws, saying what is
 * wrong, on a window or category the day does not have, or shifts off the half hour, shorter
 * than an hour, outside the day or overlapping.
 */
export function withRota(scenario: Scenario, rota: RotaWindow[]): Scenario {
  const fail = (what: string): never => {
    throw new Error(`plan: ${what}`);
  };
  if (!Array.isArray(rota)) fail("windows must be a list of { id, categories, shifts }");
  const categories = new Set(scenario.categories.map((c) => c.id));
  const own = new Map(scenario.windows.map((w) => [w.id, w]));
  const seen = new Set<string>();
  const hhmm = /^([01]\d|2[0-3]):(00|30)$/;
  for (const w of rota) {
    if (typeof w?.id !== "string") fail("every window needs an id");
    if (!own.has(w.id) && !/^extra-[1-9]\d*$/.test(w.id)) fail(`unknown window "${w.id}": the day has ${[...own.keys()].join(", ")} (borrowed ones are extra-1, extra-2, …)`);
    if (seen.has(w.id)) fail(`window "${w.id}" is listed twice`);
    seen.add(w.id);
    if (!Array.isArray(w.categories) || w.categories.length === 0) fail(`window "${w.id}" serves no category`);
    for (const c of w.categories) if (!categories.has(c)) fail(`window "${w.id}": unknown category "${c}"`);
    if (new Set(w.categories).size !== w.categories.length) fail(`window "${w.id}" lists a category twice`);
    if (!Array.isArray(w.shifts)) fail(`window "${w.id}": shifts must be a list of { opens, closes }`);
    w.shifts.forEach((s, j) => {
      const where = `window "${w.id}" shift ${j + 1}`;
      if (!hhmm.test(s?.opens) || !hhmm.test(s?.closes)) fail(`${where}: ${s?.opens}–${s?.closes} must start and end on the half hour (HH:00 or HH:30)`);
      if (minutesOf(s.closes) - minutesOf(s.opens) < 60) fail(`${where}: ${s.opens}–${s.closes} is shorter than an hour`);
      const before = w.shifts[j - 1];
      if (before && minutesOf(s.opens) < minutesOf(before.closes)) fail(`${where}: ${s.opens}–${s.closes} overlaps ${before.opens}–${before.closes}`);
    });
  }
  const listed = new Map(rota.map((w) => [w.id, w]));
  const windows: ScenarioWindow[] = scenario.windows.map(({ opens: _o, closes: _c, shifts: _s, ...w }) => {
    const planned = listed.get(w.id);
    return planned ? { ...w, categories: planned.categories, shifts: planned.shifts } : { ...w, shifts: [] };
  });
  for (const w of rota) if (!own.has(w.id)) windows.push({ id: w.id, label: "借调窗口", categories: w.categories, shifts: w.shifts });
  return { ...scenario, windows };
}

/**
 * The windows a shortfall asks for, borrowed on top of `rota` (ids after its own extra-N), each
 * serving every category: the `extraWindows`-th borrowed window works wherever that many are short.
 */
export function borrowedFor(scenario: Scenario, rota: RotaWindow[], shortfall: Array<{ from: string; to: string; extraWindows: number }>): RotaWindow[] {
  const day = hallDay(scenario);
  const short = Array.from({ length: day.slots }, () => 0);
  for (const s of shortfall) {
    for (let m = minutesOf(s.from); m < minutesOf(s.to); m += SLOT_MINUTES) short[(m - day.start) / SLOT_MINUTES] = s.extraWindows;
  }
  const ranks = scenario.windows.length + rota.filter((w) => w.id.startsWith("extra-")).length;
  const ranked = rankedWindows(scenario, ranks + Math.max(0, ...short)).slice(ranks);
  const hour = 60 / SLOT_MINUTES;
  return ranked.flatMap((w, j) => {
    // A spell of half an hour still takes an officer for an hour, within the day.
    const spells = runs(day.slots, (s) => short[s]! > j).map(([a, b]): [number, number] => (b - a >= hour ? [a, b] : b + 1 <= day.slots ? [a, b + 1] : [a - 1, b]));
    const joined = spells.reduce<Array<[number, number]>>((out, [a, b]) => {
      const last = out.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
      return out;
    }, []);
    const shifts = joined.map(([a, b]) => ({ opens: timeOf(day.start + a * SLOT_MINUTES), closes: timeOf(day.start + b * SLOT_MINUTES) }));
    return shifts.length ? [{ ...w, shifts }] : [];
  });
}

/** Instants of a time of the scenario's day, for reading its event log by half hour. */
export function slotStart(scenario: Scenario, day: Day, slot: number): number {
  return localInstant(scenario.date ?? DEFAULT_DATE, timeOf(day.start + slot * SLOT_MINUTES), scenario.timezone);
}
