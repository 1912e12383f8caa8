/**
 * Development only: a busy hall played inside its own object, for `npm run bench:year` and
 * `npm run bench:bigday` (scripts/bench/year.ts). A day of thousands of tickets sent request by
 * request would take minutes; here each command still takes the whole way a request's does
 * inside the object — `execute()`: the stored reply of its commandId, the core's decision, one
 * SQLite transaction with its events, audit row, reply and every part's rows, the alarm planned —
 * only without the HTTP hop. The hall's clock is the bench's: each command is stamped with its
 * instant in the played day, and each midnight the hall's own alarm handler runs, as the runtime
 * would run it (the new day, retention's daily prune).
 *
 * Reached only through `POST /api/dev/bench/{hall}` (worker/service/routes.ts), which answers
 * 404 outside development.
 */
import { BENCH_CATEGORIES, benchCentre } from "../demo/bench-centre.js";
import type { Command } from "../core/commands.js";
import type { HallConfig } from "../core/model.js";
import type { Actor, CommandReply, CommandRequest } from "./protocol.js";
import type { StoredReply } from "./storage.js";
import { PLATFORM_VALUE_LIMIT } from "./guard.js";

export type BenchRequest =
  /** Configures the bench hall at `at` (hall clock, ms). */
  | { op: "configure"; at: number }
  /**
   * Plays one day: `tickets` tickets from `open`, one every `everyMs`, then the hall's midnight
   * alarm at `midnight` (when given). With `from`/`to` only tickets from..to of that day (the
   * rest in later requests: the bench times real requests in between, at ticket ~100 and at the
   * day's end); the morning's notice comes with ticket 1.
   */
  | { op: "day"; day: number; open: number; everyMs: number; tickets: number; midnight: number | null; from?: number; to?: number }
  /** The database's size and its largest row; `after` is how far the append-only tables were read before. */
  | { op: "measure"; after: Record<string, number> }
  /** Evicts the object (the next request builds it again from SQLite, as after hibernation). */
  | { op: "evict" }
  /** The first request after an eviction: sets the hall's clock to `at` and answers the hall's snapshot. */
  | { op: "wake"; at: number }
  /**
   * Tries one write over the platform's row limit (2 MB) through the hall's guarded storage: the
   * guard refuses it and raises the console's storage alarm (the browser suite's way to see it).
   */
  | { op: "oversize" };

/** What the bench needs of the hall object. */
export interface BenchHall {
  hall: string;
  setClock(at: number): void;
  execute(request: CommandRequest): Promise<CommandReply>;
  /** The hall's alarm handler, as the runtime calls it. */
  alarm(): Promise<void>;
  sql: SqlStorage;
  evict(): void;
  snapshot(): Promise<unknown>;
  /** Every file of the media store, with its size (the archives of retention, issue 22 §2, live there). */
  files(): Promise<{ key: string; size: number }[]>;
}

const CATEGORIES = BENCH_CATEGORIES;
const WINDOWS = 20;

/** A 20-window centre serving 7 categories: the bench hall. */
export function benchConfig(): HallConfig {
  return benchCentre({ windows: WINDOWS, name: "基准大厅 bench centre", serviceMinutes: (i) => 5 + i });
}

const KIOSK: Actor = { role: "kiosk", name: "kiosk 1", device: null };
const COUNTER: Actor = { role: "counter", name: "counter", device: null };
const MANAGER: Actor = { role: "manager", name: "值班长", device: null };

export async function runBench(h: BenchHall, request: BenchRequest): Promise<StoredReply> {
  switch (request.op) {
    case "configure": {
      h.setClock(request.at);
      return h.execute({ hall: h.hall, actor: { role: "admin", name: "bench", device: null }, command: { type: "configure", config: benchConfig() } });
    }
    case "day":
      return { status: 200, body: await playDay(h, request) };
    case "measure": {
      // Whatever the media store keeps under this hall's name (a path segment) is its archive:
      // the bench hall has no images.
      const archiveBytes = (await h.files()).filter((f) => f.key.split("/").includes(h.hall)).reduce((n, f) => n + f.size, 0);
      return { status: 200, body: { ...measure(h.sql, request.after), archiveBytes } };
    }
    case "evict":
      h.evict();
      return { status: 200, body: {} };
    case "wake":
      h.setClock(request.at);
      return { status: 200, body: { seq: ((await h.snapshot()) as { seq?: number } | null)?.seq ?? null } };
    case "oversize":
      try {
        h.sql.exec("CREATE TABLE IF NOT EXISTS bench_oversize (body TEXT)");
        h.sql.exec("INSERT INTO bench_oversize (body) VALUES (?)", "x".repeat(PLATFORM_VALUE_LIMIT + 1));
        return { status: 500, body: { error: "the storage guard let an over-limit write through" } };
      } catch (error) {
        return { status: 200, body: { refused: String(error) } };
      }
  }
}

/**
 * Workerd's clock stands still while code runs and moves on only when the event loop turns (as
 * Cloudflare's does, against timing attacks), in whole milliseconds: one command cannot be timed
 * inside the object. A batch of BATCH commands can: one zero-delay timer lets the clock catch up
 * at each end, and what the timer itself takes (the median of 20 empty timings) comes off.
 */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Which bench windows hold a called ticket, by hall: a day played in parts carries it over. */
const servingOf = new Map<string, Map<string, boolean>>();
const BATCH = 200;

