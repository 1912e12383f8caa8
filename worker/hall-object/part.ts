/**
 * How the hall object and its parts meet. A part is one capability's share of the hall's
 * Durable Object (statistics, webhooks, the day plan, devices…), living in that capability's
 * room; the object holds them in one list (parts.ts) and calls them only through `Part`.
 *
 * - A part is built in the object's constructor, every time the hall wakes: that is where it
 *   creates its `tables` (`CREATE TABLE IF NOT EXISTS`) and reloads whatever it keeps in memory,
 *   because waking from hibernation *is* construction.
 * - `record` runs inside each command's SQLite transaction, after its events and audit row, in
 *   list order, so what a part keeps beside the log is written with the events or not at all.
 * - `committed` runs once that transaction is done, before the new state is swapped in and its
 *   events are sent: a part's memory follows the log only after the log has it.
 * - `plan` is the part's `Waker` (alarm.ts): asked after every request and alarm, in list order.
 */
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import type { Outcome } from "../core/outcome.js";
import type { Env } from "../env.js";
import type { LiveView } from "../pages/views.js";
import type { Waker } from "./alarm.js";
import type { Actor } from "./protocol.js";
import type { StoredReply } from "./storage.js";

/** What the hall object hands each part. */
export interface Hall {
  readonly ctx: DurableObjectState;
  readonly env: Env;
  /** The hall's clock (worker/clock.ts). */
  clock(): number;
  /** Decides and writes `command` as `actor`, audited like a request's; `alsoWrite` runs in its transaction. */
  apply(command: Command, actor: Actor, alsoWrite?: (sql: SqlStorage) => void): StoredReply;
  /** Whether any open socket watches a view `which` picks. */
  watching(which: (view: LiveView) => boolean): boolean;
  /** Renders every open view `which` picks again. */
  render(which: (view: LiveView) => boolean): void;
  /** Asks every part's waker again and sets the alarm to the earliest. */
  schedule(): Promise<void>;
}

/** A command's decided change: the hall after it and the events that got it there. */
export type Written = Pick<Outcome, "state" | "events">;

/** What a part gives the hall object: its tables, and each hook it needs. */
export interface Part extends Partial<Waker> {
  /**
   * The SQLite tables the part creates (IF NOT EXISTS) when it is built; none for one that keeps
   * nothing. Required: were every member optional, any object at all would pass for a part.
   */
  readonly tables: readonly string[];
  /** Inside the command's transaction: what this part writes beside the events. */
  record?(before: HallState, outcome: Written, now: number): void;
  /** After the transaction committed, before the new state is swapped in and sent. */
  committed?(before: HallState, outcome: Written, now: number): void;
}
