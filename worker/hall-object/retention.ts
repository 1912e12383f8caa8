/**
 * Retention (issue 22 §2): what the hall keeps only for a while is pruned by its own alarm, so
 * its database does not grow for ever. Here: the replies to commandIds (`commands`), kept the
 * hall's `replyHours` (48 by default, far longer than any retry loop), pruned once a day. Events
 * and audit rows are archived before they are pruned (worker/archives/hall-archives.object.ts).
 *
 * The prune runs on the first waker round after each wake and then every 24 hours of the hall's
 * clock; it is one indexed DELETE (`commands_at`), so a wake pays almost nothing for it.
 */
import type { Part } from "./part.js";
import type { HallState } from "../core/model.js";
import { replyTtlMs } from "./storage.js";

export const PRUNE_EVERY_MS = 24 * 3600 * 1000;

export class HallRetention implements Part {
  readonly tables = [];
  /** When the next prune is due on the hall's clock; 0 runs one on the first round. */
  #due = 0;

  constructor(private readonly sql: SqlStorage) {}

  plan(state: HallState, now: number): number {
    if (now >= this.#due) {
      this.prune(now, replyTtlMs(state.settings));
      this.#due = now + PRUNE_EVERY_MS;
    }
    return this.#due;
  }

  /** Deletes every reply older than the retention; returns how many went. */
  prune(now: number, ttlMs: number): number {
    return this.sql.exec("DELETE FROM commands WHERE at < ?", now - ttlMs).rowsWritten;
  }
}
