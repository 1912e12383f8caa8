/**
 * The webhooks' tables in the hall's SQLite:
 *
 * - `webhooks`: each receiver, its subscriptions and its signing secret (kept, since the hall
 *   must sign with it; returned only once, when the webhook is created).
 * - `webhook_outbox`: one row per delivery per webhook, written in the same transaction as the
 *   events it carries, so nothing acknowledged can be lost; `id` is the delivery order, which is
 *   seq order. A row is `pending` until delivered, or `failed` after its 24 hours.
 * - `webhook_attempts`: every try, with its status code or error and how long it took.
 * - `webhook_near`: tickets already sent as `ticket.near` today (once per ticket).
 *
 * Times are the hall's clock, in ms.
 */

export interface Hook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret: string;
  /** The origin of the request that created it: status links in `ticket.near` are on it. */
  origin: string;
  createdAt: string;
  createdBy: string;
  /** The hall's seq when it was created: it receives the events after it. */
  startsAfter: number;
  /** Issue 26: bookings' and tickets-from-home's deliveries carry the citizen's mobile number (an SMS gateway). */
  mobile: boolean;
}

export interface OutboxRow {
  id: number;
  webhook: string;
  seq: number;
  type: string;
  /** The data (JSON) of a `ticket.near` or a `booking.*` delivery; null for an event of the log. */
  near: string | null;
  state: "pending" | "delivered" | "failed";
  queued_at: number;
  next_at: number;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  done_at: number | null;
}

export interface Attempt {
  at: number;
  status: number | null;
  error: string | null;
  ms: number;
}

/** Delivered and failed rows are kept this long for the deliveries list, then pruned. */
export const KEEP_DONE_MS = 7 * 24 * 3600_000;