async function playDay(h: BenchHall, d: Extract<BenchRequest, { op: "day" }>) {
  const statuses: Record<string, number> = {};
  const perCommand: number[] = [];
  let now = d.open;
  let count = 0;
  const empty: number[] = [];
  for (let i = 0; i < 20; i++) {
    await turn();
    const t0 = performance.now();
    await turn();
    empty.push((performance.now() - t0) * 1000);
  }
  const idle = summary(empty).p50;
  await turn();
  let batchStart = performance.now();
  const send = async (command: Command, actor: Actor, commandId: string): Promise<CommandReply> => {
    h.setClock(now);
    const reply = await h.execute({ hall: h.hall, actor, command, commandId });
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    if (++count % BATCH === 0) {
      await turn();
      const t = performance.now();
      perCommand.push(Math.max(0, ((t - batchStart) * 1000 - idle) / BATCH));
      batchStart = t;
    }
    return reply;
  };
  const id = (what: string, n: number) => `bench-${d.day}-${what}-${n}`;

  // A few configuration changes a day: the morning's notice, window 1 narrowed at noon and back.
  const from = d.from ?? 1;
  const to = d.to ?? d.tickets;
  if (from === 1) {
    await send({ type: "update_settings", settings: { notice: `第 ${d.day} 天：请按号码顺序办理业务。` } }, MANAGER, id("notice", 0));
    servingOf.set(h.hall, new Map());
  }
  const serving = servingOf.get(h.hall) ?? new Map<string, boolean>();
  for (let i = from; i <= to; i++) {
    now = d.open + i * d.everyMs;
    await send({ type: "issue", category: CATEGORIES[i % CATEGORIES.length]! }, KIOSK, id("issue", i));
    if (i === Math.floor(d.tickets / 2)) {
      await send({ type: "set_window", window: "1", categories: CATEGORIES.slice(0, 3) }, MANAGER, id("narrow", 0));
      await send({ type: "set_window", window: "2", categories: CATEGORIES.slice(3) }, MANAGER, id("narrow", 1));
    }
    if (i === Math.floor((d.tickets * 2) / 3)) {
      await send({ type: "set_window", window: "1", categories: CATEGORIES }, MANAGER, id("widen", 0));
      await send({ type: "set_window", window: "2", categories: CATEGORIES }, MANAGER, id("widen", 1));
    }
    const window = String((i % WINDOWS) + 1);
    if (serving.get(window)) {
      // One in twenty called citizens never comes (过号); the others are served, and one in three rates.
      if (i % 20 === 0) await send({ type: "no_show", window }, COUNTER, id("noshow", i));
      else {
        const done = await send({ type: "finish", window }, COUNTER, id("finish", i));
        const number = (done.body as { ticket?: { number?: string } }).ticket?.number;
        if (number && i % 3 === 0) {
          const score = i % 30 === 0 ? 2 : 5;
          await send({ type: "rate", ticket: number, score, ...(score <= 2 ? { reasons: ["efficiency" as const] } : {}) }, COUNTER, id("rate", i));
        }
      }
    }
    const called = await send({ type: "call", window }, COUNTER, id("call", i));
    serving.set(window, Boolean((called.body as { ticket?: unknown }).ticket));
  }
  if (d.midnight !== null) {
    now = d.midnight;
    h.setClock(now);
    await h.alarm();
  }
  // The median batch's mean: what a command takes inside the object, its transaction included.
  // The first and last three batches: a command's cost near ticket 100 and near the day's last.
  return { commands: count, timerUs: idle, statuses, us: summary(perCommand), firstBatchesUs: perCommand.slice(0, 3).map(Math.round), lastBatchesUs: perCommand.slice(-3).map(Math.round) };
}

function summary(values: number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: at(1), n: sorted.length };
}

/** Tables only ever appended to (and pruned from the front): read from where the last measure stopped. */
const APPEND_ONLY = new Set(["events", "audit", "commands"]);

/**
 * The database's size and its largest row in bytes (every column's stored length, summed), over
 * every table of the hall. The append-only tables are read only past `after[table]` (their
 * rowid), so a measure late in a year does not read the whole year again.
 */
function measure(sql: SqlStorage, after: Record<string, number>) {
  const started = performance.now();
  const tables = sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
    .toArray()
    .map((r) => r.name);
  let largest = { table: "", bytes: 0 };
  const reached: Record<string, number> = {};
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const columns = sql.exec<{ name: string }>(`PRAGMA table_info("${table}")`).toArray().map((c) => c.name);
    const size = columns.map((c) => `COALESCE(LENGTH(CAST("${c}" AS BLOB)), 0)`).join(" + ");
    if (APPEND_ONLY.has(table)) {
      const from = after[table] ?? 0;
      const r = sql.exec<{ n: number | null; last: number | null }>(`SELECT MAX(${size}) AS n, MAX(rowid) AS last FROM "${table}" WHERE rowid > ?`, from).one();
      reached[table] = r.last ?? from;
      if ((r.n ?? 0) > largest.bytes) largest = { table, bytes: r.n ?? 0 };
    } else {
      const n = sql.exec<{ n: number | null }>(`SELECT MAX(${size}) AS n FROM "${table}"`).one().n ?? 0;
      if (n > largest.bytes) largest = { table, bytes: n };
    }
    // Counting a year of events would read it all: the append-only tables' counts are left out.
    if (!APPEND_ONLY.has(table) || table === "commands") rows[table] = sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`).one().n;
  }
  return { sqliteBytes: sql.databaseSize, largest, reached, rows, measureMs: Math.round(performance.now() - started) };
}
