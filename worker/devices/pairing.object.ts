/**
 * The pairing codes of every hall, in one Durable Object (`idFromName("pairing")`): a code is
 * typed into one hall's console, but shown by a device that belongs to no hall yet. It only
 * stores and answers; the rules are worker/devices/pairing.ts.
 *
 * - `codes`: a waiting code, the hash of its browser's secret, and once claimed, what the
 *   device collects (its credential, in clear until collected, then the row is gone).
 * - `wrong_codes`: when each manager typed a code that was not waiting, for the guess limit.
 */
import { DurableObject } from "cloudflare:workers";
import { clockOf } from "../clock.js";
import type { Env } from "../env.js";
import {
  drawCode,
  forgetAt,
  GUESS_WINDOW_MS,
  judgeClaim,
  MAX_WAITING_CODES,
  MAX_WAITING_PER_CLIENT,
  newPairing,
  statusOf,
  type ClaimVerdict,
  type Delivery,
  type PairingCode,
  type PairingStatus,
} from "./pairing.js";


type Row = { code: string; secret_hash: string; created_at: number; expires_at: number; delivery: string | null };

export class PairingObject extends DurableObject<Env> {
  /** The pairing clock (worker/clock.ts); tests move it to expire codes. */
  clock: () => number;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.clock = clockOf(env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS codes (
        code TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        forget_at INTEGER NOT NULL,
        delivery TEXT
      );
      CREATE INDEX IF NOT EXISTS codes_forget ON codes (forget_at);
      CREATE INDEX IF NOT EXISTS codes_expires ON codes (expires_at);
      CREATE TABLE IF NOT EXISTS wrong_codes (manager TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS wrong_codes_manager ON wrong_codes (manager, at);
    `);
    // Added for the per-client limit (issue 23 §3); codes from before count as no client's.
    const columns = ctx.storage.sql.exec<{ name: string }>("PRAGMA table_info(codes)").toArray();
    if (!columns.some((c) => c.name === "client")) ctx.storage.sql.exec("ALTER TABLE codes ADD COLUMN client TEXT");
    ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS codes_client ON codes (client, expires_at)");
  }

  /**
   * A code for the browser whose pairing secret hashes to `secretHash`: the one it already
   * waits on (a reloaded /pair page keeps its code), else a fresh one; "client" when too many
   * wait from this client address, null when too many wait in all.
   */
  async start(secretHash: string, client: string): Promise<{ code: string; expiresAt: number; now: number } | "client" | null> {
    const now = this.#forget();
    const mine = statusOf(this.#bySecret(secretHash), now);
    if (mine.state === "waiting") return { code: mine.code, expiresAt: mine.expiresAt, now };
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM codes WHERE secret_hash = ?", secretHash);
    const waiting = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM codes WHERE delivery IS NULL AND expires_at > ?", now).one().n;
    const fromClient = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM codes WHERE client = ? AND delivery IS NULL AND expires_at > ?", client, now).one().n;
    if (fromClient >= MAX_WAITING_PER_CLIENT) return "client";
    if (waiting >= MAX_WAITING_CODES) return null;
    const code = drawCode((c) => sql.exec("SELECT 1 FROM codes WHERE code = ?", c).toArray().length > 0);
    const p = newPairing(code, secretHash, now);
    sql.exec(
      "INSERT INTO codes (code, secret_hash, created_at, expires_at, forget_at, delivery, client) VALUES (?, ?, ?, ?, ?, NULL, ?)",
      p.code,
      p.secretHash,
      p.createdAt,
      p.expiresAt,
      forgetAt(p),
      client,
    );
    return { code: p.code, expiresAt: p.expiresAt, now };
  }

  /** What the waiting browser sees; a delivered credential is handed over once, then forgotten. */
  async status(secretHash: string): Promise<PairingStatus & { now: number }> {
    const now = this.#forget();
    const status = statusOf(this.#bySecret(secretHash), now);
    if (status.state === "paired") this.ctx.storage.sql.exec("DELETE FROM codes WHERE secret_hash = ?", secretHash);
    return { ...status, now };
  }

  /**
   * A manager typed `code`: when it waits, it now carries `delivery` to its device. A code that
   * does not wait counts against the manager's guess limit.
   */
  async claim(code: string, manager: string, delivery: Delivery): Promise<ClaimVerdict> {
    const now = this.#forget();
    const sql = this.ctx.storage.sql;
    const wrongAt = sql.exec<{ at: number }>("SELECT at FROM wrong_codes WHERE manager = ?", manager).toArray().map((r) => r.at);
    const row = sql.exec<Row>("SELECT * FROM codes WHERE code = ?", code).toArray()[0];
    const verdict = judgeClaim(row ? recordOf(row) : null, wrongAt, now);
    if (verdict.ok) {
      sql.exec("UPDATE codes SET delivery = ?, forget_at = ? WHERE code = ?", JSON.stringify(delivery), forgetAt({ ...recordOf(row!), delivery }), code);
    } else if (verdict.why === "not_found") {
      sql.exec("INSERT INTO wrong_codes (manager, at) VALUES (?, ?)", manager, now);
    }
    return verdict;
  }

  /** Drops what no one can use any more; returns the time it judged by. */
  #forget(): number {
    const now = this.clock();
    this.ctx.storage.sql.exec("DELETE FROM codes WHERE forget_at <= ?", now);
    this.ctx.storage.sql.exec("DELETE FROM wrong_codes WHERE at <= ?", now - GUESS_WINDOW_MS);
    return now;
  }

  #bySecret(secretHash: string): PairingCode | null {
    const row = this.ctx.storage.sql.exec<Row>("SELECT * FROM codes WHERE secret_hash = ?", secretHash).toArray()[0];
    return row ? recordOf(row) : null;
  }
}

function recordOf(row: Row): PairingCode {
  return {
    code: row.code,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    delivery: row.delivery ? (JSON.parse(row.delivery) as Delivery) : null,
  };
}
