/**
 * Follow-ups (回访): every 差评 (a rating of 1 or 2) must be called back and put right, so each
 * one becomes a row here, written in the same transaction as its `ticket.rated` event, and stays
 * across days until a manager marks it done with a note (audited). Kept beside the event log,
 * not in the day's state, because a follow-up outlives the day's reset.
 */
import { isBadScore } from "../core/rating.js";
import type { HallEvent } from "../core/events.js";
import type { HallState, RatingReason } from "../core/model.js";
import type { Part, Written } from "../hall-object/part.js";
import type { Actor } from "../hall-object/protocol.js";
import { writeAudit } from "../hall-object/storage.js";

export interface FollowUp {
  id: number;
  ticket: string;
  number: string;
  category: string;
  window: string | null;
  officer: { name: string; badge: string } | null;
  score: number;
  reasons: RatingReason[];
  ratedAt: string;
  state: "open" | "done";
  note: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

export function migrateFollowUps(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS follow_ups (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket TEXT NOT NULL UNIQUE,
      number TEXT NOT NULL,
      category TEXT NOT NULL,
      window TEXT,
      officer TEXT,
      score INTEGER NOT NULL,
      reasons TEXT NOT NULL,
      rated_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'open',
      note TEXT,
      done_at TEXT,
      done_by TEXT
    );
  `);
}

/** Opens a follow-up for each 差评 among `events` (inside the command's transaction). */
export function recordFollowUps(sql: SqlStorage, events: HallEvent[]): void {
  for (const e of events) {
    if (e.type !== "ticket.rated" || !isBadScore(e.score)) continue;
    const officer = e.ticket.officer ? JSON.stringify({ name: e.ticket.officer.name, badge: e.ticket.officer.badge }) : null;
    sql.exec(
      `INSERT OR IGNORE INTO follow_ups (ticket, number, category, window, officer, score, reasons, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      e.ticket.id,
      e.ticket.number,
      e.ticket.category,
      e.ticket.window,
      officer,
      e.score,
      JSON.stringify(e.reasons ?? []),
      e.at,
    );
  }
}

type Row = Record<string, SqlStorageValue>;

function followUpOf(r: Row): FollowUp {
  return {
    id: Number(r.id),
    ticket: String(r.ticket),
    number: String(r.number),
    category: String(r.category),
    window: r.window === null ? null : String(r.window),
    officer: r.officer === null ? null : JSON.parse(String(r.officer)),
    score: Number(r.score),
    reasons: JSON.parse(String(r.reasons)),
    ratedAt: String(r.rated_at),
    state: r.state === "done" ? "done" : "open",
    note: r.note === null ? null : String(r.note),
    doneAt: r.done_at === null ? null : String(r.done_at),
    doneBy: r.done_by === null ? null : String(r.done_by),
  };
}

/** Open ones first (oldest first: they are the most overdue), then the newest done ones. */
export function followUpList(sql: SqlStorage, state: "open" | "done" | "all", limit = 200): FollowUp[] {
  const where = state === "all" ? "" : "WHERE state = ?";
  const args = state === "all" ? [] : [state];
  return sql
    .exec<Row>(`SELECT * FROM follow_ups ${where} ORDER BY state = 'done', CASE WHEN state = 'open' THEN id ELSE -id END LIMIT ?`, ...args, limit)
    .toArray()
    .map(followUpOf);
}

export type FollowUpClose = { ok: true; followUp: FollowUp } | { ok: false; status: 404 | 409; error: string };

/** Marks a follow-up done with the manager's note, and audits who did it. */
export function closeFollowUp(sql: SqlStorage, id: number, note: string, actor: Actor, now: number): FollowUpClose {
  const row = sql.exec<Row>("SELECT * FROM follow_ups WHERE id = ?", id).toArray()[0];
  if (!row) return { ok: false, status: 404, error: `no follow-up ${id} in this hall` };
  if (row.state === "done") return { ok: false, status: 409, error: `follow-up ${id} (${String(row.number)}) is already done` };
  const at = new Date(now).toISOString();
  sql.exec("UPDATE follow_ups SET state = 'done', note = ?, done_at = ?, done_by = ? WHERE id = ?", note, at, actor.name, id);
  writeAudit(
    sql,
    { at, role: actor.role, actor: actor.name, device: actor.device, action: "follow_up_done", target: String(row.number), commandId: null, detail: note },
    [],
  );
  return { ok: true, followUp: followUpOf(sql.exec<Row>("SELECT * FROM follow_ups WHERE id = ?", id).toArray()[0]!) };
}

/** The hall object's part (worker/hall-object/part.ts): the table, and a row per 差评 as it is written. */
export class HallFollowUps implements Part {
  readonly tables = ["follow_ups"];

  constructor(private readonly storage: Pick<DurableObjectStorage, "sql" | "transactionSync">) {
    migrateFollowUps(storage.sql);
  }

  record(_before: HallState, outcome: Written): void {
    recordFollowUps(this.storage.sql, outcome.events);
  }

  list(state: "open" | "done" | "all"): FollowUp[] {
    return followUpList(this.storage.sql, state);
  }

  close(id: number, note: string, actor: Actor, now: number): FollowUpClose {
    return this.storage.transactionSync(() => closeFollowUp(this.storage.sql, id, note, actor, now));
  }
}
