/**
 * A year in a busy hall (issue 22 §5): `npm run bench:year`. One JSON line per measurement.
 *
 * A fresh `wrangler dev` hall (20 windows, 7 categories) plays BENCH_YEAR_DAYS days (default
 * 365) of BENCH_YEAR_TICKETS tickets (default 2,000) on the bench's clock, from Monday
 * 2027-01-04 (Asia/Shanghai): each day a notice change, four window changes, then every ticket
 * issued at the kiosk, called, and finished (one in twenty a no-show, one in three of the served
 * rated), 08:30 to 17:30, each command with a commandId; then the hall's own alarm at midnight.
 * A day is played inside the hall's object (`POST /api/dev/bench/{hall}`, development only;
 * worker/hall-object/bench.ts): every command goes the whole way a request's goes inside the
 * object, without the HTTP hop.
 *
 * Every 30 days (and after the last) it prints
 * `{"measurement":"year.day","day":N,"sqliteBytes":…,"largestRowBytes":…,"commandUsP50":…,"wakeMs":…,"archiveBytes":…}`:
 * the database's size; the largest row ever stored (every column's length summed, read as the
 * year goes); a command's cost that day in microseconds inside the object (workerd's clock moves
 * in whole milliseconds and only between events, so commands are timed 200 at a time: the median
 * of the day's batch means); the time to
 * answer the first request after the object was evicted (client side, median of 3 evictions);
 * the bytes of this hall's files in the media store (retention's archives; 0 when none).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { BENCH_CATEGORIES } from "../../worker/demo/bench-centre.js";
import { api, devServer, machine, print, progress } from "./support.js";

const DAYS = Number(process.env.BENCH_YEAR_DAYS ?? 365);
const TICKETS = Number(process.env.BENCH_YEAR_TICKETS ?? 2000);
/** Days between measurements: 30 (BENCH_YEAR_EVERY for a closer look in a short run). */
const EVERY = Number(process.env.BENCH_YEAR_EVERY ?? 30);
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse("2027-01-04T00:00:00+08:00");
const OPEN_MS = 8.5 * 3600_000;
const OPEN_HOURS_MS = 9 * 3600_000;

export interface BenchSession {
  url: string;
  hall: string;
}

