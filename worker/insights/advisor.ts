/**
 * The staffing advisor: how many windows a category (or the whole hall) needs so that the mean
 * wait stays within the target (Guangxi's 8.2 min) and nine citizens in ten are called before
 * the alarm line (10 min), beside what Laibin's rota rule (来宾市轮岗办法) would open.
 *
 * The queue model is Erlang C (M/M/c): arrivals at random (Poisson) at rate λ, service times
 * exponential with mean 1/μ, c identical windows taking one shared line first come first served.
 * With offered load a = λ/μ (in Erlangs) and c > a:
 *  - C(c, a), the probability that a citizen has to wait at all, from the Erlang B recursion
 *    B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = c·B / (c − a·(1 − B)); no factorials
 *    or powers, so it stays exact to rounding for hundreds of windows;
 *  - P(wait > t) = C · e^{−(cμ − λ)t};
 *  - mean wait = C / (cμ − λ).
 * Real halls are burstier than Poisson (a morning peak) and call by policy rather than strictly
 * first come, so read the answer as the least a peak hour needs, and check it with the simulator.
 */

export interface WaitFigures {
  /** Windows (servers) open for this load. */
  windows: number;
  /** Offered load a = λ/μ in Erlangs: how many windows the work alone keeps busy. */
  loadErlangs: number;
  /** a / c: the share of time a window is busy. */
  utilisation: number;
  /** C(c, a): the chance that a citizen waits at all. 1 when the windows cannot keep up. */
  probabilityOfWaiting: number;
  /** Infinity when the windows cannot keep up. */
  meanWaitMinutes: number;
  /** The nearest-rank sense: the shortest t with P(wait > t) ≤ 0.1. */
  p90WaitMinutes: number;
}

export interface Demand {
  /** Tickets per hour (in the hour the advice is for, usually the peak). */
  arrivalsPerHour: number;
  /** Mean service time in minutes. */
  serviceMinutes: number;
}

export interface WaitTargets {
  /** Mean wait the hall aims for; default 8.2 min. */
  targetWaitMinutes?: number;
  /** The alarm line; default 10 min. */
  alarmMinutes?: number;
  /** Share of citizens allowed past the alarm line; default 0.1 (the 90th percentile). */
  allowedOverAlarm?: number;
}

/**
 * Erlang B: the share of arrivals that would find all `windows` busy with no room to queue,
 * by the recursion B(k) = a·B(k−1) / (k + a·B(k−1)).
 *
 * @example
 * erlangB(2, 1) // 0.2 (= (1²/2!) / (1 + 1 + 1²/2!))
 */
