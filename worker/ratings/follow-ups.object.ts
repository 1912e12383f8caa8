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
import { PRUNE_EVERY_MS } from "../hall-object/retention.js";
import { CONTACT_KEEP_MS, CONTACT_WINDOW_MS, maskMobile } from "./contact.js";

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
  /** The call-back number the citizen left, masked (138****5678); null when none was left or it was forgotten. */
  mobile: string | null;
  /** The whole number, only on an open follow-up listed for the manager who calls back. */
  callNumber?: string | null;
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
  // Issue 25 item 5: the citizen's call-back number, forgotten 30 days after the follow-up is done.
  const columns = sql.exec<{ name: string }>("PRAGMA table_info(follow_ups)").toArray().map((c) => c.name);
  if (!columns.includes("mobile")) sql.exec("ALTER TABLE follow_ups ADD COLUMN mobile TEXT");
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

function followUpOf(r: Row, reveal = false): FollowUp {
  const mobile = r.mobile === null || r.mobile === undefined ? null : String(r.mobile);
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
    mobile: mobile && maskMobile(mobile),
    ...(reveal && r.state !== "done" ? { callNumber: mobile } : {}),
  };
}

/**
 * Open ones first (oldest first: they are the most overdue), then the newest done ones. `reveal`
 * puts the whole call-back number on the open ones, for the manager who calls back.
 */
export function followUpList(sql: SqlStorage, state: "open" | "done" | "all", reveal = false, limit = 200): FollowUp[] {
  const where = state === "all" ? "" : "WHERE state = ?";
  const args = state === "all" ? [] : [state];
  return sql
    .exec<Row>(`SELECT * FROM follow_ups ${where} ORDER BY state = 'done', CASE WHEN state = 'open' THEN id ELSE -id END LIMIT ?`, ...args, limit)
    .toArray()
    .map((r) => followUpOf(r, reveal));
}

export type ContactGiven = { ok: true; followUp: FollowUp } | { ok: false; status: 404 | 409; error: string; details: Record<string, string> };

/**
 * The call-back number the citizen left at the evaluator for the 差评 just given at `window`:
 * only for that ticket's open follow-up, within CONTACT_WINDOW_MS of the rating. Audited without
 * the number.
 */
export function giveContact(sql: SqlStorage, window: string, ticket: string, mobile: string, actor: Actor, now: number): ContactGiven {
  const row = sql.exec<Row>("SELECT * FROM follow_ups WHERE ticket = ? AND window = ?", ticket, window).toArray()[0];
  if (!row) return { ok: false, status: 404, error: `no poor rating of ticket ${ticket} at window ${window} to call back`, details: { ticket } };
  if (row.state === "done") return { ok: false, status: 409, error: `the follow-up of ${String(row.number)} is already done`, details: { ticket } };
  if (now - Date.parse(String(row.rated_at)) > CONTACT_WINDOW_MS) {
    return { ok: false, status: 409, error: `${String(row.number)} was rated over ${CONTACT_WINDOW_MS / 60_000} minutes ago: ask at the hall's desk`, details: { ticket } };
  }
  sql.exec("UPDATE follow_ups SET mobile = ? WHERE id = ?", mobile, row.id);
  writeAudit(
    sql,
    { at: new Date(now).toISOString(), role: actor.role, actor: actor.name, device: actor.device, action: "follow_up_contact", target: String(row.number), commandId: null, detail: null },
    [],
  );
  return { ok: true, followUp: followUpOf(sql.exec<Row>("SELECT * FROM follow_ups WHERE id = ?", row.id).toArray()[0]!) };
}

/** Forgets the numbers of follow-ups done more than CONTACT_KEEP_MS ago; returns how many. */
export function forgetContacts(sql: SqlStorage, now: number): number {
  const before = new Date(now - CONTACT_KEEP_MS).toISOString();
  return sql.exec("UPDATE follow_ups SET mobile = NULL WHERE mobile IS NOT NULL AND state = 'done' AND done_at < ?", before).rowsWritten;
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
  /** When the next forgetting of call-back numbers is due on the hall's clock; 0: on the first round. */
  #due = 0;

  constructor(private readonly storage: Pick<DurableObjectStorage, "sql" | "transactionSync">) {
    migrateFollowUps(storage.sql);
  }

  record(_before: HallState, outcome: Written): void {
    recordFollowUps(this.storage.sql, outcome.events);
  }

  /** The daily alarm (as retention.ts's) forgets call-back numbers kept long enough. */
  plan(_state: HallState, now: number): number {
    if (now >= this.#due) {
      forgetContacts(this.storage.sql, now);
      this.#due = now + PRUNE_EVERY_MS;
    }
    return this.#due;
  }

  list(state: "open" | "done" | "all", reveal = false): FollowUp[] {
    return followUpList(this.storage.sql, state, reveal);
  }

  contact(window: string, ticket: string, mobile: string, actor: Actor, now: number): ContactGiven {
    return this.storage.transactionSync(() => giveContact(this.storage.sql, window, ticket, mobile, actor, now));
  }

  close(id: number, note: string, actor: Actor, now: number): FollowUpClose {
    return this.storage.transactionSync(() => closeFollowUp(this.storage.sql, id, note, actor, now));
  }
}