export function migrateWebhooks(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS webhooks (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      events TEXT NOT NULL,
      description TEXT,
      secret TEXT NOT NULL,
      origin TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      starts_after INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS webhook_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      webhook TEXT NOT NULL,
      seq INTEGER NOT NULL,
      type TEXT NOT NULL,
      near TEXT,
      state TEXT NOT NULL DEFAULT 'pending',
      queued_at INTEGER NOT NULL,
      next_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_status INTEGER,
      last_error TEXT,
      done_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS webhook_outbox_queue ON webhook_outbox (webhook, state, id);
    CREATE TABLE IF NOT EXISTS webhook_attempts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      delivery INTEGER NOT NULL,
      at INTEGER NOT NULL,
      status INTEGER,
      error TEXT,
      ms INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON webhook_attempts (delivery);
    CREATE TABLE IF NOT EXISTS webhook_near (ticket TEXT PRIMARY KEY, at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS webhook_reminders (day TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (day, code, kind)) WITHOUT ROWID;
  `);
  // Issue 26: the mobile switch, added to halls whose table predates it.
  const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('webhooks')").toArray().map((c) => c.name);
  if (!columns.includes("mobile")) sql.exec("ALTER TABLE webhooks ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0");
}

type Row = Record<string, SqlStorageValue>;

function hookOf(r: Row): Hook {
  return {
    id: String(r.id),
    url: String(r.url),
    events: JSON.parse(String(r.events)) as string[],
    description: r.description === null ? null : String(r.description),
    secret: String(r.secret),
    origin: String(r.origin),
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    startsAfter: Number(r.starts_after),
    mobile: Number(r.mobile ?? 0) === 1,
  };
}

export function loadHooks(sql: SqlStorage): Hook[] {
  return sql.exec<Row>("SELECT * FROM webhooks ORDER BY created_at, id").toArray().map(hookOf);
}

export function insertHook(sql: SqlStorage, h: Hook): void {
  sql.exec(
    "INSERT INTO webhooks (id, url, events, description, secret, origin, created_at, created_by, starts_after, mobile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    h.id,
    h.url,
    JSON.stringify(h.events),
    h.description,
    h.secret,
    h.origin,
    h.createdAt,
    h.createdBy,
    h.startsAfter,
    h.mobile ? 1 : 0,
  );
}

export function deleteHook(sql: SqlStorage, id: string): void {
  sql.exec("DELETE FROM webhook_attempts WHERE delivery IN (SELECT id FROM webhook_outbox WHERE webhook = ?)", id);
  sql.exec("DELETE FROM webhook_outbox WHERE webhook = ?", id);
  sql.exec("DELETE FROM webhooks WHERE id = ?", id);
}

export function enqueue(sql: SqlStorage, webhook: string, seq: number, type: string, near: string | null, now: number): void {
  sql.exec("INSERT INTO webhook_outbox (webhook, seq, type, near, queued_at, next_at) VALUES (?, ?, ?, ?, ?, ?)", webhook, seq, type, near, now, now);
}

/** The webhook's next delivery in order, or null when nothing waits. */
export function headOf(sql: SqlStorage, webhook: string): OutboxRow | null {
  return (sql.exec<Row>("SELECT * FROM webhook_outbox WHERE webhook = ? AND state = 'pending' ORDER BY id LIMIT 1", webhook).toArray()[0] as OutboxRow | undefined) ?? null;
}

export function rowById(sql: SqlStorage, id: number): OutboxRow | null {
  return (sql.exec<Row>("SELECT * FROM webhook_outbox WHERE id = ?", id).toArray()[0] as OutboxRow | undefined) ?? null;
}

export function recordAttempt(sql: SqlStorage, delivery: number, a: Attempt): void {
  sql.exec("INSERT INTO webhook_attempts (delivery, at, status, error, ms) VALUES (?, ?, ?, ?, ?)", delivery, a.at, a.status, a.error, a.ms);
  sql.exec("UPDATE webhook_outbox SET attempts = attempts + 1, last_status = ?, last_error = ? WHERE id = ?", a.status, a.error, delivery);
}

export function markDelivered(sql: SqlStorage, id: number, now: number): void {
  sql.exec("UPDATE webhook_outbox SET state = 'delivered', done_at = ?, last_error = NULL WHERE id = ?", now, id);
}

export function markRetry(sql: SqlStorage, id: number, at: number): void {
  sql.exec("UPDATE webhook_outbox SET next_at = ? WHERE id = ?", at, id);
}

/** Fails a delivery for good, and every one behind it whose 24 hours ran out while it waited. */
export function markFailed(sql: SqlStorage, row: OutboxRow, now: number, retryForMs: number): void {
  sql.exec("UPDATE webhook_outbox SET state = 'failed', done_at = ? WHERE id = ?", now, row.id);
  sql.exec(
    `UPDATE webhook_outbox SET state = 'failed', done_at = ?, last_error = ?
     WHERE webhook = ? AND state = 'pending' AND queued_at + ? <= ?`,
    now,
    "not delivered within 24 h: it waited behind an earlier delivery that kept failing",
    row.webhook,
    retryForMs,
    now,
  );
}

export function wasNear(sql: SqlStorage, ticket: string): boolean {
  return sql.exec("SELECT 1 FROM webhook_near WHERE ticket = ?", ticket).toArray().length > 0;
}

export function markNear(sql: SqlStorage, ticket: string, now: number): void {
  sql.exec("INSERT OR IGNORE INTO webhook_near (ticket, at) VALUES (?, ?)", ticket, now);
}

/** A new day: yesterday's tickets are gone, and old finished deliveries make way. */
export function pruneForNewDay(sql: SqlStorage, now: number): void {
  sql.exec("DELETE FROM webhook_near");
  sql.exec("DELETE FROM webhook_attempts WHERE delivery IN (SELECT id FROM webhook_outbox WHERE state != 'pending' AND done_at < ?)", now - KEEP_DONE_MS);
  sql.exec("DELETE FROM webhook_outbox WHERE state != 'pending' AND done_at < ?", now - KEEP_DONE_MS);
}

export interface HookCounts {
  pending: number;
  delivered: number;
  failed: number;
  lastAttempt: Attempt | null;
}

export function countsOf(sql: SqlStorage, webhook: string): HookCounts {
  const n = (state: string) => sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_outbox WHERE webhook = ? AND state = ?", webhook, state).one().n;
  const last = sql
    .exec<Row>(
      "SELECT a.at, a.status, a.error, a.ms FROM webhook_attempts a JOIN webhook_outbox o ON o.id = a.delivery WHERE o.webhook = ? ORDER BY a.id DESC LIMIT 1",
      webhook,
    )
    .toArray()[0];
  return {
    pending: n("pending"),
    delivered: n("delivered"),
    failed: n("failed"),
    lastAttempt: last ? { at: Number(last.at), status: last.status === null ? null : Number(last.status), error: last.error === null ? null : String(last.error), ms: Number(last.ms) } : null,
  };
}

/** The webhook's latest deliveries, newest first, each with its latest tries (newest first). */
export function recentDeliveries(sql: SqlStorage, webhook: string, limit: number, triesEach = 5): Array<OutboxRow & { tries: Attempt[] }> {
  const rows = sql.exec<Row>("SELECT * FROM webhook_outbox WHERE webhook = ? ORDER BY id DESC LIMIT ?", webhook, limit).toArray() as unknown as OutboxRow[];
  return rows.map((r) => ({
    ...r,
    tries: sql
      .exec<Row>("SELECT at, status, error, ms FROM webhook_attempts WHERE delivery = ? ORDER BY id DESC LIMIT ?", r.id, triesEach)
      .toArray()
      .map((a) => ({ at: Number(a.at), status: a.status === null ? null : Number(a.status), error: a.error === null ? null : String(a.error), ms: Number(a.ms) })),
  }));
}
