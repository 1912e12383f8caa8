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
import { performance } from "node:perf_hooks";
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

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  try {
    const s = await configured(server.url, "year");
    const after: Record<string, number> = {};
    let largest = { table: "", bytes: 0 };
    const started = performance.now();
    let failed = 0;
    for (let day = 0; day < DAYS; day++) {
      const t0 = performance.now();
      const played = await bench(s, dayRequest(day, TICKETS));
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
      });
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith("year.ts")) await main();