export function erlangB(windows: number, loadErlangs: number): number {
  if (!Number.isInteger(windows) || windows < 0) throw new RangeError(`windows must be a whole number ≥ 0, not ${windows}`);
  if (!(loadErlangs >= 0)) throw new RangeError(`load must be ≥ 0 Erlangs, not ${loadErlangs}`);
  let b = 1;
  for (let k = 1; k <= windows; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
  return b;
}

/**
 * Erlang C: the probability that a citizen must wait, with `windows` windows and a load of
 * `loadErlangs`; 1 when the load reaches the number of windows (the line grows without end).
 *
 * @example
 * erlangC(11, 10) // ≈ 0.6821: 100 calls per 30 min at 180 s each, 11 agents
 */
export function erlangC(windows: number, loadErlangs: number): number {
  if (loadErlangs === 0) return 0;
  if (loadErlangs >= windows) return 1;
  const b = erlangB(windows, loadErlangs);
  return (windows * b) / (windows - loadErlangs * (1 - b));
}

/**
 * Waits with `windows` windows open for `demand`, under Erlang C (M/M/c).
 *
 * @example
 * waitFigures({ arrivalsPerHour: 60, serviceMinutes: 5 }, 6)
 * // { windows: 6, loadErlangs: 5, utilisation: 0.83, probabilityOfWaiting: 0.59, meanWaitMinutes: 2.94, p90WaitMinutes: 8.85 }
 */
export function waitFigures(demand: Demand, windows: number): WaitFigures {
  const lambda = demand.arrivalsPerHour / 60;
  const mu = 1 / demand.serviceMinutes;
  const load = lambda * demand.serviceMinutes;
  const c = erlangC(windows, load);
  const drain = windows * mu - lambda;
  const stable = load === 0 || load < windows;
  return {
    windows,
    loadErlangs: load,
    utilisation: windows === 0 ? (load === 0 ? 0 : Infinity) : load / windows,
    probabilityOfWaiting: c,
    meanWaitMinutes: !stable ? Infinity : c === 0 ? 0 : c / drain,
    p90WaitMinutes: quantileWait(c, drain, 0.1, stable),
  };
}

function quantileWait(c: number, drain: number, over: number, stable: boolean): number {
  if (!stable) return Infinity;
  return c <= over ? 0 : Math.log(c / over) / drain;
}

/**
 * P(wait > minutes) = C · e^{−(cμ − λ)·minutes}; 1 when the windows cannot keep up.
 *
 * @example
 * probabilityWaitOver({ arrivalsPerHour: 60, serviceMinutes: 5 }, 6, 10) // ≈ 0.0795
 */
export function probabilityWaitOver(demand: Demand, windows: number, minutes: number): number {
  const load = (demand.arrivalsPerHour / 60) * demand.serviceMinutes;
  if (load === 0) return 0;
  if (load >= windows) return 1;
  const drain = windows / demand.serviceMinutes - demand.arrivalsPerHour / 60;
  return erlangC(windows, load) * Math.exp(-drain * minutes);
}

/**
 * The fewest windows that keep the mean wait within the target and no more than
 * `allowedOverAlarm` of citizens past the alarm line, under Erlang C (M/M/c).
 *
 * @example
 * windowsNeeded({ arrivalsPerHour: 60, serviceMinutes: 5 }) // { windows: 6, meanWaitMinutes: 2.94, p90WaitMinutes: 8.85, … }
 */
export function windowsNeeded(demand: Demand, targets: WaitTargets = {}): WaitFigures {
  const target = targets.targetWaitMinutes ?? 8.2;
  const alarm = targets.alarmMinutes ?? 10;
  const over = targets.allowedOverAlarm ?? 0.1;
  if (!(target > 0) || !(alarm >= 0) || !(over > 0 && over < 1)) {
    throw new RangeError("the target wait must be > 0, the alarm line ≥ 0 and the allowed share between 0 and 1");
  }
  if (!(demand.serviceMinutes > 0) || !(demand.arrivalsPerHour >= 0)) {
    throw new RangeError("service minutes must be > 0 and arrivals per hour ≥ 0");
  }
  if (demand.arrivalsPerHour === 0) return waitFigures(demand, 0);
  const load = (demand.arrivalsPerHour / 60) * demand.serviceMinutes;
  // Past a + 1 windows every extra window shrinks the wait at least geometrically, so this ends.
  for (let windows = Math.floor(load) + 1; ; windows++) {
    const f = waitFigures(demand, windows);
    if (f.meanWaitMinutes <= target && probabilityWaitOver(demand, windows, alarm) <= over) return f;
  }
}

/**
 * Laibin's rota rule: a daily volume under 100 opens 50% of the windows, 100 to 300 opens 70%,
 * over 300 opens them all; a share of a window counts as a whole one.
 *
 * @example
 * laibinWindows(180, 4) // { share: 0.7, windows: 3 } (2.8 rounded up)
 */
export function laibinWindows(dailyVolume: number, windows: number): { share: number; windows: number } {
  const share = dailyVolume < 100 ? 0.5 : dailyVolume <= 300 ? 0.7 : 1;
  // 0.7 × 10 is 7.000000000000001 in floating point; round to 1e-9 before rounding up.
  return { share, windows: Math.ceil(Math.round(share * windows * 1e9) / 1e9) };
}

export interface CategoryDemand extends Demand {
  category: string;
}

export interface StaffingAdvice {
  /** Windows per category if each category had windows of its own (业务专窗). */
  categories: Array<{ category: string } & WaitFigures>;
  separateWindows: number;
  /**
   * Windows if every window served every category (全科 comprehensive windows): one line,
   * all arrivals, the arrival-weighted mean service time.
   */
  comprehensive: WaitFigures;
  /** What Laibin's rule opens of the hall's windows for the day's volume. */
  laibin: { dailyVolume: number; windowsInHall: number; share: number; windows: number };
}

/**
 * Erlang C advice per category and for comprehensive windows, side by side with Laibin's rule.
 *
 * @example
 * adviseStaffing({
 *   demand: [
 *     { category: "traffic", arrivalsPerHour: 45, serviceMinutes: 4 },
 *     { category: "household", arrivalsPerHour: 15, serviceMinutes: 8 },
 *   ],
 *   dailyVolume: 525,
 *   windowsInHall: 4,
 * });
 * // separateWindows 8 (traffic 4, household 4); comprehensive.windows 6; laibin.windows 4 (525 > 300: all)
 */
export function adviseStaffing(input: { demand: CategoryDemand[]; dailyVolume: number; windowsInHall: number } & WaitTargets): StaffingAdvice {
  const { demand, dailyVolume, windowsInHall, ...targets } = input;
  const categories = demand.map((d) => ({ category: d.category, ...windowsNeeded(d, targets) }));
  const arrivals = demand.reduce((s, d) => s + d.arrivalsPerHour, 0);
  const work = demand.reduce((s, d) => s + d.arrivalsPerHour * d.serviceMinutes, 0);
  const comprehensive = windowsNeeded({ arrivalsPerHour: arrivals, serviceMinutes: arrivals === 0 ? 1 : work / arrivals }, targets);
  return {
    categories,
    separateWindows: categories.reduce((s, c) => s + c.windows, 0),
    comprehensive,
    laibin: { dailyVolume, windowsInHall, ...laibinWindows(dailyVolume, windowsInHall) },
  };
}
