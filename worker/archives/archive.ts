/**
 * The hall's archives (issue 22 §2): before events and audit rows leave the hall, each whole
 * local day of them is written as gzip NDJSON to the media store (worker/media/store.ts), one
 * object per kind per day — `archives/{hall}/events/2026-09-01.ndjson.gz` — or, for a day too
 * big for one object, in parts `2026-09-01.ndjson.gz`, `2026-09-01.2.ndjson.gz`, …
 *
 * Events are archived as the export sends them (`GET /events`: the public event, no citizen's
 * ID mark), so the archives and the live log read as one log; audit rows as the audit API
 * sends them.
 */
import { localDay, nextMidnight, offsetMinutes } from "../core/day.js";

export const ARCHIVE_KINDS = ["events", "audit"] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/**
 * One archive object holds at most this many rows and bytes of NDJSON (before gzip), well below
 * the media store's limits (R2: 5 GB per object, 100 MB per Worker request body) and small
 * enough to read, gzip and verify in a hall's memory (128 MB per isolate) within one wake.
 */
export const MAX_PART_ROWS = 25_000;
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** Parts written per wake: a hall with years of backlog catches up over several wakes. */
export const PARTS_PER_WAKE = 4;
/** The pause between wakes while a backlog remains (hall clock). */
export const BACKLOG_PAUSE_MS = 5_000;

/** An archive as the hall lists it. */
export interface ArchiveEntry {
  kind: ArchiveKind;
  /** The hall's local day its rows were written on, YYYY-MM-DD. */
  day: string;
  /** 1 for the day's first (usually only) object. */
  part: number;
  /** The first and last seq (events) or audit id the object holds. */
  first: number;
  last: number;
  rows: number;
  /** Its size in the store, gzipped. */
  bytes: number;
  /** When it was written (ISO). */
  archivedAt: string;
}

/** `2026-09-01.ndjson.gz`, or `2026-09-01.2.ndjson.gz` for a day's second part. */
export function archiveName(day: string, part: number): string {
  return part === 1 ? `${day}.ndjson.gz` : `${day}.${part}.ndjson.gz`;
}

/** The day and part an archive's file name names, or null for a name that is none. */
export function parseArchiveName(name: string): { day: string; part: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.([1-9]\d{0,3}))?\.ndjson\.gz$/.exec(name);
  if (!m) return null;
  const part = m[2] === undefined ? 1 : Number(m[2]);
  return part === 1 && m[2] !== undefined ? null : { day: m[1]!, part };
}

export function archiveKey(hall: string, kind: ArchiveKind, day: string, part: number): string {
  return `archives/${hall}/${kind}/${archiveName(day, part)}`;
}

/** The instants [start, end) of local day `day` in `timezone`. */
export function dayBounds(day: string, timezone: string): { start: number; end: number } {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  const noon = noonUtc - offsetMinutes(noonUtc, timezone) * 60_000;
  return { start: nextMidnight(noon - 24 * 3600_000, timezone), end: nextMidnight(noon, timezone) };
}

/**
 * The instant before which whole days are archived: the local midnight that starts the oldest
 * day kept, `days` days before today. Today and the `days` days before it stay in the hall.
 */
export function keptFrom(now: number, timezone: string, days: number): number {
  return dayBounds(localDay(now - days * 24 * 3600_000, timezone), timezone).start;
}

/**
 * The rows one part takes: from the first, while they are on `day`'s [start, end), at most
 * MAX_PART_ROWS and MAX_PART_BYTES of lines. Always at least one row when the first is on the day.
 */
export function partOf<R extends { at: string; line: string }>(rows: R[], bounds: { start: number; end: number }): R[] {
  const taken: R[] = [];
  let bytes = 0;
  for (const row of rows) {
    const at = Date.parse(row.at);
    if (!(at >= bounds.start && at < bounds.end)) break;
    const size = utf8Length(row.line) + 1;
    if (taken.length > 0 && (taken.length >= MAX_PART_ROWS || bytes + size > MAX_PART_BYTES)) break;
    taken.push(row);
    bytes += size;
  }
  return taken;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** The NDJSON text of some lines: one per row, each ended by a newline. */
export const ndjson = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join("");
