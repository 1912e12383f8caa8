/**
 * The day's plan (排班): the fewest window-hours that keep the mean wait within the target and
 * every category's 90th percentile within the alarm line, each plan checked by playing the day
 * through the simulator (the hall's own `decide` and call policy), never by a formula alone.
 *
 * Every plan keeps the hall's rules (rules.ts, issue 25): each shift lasts at least the minimum
 * (default 2 hours), a window works at most `maxShifts` shifts (default 2), and with
 * `keepCategories` a window serves only its configured categories, so a specialist window is
 * opened when its categories need it and never left out for being one. The search works window
 * by window (a schedule, see rota.ts):
 *  1. start from Erlang C for each half hour's arrivals (the lowest-ranked windows), each
 *     window's hours made to keep the rules by lengthening short shifts and joining extra ones;
 *  2. while the day misses a target, open, in every half hour whose citizens waited past the
 *     line or over the target on average (and the half hour before it), the first closed window
 *     serving a category that missed there, keeping the rules again;
 *  3. trim: close whole windows, then take half hours off the ends of shifts, drop a shift, or
 *     split one for a quiet spell (most idle half hours first) wherever the day still meets
 *     every target and the rules still hold, until no such cut is left.
 * A day meets its targets when its mean wait is within the target, every category's p90 within
 * the alarm line, nobody is turned away or left waiting, and the last citizen is called by the
 * hall's closing time plus the alarm line (serving the last citizen stays the rule; a plan may
 * not lean on it). When even every window allowed, all day, misses a target, the same search
 * runs with borrowed windows; the plan is then every allowed window all day, and `shortfall` is
 * what the cheapest borrowing plan needed beyond them.
 *
 * The plan says why each of the hall's windows is closed when it is (`closed`): not needed all
 * day, a quiet spell for its categories, no citizen for its categories, or beyond the windows
 * allowed; with the citizens expected for its categories then.
 */
import { laibinWindows, windowsNeeded } from "../insights/advisor.js";
import { isOverLine, lineReachedAt, minutesWaited } from "../core/waits.js";
import { hallDay, rotaOf, runs, SLOT_MINUTES, slotStart, timeOf, windowHours, withRota, rankedWindows, type Day, type RotaWindow, type Schedule } from "./rota.js";
import { checkScenario, localInstant, DEFAULT_DATE, type Scenario } from "../insights/scenario.js";
import { replayDay, type DayReport } from "../insights/simulate.js";
import { durationFigures } from "../statistics/durations.js";
import type { HallEvent } from "../core/events.js";
import { DEFAULT_PLAN_RULES, type PlanRules } from "./rules.js";

export interface PlanOptions {
  /** Mean wait to keep within; default the scenario's `targetWaitMinutes`, else 8.2. */
  targetWaitMinutes?: number;
  /** Every category's p90 stays within it (the hall's alarm line in the simulation too); default the scenario's. */
  alarmMinutes?: number;
  /** Windows the plan may open; default the day's own. Above their count, it may borrow `extra-N`. */
  maxWindows?: number;
  /** The hall's plan rules; each absent one takes its default (rules.ts). */
  rules?: Partial<PlanRules>;
}

/** Why one of the hall's windows is closed for a spell of the planned day. */
export type ClosedReason =
  /** All day: the other windows meet every target without it. */
  | "not-needed"
  /** A spell before, between or after its shifts: few citizens for its categories then. */
  | "quiet"
  /** All day: no citizen is expected for any category it serves. */
  | "no-demand"
  /** All day: more windows than the plan may open (`maxWindows`). */
  | "beyond-limit";

export interface ClosedSpell {
  window: string;
  from: string;
  to: string;
  reason: ClosedReason;
  /** Citizens expected in the spell for the categories the window serves. */
  citizens: number;
}

export interface DayPlan {
  feasible: boolean;
  windows: RotaWindow[];
  windowHours: number;
  /** Laibin's rule (来宾市轮岗办法) for the same day: its share of the day's windows, open all day. */
  laibin: { windows: number; windowHours: number };
  simulated: Pick<DayReport, "overall" | "categories">;
  /** When and by how many windows the hall falls short; empty when feasible. */
  shortfall: Array<{ from: string; to: string; extraWindows: number }>;
  /** The rules the plan keeps. */
  rules: PlanRules;
  /** Each of the hall's windows' closed spells within the day, with why, in window order then time. */
  closed: ClosedSpell[];
}

