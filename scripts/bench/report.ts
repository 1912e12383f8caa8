/**
 * What the hall's region report costs: `npm run bench:report`. Prints one JSON line.
 *
 * A busy hall reports to its region at most once every 2 s (worker/regions/report.object.ts),
 * each time computing `hallReport` on the state of the moment. The bench plays the big centre's
 * day (scenarios/big-centre.json: 1,515 citizens, 24 windows) through the hall core with the
 * simulator, finds the moment the most citizens wait, and times `hallReport` once on each of the
 * BENCH_REPORT_STATES (200) states leading up to it. Each state is new, as in the live hall, so
 * a report pays for listing the day's tickets the first time (`HallState.tickets` is built on
 * first read, worker/core/ledger.ts). The day is played again for every round; the figures are
 * the median and the fastest of BENCH_REPORT_ROUNDS (7) rounds, in µs per report.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { decide, emptyHall, isRejection } from "../../worker/core/hall.js";
import { activeTickets } from "../../worker/core/ledger.js";
import type { HallState } from "../../worker/core/model.js";
import { replayDay, type Scenario } from "../../worker/insights/simulate.js";
import { hallReport } from "../../worker/regions/summary.js";
import { machine, print, progress, round } from "./support.js";

print(machine());

const STATES = Number(process.env.BENCH_REPORT_STATES ?? 200);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 7);
const scenario = JSON.parse(readFileSync("scenarios/big-centre.json", "utf8")) as Scenario;
const { commands } = replayDay(scenario);

/** Every state of the day in order, each with its instant, from a fresh play of the commands. */
function play(until: number): Array<{ state: HallState; at: number }> {
  let state = emptyHall("simulated");
  const states: Array<{ state: HallState; at: number }> = [];
  for (const { at, command } of commands.slice(0, until)) {
    const out = decide(state, command, at);
    if (isRejection(out)) continue;
    state = out.state;
    states.push({ state, at });
  }
  return states;
}

const waitingIn = (state: HallState) => activeTickets(state).filter((t) => t.status === "waiting").length;
const day = play(commands.length);
let peak = 0;
day.forEach((s, i) => {
  if (waitingIn(s.state) > waitingIn(day[peak]!.state)) peak = i;
});
const last = day[peak]!;
progress(`peak: ${waitingIn(last.state)} waiting at state ${peak} of ${day.length}`);

function timeRound(): number {
  const states = play(commands.length).slice(Math.max(0, peak + 1 - STATES), peak + 1);
  const t0 = performance.now();
  for (const { state, at } of states) hallReport(state, at);
  return ((performance.now() - t0) * 1000) / states.length;
}

timeRound(); // warm-up: the same code compiled as in a hall that has run all morning
const rounds = Array.from({ length: ROUNDS }, timeRound).sort((a, b) => a - b);

print({
  measurement: "region.report",
  scenario: "big-centre",
  usPerReport: round(rounds[Math.floor(rounds.length / 2)]!, 1),
  // On a shared machine the fastest round is the one least slowed by other work.
  usPerReportFastest: round(rounds[0]!, 1),
  windows: last.state.windows.length,
  waiting: waitingIn(last.state),
  issuedToday: Object.keys(last.state.tickets).length,
  at: new Date(last.at).toISOString(),
  reports: Math.min(STATES, peak + 1),
  rounds: ROUNDS,
});
