/**
 * The day's plan (排班): the fewest window-hours that keep the mean wait within the target and
 * every category's 90th percentile within the alarm line, each plan checked by playing the day
 * through the simulator (the hall's own `decide` and call policy), never by a formula alone.
 *
 * The search works on a staffing profile (windows open per half hour, see rota.ts):
 *  1. start from Erlang C for each half hour's arrivals;
 *  2. while the day misses a target, open one more window in every half hour whose citizens
 *     waited past the line or over the target on average, and in the half hour before it;
 *  3. trim: take a window away for half an hour or an hour wherever the day still meets every
 *     target without it, most idle half hours first, until no such cut is left.
 * Every window serves every category (全科民警: any officer serves any category), its own first.
 * A day meets its targets when its mean wait is within the target, every category's p90 within
 * the alarm line, nobody is turned away or left waiting, and the last citizen is called by the
 * hall's closing time plus the alarm line (serving the last citizen stays the rule; a plan may
 * not lean on it). When even every window allowed, all day, misses a target, the same search
 * runs with borrowed windows; the plan is then every allowed window all day, and `shortfall` is
 * what the cheapest borrowing plan needed beyond them.
 */
import { laibinWindows, windowsNeeded } from "../insights/advisor.js";
import { isOverLine, lineReachedAt, minutesWaited } from "../core/waits.js";
import { isValidProfile, hallDay, rotaOf, SLOT_MINUTES, slotStart, timeOf, windowHours, withRota, type Day, type RotaWindow } from "./rota.js";
import { checkScenario, localInstant, DEFAULT_DATE, type Scenario } from "../insights/scenario.js";
import { replayDay, type DayReport } from "../insights/simulate.js";

export interface PlanOptions {
  /** Mean wait to keep within; default the scenario's `targetWaitMinutes`, else 8.2. */
  targetWaitMinutes?: number;
  /** Every category's p90 stays within it (the hall's alarm line in the simulation too); default the scenario's. */
  alarmMinutes?: number;
  /** Windows the plan may open; default the day's own. Above their count, it may borrow `extra-N`. */
  maxWindows?: number;
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
}

interface Evaluation {
  meets: boolean;
  report: DayReport;
  /** Per half hour of issue: did its citizens miss a target, and their mean wait. */
  slots: Array<{ missed: boolean; meanWait: number }>;
}

/** How far the hall may borrow before the planner gives up: four times the windows allowed. */
const BORROW_LIMIT = 4;

/**
 * @example
 * planDay(gucun) // { feasible: false, windows: [4 windows 08:30–17:00], windowHours: 34, shortfall: [{ from: "10:00", to: "11:00", extraWindows: 1 }, …], … }
 * planDay(bigCentre) // { feasible: true, windowHours: 147.5, laibin: { windows: 24, windowHours: 264 }, shortfall: [], … }
 */
