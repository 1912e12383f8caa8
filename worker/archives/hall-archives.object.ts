/**
 * The hall's share of archiving (issue 22 §2): its own alarm writes each whole local day of
 * events and audit rows older than the hall's retention (`eventDays`, `auditDays`) to the media
 * store as gzip NDJSON (archive.ts), reads the object back to check it, and only then deletes
 * exactly the rows it holds, in the same transaction that lists the archive. So a wake that
 * fails or is cut anywhere loses nothing: the rows stay until their archive is known good, and a
 * retried wake writes the same part under the same name again (its number comes from the list,
 * which only grows with the delete), so nothing is archived twice.
 *
 * Each wake writes at most PARTS_PER_WAKE parts, each of at most MAX_PART_ROWS rows and
 * MAX_PART_BYTES, so a hall with years of backlog catches up over several wakes, never in one
 * huge transaction or one huge value. Events are never archived from today's stretch of the log
 * (since the last `hall.reset`) nor past the snapshot: waking up and today's statistics read them.
 */
import { localDay } from "../core/day.js";
import type { HallState } from "../core/model.js";
import { retentionOf } from "../core/retention.js";
import { publicEvent } from "../core/snapshot.js";
import type { HallEvent } from "../core/events.js";
import type { Hall, Part } from "../hall-object/part.js";
import { AUDIT_COLUMNS, auditRowOf } from "../hall-object/storage.js";
import { mediaStore, type MediaStore } from "../media/store.js";
import {
  ARCHIVE_KINDS,
  archiveKey,
  BACKLOG_PAUSE_MS,
  dayBounds,
  keptFrom,
  MAX_PART_ROWS,
  ndjson,
  PARTS_PER_WAKE,
  partOf,
  type ArchiveEntry,
  type ArchiveKind,
} from "./archive.js";

/** Archiving is checked this often (hall clock), and on the first round after each wake. */
const CHECK_EVERY_MS = 24 * 3600 * 1000;
/** After a failed wake (the store unreachable, a check that did not match), try again in an hour. */
const RETRY_MS = 3600 * 1000;

/** Where the hall's live logs now start: the first seq and audit id still in the hall. */
export interface LiveFrom {
  events: number;
  audit: number;
}

/** One archive by its kind, day and part. */
export interface ArchiveRef {
  kind: ArchiveKind;
  day: string;
  part: number;
}

export interface ArchiveList {
  archives: ArchiveEntry[];
  liveFrom: LiveFrom;
}

/** One part about to be written: its place in the list and its rows' lines. */
interface Pending {
  kind: ArchiveKind;
  day: string;
  part: number;
  first: number;
  last: number;
  lines: string[];
  key: string;
}

const SOURCES = {
  events: {
    table: "events",
    id: "seq",
    columns: "seq AS k, at, body",
    line: (r: Record<string, SqlStorageValue>) => JSON.stringify(publicEvent(JSON.parse(r.body as string) as HallEvent)),
  },
  audit: {
    table: "audit",
    id: "id",
    columns: `id AS k, ${AUDIT_COLUMNS}`,
    line: (r: Record<string, SqlStorageValue>) => JSON.stringify(auditRowOf(r)),
  },
} as const;

async function gzip(text: string): Promise<Uint8Array> {
  const zipped = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(zipped).arrayBuffer());
}

async function gunzip(body: ReadableStream): Promise<string> {
  return new Response(body.pipeThrough(new DecompressionStream("gzip"))).text();
}

export class HallArchives implements Part {
  readonly tables = ["archives"];
  /** When the next check is due (hall clock); 0 checks on the first round after a wake. */
  #due = 0;
  #running: Promise<void> | null = null;

