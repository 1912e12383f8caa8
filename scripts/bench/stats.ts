/**
 * Statistics figures: `npm run bench:stats`. Prints one JSON object per measurement.
 *
 * Runs the hall object's own statistics code (worker/statistics/hall-stats.object.ts) on SQLite in Node
 * (node:sqlite, the same engine as a Durable Object's storage, without workerd around it), with
 * days played through the hall core by the simulator (scenarios/gucun-comprehensive.json, 557
 * citizens a day at four windows):
 *
 * - a year of stored days: a `from..to` question over 365 days, by category, window and hour;
 * - the end of a day: writing its rollup rows at `hall.reset` from the running tally, and when the
 *   tally must first be rebuilt from the log (the hall had just woken);
 * - waking: rebuilding today's tally from today's events;
 * - backfill: counting days of a hall that ran before statistics were kept, from its log.
 *
 * `tests/stats.test.ts` measures the year question through the Worker, the Durable Object and its
 * SQLite in workerd too, and prints it as {"test":"stats.year-by-category",…}.
 */
import { readFileSync } from "node:fs";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { performance } from "node:perf_hooks";
import type { HallEvent } from "../../worker/core/events.js";
import type { HallState } from "../../worker/core/model.js";
import { HallStats } from "../../worker/statistics/hall-stats.object.js";
import { migrate } from "../../worker/hall-object/storage.js";
import { rollUp } from "../../worker/statistics/rollup.js";
import { replayDay, type Scenario } from "../../worker/insights/simulate.js";
import { machine, percentiles, print, progress, round } from "./support.js";

const RUNS = Number(process.env.BENCH_STATS_RUNS ?? 7);
const BACKFILL_DAYS = Number(process.env.BENCH_STATS_BACKFILL_DAYS ?? 14);
const scenario = JSON.parse(readFileSync("scenarios/gucun-comprehensive.json", "utf8")) as Scenario;

