/**
 * Hall core and API figures: `npm run bench:hall`. Prints one JSON object per measurement.
 * Pure-core figures run in Node; API figures run against a fresh `wrangler dev` on loopback.
 */
import { performance } from "node:perf_hooks";
import { decide, emptyHall, evolve, isRejection } from "../../worker/core/hall.js";
import { snapshotOf } from "../../worker/core/snapshot.js";
import type { Command } from "../../worker/core/commands.js";
import type { HallEvent } from "../../worker/core/events.js";
import type { HallConfig, HallState } from "../../worker/core/model.js";
import { startDevServer } from "../../tests/browser/server.js";
import { BENCH_CATEGORIES, benchCentre } from "../../worker/demo/bench-centre.js";

const print = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

/** A Jiangning-sized centre: 61 windows, 7 categories, three at each window. */
function bigHall(): HallConfig {
  const ids = BENCH_CATEGORIES;
  return benchCentre({ windows: 61, serviceMinutes: (i) => 4 + i, categoriesOf: (i) => [ids[i % 7]!, ids[(i + 1) % 7]!, ids[(i + 3) % 7]!] });
}

function run(state: HallState, command: Command, now: number, log?: HallEvent[]): HallState {
  const out = decide(state, command, now);
  if (isRejection(out)) return state;
  log?.push(...out.events);
  return out.state;
}

function pureCore(): void {
  const start = Date.parse("2026-06-01T00:30:00Z");
  let state = run(emptyHall("bench"), { type: "configure", config: bigHall() }, start);
  const log: HallEvent[] = [];
  let now = start;
  const t0 = performance.now();
  let commands = 0;
  for (let i = 0; i < 6000; i++) {
    now += 2000;
    state = run(state, { type: "issue", category: bigHall().categories[i % 7]!.id }, now, log);
    const w = String((i % 61) + 1);
    state = run(state, { type: "finish", window: w }, now, log);
    if (i % 3 !== 0) state = run(state, { type: "call", window: w }, now, log);
    commands += i % 3 !== 0 ? 3 : 2;
  }
  const ms = performance.now() - t0;
  const waiting = Object.values(state.tickets).filter((t) => t.status === "waiting").length;
  print({ measurement: "core.decide", commands, ms: Math.round(ms), perSecond: Math.round((commands / ms) * 1000), waitingAtEnd: waiting });

  for (const target of [50, 300, 2000]) {
    let s = run(emptyHall("bench"), { type: "configure", config: bigHall() }, now);
    let n = 0;
    while (n < target) {
      s = run(s, { type: "issue", category: bigHall().categories[n % 7]!.id }, now);
      n++;
    }
    const r0 = performance.now();
    const rounds = 5;
    for (let i = 0; i < rounds; i++) snapshotOf(s, now);
    print({ measurement: "core.snapshot", waiting: n, windows: 61, msEach: Math.round(((performance.now() - r0) / rounds) * 10) / 10 });
  }

  const r0 = performance.now();
  let replayed = emptyHall("bench");
  const configured = decide(replayed, { type: "configure", config: bigHall() }, start);
  if (!isRejection(configured)) for (const e of configured.events) replayed = evolve(replayed, e);
  for (const e of log.slice(0, 200)) replayed = evolve(replayed, e);
  print({ measurement: "core.replay", events: 200, ms: Math.round((performance.now() - r0) * 10) / 10, note: "waking replays at most 200 events after the snapshot" });
}

async function api(): Promise<void> {
  const server = await startDevServer();
  const auth = (role: string) => ({ Authorization: `Bearer dev-${role}`, "Content-Type": "application/json" });
  try {
    await fetch(`${server.url}/api/halls/bench`, { method: "PUT", headers: auth("admin"), body: JSON.stringify(bigHall()) });
    const latencies: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      const res = await fetch(`${server.url}/api/halls/bench/tickets`, { method: "POST", headers: auth("kiosk"), body: JSON.stringify({ category: "traffic" }) });
      await res.arrayBuffer();
      latencies.push(performance.now() - s);
    }
    const total = performance.now() - t0;
    latencies.sort((a, b) => a - b);
    const pick = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! * 10) / 10;
    print({ measurement: "api.issue.sequential", requests: 300, p50ms: pick(0.5), p95ms: pick(0.95), maxMs: pick(1), perSecond: Math.round((300 / total) * 1000) });

    const c0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: 61 }, (_, i) => fetch(`${server.url}/api/halls/bench/windows/${i + 1}/call`, { method: "POST", headers: auth("counter") }).then((r) => r.json() as Promise<any>)),
    );
    const called = results.map((r) => r.ticket?.id).filter(Boolean);
    print({ measurement: "api.call.concurrent", windows: 61, ms: Math.round(performance.now() - c0), distinctTickets: new Set(called).size, called: called.length });
  } finally {
    await server.stop();
  }
}

pureCore();
await api();