  constructor(private readonly hall: Hall) {
    hall.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS archives (
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        part INTEGER NOT NULL,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        archived_at TEXT NOT NULL,
        PRIMARY KEY (kind, day, part)
      ) WITHOUT ROWID;
    `);
  }

  get #sql(): SqlStorage {
    return this.hall.ctx.storage.sql;
  }

  /** The hall's waker: starts a round of archiving when one is due; it runs on after the reply. */
  plan(state: HallState, now: number): number {
    if (this.#running || now < this.#due) return this.#due;
    this.#due = now + CHECK_EVERY_MS;
    const run = this.#round(state, now)
      .then(
        (backlog) => {
          if (backlog) this.#due = this.hall.clock() + BACKLOG_PAUSE_MS;
        },
        (error: unknown) => {
          // Nothing was deleted that is not archived and checked; the rows wait for the next try.
          console.error(JSON.stringify({ alarm: "archive_failed", hall: state.hall, error: String(error) }));
          this.#due = this.hall.clock() + RETRY_MS;
        },
      )
      .finally(() => {
        this.#running = null;
        void this.hall.schedule();
      });
    this.#running = run;
    this.hall.ctx.waitUntil(run);
    return this.#due;
  }

  /** Resolves once no round is running (the alarm waits for it, so the runtime keeps the hall up). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** The archives, oldest first (only `one`'s, when asked), and where the live logs start. */
  list(one?: ArchiveRef): ArchiveList {
    const where = one ? "WHERE kind = ? AND day = ? AND part = ?" : "";
    const rows = this.#sql
      .exec<{ kind: ArchiveKind; day: string; part: number; first: number; last: number; rows: number; bytes: number; archived_at: string }>(
        `SELECT kind, day, part, first, last, rows, bytes, archived_at FROM archives ${where} ORDER BY kind DESC, day, part`,
        ...(one ? [one.kind, one.day, one.part] : []),
      )
      .toArray();
    const archives = rows.map(({ archived_at, ...r }) => ({ ...r, archivedAt: archived_at }));
    return { archives, liveFrom: this.liveFrom() };
  }

  liveFrom(): LiveFrom {
    const first = (table: string, id: string) =>
      this.#sql.exec<{ f: number | null; h: number | null }>(`SELECT MIN(${id}) AS f, MAX(${id}) AS h FROM ${table}`).one();
    const events = first("events", "seq");
    // An empty log starts after the last archived seq (or at 1).
    const archived = (kind: ArchiveKind) => this.#sql.exec<{ l: number | null }>("SELECT MAX(last) AS l FROM archives WHERE kind = ?", kind).one().l ?? 0;
    const audit = first("audit", "id");
    return { events: events.f ?? archived("events") + 1, audit: audit.f ?? archived("audit") + 1 };
  }

  /** Writes up to PARTS_PER_WAKE parts; true when that used them all, so more may be due. */
  async #round(state: HallState, now: number): Promise<boolean> {
    let store: MediaStore;
    try {
      store = mediaStore(this.hall.env);
    } catch {
      return false; // no store, no archiving: nothing is pruned either
    }
    let budget = PARTS_PER_WAKE;
    for (const kind of ARCHIVE_KINDS) {
      for (let part = this.#next(kind, state, now); part; part = this.#next(kind, state, now)) {
        await this.#write(store, part);
        if (--budget === 0) return true;
      }
    }
    return false;
  }

  /** The next part of `kind` due for the archive at `now`, or null when none is. */
  #next(kind: ArchiveKind, state: HallState, now: number): Pending | null {
    const source = SOURCES[kind];
    const timezone = state.settings.timezone;
    const retention = retentionOf(state.settings);
    const cutoff = keptFrom(now, timezone, kind === "events" ? retention.eventDays : retention.auditDays);
    const ceiling = kind === "events" ? this.#eventCeiling() : Number.MAX_SAFE_INTEGER;
    const oldest = this.#sql
      .exec<{ k: number; at: string }>(`SELECT ${source.id} AS k, at FROM ${source.table} WHERE ${source.id} < ? ORDER BY ${source.id} LIMIT 1`, ceiling)
      .toArray()[0];
    if (!oldest || !(Date.parse(oldest.at) < cutoff)) return null;
    const day = localDay(Date.parse(oldest.at), timezone);
    const rows = this.#sql
      .exec(`SELECT ${source.columns} FROM ${source.table} WHERE ${source.id} >= ? AND ${source.id} < ? ORDER BY ${source.id} LIMIT ?`, oldest.k, ceiling, MAX_PART_ROWS)
      .toArray()
      .map((r) => ({ k: r.k as number, at: r.at as string, line: source.line(r) }));
    const taken = partOf(rows, dayBounds(day, timezone));
    const part = this.#sql.exec<{ n: number }>("SELECT COALESCE(MAX(part), 0) + 1 AS n FROM archives WHERE kind = ? AND day = ?", kind, day).one().n;
    return { kind, day, part, first: taken[0]!.k, last: taken.at(-1)!.k, lines: taken.map((r) => r.line), key: archiveKey(state.hall, kind, day, part) };
  }

  /** Events at or after today's `hall.reset`, or past the snapshot, stay: waking and today's figures replay them. */
  #eventCeiling(): number {
    const reset = this.#sql.exec<{ s: number | null }>("SELECT MAX(seq) AS s FROM events WHERE type = 'hall.reset'").one().s ?? 0;
    const snapshot = this.#sql.exec<{ s: number }>("SELECT seq AS s FROM snapshot WHERE id = 1").toArray()[0]?.s ?? 0;
    return Math.min(reset, snapshot + 1);
  }

  /** Write, read back and compare, then delete exactly the rows written and list the part, together. */
  async #write(store: MediaStore, p: Pending): Promise<void> {
    const text = ndjson(p.lines);
    const zipped = await gzip(text);
    await store.put(p.key, zipped, { contentType: "application/gzip" });
    const back = await store.get(p.key);
    if (!back || (await gunzip(back.body)) !== text) throw new Error(`the archive ${p.key} did not read back as written`);
    const { table, id } = SOURCES[p.kind];
    this.hall.ctx.storage.transactionSync(() => {
      // The rows in [first, last] were all read at once and keys only grow, so these are the same rows.
      const there = this.#sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${id} >= ? AND ${id} <= ?`, p.first, p.last).one().n;
      if (there !== p.lines.length) throw new Error(`the archive ${p.key} holds ${p.lines.length} rows but ${there} would go`);
      this.#sql.exec(`DELETE FROM ${table} WHERE ${id} >= ? AND ${id} <= ?`, p.first, p.last);
      this.#sql.exec(
        "INSERT INTO archives (kind, day, part, first, last, rows, bytes, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        p.kind,
        p.day,
        p.part,
        p.first,
        p.last,
        p.lines.length,
        zipped.byteLength,
        new Date(this.hall.clock()).toISOString(),
      );
    });
  }
}
