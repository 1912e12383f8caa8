/**
 * Command throughput: `npm run bench:throughput`.
 *
 * A hall's devices run flat out for BENCH_SECONDS (10) s against a fresh `wrangler dev`: two
 * kiosks issuing tickets and six window terminals each finishing and calling in a loop, every
 * command awaited before the next (as a terminal does). Measured for one hall, for one hall
 * with 100 screens watching, and for 10 halls at once. Counts every acknowledged command (2xx
 * and rule refusals, 409) and its latency; any 5xx is reported and fails the bench.
 */
import { api, closeAll, demoHall, devServer, machine, openMany, openSocket, percentiles, print, progress, round, sleep, type Client } from "./support.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Tally {
  latencies: number[];
  byKind: Record<string, number>;
  statuses: Record<string, number>;
}

async function device(base: string, hall: string, until: number, tally: Tally, step: (i: number) => [string, string, string, unknown?, string?]) {
  for (let i = 0; performance.now() < until; i++) {
    const [role, method, path, body, kind] = step(i);
    const t0 = performance.now();
    const res = await api(base, role, method, path, body);
    tally.latencies.push(performance.now() - t0);
    tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
    tally.byKind[kind ?? "?"] = (tally.byKind[kind ?? "?"] ?? 0) + 1;
  }
}

/** Two kiosks and six windows at one hall until `until`. */
function hallDevices(base: string, hall: string, until: number, tally: Tally): Promise<void>[] {
  const kiosks = [0, 1].map((k) =>
    device(base, hall, until, tally, (i) => ["kiosk", "POST", `/api/halls/${hall}/tickets`, { category: ["household", "traffic", "exit-entry"][(i + k) % 3] }, "issue"]),
  );
  const windows = ["1", "2", "3", "4", "5", "6"].map((w) =>
    device(base, hall, until, tally, (i) =>
      i % 2 === 0 ? ["counter", "POST", `/api/halls/${hall}/windows/${w}/call`, undefined, "call"] : ["counter", "POST", `/api/halls/${hall}/windows/${w}/finish`, undefined, "finish"],
    ),
  );
  return [...kiosks, ...windows];
}

async function measure(base: string, name: string, halls: string[], screens = 0): Promise<void> {
  for (const h of halls) await demoHall(base, h);
  let clients: Client[] = [];
  if (screens > 0) clients = await openMany(screens, 50, () => openSocket(base, halls[0]!, "since=999999", () => {}));
  await sleep(300);
  const tally: Tally = { latencies: [], byKind: {}, statuses: {} };
  const t0 = performance.now();
  const until = t0 + SECONDS * 1000;
  await Promise.all(halls.flatMap((h) => hallDevices(base, h, until, tally)));
  const seconds = (performance.now() - t0) / 1000;
  await closeAll(clients);
  const commands = tally.latencies.length;
  const stats = percentiles(tally.latencies);
  const errors = Object.entries(tally.statuses).filter(([s]) => Number(s) >= 500);
  print({
    measurement: name,
    halls: halls.length,
    devicesPerHall: 8,
    screens,
    seconds: round(seconds),
    commands,
    perSecond: round(commands / seconds),
    perSecondPerHall: round(commands / seconds / halls.length),
    byKind: tally.byKind,
    statuses: tally.statuses,
    p50ms: stats.p50,
    p95ms: stats.p95,
    p99ms: stats.p99,
    maxMs: stats.max,
  });
  if (errors.length > 0) throw new Error(`${name}: server errors ${JSON.stringify(errors)}`);
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  try {
    progress("throughput: one hall");
    await measure(server.url, "throughput.hall", ["bench-tp-1"]);
    progress("throughput: one hall, 100 screens watching");
    await measure(server.url, "throughput.hall-with-screens", ["bench-tp-2"], 100);
    progress("throughput: 10 halls at once");
    await measure(server.url, "throughput.ten-halls", Array.from({ length: 10 }, (_, i) => `bench-tp-x${i}`));
  } finally {
    await server.stop();
  }
}

await main();