interface Evaluation {
  meets: boolean;
  report: DayReport;
  /** Per half hour of issue: did its citizens miss a target, their mean wait, and the categories that missed. */
  slots: Array<{ missed: boolean; meanWait: number; missedCategories: Set<string> }>;
}

/** How far the hall may borrow before the planner gives up: four times the windows allowed. */
const BORROW_LIMIT = 4;

/**
 * @example
 * planDay(gucun) // { feasible: false, windows: [4 windows 08:30–17:00], windowHours: 34, shortfall: [{ from: "10:00", to: "11:00", extraWindows: 1 }, …], … }
 * planDay(demo)  // { feasible: true, closed: [{ window: "4", from: "08:30", to: "10:00", reason: "quiet", citizens: 6 }, …], … }
 */
export function planDay(scenario: Scenario, options: PlanOptions = {}): DayPlan {
  checkScenario(scenario);
  const target = options.targetWaitMinutes ?? scenario.targetWaitMinutes ?? 8.2;
  const alarm = options.alarmMinutes ?? scenario.alarmMinutes;
  const allowed = options.maxWindows ?? scenario.windows.length;
  const rules: PlanRules = { ...DEFAULT_PLAN_RULES, ...options.rules };
  if (!(target > 0)) throw new RangeError(`the target wait must be minutes > 0 (got ${target})`);
  if (!(alarm > 0)) throw new RangeError(`the alarm line must be minutes > 0 (got ${alarm})`);
  if (!Number.isInteger(allowed) || allowed < 1) throw new RangeError(`the windows allowed must be a whole number ≥ 1 (got ${allowed})`);
  if (!(rules.minShiftMinutes >= 60) || rules.minShiftMinutes % SLOT_MINUTES !== 0) {
    throw new RangeError(`the shortest shift must be whole half hours, at least an hour (got ${rules.minShiftMinutes} minutes)`);
  }
  if (!Number.isInteger(rules.maxShifts) || rules.maxShifts < 1) throw new RangeError(`the shifts per window must be a whole number ≥ 1 (got ${rules.maxShifts})`);

  const day = hallDay(scenario);
  if (day.slots < 2) throw new RangeError("the hall's day must last at least an hour to plan shifts in it");
  const search = new Search({ ...scenario, alarmMinutes: alarm, targetWaitMinutes: target }, day, target, alarm, rules);
  const allDay = (n: number): Schedule => Array.from({ length: n }, () => Array.from({ length: day.slots }, () => true));
  const laibin = laibinWindows(scenario.arrivals.length, scenario.windows.length);
  const finish = (feasible: boolean, schedule: Schedule, shortfall: DayPlan["shortfall"]): DayPlan => {
    const windows = rotaOf(search.scenario, day, schedule, rules.keepCategories);
    const { report } = search.evaluate(schedule);
    return {
      feasible,
      windows,
      windowHours: windowHours(windows),
      laibin: { windows: laibin.windows, windowHours: (laibin.windows * day.slots * SLOT_MINUTES) / 60 },
      simulated: { overall: report.overall, categories: report.categories },
      shortfall,
      rules,
      closed: closedSpells(search.scenario, day, schedule, allowed, rules.keepCategories),
    };
  };

  if (search.evaluate(allDay(allowed)).meets) return finish(true, search.cheapest(allowed), []);

  // Borrow: double until the whole day is covered, then halve back to the fewest that cover it.
  let enough = allowed + 1;
  let short = allowed;
  while (!search.evaluate(allDay(enough)).meets) {
    short = enough;
    if (enough >= allowed * BORROW_LIMIT) {
      return finish(false, allDay(allowed), [{ from: timeOf(day.start), to: timeOf(day.start + day.slots * SLOT_MINUTES), extraWindows: enough - allowed }]);
    }
    enough = Math.min(allowed * BORROW_LIMIT, allowed + 2 * (enough - allowed));
  }
  while (enough - short > 1) {
    const mid = Math.floor((enough + short) / 2);
    if (search.evaluate(allDay(mid)).meets) enough = mid;
    else short = mid;
  }
  const needed = search.cheapest(enough);
  const profile = Array.from({ length: day.slots }, (_, s) => needed.filter((row) => row[s]).length);
  const shortfall = shortfallOf(day, profile, allowed);
  // The best within the windows allowed is all of them all day; with the shortfall borrowed on
  // top (as much as the cheapest borrowing plan, or more) the day meets its targets. Should the
  // call policy ever make more windows do worse, the cheapest plan's own windows are kept instead.
  const topped = needed.map((row, r) => (r < allowed ? row.map(() => true) : row));
  return finish(false, search.evaluate(topped).meets ? allDay(allowed) : needed.slice(0, allowed), shortfall);
}