/** A Durable Object's `storage.sql` and `transactionSync`, over node:sqlite. */
function storage(): { sql: SqlStorage; transactionSync: <T>(fn: () => T) => T; db: DatabaseSync } {
  const db = new DatabaseSync(":memory:");
  const statements = new Map<string, StatementSync>();
  const cursor = (rows: unknown[]) => ({ toArray: () => rows, one: () => rows[0], [Symbol.iterator]: () => rows[Symbol.iterator]() });
  const sql = {
    exec(query: string, ...bindings: unknown[]) {
      if (query.split(";").filter((s) => s.trim()).length > 1) {
        db.exec(query);
        return cursor([]);
      }
      let statement = statements.get(query);
      if (!statement) statements.set(query, (statement = db.prepare(query)));
      if (/^\s*SELECT/i.test(query)) return cursor(statement.all(...(bindings as never[])));
      statement.run(...(bindings as never[]));
      return cursor([]);
    },
  } as unknown as SqlStorage;
  const transactionSync = <T>(fn: () => T): T => {
    db.exec("BEGIN");
    try {
      const result = fn();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
  return { sql, transactionSync, db };
}

function day(offset: number, from = "2026-01-01"): string {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

/** Days played one after another into one log, each ended by a `hall.reset` as the live hall ends it. */
function log(days: number, first: string): HallEvent[] {
  const events: HallEvent[] = [];
  for (let i = 0; i < days; i++) {
    const played = replayDay({ ...scenario, date: day(i, first) });
    const seq0 = events.length;
    const body = i === 0 ? played.events : played.events.filter((e) => e.type !== "hall.configured");
    for (const e of body) events.push({ ...e, seq: events.length + 1 });
    if (i < days - 1) {
      const at = `${day(i + 1, first)}T00:00:01+08:00`;
      events.push({ type: "hall.reset", day: day(i + 1, first), previousDay: day(i, first), cancelled: [], seq: events.length + 1, at: new Date(at).toISOString() });
    }
    progress(`played ${day(i, first)}: ${events.length - seq0} events`);
  }
  return events;
}

function insert(sql: SqlStorage, events: HallEvent[]): void {
  for (const e of events) sql.exec("INSERT INTO events (seq, type, at, body) VALUES (?, ?, ?, ?)", e.seq, e.type, e.at, JSON.stringify(e));
}

print(machine());

// ---- a year of stored days ----
progress("playing one day of scenarios/gucun-comprehensive.json…");
const played = replayDay({ ...scenario, date: "2026-01-01" });
const oneDay = rollUp(played.events, { timezone: scenario.timezone });
{
  const s = storage();
  migrate(s.sql);
  const stats = new HallStats(s);
  s.transactionSync(() => {
    for (let d = 0; d < 365; d++) {
      for (const r of oneDay) {
        const row = { ...r, day: day(d) };
        s.sql.exec("INSERT INTO stats_rollups (dimension, day, key, body) VALUES (?, ?, ?, ?)", row.by, row.day, row.key, JSON.stringify(row));
      }
    }
  });
  const bytes = oneDay.reduce((n, r) => n + JSON.stringify(r).length, 0);
  const state = { hall: "bench", day: "2027-01-01", seq: 0, settings: { timezone: scenario.timezone }, categories: [], windows: [] } as unknown as HallState;
  for (const by of ["category", "window", "hour"] as const) {
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const { ms, result } = time(() => stats.answer(state, { kind: "stats", by, from: "2026-01-01", to: "2026-12-31", per: "range" }, 0));
      runs.push(ms);
      rows = (result.body as { rows: unknown[] }).rows.length;
    }
    print({ bench: "stats", what: `a year of stored days by ${by}`, days: 365, storedRowsPerDay: oneDay.length, groups: rows, ms: percentiles(runs) });
  }
  print({ bench: "stats", what: "stored rows per day", rows: oneDay.length, bytes, ticketsPerDay: scenario.arrivals.length });
}

// ---- the end of a day, waking, backfill ----
progress(`playing ${BACKFILL_DAYS} days into one log…`);
const events = log(BACKFILL_DAYS, "2026-03-02");
{
  // The end of a day: the tally runs with the day, then the midnight reset stores its rows.
  const resets = events.filter((e) => e.type === "hall.reset");
  const lastReset = resets[resets.length - 1]!;
  const before = events.filter((e) => e.seq < lastReset.seq);
  const s = storage();
  migrate(s.sql);
  insert(s.sql, before);
  const config = events.find((e) => e.type === "hall.configured")!;
  const state = {
    hall: "bench",
    day: (lastReset as Extract<HallEvent, { type: "hall.reset" }>).previousDay,
    seq: lastReset.seq - 1,
    settings: { timezone: scenario.timezone },
    categories: config.type === "hall.configured" ? config.config.categories : [],
    windows: config.type === "hall.configured" ? config.config.windows : [],
  } as unknown as HallState;
  const today = events.filter((e) => e.seq > (resets[resets.length - 2]?.seq ?? 0) && e.seq < lastReset.seq).length;

  const woken = new HallStats(s);
  const rebuild = time(() => woken.answer(state, { kind: "stats", by: "hall", per: "range" }, 0));
  print({ bench: "stats", what: "rebuild today's tally after waking (first question of the day)", todaysEvents: today, ms: round(rebuild.ms) });
  const again = time(() => woken.answer(state, { kind: "stats", by: "category", per: "range" }, 0));
  print({ bench: "stats", what: "today's figures with the tally in memory", ms: round(again.ms) });

  insert(s.sql, [lastReset]);
  const inSync = time(() => s.transactionSync(() => woken.persist(state, [lastReset])));
  print({ bench: "stats", what: "store a finished day's rows at the midnight reset (tally in memory)", ms: round(inSync.ms) });

  s.sql.exec("DELETE FROM stats_rollups");
  s.sql.exec("DELETE FROM stats_days");
  const cold = new HallStats(s);
  const fromLog = time(() => s.transactionSync(() => cold.persist(state, [lastReset])));
  print({ bench: "stats", what: "store a finished day's rows at the midnight reset (hall just woke: day rebuilt from the log)", todaysEvents: today, ms: round(fromLog.ms) });

  // Backfill: the same log, no rows at all, as for a hall that ran before statistics were kept.
  s.sql.exec("DELETE FROM stats_rollups");
  s.sql.exec("DELETE FROM stats_days");
  const fresh = new HallStats(s);
  const nextDay = (lastReset as Extract<HallEvent, { type: "hall.reset" }>).day;
  const question = () => fresh.answer({ ...state, day: nextDay, seq: lastReset.seq }, { kind: "stats", by: "category", from: "2026-01-01", to: nextDay, per: "range" }, 0);
  let left = BACKFILL_DAYS - 1;
  for (let n = 1; ; n++) {
    const { ms, result } = time(question);
    const pending = (result.body as { pendingDays: string[] }).pendingDays.length;
    print({ bench: "stats", what: `backfill from the log: question ${n}`, logEvents: lastReset.seq, daysCounted: left - pending, pendingDays: pending, ms: round(ms) });
    if (left === 0) break;
    left = pending;
  }
}
