/**
 * The hall's event log read out for archives and audits (`GET /api/halls/{hall}/events`): the
 * events after a seq, in seq order, each as the public event (worker/core/snapshot.ts
 * `publicEvent`: no citizen's ID mark leaves the hall). The live log starts at `liveFrom`: whole
 * days older than the hall's `eventDays` are archived to the media store and pruned
 * (worker/archives), and are read from there (`GET /api/halls/{hall}/archives`).
 *
 * A page is read in chunks, so a 10,000-event page is streamed to the client piece by piece
 * instead of being held as one string: the first call says where the page ends (`last`), and the
 * Worker asks for the rest a chunk at a time up to it.
 */
import { publicEvent } from "../core/snapshot.js";
import type { HallEvent } from "../core/events.js";

export interface EventPage {
  /** The log's last seq now. */
  head: number;
  /** The first seq still in the hall; older ones are archived (head + 1 when the log holds none). */
  liveFrom: number;
  /** The last seq a page of `limit` events after `after` holds (`after` when it holds none). */
  last: number;
  /** The first events of that page (at most `take`), each one NDJSON line without its newline. */
  lines: string[];
  /** The seq of the last of `lines` (`after` when there are none). */
  through: number;
}

export function eventPage(sql: SqlStorage, head: number, after: number, limit: number, take: number): EventPage {
  const last =
    sql.exec<{ s: number | null }>("SELECT MAX(seq) AS s FROM (SELECT seq FROM events WHERE seq > ? ORDER BY seq LIMIT ?)", after, limit).one().s ??
    after;
  const rows = sql.exec<{ seq: number; body: string }>("SELECT seq, body FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", after, last, take).toArray();
  const lines = rows.map((r) => JSON.stringify(publicEvent(JSON.parse(r.body) as HallEvent)));
  const liveFrom = sql.exec<{ s: number | null }>("SELECT MIN(seq) AS s FROM events").one().s ?? head + 1;
  return { head, liveFrom, last, lines, through: rows.at(-1)?.seq ?? after };
}