export async function bench(s: BenchSession, body: Record<string, unknown>): Promise<any> {
  const res = await api(s.url, "admin", "POST", `/api/dev/bench/${s.hall}`, body);
  if (res.status !== 200) throw new Error(`bench ${String(body.op)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.body;
}

/** Plays day `day` (0 from FIRST_DAY) with `tickets` tickets, then its midnight. */
export function dayRequest(day: number, tickets: number) {
  const start = FIRST_DAY + day * DAY_MS;
  return { op: "day", day, open: start + OPEN_MS, everyMs: Math.floor(OPEN_HOURS_MS / tickets), tickets, midnight: start + DAY_MS + 1000 };
}

export async function configured(url: string, prefix: string): Promise<BenchSession> {
  const s = { url, hall: `${prefix}-${Date.now().toString(36)}` };
  const reply = await bench(s, { op: "configure", at: FIRST_DAY - 3600_000 });
  if (!reply || reply.seq === undefined) throw new Error(`configure: ${JSON.stringify(reply)}`);
  return s;
}

/** Evicts the hall and times the first request after, `times` times; the median in ms. */
export async function wakeMs(s: BenchSession, at: number, times = 3): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    await bench(s, { op: "evict" });
    const t0 = performance.now();
    await bench(s, { op: "wake", at });
    took.push(performance.now() - t0);
  }
  return Math.round(took.sort((a, b) => a - b)[Math.floor(times / 2)]! * 10) / 10;
}

/** Rounds of real requests timed at the client at ticket ~100 and at the first day's end (BENCH_YEAR_SAMPLE, 0 for none). */
const SAMPLE = Number(process.env.BENCH_YEAR_SAMPLE ?? 100);
const WARMUP = 10;

/**
 * One command's time, the honest way: workerd's clock stands still while the object runs, so
 * single commands are timed at the client, as real requests through the whole API (route,
 * access, the object's execute(), its transaction): `rounds` times a ticket issued at the kiosk
 * and a window calling it (finishing the one it served), each request timed on its own.
 */
export async function sampleRequests(s: BenchSession, rounds: number, tag: string): Promise<{ p50: number; p99: number; max: number; n: number; refused: number }> {
  const took: number[] = [];
  let refused = 0;
  // The first WARMUP rounds are not timed: the routes' first runs (compilation) would weigh on the early sample only.
  for (let r = -WARMUP; r < rounds; r++) {
    const k = r + WARMUP;
    for (const [role, path, body] of [
      ["kiosk", `/api/halls/${s.hall}/tickets`, { category: BENCH_CATEGORIES[k % BENCH_CATEGORIES.length], commandId: `sample-${tag}-issue-${k}` }],
      ["counter", `/api/halls/${s.hall}/windows/${(k % 20) + 1}/call`, { commandId: `sample-${tag}-call-${k}` }],
    ] as const) {
      const t0 = performance.now();
      const res = await api(s.url, role, "POST", path, body);
      if (r < 0) continue;
      took.push((performance.now() - t0) * 1000);
      if (res.status >= 400) refused++;
    }
  }
  took.sort((a, b) => a - b);
  const at = (q: number) => Math.round(took[Math.min(took.length - 1, Math.ceil(q * took.length) - 1)] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: at(1), n: took.length, refused };
}

/**
 * The first day played in three requests, with real requests timed between them: after ticket
 * 100 and after the last ticket (before midnight). The day's figures are the parts' merged.
 */
async function firstDaySampled(s: BenchSession, tickets: number) {
  const whole = dayRequest(0, tickets);
  const early = await bench(s, { ...whole, to: Math.min(100, tickets), midnight: null });
  const near100 = await sampleRequests(s, SAMPLE, "early");
  const rest = await bench(s, { ...whole, from: Math.min(100, tickets) + 1, midnight: null });
  const nearEnd = await sampleRequests(s, SAMPLE, "late");
  const midnight = await bench(s, { ...whole, from: tickets + 1 });
  const statuses: Record<string, number> = {};
  for (const part of [early, rest, midnight]) for (const [k, n] of Object.entries(part.statuses as Record<string, number>)) statuses[k] = (statuses[k] ?? 0) + n;
  const played = { ...rest, commands: early.commands + rest.commands, statuses, firstBatchesUs: early.firstBatchesUs };
  return { played, latency: { measurement: "year.requestUs", day: 1, tickets, atTicket100: near100, atDayEnd: nearEnd, p99Ratio: Math.round((nearEnd.p99 / Math.max(1, near100.p99)) * 100) / 100, p50Ratio: Math.round((nearEnd.p50 / Math.max(1, near100.p50)) * 100) / 100, load: loadavg().map((l) => Math.round(l * 10) / 10) } };
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  try {
    const s = await configured(server.url, "year");
    // BENCH_YEAR_EVENT_DAYS (7–3660; the hall's default 90): events kept fewer days, so a short run shows their plateau.
    if (process.env.BENCH_YEAR_EVENT_DAYS) {
      const res = await api(s.url, "manager", "PATCH", `/api/halls/${s.hall}`, { eventDays: Number(process.env.BENCH_YEAR_EVENT_DAYS) });
      if (res.status !== 200) throw new Error(`eventDays: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const after: Record<string, number> = {};
    let largest = { table: "", bytes: 0 };
    const started = performance.now();
    let failed = 0;
    for (let day = 0; day < DAYS; day++) {
      const t0 = performance.now();
      let played;
      if (day === 0 && SAMPLE > 0) {
        const first = await firstDaySampled(s, TICKETS);
        played = first.played;
        print(first.latency);
      } else played = await bench(s, dayRequest(day, TICKETS));
      const dayMs = performance.now() - t0;
      failed += Object.entries(played.statuses as Record<string, number>).reduce((n, [status, count]) => n + (Number(status) >= 400 ? count : 0), 0);
      const n = day + 1;
      if (n % EVERY !== 0 && n !== DAYS) {
        if (n % 5 === 0) progress(`day ${n}: ${played.commands} commands in ${Math.round(dayMs)} ms, p50 ${played.us.p50} µs`);
        continue;
      }
      const m = await bench(s, { op: "measure", after });
      Object.assign(after, m.reached);
      if (m.largest.bytes > largest.bytes) largest = m.largest;
      const wake = await wakeMs(s, FIRST_DAY + n * DAY_MS + 2000);
      print({
        measurement: "year.day",
        day: n,
        sqliteBytes: m.sqliteBytes,
        largestRowBytes: largest.bytes,
        commandUsP50: played.us.p50,
        wakeMs: wake,
        archiveBytes: m.archiveBytes,
        largestRowTable: largest.table,
        commandUsBatchP99: played.us.p99,
        firstBatchesUs: played.firstBatchesUs,
        lastBatchesUs: played.lastBatchesUs,
        commandsThatDay: played.commands,
        dayMs: Math.round(dayMs),
        refusedSoFar: failed,
        rows: m.rows,
        elapsedS: Math.round((performance.now() - started) / 1000),
        load: loadavg().map((l) => Math.round(l * 10) / 10),
      });
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith("year.ts")) await main();
