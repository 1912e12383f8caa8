/**
 * Plays a scenario day in virtual time through the hall's own `decide`: the same call policy,
 * numbering and rules as the live hall, only the clock is simulated. Figures come from the
 * day's event log through the statistics (stats.ts), as they would for a real day.
 *
 * Windows act as eager officers: at each moment, once every finish, no-show, opening, arrival
 * and closing of that moment has been applied, each free open window (in window-number order)
 * calls at once; the citizen starts at once and finishes `serviceSeconds` later, or, when
 * absent, is marked a no-show after the grace period. A window that reaches its closing time
 * mid-service finishes first; with `serveLastCitizen` (Guangxi: "办完最后一个群众才下班") it
 * also keeps calling until nobody it serves is waiting.
 *
 * A citizen with `transferTo` is sent on (转办) to that category when the first service ends, as
 * an officer's transfer, and is served there for `transferSeconds` once called again.
 *
 * A window with `shifts` (a rota, as the planner writes) pauses between them, finishing its
 * citizen first; it serves the last citizen only when its last shift ends at the hall's closing
 * time (the latest of any window), since before that the hall is still open.
 */
import { decide, emptyHall, isRejection } from "../core/hall.js";
import { activeTickets } from "../core/ledger.js";
import type { Command } from "../core/commands.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { checkScenario, DEFAULT_DATE, localInstant, scenarioConfig, shiftsOf, type CallPolicyName, type Scenario } from "./scenario.js";
import { rollUp } from "../statistics/rollup.js";
import { mergeRollups, type StatsRow } from "../statistics/stats.js";

export type { Arrival, CallPolicyName, Scenario, ScenarioWindow, Shift } from "./scenario.js";

export interface SimulationOptions {
  /** Default "tongban"; "fifo" for a plain first-come ticket machine (see `CallPolicyName`). */
  policy?: CallPolicyName;
  /** How long a window waits for an absent citizen before marking the no-show; default 60 s. */
  noShowGraceSeconds?: number;
  /** Windows past closing time keep calling while anyone they serve waits; default true. */
  serveLastCitizen?: boolean;
  /**
   * Asked before each moment of the day with what has happened so far: true stops the day there
   * and `replayDay` returns null. The planner stops a day that has already missed a target.
   */
  giveUp?: (sofar: { events: readonly HallEvent[]; at: number; turnedAway: number }) => boolean;
}

export interface WaitSummary {
  /** Tickets finished at a window. */
  served: number;
  /** Issue to first call, over every ticket called (no-shows included); null when none. */
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  maxWaitMinutes: number | null;
}

export interface DayReport {
  overall: WaitSummary & DayCounts;
  categories: Record<string, WaitSummary & DayCounts>;
  windows: Record<string, { served: number; utilisation: number }>;
}

export interface DayCounts {
  issued: number;
  noShows: number;
  /** Tickets still waiting when the last window closed. */
  unserved: number;
  /** Citizens refused a ticket because no window serving their category was open or paused. */
  turnedAway: number;
}

export interface TimedCommand {
  at: number;
  command: Command;
}

export interface SimulatedDay {
  report: DayReport;
  /** The day's event log, exactly as the live hall would have written it. */
  events: HallEvent[];
  /** Every command given to `decide`, in order, with its instant. */
  commands: TimedCommand[];
  /** Which citizen holds which ticket: ticket id → index in the scenario's `arrivals`. */
  arrivalOf: Map<string, number>;
}

interface Desk {
  id: string;
  number: number;
  opensAt: number;
  closesAt: number;
  state: "paused" | "open" | "closed";
  closing: boolean;
  /** When the ticket at the window is done (finished or given up on), or null when free. */
  busyUntil: number | null;
  pending: "finish" | "no_show" | null;
  openedAt: number | null;
  closedAt: number | null;
  busyMs: number;
  /** Its shifts in order; `opensAt`/`closesAt` are those of shift number `shift`. */
  shifts: Array<{ opensAt: number; closesAt: number }>;
  shift: number;
  /** Minutes open in shifts already over. */
  openMs: number;
  /** Keeps calling past its last closing while anyone it serves waits. */
  servesLast: boolean;
}

