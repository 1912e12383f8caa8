/**
 * What a command costs early and late in one long day: `npm run bench:core`.
 * Prints one JSON object per measurement.
 *
 * A 61-window, 7-category centre takes 6,000 tickets, one every 6 s, and its windows keep up
 * (each arrival: the next window finishes its citizen and calls the next one), so the queue
 * stays at the 80 who were waiting at opening and only the day grows. µs per command are timed over the 100 tickets (about 300
 * commands) around ticket 100 and around ticket 6,000; a warm-up day runs first so both are
 * measured with the code already compiled. Then the simulator on the shipped scenario days, and
 * the big centre's day cold: `npm run simulate -- scenarios/big-centre.json --timing` in
 * BENCH_COLD_RUNS (7) fresh processes, one after another, its own figures' medians (issue 27 §4:
 * ≤ 200 ms) with the load average beside them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { decide, emptyHall, isRejection } from "../../worker/core/hall.js";
import { snapshotOf } from "../../worker/core/snapshot.js";
import type { Command } from "../../worker/core/commands.js";
import type { HallConfig, HallState } from "../../worker/core/model.js";
import { simulateDay, type Scenario } from "../../worker/insights/simulate.js";
import { machine, print } from "./support.js";
import { BENCH_CATEGORIES, benchCentre } from "../../worker/demo/bench-centre.js";

const CATEGORIES = BENCH_CATEGORIES;
const WINDOWS = 61;
const TICKETS = 6000;
const SPAN = 100;
const DAYS = Number(process.env.BENCH_DAYS ?? 15);
/** Citizens already waiting when the windows open; each arrival then meets a queue this long. */
const QUEUE = 80;

function centre(): HallConfig {
  return benchCentre({ windows: WINDOWS, languages: ["cmn-Hans"] });
}

interface Day {
  /** µs per command over the span of tickets starting at each mark. */
  perCommand: Map<number, number>;
  waitingAt: Map<number, number>;
  snapshotMs: number;
}

function playDay(marks: number[]): Day {
  // 08:30 Shanghai; 6,000 tickets 6 s apart end at 18:30, before midnight.
  const start = Date.parse("2026-06-01T00:30:00Z");
  const run = (state: HallState, command: Command, now: number) => {
    const out = decide(state, command, now);
    return isRejection(out) ? state : out.state;
  };
  let state = run(emptyHall("bench"), { type: "configure", config: centre() }, start);
  let now = start;
  for (let i = 0; i < QUEUE; i++) state = run(state, { type: "issue", category: CATEGORIES[i % CATEGORIES.length]! }, now);
  const perCommand = new Map<number, number>();
  const waitingAt = new Map<number, number>();
  let began = 0;
  let commands = 0;
  for (let i = QUEUE + 1; i <= TICKETS; i++) {
    const mark = marks.find((m) => i === m);
    if (mark !== undefined) {
      began = performance.now();
      commands = 0;
    }
    now += 6000;
    const w = String((i % WINDOWS) + 1);
    state = run(state, { type: "issue", category: CATEGORIES[i % CATEGORIES.length]! }, now);
    state = run(state, { type: "finish", window: w }, now);
    state = run(state, { type: "call", window: w }, now);
    commands += 3;
    const open = marks.find((m) => i === m + SPAN - 1);
    if (open !== undefined) {
      perCommand.set(open, ((performance.now() - began) * 1000) / commands);
      waitingAt.set(open, Object.values(state.tickets).filter((t) => t.status === "waiting").length);
    }
  }
  const s0 = performance.now();
  snapshotOf(state, now);
  return { perCommand, waitingAt, snapshotMs: performance.now() - s0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;

print(machine());

const marks = [100, TICKETS - SPAN + 1];
playDay(marks);
const days = Array.from({ length: DAYS }, () => playDay(marks));
const early = median(days.map((d) => d.perCommand.get(marks[0]!)!));
const late = median(days.map((d) => d.perCommand.get(marks[1]!)!));
print({
  measurement: "core.command",
  windows: WINDOWS,
  note: `µs per command (issue, finish, call), median of ${DAYS} days, over the ${SPAN} tickets from each mark`,
  atTicket100: round(early),
  atTicket6000: round(late),
  ratio: round(late / early, 2),
  waitingAt100: days[0]!.waitingAt.get(marks[0]!),
  waitingAt6000: days[0]!.waitingAt.get(marks[1]!),
  snapshotAtEndMs: round(median(days.map((d) => d.snapshotMs))),
});

for (const file of ["township-two-in-one", "gucun-comprehensive", "big-centre"]) {
  const scenario = JSON.parse(readFileSync(`scenarios/${file}.json`, "utf8")) as Scenario;
  simulateDay(scenario);
  const runs = Array.from({ length: 3 }, () => {
    const t0 = performance.now();
    simulateDay(scenario);
    return performance.now() - t0;
  });
  print({ measurement: "simulate.day", scenario: file, arrivals: scenario.arrivals.length, msMedianOf3: Math.round(median(runs)) });
}

// A fresh process each time, through the same command a person types (tsx, as `npm run simulate`).
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const cold = { simulationMs: [] as number[], simulationCpuMs: [] as number[], startToReportMs: [] as number[] };
const loadBefore = loadavg()[0]!;
for (let i = 0; i < COLD_RUNS; i++) {
  const out = spawnSync("npm", ["run", "-s", "simulate", "--", "scenarios/big-centre.json", "--timing"], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] }).stderr;
  const m = /in (\d+) ms \((\d+) ms CPU\); process start to report (\d+) ms/.exec(out);
  if (!m) throw new Error(`simulate --timing printed no timing: ${out}`);
  cold.simulationMs.push(Number(m[1]));
  cold.simulationCpuMs.push(Number(m[2]));
  cold.startToReportMs.push(Number(m[3]));
}
print({
  measurement: "simulate.cold",
  scenario: "big-centre",
  runs: COLD_RUNS,
  note: "fresh processes of `npm run simulate -- scenarios/big-centre.json --timing`: medians of simulateDay's wall and CPU time and of process start to report",
  simulationMsMedian: median(cold.simulationMs),
  simulationMs: cold.simulationMs,
  simulationCpuMsMedian: median(cold.simulationCpuMs),
  startToReportMsMedian: median(cold.startToReportMs),
  targetMs: 200,
  loadAverage: [round(loadBefore, 2), round(loadavg()[0]!, 2)],
});