export function planDay(scenario: Scenario, options: PlanOptions = {}): DayPlan {
  checkScenario(scenario);
  const target = options.targetWaitMinutes ?? scenario.targetWaitMinutes ?? 8.2;
  const alarm = options.alarmMinutes ?? scenario.alarmMinutes;
  const allowed = options.maxWindows ?? scenario.windows.length;
  if (!(target > 0)) throw new RangeError(`the target wait must be minutes > 0 (got ${target})`);
  if (!(alarm > 0)) throw new RangeError(`the alarm line must be minutes > 0 (got ${alarm})`);
  if (!Number.isInteger(allowed) || allowed < 1) throw new RangeError(`the windows allowed must be a whole number ≥ 1 (got ${allowed})`);

  const day = hallDay(scenario);
  if (day.slots < 2) throw new RangeError("the hall's day must last at least an hour to plan shifts in it");
  const search = new Search({ ...scenario, alarmMinutes: alarm, targetWaitMinutes: target }, day, target, alarm);
  const allDay = (n: number) => Array.from({ length: day.slots }, () => n);
  const laibin = laibinWindows(scenario.arrivals.length, scenario.windows.length);
  const finish = (feasible: boolean, profile: number[], shortfall: DayPlan["shortfall"]): DayPlan => {
    const windows = rotaOf(search.scenario, day, profile);
    const { report } = search.evaluate(profile);
    return {
      feasible,
      windows,
      windowHours: windowHours(windows),
      laibin: { windows: laibin.windows, windowHours: (laibin.windows * day.slots * SLOT_MINUTES) / 60 },
      simulated: { overall: report.overall, categories: report.categories },
      shortfall,
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
  const shortfall = shortfallOf(day, needed, allowed);
  // The best within the windows allowed is all of them all day; with the shortfall borrowed on
  // top (as much as the cheapest borrowing plan, or more) the day meets its targets. Should the
  // call policy ever make more windows do worse, the cheapest plan's own windows are kept instead.
  const topped = needed.map((n) => Math.max(n, allowed));
  return finish(false, search.evaluate(topped).meets ? allDay(allowed) : needed.map((n) => Math.min(n, allowed)), shortfall);
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

class Search {
  readonly #cache = new Map<string, Evaluation>();
  constructor(
    readonly scenario: Scenario,
    readonly day: Day,
    readonly target: number,
    readonly alarm: number,
  ) {}

  /** Plays the day under the profile's rota; each profile once. */
  evaluate(profile: number[]): Evaluation {
    const key = profile.join(",");
    const known = this.#cache.get(key);
    if (known) return known;
    const { report, events } = replayDay(withRota(this.scenario, rotaOf(this.scenario, this.day, profile)));
    const closes = slotStart(this.scenario, this.day, this.day.slots);
    const meets =
      report.overall.unserved === 0 &&
      report.overall.turnedAway === 0 &&
      (report.overall.meanWaitMinutes ?? 0) <= this.target &&
      Object.values(report.categories).every((c) => !isOverLine(c.p90WaitMinutes ?? 0, this.alarm, "finished"));
    const issued = new Map<string, number>();
    const waits = Array.from({ length: this.day.slots }, () => ({ total: 0, count: 0, over: 0 }));
    const first = slotStart(this.scenario, this.day, 0);
    let lastCall = -Infinity;
    for (const e of events) {
      if (e.type === "ticket.issued") issued.set(e.ticket.id, Date.parse(e.at));
      if (e.type !== "ticket.called" || e.ticket.firstCalledAt !== e.at) continue;
      const at = issued.get(e.ticket.id)!;
      const wait = minutesWaited(at, Date.parse(e.at));
      const w = waits[Math.min(this.day.slots - 1, Math.max(0, Math.floor((at - first) / (SLOT_MINUTES * 60_000))))]!;
      w.total += wait;
      w.count++;
      if (isOverLine(wait, this.alarm, "finished")) w.over++;
      lastCall = Math.max(lastCall, Date.parse(e.at));
    }
    const slots = waits.map((w) => ({ missed: w.over > 0 || w.total > this.target * w.count, meanWait: w.count ? w.total / w.count : 0 }));
    // "Serve the last citizen" stays the rule, but a plan may not lean on it: by the hall's
    // closing time plus the alarm line every citizen has been called.
    const evaluation = { meets: meets && lastCall <= lineReachedAt(closes, this.alarm), report, slots };
    this.#cache.set(key, evaluation);
    return evaluation;
  }

  /** The fewest window-hours with at most `windows` open that meet every target (all day with `windows` must). */
  cheapest(windows: number): number[] {
    let profile = valid(this.erlang(windows), windows);
    for (let e = this.evaluate(profile); !e.meets; e = this.evaluate(profile)) {
      let missed = e.slots.flatMap((s, i) => (s.missed && profile[i]! < windows ? [i] : []));
      if (missed.length === 0) missed = profile.flatMap((n, i) => (n < windows ? [i] : []));
      const next = [...profile];
      for (const s of missed) for (const t of [s - 1, s]) if (t >= 0) next[t] = Math.min(windows, profile[t]! + 1);
      profile = valid(next, windows);
    }
    // A cut that failed once is not tried again: with fewer windows elsewhere it would fail too.
    const failed = new Set<string>();
    for (let cut = true; cut; ) {
      cut = false;
      const slots = this.evaluate(profile).slots;
      const idleFirst = profile.map((_, s) => s).sort((a, b) => slots[a]!.meanWait - slots[b]!.meanWait || a - b);
      for (const s of idleFirst) {
        for (const span of [[s], [s, s + 1], [s - 1, s]]) {
          if (span.some((t) => t < 0 || t >= profile.length || profile[t]! <= 1) || failed.has(span.join())) continue;
          const fewer = profile.map((n, t) => (span.includes(t) ? n - 1 : n));
          if (!isValidProfile(fewer)) continue;
          if (!this.evaluate(fewer).meets) {
            failed.add(span.join());
            continue;
          }
          profile = fewer;
          cut = true;
          break;
        }
      }
    }
    return profile;
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

/** Within 1..windows, and raised beside any half hour that would leave a window a half-hour shift. */
function valid(profile: number[], windows: number): number[] {
  const out = profile.map((n) => Math.max(1, Math.min(windows, n)));
  while (!isValidProfile(out)) {
    for (let s = 0; s < out.length; s++) {
      const before = out[s - 1] ?? -1;
      const after = out[s + 1] ?? -1;
      // Above both neighbours: the top window's shift here would last half an hour.
      if (out[s]! > before && out[s]! > after) out[after >= before ? s + 1 : s - 1] = out[s]!;
    }
  }
  return out;
}
