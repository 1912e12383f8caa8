/**
 * The hall's SQLite database inside its Durable Object.
 *
 * - `events`: the append-only log; `seq` is the primary key, so a number is never reused.
 * - `snapshot`: the bounded part of the state at some seq (core/stored.ts), so waking up replays
 *   only the tail of the log; `snapshot_entries` holds its growing collections (tickets,
 *   appointments, staff, signage items) one row per entry, so no row grows with the day.
 * - `commands`: replies by commandId, so a retried press is answered, not applied again.
 * - `audit`: who did what, written in the same transaction as the change.
 */
import { emptyHall, evolve } from "../core/hall.js";
import { boundedPart, collectionsOf, COLLECTIONS, holdsEntries, joined, type Collection } from "../core/stored.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { retentionOf } from "../core/retention.js";

/** Write a snapshot at least this often, so waking from hibernation replays few events. */
const SNAPSHOT_EVERY = 200;

/** Replies to commandIds are kept the hall's `replyHours` (core/retention.ts, 48 by default): far longer than any retry loop. */
export function replyTtlMs(settings: HallState["settings"]): number {
  return retentionOf(settings).replyHours * 3600 * 1000;
}

export interface StoredReply {
  status: number;
  // A JSON body the route's schema documents; `any` (not `unknown`) so a reply crosses RPC typed.
  body: any;
}

export interface AuditEntry {
  at: string;
  role: string;
  actor: string;
  device: string | null;
  action: string;
  target: string | null;
  commandId: string | null;
  detail: string | null;
}

/** Whether this object ever made a table (the runtime's own `_cf_` tables aside); reading creates nothing. */
export function holdsTables(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' LIMIT 1").toArray().length > 0;
}

export function migrate(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY,
      type TEXT NOT NULL,
      at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS snapshot (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS snapshot_entries (
      collection TEXT NOT NULL,
      key TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (collection, key)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS commands (
      id TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS commands_at ON commands (at);
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      role TEXT NOT NULL,
      actor TEXT NOT NULL,
      device TEXT,
      action TEXT NOT NULL,
      target TEXT,
      command_id TEXT,
      seq_from INTEGER,
      seq_to INTEGER,
      detail TEXT
    );
    CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY);
  `);
  forgetIdLast4(sql);
}

/**
 * Issue 23: the hall keeps no part of a citizen's ID number, only the keyed per-day hash. Halls
 * from before kept its last four characters (`idLast4`) in ticket events, the snapshot and the
 * stored replies; this takes them out, once per hall.
 */
export function forgetIdLast4(sql: SqlStorage): void {
  if (sql.exec("SELECT 1 FROM migrations WHERE name = 'forget-id-last4'").toArray().length > 0) return;
  const drop = (key: string, value: unknown) => (key === "idLast4" ? undefined : value);
  for (const [table, key] of [["events", "seq"], ["snapshot", "id"], ["commands", "id"]] as const) {
    for (const row of sql.exec<{ k: string | number; body: string }>(`SELECT ${key} AS k, body FROM ${table} WHERE body LIKE '%"idLast4"%'`).toArray()) {
      sql.exec(`UPDATE ${table} SET body = ? WHERE ${key} = ?`, JSON.stringify(JSON.parse(row.body), drop), row.k);
    }
  }
  sql.exec("INSERT INTO migrations (name) VALUES ('forget-id-last4')");
}

/** Rebuilds the hall: the last snapshot, then every event after it. */
export function loadState(sql: SqlStorage, hall: string): HallState {
  return new Snapshots().load(sql, hall);
}

/**
 * The snapshot tables and the state they hold. A write stores the bounded part in one row and,
 * of each growing collection, only the entries that changed since the last write (the core
 * replaces an entry when it changes, so an entry the same object as last time is unchanged).
 */
export class Snapshots {
  /** The state as the tables hold it now; null when unknown (then the next write rewrites all). */
  #written: HallState | null = null;

  load(sql: SqlStorage, hall: string): HallState {
    const snap = sql.exec<{ seq: number; body: string }>("SELECT seq, body FROM snapshot WHERE id = 1").toArray()[0];
    // Fields added to the state later (staff, appointments) start empty in older snapshots.
    const part: HallState = snap ? { ...emptyHall(hall), ...(JSON.parse(snap.body) as HallState) } : emptyHall(hall);
    const entries = Object.fromEntries(COLLECTIONS.map((c) => [c, {}])) as Record<Collection, Record<string, unknown>>;
    for (const row of sql.exec<{ collection: Collection; key: string; body: string }>("SELECT collection, key, body FROM snapshot_entries")) {
      entries[row.collection][row.key] = JSON.parse(row.body);
    }
    let state = joined(part, entries);
    if (snap && holdsEntries(part)) {
      // A snapshot from before the entries table (one row holding everything): cut it now.
      sql.exec("DELETE FROM snapshot_entries");
      this.#written = null;
      this.write(sql, state);
    } else {
      this.#written = snap ? state : null;
    }
    for (const row of sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? ORDER BY seq", state.seq)) {
      state = evolve(state, JSON.parse(row.body) as HallEvent);
    }
    return state;
  }

  /** Writes `state` as the snapshot. Call inside the command's transaction. */
  write(sql: SqlStorage, state: HallState): void {
    const before = this.#written;
    this.#written = null; // until this write is known whole
    if (!before) sql.exec("DELETE FROM snapshot_entries");
    const was = before ? collectionsOf(before) : null;
    const now = collectionsOf(state);
    for (const c of COLLECTIONS) {
      for (const [key, entry] of Object.entries(now[c])) {
        if (was?.[c][key] === entry) continue;
        sql.exec("INSERT OR REPLACE INTO snapshot_entries (collection, key, body) VALUES (?, ?, ?)", c, key, JSON.stringify(entry));
      }
      if (!was) continue;
      for (const key of Object.keys(was[c])) {
        if (!(key in now[c])) sql.exec("DELETE FROM snapshot_entries WHERE collection = ? AND key = ?", c, key);
      }
    }
    sql.exec("INSERT OR REPLACE INTO snapshot (id, seq, body) VALUES (1, ?, ?)", state.seq, JSON.stringify(boundedPart(state)));
    this.#written = state;
  }

  /** The transaction that wrote last rolled back: the tables are no longer known. */
  forget(): void {
    this.#written = null;
  }
}

/**
 * Appends events and their audit row, and remembers the reply. Call inside
 * `transactionSync` so all of it lands or none of it does.
 */
export function persist(
  sql: SqlStorage,
  before: HallState,
  after: HallState,
  events: HallEvent[],
  audit: AuditEntry,
  reply: { commandId: string; fingerprint: string; reply: StoredReply; now: number } | null,
  snapshots: Snapshots,
): void {
  for (const e of events) {
    sql.exec("INSERT INTO events (seq, type, at, body) VALUES (?, ?, ?, ?)", e.seq, e.type, e.at, JSON.stringify(e));
  }
  writeAudit(sql, audit, events);
  if (reply) {
    sql.exec(
      "INSERT INTO commands (id, fingerprint, status, body, at) VALUES (?, ?, ?, ?, ?)",
      reply.commandId,
      reply.fingerprint,
      reply.reply.status,
      JSON.stringify(reply.reply.body),
      reply.now,
    );
  }
  const crossed = Math.floor(after.seq / SNAPSHOT_EVERY) > Math.floor(before.seq / SNAPSHOT_EVERY);
  const structural = events.some((e) => e.type === "hall.reset" || e.type === "hall.configured");
  if (crossed || structural) {
    snapshots.write(sql, after);
  }
  if (events.some((e) => e.type === "hall.reset") && reply) {
    sql.exec("DELETE FROM commands WHERE at < ?", reply.now - replyTtlMs(after.settings));
  }
}

export function writeAudit(sql: SqlStorage, a: AuditEntry, events: HallEvent[]): void {
  sql.exec(
    `INSERT INTO audit (at, role, actor, device, action, target, command_id, seq_from, seq_to, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    a.at,
    a.role,
    a.actor,
    a.device,
    a.action,
    a.target,
    a.commandId,
    events[0]?.seq ?? null,
    events.at(-1)?.seq ?? null,
    a.detail,
  );
}

export function storedReply(sql: SqlStorage, commandId: string): (StoredReply & { fingerprint: string }) | null {
  const row = sql
    .exec<{ fingerprint: string; status: number; body: string }>("SELECT fingerprint, status, body FROM commands WHERE id = ?", commandId)
    .toArray()[0];
  return row ? { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) } : null;
}