/**
 * Plays the day and returns the report together with the event log and the commands.
 *
 * @example
 * const { report, events } = replayDay(gucun, { policy: "fifo" });
 * report.overall.p90WaitMinutes; // 14.07 (scenarios/gucun-comprehensive.json)
 */
export function replayDay(scenario: Scenario, options?: Omit<SimulationOptions, "giveUp">): SimulatedDay;
export function replayDay(scenario: Scenario, options: SimulationOptions): SimulatedDay | null;
export function replayDay(scenario: Scenario, options: SimulationOptions = {}): SimulatedDay | null {
  checkScenario(scenario);
  const policy = options.policy ?? "tongban";
  const graceMs = (options.noShowGraceSeconds ?? 60) * 1000;
  const serveLast = options.serveLastCitizen ?? true;
  const date = scenario.date ?? DEFAULT_DATE;
  const tz = scenario.timezone;

  const arrivals = scenario.arrivals
    .map((a, index) => ({ ...a, index, time: localInstant(date, a.at, tz) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const rotas = scenario.windows.map((w) => shiftsOf(w).map((s) => ({ opensAt: localInstant(date, s.opens, tz), closesAt: localInstant(date, s.closes, tz) })));
  const hallCloses = Math.max(...rotas.flatMap((r) => r.map((s) => s.closesAt)));
  const desks: Desk[] = scenario.windows.map((w, i) => {
    const shifts = rotas[i]!;
    const last = shifts.at(-1);
    return {
      id: w.id,
      number: i + 1,
      opensAt: shifts[0]?.opensAt ?? Infinity,
      closesAt: shifts[0]?.closesAt ?? Infinity,
      state: shifts.length === 0 ? "closed" : "paused",
      closing: false,
      busyUntil: null,
      pending: null,
      openedAt: null,
      closedAt: null,
      busyMs: 0,
      shifts,
      shift: 0,
      openMs: 0,
      // A rota's window going off shift before the hall closes finishes its citizen and goes:
      // the hall is still open. "Serve the last citizen" is the hall's closing time.
      servesLast: serveLast && (w.shifts === undefined || last?.closesAt === hallCloses),
    };
  });
  const firstMoment = Math.min(...desks.map((d) => d.opensAt), ...arrivals.map((a) => a.time));
  const configuredAt = Math.max(localInstant(date, "00:00", tz), firstMoment - 60_000);

  let state: HallState = emptyHall("simulated");
  const events: HallEvent[] = [];
  const commands: TimedCommand[] = [];
  // Waiting tickets per category, read off the events: a window with none to take is not asked
  // to call (the core would answer "nobody" after sorting the whole day's tickets).
  const waiting = new Map<string, number>();
  // Most moments nobody waits (a window calls each citizen as they arrive): the total says so at once.
  let waitingTotal = 0;
  // The ticket as its last event left it (only its status and category are read).
  const statusOf = new Map<string, { status: string; category: string }>();
  const give = (command: Command, at: number) => {
    commands.push({ at, command });
    const out = decide(state, command, at);
    if (isRejection(out)) return null;
    state = out.state;
    for (const e of out.events) {
      events.push(e);
      if (!("ticket" in e) || e.type === "ticket.rated") continue;
      const before = statusOf.get(e.ticket.id);
      if (before?.status === "waiting") {
        waiting.set(before.category, waiting.get(before.category)! - 1);
        waitingTotal--;
      }
      if (e.ticket.status === "waiting") {
        waiting.set(e.ticket.category, (waiting.get(e.ticket.category) ?? 0) + 1);
        waitingTotal++;
      }
      statusOf.set(e.ticket.id, e.ticket);
    }
    return out;
  };
  const anyoneFor = (d: Desk) => waitingTotal > 0 && scenario.windows[d.number - 1]!.categories.some((c) => (waiting.get(c) ?? 0) > 0);

  const config = scenarioConfig(scenario, policy, (id) => desks.find((d) => d.id === id)!.opensAt > configuredAt);
  const configured = decide(state, { type: "configure", config }, configuredAt);
  if (isRejection(configured)) throw new Error(`scenario: the hall refuses its configuration: ${configured.message}`);
  give({ type: "configure", config }, configuredAt);
  for (const d of desks) {
    if (d.state === "paused" && d.opensAt <= configuredAt) {
      d.state = "open";
      d.openedAt = configuredAt;
    }
  }

  const serviceOf = new Map<string, { serviceMs: number; noShow: boolean }>();
  /** Tickets to send on to another category when their first service ends, and who is at each window. */
  const onwards = new Map<string, { category: string; serviceMs: number }>();
  const serving = new Map<string, string>();
  const arrivalOf = new Map<string, number>();
  const turnedAway = new Map<string, number>();
  // Each step of a moment below looks at every window only when some window has something at
  // that moment: which, the scan for the next moment tells (and `closed` a window whose shift ended).
  let closingDesks = 0;
  let closed = false;
  /** Ends the window's shift: paused until its next one, or closed after its last. */
  const close = (d: Desk, at: number) => {
    if (d.closing) closingDesks--;
    d.closing = false;
    closed = true;
    const next = d.shifts[d.shift + 1];
    if (!next) {
      give({ type: "set_window", window: d.id, state: "closed" }, at);
      d.state = "closed";
      d.closedAt = at;
      return;
    }
    d.shift++;
    d.opensAt = next.opensAt;
    d.closesAt = next.closesAt;
    // Kept past its next shift's start by a citizen: it carries straight on.
    if (next.opensAt <= at) return;
    give({ type: "set_window", window: d.id, state: "paused" }, at);
    d.state = "paused";
    d.openMs += at - (d.openedAt ?? at);
    d.openedAt = null;
  };
  const ownsLast = (d: Desk) => d.servesLast && d.shift === d.shifts.length - 1;

  let next = 0;
  for (;;) {
    // The next moment anything happens: an arrival, a window done, opening or closing.
    // Indexed loops over the windows, not for-of: a fresh process runs much of its day before the
    // compiler optimises this loop (see windowById in worker/core/config.ts).
    let done = Infinity;
    let opens = Infinity;
    let closes = Infinity;
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      if (d.busyUntil !== null && d.busyUntil < done) done = d.busyUntil;
      if (d.state === "paused" && d.opensAt < d.closesAt && d.opensAt < opens) opens = d.opensAt;
      if (d.state !== "closed" && !d.closing && d.closesAt < closes) closes = d.closesAt;
    }
    const t = Math.min(next < arrivals.length ? arrivals[next]!.time : Infinity, done, opens, closes);
    if (t === Infinity) break;
    closed = false;
    if (options.giveUp?.({ events, at: t, turnedAway: turnedAway.size })) return null;

    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      if (done !== t) break;
      if (d.busyUntil !== t) continue;
      const id = serving.get(d.id);
      const onward = d.pending === "finish" && id !== undefined ? onwards.get(id) : undefined;
      if (onward) onwards.delete(id!);
      // Sent on (转办) when a window serves its new category; otherwise finished here.
      if (onward && give({ type: "transfer", ticket: id!, category: onward.category }, t)) serviceOf.set(id!, { serviceMs: onward.serviceMs, noShow: false });
      else give({ type: d.pending === "finish" ? "finish" : "no_show", window: d.id }, t);
      d.busyUntil = null;
      d.pending = null;
      if (d.closing && !ownsLast(d)) close(d, t);
    }
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      if (opens !== t) break;
      if (d.state === "paused" && d.opensAt === t && d.opensAt < d.closesAt) {
        give({ type: "set_window", window: d.id, state: "open" }, t);
        d.state = "open";
        d.openedAt = t;
      }
    }
    while (next < arrivals.length && arrivals[next]!.time === t) {
      const a = arrivals[next++]!;
      const priority = policy === "fifo" ? undefined : a.priority;
      const out = give(priority ? { type: "issue", category: a.category, priority } : { type: "issue", category: a.category }, t);
      if (out?.result.ticket) {
        serviceOf.set(out.result.ticket.id, { serviceMs: a.serviceSeconds * 1000, noShow: a.noShow === true });
        if (a.transferTo !== undefined) onwards.set(out.result.ticket.id, { category: a.transferTo, serviceMs: (a.transferSeconds ?? 0) * 1000 });
        arrivalOf.set(out.result.ticket.id, a.index);
      } else turnedAway.set(a.category, (turnedAway.get(a.category) ?? 0) + 1);
    }
    // A window moved on to its next shift above may end that one now too.
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      if (closes !== t && !closed) break;
      if (d.state === "closed" || d.closing || d.closesAt !== t) continue;
      if (d.state === "paused" || (d.busyUntil === null && !ownsLast(d))) close(d, t);
      else {
        d.closing = true;
        closingDesks++;
      }
    }
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      // Nobody waiting and no window closing: no window does anything.
      if (waitingTotal === 0 && closingDesks === 0) break;
      if (d.state !== "open" || d.busyUntil !== null) continue;
      const called = anyoneFor(d) ? give({ type: "call", window: d.id }, t)?.result.ticket : null;
      if (!called) {
        if (d.closing) close(d, t);
        continue;
      }
      const service = serviceOf.get(called.id)!;
      serving.set(d.id, called.id);
      if (service.noShow) {
        d.pending = "no_show";
        d.busyUntil = t + graceMs;
      } else {
        give({ type: "start", window: d.id }, t);
        d.pending = "finish";
        d.busyUntil = t + service.serviceMs;
      }
      d.busyMs += d.busyUntil - t;
    }
  }

  const unserved = new Map<string, number>();
  for (const ticket of activeTickets(state)) {
    if (ticket.status === "waiting") unserved.set(ticket.category, (unserved.get(ticket.category) ?? 0) + 1);
  }
  return { report: dayReport(scenario, events, desks, { turnedAway, unserved }), events, commands, arrivalOf };
}

