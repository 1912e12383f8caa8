/**
 * The calls nobody spoke today, per zone (issue 25 §3, rules in worker/core/alarms.ts): counted
 * as each call is sent out, against the announcers connected at that instant, and dropped for a
 * zone once an announcer with its sound on speaks it again. Kept in one small SQLite row, so a
 * hall that hibernates between calls still remembers them (at most one entry per zone: 50 zones
 * of a few dozen bytes, far under the platform's 2 MB per row).
 */
import { heard, noteCalls, unspokenCalls, type Unspoken, type UnspokenTally } from "../core/alarms.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";

export class UnspokenCalls {
  #tally: UnspokenTally;

  constructor(private readonly sql: SqlStorage) {
    sql.exec("CREATE TABLE IF NOT EXISTS unspoken_calls (id INTEGER PRIMARY KEY CHECK (id = 1), tally TEXT NOT NULL)");
    const row = sql.exec<{ tally: string }>("SELECT tally FROM unspoken_calls WHERE id = 1").toArray()[0];
    this.#tally = row ? (JSON.parse(row.tally) as UnspokenTally) : { day: "", zones: {} };
  }

  /** Counts the calls among `events` that none of the `speaking` announcers' zones speaks. */
  note(state: HallState, events: HallEvent[], speaking: Array<string | null>, now: number): void {
    this.#keep(noteCalls(this.#tally, state, events, speaking, now));
  }

  /** An announcer speaks again: its zones' calls are no longer going unspoken. */
  heard(speaking: Array<string | null>): void {
    this.#keep(heard(this.#tally, speaking));
  }

  /** Today's unspoken calls, per zone. */
  list(day: string): Unspoken[] {
    return unspokenCalls(this.#tally, day);
  }

  #keep(next: UnspokenTally): void {
    if (next === this.#tally) return;
    this.#tally = next;
    // A whole-row replace, not an upsert's DO UPDATE: the storage guard sizes a row by its bound values (guard.ts).
    this.sql.exec("INSERT OR REPLACE INTO unspoken_calls (id, tally) VALUES (1, ?)", JSON.stringify(next));
  }
}