/** Events after `since`, or null when the log no longer holds all of them. */
export function eventsSince(sql: SqlStorage, since: number, head: number, limit: number): string[] | null {
  if (since > head || head - since > limit) return null;
  if (since === head) return [];
  const rows = sql.exec<{ seq: number; body: string }>("SELECT seq, body FROM events WHERE seq > ? ORDER BY seq", since).toArray();
  if (rows.length !== head - since || rows[0]?.seq !== since + 1) return null;
  return rows.map((r) => r.body);
}

export interface AuditRow extends AuditEntry {
  id: number;
  seqFrom: number | null;
  seqTo: number | null;
}

/** Newest first, `limit` rows with ids below `before` (a cursor from the previous page). */
export function auditPage(sql: SqlStorage, limit: number, before: number | null): { entries: AuditRow[]; next: number | null } {
  const rows = sql
    .exec<Record<string, string | number | null>>(
      `SELECT ${AUDIT_COLUMNS} FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?`,
      before ?? Number.MAX_SAFE_INTEGER,
      limit + 1,
    )
    .toArray();
  const entries = rows.slice(0, limit).map(auditRowOf);
  return { entries, next: rows.length > limit ? entries.at(-1)!.id : null };
}

/** The columns every read of audit rows selects, for `auditRowOf`. */
export const AUDIT_COLUMNS = "id, at, role, actor, device, action, target, command_id, seq_from, seq_to, detail";

/** An audit row as the API sends it (and the archives keep it). */
export function auditRowOf(r: Record<string, SqlStorageValue>): AuditRow {
  return {
    id: r.id as number,
    at: r.at as string,
    role: r.role as string,
    actor: r.actor as string,
    device: r.device as string | null,
    action: r.action as string,
    target: r.target as string | null,
    commandId: r.command_id as string | null,
    seqFrom: r.seq_from as number | null,
    seqTo: r.seq_to as number | null,
    detail: r.detail as string | null,
  };
}