/** Half hours where the profile needs more than `allowed` windows, as runs of equal need. */
function shortfallOf(day: Day, profile: number[], allowed: number): DayPlan["shortfall"] {
  const out: DayPlan["shortfall"] = [];
  profile.forEach((n, s) => {
    const extra = n - allowed;
    const last = out.at(-1);
    const from = timeOf(day.start + s * SLOT_MINUTES);
    const to = timeOf(day.start + (s + 1) * SLOT_MINUTES);
    if (extra <= 0) return;
    if (last && last.to === from && last.extraWindows === extra) last.to = to;
    else out.push({ from, to, extraWindows: extra });
  });
  return out;
}

/** Citizens of each category arriving in each half hour of the day. */
function arrivalsBySlot(scenario: Scenario, day: Day): Map<string, number[]> {
  const date = scenario.date ?? DEFAULT_DATE;
  const first = slotStart(scenario, day, 0);
  const out = new Map(scenario.categories.map((c) => [c.id, Array.from({ length: day.slots }, () => 0)]));
  for (const a of scenario.arrivals) {
    const s = Math.floor((localInstant(date, a.at, scenario.timezone) - first) / (SLOT_MINUTES * 60_000));
    const row = out.get(a.category);
    if (row) row[Math.min(day.slots - 1, Math.max(0, s))]!++;
  }
  return out;
}

/** Each of the day's own windows' closed spells under the schedule, and why. */
function closedSpells(scenario: Scenario, day: Day, schedule: Schedule, allowed: number, keepCategories: boolean): ClosedSpell[] {
  const bySlot = arrivalsBySlot(scenario, day);
  const ranked = rankedWindows(scenario, scenario.windows.length, keepCategories);
  const time = (s: number) => timeOf(day.start + s * SLOT_MINUTES);
  return ranked.flatMap((w, r) => {
    const row = schedule[r] ?? [];
    const citizens = (a: number, b: number) => w.categories.reduce((n, c) => n + (bySlot.get(c)?.slice(a, b).reduce((x, y) => x + y, 0) ?? 0), 0);
    const spells = runs(day.slots, (s) => row[s] !== true);
    return spells.map(([a, b]): ClosedSpell => {
      const whole = a === 0 && b === day.slots;
      const reason: ClosedReason = !whole ? "quiet" : r >= allowed ? "beyond-limit" : citizens(0, day.slots) === 0 ? "no-demand" : "not-needed";
      return { window: w.id, from: time(a), to: time(b), reason, citizens: citizens(a, b) };
    });
  });
}

/**
 * A day that has, before its end, certainly missed a target the planner holds it to: a citizen
 * turned away, or a category with more citizens over the alarm line than its 90th percentile
 * allows. Exact, never a guess: a ticket still waiting at `at` waits at least `at − issued`, and
 * a citizen over the line stays over it; the count is the statistics' own (whole seconds, the
 * nearest-rank p90 of that category's first calls, in minutes to two decimals, durations.ts).
 * Either way `evaluate` would find the whole day missing its targets, so the plan is the same.
 */
