/**
 * How long the planner takes on each shipped day: `npm run bench:plan`. One JSON line each.
 * Every candidate rota is one simulated day, so this is about the simulator's speed times the
 * candidates the search tries (worker/planning/plan.ts).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { planDay } from "../../worker/planning/plan.js";
import type { Scenario } from "../../worker/insights/simulate.js";
import { machine, print } from "./support.js";

print(machine());
for (const file of ["township-two-in-one", "gucun-comprehensive", "big-centre"]) {
  const scenario = JSON.parse(readFileSync(`scenarios/${file}.json`, "utf8")) as Scenario;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const plan = planDay(scenario);
  const cpu = process.cpuUsage(cpu0);
  print({
    measurement: "plan.day",
    scenario: file,
    arrivals: scenario.arrivals.length,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    // CPU time: what a loaded machine disturbs least (compare before/after by it).
    cpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
    feasible: plan.feasible,
    windowHours: plan.windowHours,
    laibinWindowHours: plan.laibin.windowHours,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  });
}
print({ rerun: "npm run -s bench:plan on a quiet machine (load average under 1); docs/performance.md keeps the figures" });
