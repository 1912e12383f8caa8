/**
 * Storage alarms on the manager console (issue 22 §1): when the storage guard (guard.ts) refuses
 * a write, the console's alarm list says so, in Chinese first, until a manager acknowledges it
 * or the hall's day ends. Kept in a small table of its own, written just after the refused
 * transaction rolled back (a row written inside it would roll back with it); the last 20 kept.
 */
import type { Part } from "./part.js";

export interface StorageAlarm {
  id: number;
  /** The hall's clock, ms. */
  at: number;
  /** The hall's day it was raised on: it shows only on that day. */
  day: string;
  /** What was refused, as the guard names it: "a row (INSERT INTO events…)". */
  what: string;
  bytes: number;
}

const KEPT = 20;

export class StorageAlarms implements Part {
  readonly tables = ["storage_alarms"];
  #open: StorageAlarm[];

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS storage_alarms (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      day TEXT NOT NULL,
      what TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      acknowledged_at INTEGER
    )`);
    this.#open = sql
      .exec<{ id: number; at: number; day: string; what: string; bytes: number }>("SELECT id, at, day, what, bytes FROM storage_alarms WHERE acknowledged_at IS NULL ORDER BY id")
      .toArray()
      .map((r) => ({ ...r }));
  }

  /** A refused write, raised on `day`. */
  raise(at: number, day: string, what: string, bytes: number): void {
    this.sql.exec("INSERT INTO storage_alarms (at, day, what, bytes) VALUES (?, ?, ?, ?)", at, day, what.slice(0, 200), bytes);
    const id = this.sql.exec<{ id: number }>("SELECT last_insert_rowid() AS id").one().id;
    this.sql.exec("DELETE FROM storage_alarms WHERE id <= ?", id - KEPT);
    this.#open = [...this.#open.filter((a) => a.id > id - KEPT), { id, at, day, what: what.slice(0, 200), bytes }];
  }

  /** The alarms to show on `day`: raised that day and not acknowledged. */
  shown(day: string): StorageAlarm[] {
    return this.#open.filter((a) => a.day === day);
  }

  /** A manager saw them: every open alarm goes; how many went. */
  acknowledge(now: number): number {
    const n = this.#open.length;
    this.sql.exec("UPDATE storage_alarms SET acknowledged_at = ? WHERE acknowledged_at IS NULL", now);
    this.#open = [];
    return n;
  }
}