/**
 * Plays the day and returns only the figures: what `npm run simulate` prints.
 *
 * @example
 * simulateDay(JSON.parse(readFileSync("scenarios/gucun-comprehensive.json", "utf8"))).overall
 * // { served: 546, meanWaitMinutes: 5.68, p90WaitMinutes: 14.02, maxWaitMinutes: 19.72, issued: 557, noShows: 11, … }
 */
export function simulateDay(scenario: Scenario, options: SimulationOptions = {}): DayReport {
  return replayDay(scenario, options).report;
}

function summary(row: StatsRow | undefined): WaitSummary & Omit<DayCounts, "unserved" | "turnedAway"> {
  return {
    served: row?.served ?? 0,
    meanWaitMinutes: row?.wait.meanMinutes ?? null,
    p90WaitMinutes: row?.wait.p90Minutes ?? null,
    maxWaitMinutes: row?.wait.maxMinutes ?? null,
    issued: row?.issued ?? 0,
    noShows: row?.noShows ?? 0,
  };
}

type PerCategory = Record<"turnedAway" | "unserved", Map<string, number>>;

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function dayReport(scenario: Scenario, events: HallEvent[], desks: Desk[], left: PerCategory): DayReport {
  // The report reads three of the five dimensions: counting only those is a third of its time.
  const rollups = rollUp(events, { timezone: scenario.timezone, dimensions: ["hall", "category", "window"] });
  const stats = (by: "hall" | "category" | "window") => new Map(mergeRollups(rollups, { by, perDay: false }).map((r) => [r.key, r]));
  const hall = stats("hall");
  const categories = stats("category");
  const windows = stats("window");
  return {
    overall: { ...summary(hall.get("all")), unserved: total(left.unserved), turnedAway: total(left.turnedAway) },
    categories: Object.fromEntries(
      scenario.categories.map((c) => [
        c.id,
        { ...summary(categories.get(c.id)), unserved: left.unserved.get(c.id) ?? 0, turnedAway: left.turnedAway.get(c.id) ?? 0 },
      ]),
    ),
    windows: Object.fromEntries(
      desks.map((d) => {
        const open = d.shifts.length === 0 ? 0 : d.openMs + (d.closedAt ?? d.closesAt) - (d.openedAt ?? d.opensAt);
        return [d.id, { served: windows.get(d.id)?.served ?? 0, utilisation: open > 0 ? Math.round((d.busyMs / open) * 1000) / 1000 : 0 }];
      }),
    ),
  };
}
