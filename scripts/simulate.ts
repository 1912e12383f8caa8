/**
 * Plays a scenario day through the hall's own call policy and prints the figures as JSON.
 *
 *   npm run simulate -- scenarios/gucun-comprehensive.json
 *   npm run simulate -- scenarios/gucun-comprehensive.json --policy fifo --grace 90 --strict-close
 *   npm run simulate -- scenarios/gucun-comprehensive.json --plan plan.json
 *
 * --policy tongban|fifo  the hall's policy (default) or a plain first-come ticket machine
 * --grace SECONDS        how long a window waits for an absent citizen (default 60)
 * --strict-close         windows close at closing time instead of serving the last citizen
 * --plan PLAN.json       play the day under a plan (`npm run plan`'s output, or { windows }):
 *                        its windows, categories and shifts; the day's other windows stay closed
 * --timing               also print to stderr how long the simulation took (wall and CPU time of
 *                        `simulateDay` alone, reading the file and printing excluded) and the
 *                        wall time from process start (node and loading the script included) to the report
 *
 * `npm run simulate` bundles this file with esbuild into .tmp/simulate.mjs and runs that with node:
 * the same code as through tsx, without tsx's loader thread and transform in a fresh process
 * (docs/performance.md, "A cold simulated day").
 */
import { readFileSync } from "node:fs";
import { withRota, type RotaWindow } from "../worker/planning/rota.js";
import { simulateDay, type CallPolicyName, type Scenario, type SimulationOptions } from "../worker/insights/simulate.js";

function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npm run simulate -- <scenario.json> [--policy tongban|fifo] [--grace SECONDS] [--strict-close] [--plan PLAN.json] [--timing]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options: SimulationOptions = {};
let file: string | undefined;
let timing = false;
let planFile: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--policy") {
    const policy = args[++i];
    if (policy !== "tongban" && policy !== "fifo") usage(`unknown policy "${policy}"`);
    options.policy = policy as CallPolicyName;
  } else if (arg === "--grace") {
    const grace = Number(args[++i]);
    if (!(grace >= 0)) usage("--grace takes a number of seconds");
    options.noShowGraceSeconds = grace;
  } else if (arg === "--strict-close") {
    options.serveLastCitizen = false;
  } else if (arg === "--plan") {
    planFile = args[++i];
    if (planFile === undefined || planFile.startsWith("--")) usage("--plan takes a plan file (npm run plan's output)");
  } else if (arg === "--timing") {
    timing = true;
  } else if (arg.startsWith("--")) {
    usage(`unknown option ${arg}`);
  } else if (file === undefined) {
    file = arg;
  } else {
    usage(`one scenario at a time (got ${file} and ${arg})`);
  }
}
if (file === undefined) usage("which scenario?");

let scenario: Scenario;
try {
  scenario = JSON.parse(readFileSync(file, "utf8")) as Scenario;
} catch (error) {
  usage(`cannot read ${file}: ${(error as Error).message}`);
}

let plan: { windows: RotaWindow[] } | undefined;
if (planFile !== undefined) {
  try {
    plan = JSON.parse(readFileSync(planFile, "utf8")) as { windows: RotaWindow[] };
  } catch (error) {
    usage(`cannot read ${planFile}: ${(error as Error).message}`);
  }
}

try {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = simulateDay(plan ? withRota(scenario, plan.windows) : scenario, options);
  const ms = performance.now() - started;
  const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // performance.now() counts from the process's start, so the last figure includes node and tsx starting.
  if (timing) {
    process.stderr.write(
      `simulated ${scenario.arrivals.length} arrivals in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU); process start to report ${performance.now().toFixed(0)} ms\n`,
    );
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