function missedAlready(scenario: Scenario, alarm: number): (sofar: { events: readonly HallEvent[]; at: number; turnedAway: number }) => boolean {
  // The shortest wait (ms) whose whole seconds read as over the line once in minutes.
  const over = (seconds: number) => isOverLine(durationFigures({ count: 1, sumSeconds: seconds, maxSeconds: seconds, seconds: { [seconds]: 1 } }).p90Minutes!, alarm, "finished");
  let s = Math.max(0, Math.floor(alarm * 60) - 60);
  while (s > 0 && over(s)) s = Math.max(0, s - 60);
  while (!over(s)) s++;
  const overMs = s * 1000 - 500; // Math.round(ms / 1000) ≥ s
  // Over the line, each category may have at most N − ⌈0.9·N⌉ of its N citizens.
  const allowed = new Map<string, number>();
  for (const a of scenario.arrivals) allowed.set(a.category, (allowed.get(a.category) ?? 0) + 1);
  for (const [c, n] of allowed) allowed.set(c, n - Math.max(1, Math.ceil((90 * n) / 100)));
  const queues = new Map<string, Array<{ id: string; issued: number }>>();
  const passed = new Map<string, number>();
  const overs = new Map<string, number>();
  const inTime = new Set<string>();
  let read = 0;
  return ({ events, at, turnedAway }) => {
    if (turnedAway > 0) return true;
    for (; read < events.length; read++) {
      const e = events[read]!;
      if (e.type === "ticket.issued") {
        const q = queues.get(e.ticket.category) ?? [];
        q.push({ id: e.ticket.id, issued: Date.parse(e.ticket.issuedAt) });
        queues.set(e.ticket.category, q);
      } else if (e.type === "ticket.called" && e.ticket.callCount === 1 && Date.parse(e.at) - Date.parse(e.ticket.issuedAt) < overMs) inTime.add(e.ticket.id);
    }
    for (const [c, q] of queues) {
      let p = passed.get(c) ?? 0;
      let n = overs.get(c) ?? 0;
      // Issued overMs or more ago and not called in time: over the line, however it ends.
      for (; p < q.length && at - q[p]!.issued >= overMs; p++) if (!inTime.has(q[p]!.id)) n++;
      passed.set(c, p);
      overs.set(c, n);
      if (n > (allowed.get(c) ?? 0)) return true;
    }
    return false;
  };
}

class Search {
  readonly #cache = new Map<string, Evaluation>();
  /** Schedules whose day was stopped once it had missed a target: no report kept. */
  readonly #missed = new Set<string>();
  readonly #minSlots: number;
  constructor(
    readonly scenario: Scenario,
    readonly day: Day,
    readonly target: number,
    readonly alarm: number,
    readonly rules: PlanRules,
  ) {
    // A day shorter than the minimum shift: a shift is then the whole day.
    this.#minSlots = Math.min(day.slots, rules.minShiftMinutes / SLOT_MINUTES);
  }

