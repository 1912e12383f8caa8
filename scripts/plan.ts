/**
 * Plans a scenario day's windows and prints the plan as JSON: the fewest window-hours that keep
 * the mean wait within the target and every category's p90 within the alarm line, each checked
 * by simulating the day (worker/planning/plan.ts).
 *
 *   npm run plan -- scenarios/big-centre.json
 *   npm run plan -- scenarios/gucun-comprehensive.json --target 8.2 --alarm 10 --max-windows 6
 *   npm run plan -- scenarios/gucun-comprehensive.json > plan.json
 *   npm run simulate -- scenarios/gucun-comprehensive.json --plan plan.json
 *
 * --target MINUTES    mean wait to keep within (default the scenario's, else 8.2)
 * --alarm MINUTES     every category's p90 within it (default the scenario's alarm line)
 * --max-windows N     windows the plan may open; above the day's own it borrows extra-1, …
 * --timing            also print the run time to stderr
 */
import { readFileSync } from "node:fs";
import { planDay, type PlanOptions } from "../worker/planning/plan.js";
import type { Scenario } from "../worker/insights/simulate.js";

function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npm run plan -- <scenario.json> [--target MINUTES] [--alarm MINUTES] [--max-windows N] [--timing]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options: PlanOptions = {};
let file: string | undefined;
let timing = false;
const number = (flag: string, value: string | undefined, whole = false) => {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    usage(`${flag} takes ${whole ? "a whole number of windows ≥ 1" : "a number of minutes > 0"} (got ${value === undefined ? "nothing" : `"${value}"`})`);
  }
  return n;
};
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--target") options.targetWaitMinutes = number(arg, args[++i]);
  else if (arg === "--alarm") options.alarmMinutes = number(arg, args[++i]);
  else if (arg === "--max-windows") options.maxWindows = number(arg, args[++i], true);
  else if (arg === "--timing") timing = true;
  else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
  else if (file === undefined) file = arg;
  else usage(`one scenario at a time (got ${file} and ${arg})`);
}
if (file === undefined) usage("which scenario?");

let scenario: Scenario;
try {
  scenario = JSON.parse(readFileSync(file, "utf8")) as Scenario;
} catch (error) {
  usage(`cannot read ${file}: ${(error as Error).message}`);
}

try {
  const started = performance.now();
  const plan = planDay(scenario, options);
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  if (timing) process.stderr.write(`planned ${scenario.arrivals.length} arrivals in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