  /** True when the window's open half hours keep the rules: few enough shifts, none too short. */
  keepsRules(row: boolean[]): boolean {
    const shifts = runs(row.length, (s) => row[s]!);
    return shifts.length <= this.rules.maxShifts && shifts.every(([a, b]) => b - a >= this.#minSlots);
  }

  /** The row, opened further until it keeps the rules: short shifts lengthened, extra ones joined. */
  keepRules(row: boolean[]): boolean[] {
    const out = [...row];
    for (let guard = 0; !this.keepsRules(out) && guard < out.length * 2; guard++) {
      const shifts = runs(out.length, (s) => out[s]!);
      if (shifts.length > this.rules.maxShifts) {
        // Join across the shortest gap.
        let best = 1;
        for (let i = 2; i < shifts.length; i++) if (shifts[i]![0] - shifts[i - 1]![1] < shifts[best]![0] - shifts[best - 1]![1]) best = i;
        for (let s = shifts[best - 1]![1]; s < shifts[best]![0]; s++) out[s] = true;
        continue;
      }
      const [a, b] = shifts.find(([x, y]) => y - x < this.#minSlots)!;
      // Lengthen to the later side while there is room, else to the earlier one.
      if (b < out.length) out[b] = true;
      else out[a - 1] = true;
    }
    return out;
  }

  /**
   * Plays the day under the schedule's rota; each schedule once. With `onlyIfMet`, a day stopped
   * as soon as it has certainly missed a target (`missedAlready`) answers { meets: false } alone,
   * so a cut that fails costs only the hours up to its failure.
   */
  evaluate(schedule: Schedule): Evaluation;
  evaluate(schedule: Schedule, onlyIfMet: true): Evaluation | { meets: false };
  evaluate(schedule: Schedule, onlyIfMet = false): Evaluation | { meets: false } {
    const key = schedule.map((row) => row.map((o) => (o ? "1" : "0")).join("")).join(",");
    const known = this.#cache.get(key);
    if (known) return known;
    if (onlyIfMet && this.#missed.has(key)) return { meets: false };
    const scenario = withRota(this.scenario, rotaOf(this.scenario, this.day, schedule, this.rules.keepCategories));
    const played = onlyIfMet ? replayDay(scenario, { giveUp: missedAlready(this.scenario, this.alarm) }) : replayDay(scenario);
    if (!played) {
      this.#missed.add(key);
      return { meets: false };
    }
    const { report, events } = played;
    const closes = slotStart(this.scenario, this.day, this.day.slots);
    const meets =
      report.overall.unserved === 0 &&
      report.overall.turnedAway === 0 &&
      (report.overall.meanWaitMinutes ?? 0) <= this.target &&
      Object.values(report.categories).every((c) => !isOverLine(c.p90WaitMinutes ?? 0, this.alarm, "finished"));
    const issued = new Map<string, { at: number; category: string }>();
    const waits = Array.from({ length: this.day.slots }, () => ({ total: 0, count: 0, over: 0, byCategory: new Map<string, { total: number; count: number; over: number }>() }));
    const first = slotStart(this.scenario, this.day, 0);
    let lastCall = -Infinity;
    for (const e of events) {
      if (e.type === "ticket.issued") issued.set(e.ticket.id, { at: Date.parse(e.at), category: e.ticket.category });
      if (e.type !== "ticket.called" || e.ticket.firstCalledAt !== e.at) continue;
      const { at, category } = issued.get(e.ticket.id)!;
      const wait = minutesWaited(at, Date.parse(e.at));
      const w = waits[Math.min(this.day.slots - 1, Math.max(0, Math.floor((at - first) / (SLOT_MINUTES * 60_000))))]!;
      const c = w.byCategory.get(category) ?? { total: 0, count: 0, over: 0 };
      const over = isOverLine(wait, this.alarm, "finished") ? 1 : 0;
      w.total += wait;
      w.count++;
      w.over += over;
      w.byCategory.set(category, { total: c.total + wait, count: c.count + 1, over: c.over + over });
      lastCall = Math.max(lastCall, Date.parse(e.at));
    }
    const missing = (x: { total: number; count: number; over: number }) => x.over > 0 || x.total > this.target * x.count;
    const slots = waits.map((w) => ({
      missed: missing(w),
      meanWait: w.count ? w.total / w.count : 0,
      missedCategories: new Set([...w.byCategory].flatMap(([c, x]) => (missing(x) ? [c] : []))),
    }));
    // "Serve the last citizen" stays the rule, but a plan may not lean on it: by the hall's
    // closing time plus the alarm line every citizen has been called.
    const evaluation = { meets: meets && lastCall <= lineReachedAt(closes, this.alarm), report, slots };
    this.#cache.set(key, evaluation);
    return evaluation;
  }

  /** The fewest window-hours with at most `windows` open that meet every target and keep the rules (all day with `windows` must). */
  cheapest(windows: number): Schedule {
    const ranked = rankedWindows(this.scenario, windows, this.rules.keepCategories);
    const slots = this.day.slots;
    const erlang = this.erlang(windows);
    let schedule: Schedule = ranked.map((_, r) => this.keepRules(erlang.map((n) => n > r)));
    // Grow: open more where citizens missed a target, a window serving what missed first.
    for (let e = this.evaluate(schedule); !e.meets; e = this.evaluate(schedule)) {
      const next = schedule.map((row) => [...row]);
      let opened = false;
      e.slots.forEach((slot, s) => {
        if (!slot.missed) return;
        for (const t of [s - 1, s]) {
          if (t < 0) continue;
          const closed = ranked.map((_, r) => r).filter((r) => !next[r]![t]);
          const r = closed.find((x) => ranked[x]!.categories.some((c) => slot.missedCategories.has(c))) ?? closed[0];
          if (r === undefined) continue;
          next[r]![t] = true;
          opened = true;
        }
      });
      if (!opened) {
        // Nothing closed where citizens missed (they missed by the closing line): open the first window not open all day.
        const r = next.findIndex((row) => row.some((o) => !o));
        next[r] = next[r]!.map(() => true);
      }
      schedule = next.map((row) => this.keepRules(row));
    }
    // Trim. A cut that failed once is not tried again: with fewer windows elsewhere it would fail
    // too; nor is the same cut from another window serving the same categories (one fewer of
    // them in those half hours either way).
    const failed = new Set<string>();
    const kind = ranked.map((w) => w.categories.join("|"));
    const without = (r: number, cut: number[]): Schedule => schedule.map((row, x) => (x === r ? row.map((o, s) => o && !cut.includes(s)) : row));
    const tryCut = (r: number, cut: number[]): boolean => {
      const key = `${kind[r]}:${cut.join(",")}`;
      if (failed.has(key)) return false;
      const fewer = without(r, cut);
      if (!this.keepsRules(fewer[r]!)) return false;
      if (!this.evaluate(fewer, true).meets) {
        failed.add(key);
        return false;
      }
      schedule = fewer;
      return true;
    };
    const all = Array.from({ length: slots }, (_, s) => s);
    for (let r = windows - 1; r >= 0; r--) if (schedule[r]!.some((o) => o)) tryCut(r, all);
    for (let cut = true; cut; ) {
      cut = false;
      const wait = this.evaluate(schedule).slots.map((s) => s.meanWait);
      const cuts: Array<{ r: number; slots: number[] }> = [];
      schedule.forEach((row, r) => {
        const shifts = runs(slots, (s) => row[s]!);
        for (const [a, b] of shifts) {
          // The whole shift, an hour or a half hour off either end.
          cuts.push({ r, slots: all.slice(a, b) }, { r, slots: [a, a + 1] }, { r, slots: [b - 2, b - 1] }, { r, slots: [a] }, { r, slots: [b - 1] });
          // A quiet spell inside a long shift: the idlest half hour that leaves both parts long enough.
          const inside = all.slice(a + this.#minSlots, b - this.#minSlots).sort((x, y) => wait[x]! - wait[y]! || x - y);
          if (inside[0] !== undefined) cuts.push({ r, slots: [inside[0]] });
        }
      });
      const idleness = (c: { slots: number[] }) => c.slots.reduce((m, s) => m + wait[s]!, 0) / c.slots.length;
      cuts.sort((x, y) => idleness(x) - idleness(y) || y.r - x.r || y.slots.length - x.slots.length);
      for (const c of cuts) {
        if (tryCut(c.r, c.slots)) {
          cut = true;
          break;
        }
      }
    }
    return schedule;
  }

  /** Erlang C's windows for each half hour's own arrivals, at least one, at most `windows`. */
  erlang(windows: number): number[] {
    const date = this.scenario.date ?? DEFAULT_DATE;
    const first = slotStart(this.scenario, this.day, 0);
    const bySlot = Array.from({ length: this.day.slots }, () => ({ count: 0, seconds: 0 }));
    for (const a of this.scenario.arrivals) {
      const s = Math.floor((localInstant(date, a.at, this.scenario.timezone) - first) / (SLOT_MINUTES * 60_000));
      const slot = bySlot[Math.min(this.day.slots - 1, Math.max(0, s))]!;
      slot.count++;
      slot.seconds += a.serviceSeconds;
    }
    return bySlot.map(({ count, seconds }) => {
      if (count === 0) return 1;
      const demand = { arrivalsPerHour: (count * 60) / SLOT_MINUTES, serviceMinutes: seconds / count / 60 };
      return Math.min(windows, windowsNeeded(demand, { targetWaitMinutes: this.target, alarmMinutes: this.alarm }).windows);
    });
  }
}
