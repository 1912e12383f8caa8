/**
 * The day's figures, counted from the hall's event log as it grows: one `Rollup` per
 * (day, dimension, group), each plain JSON that can be stored as a row and merged with others.
 *
 * The log is the only source: nothing here keeps a count the events do not carry. A Durable
 * Object can feed each appended event to `countEvent` and store `rollupsOf(tally)` at the day's
 * end; a `from..to` question then merges stored rows (see `mergeRollups` in stats.ts) instead
 * of re-reading a year of events.
 *
 * Which group a figure belongs to:
 *  - day: the hall's local date when the ticket was issued (a ticket's whole visit is one day);
 *  - hour: the local hour the ticket was issued ("09": the citizens who arrived 09:00–09:59);
 *  - category: the ticket's category at that moment (issued: as issued; wait: when first called;
 *    served: when finished; transfer: the category it left);
 *  - window / officer: the window (and the officer signed in there) that called, served, marked
 *    the no-show or transferred the ticket away; issued tickets have no window or officer yet.
 */
import { localDayHour } from "../core/day.js";
import { addDurations, countDuration, noDurations, type DurationCounts } from "./durations.js";
import type { HallEvent } from "../core/events.js";
import type { Ticket, WindowRef } from "../core/model.js";

export type StatsDimension = "hall" | "category" | "window" | "officer" | "hour";

export const DIMENSIONS: readonly StatsDimension[] = ["hall", "category", "window", "officer", "hour"];

/** The figures of one group on one day. */
export interface Rollup {
  /** Local date, YYYY-MM-DD, in the hall's time zone. */
  day: string;
  by: StatsDimension;
  /** "all" for the hall; a category id; a window id; an officer badge ("" when nobody signed in); an hour "09". */
  key: string;
  /** What a person reads: 户政, "5 交管专窗", an officer's name, "09:00–10:00". */
  label: string;
  issued: number;
  /** Tickets finished at a window. */
  served: number;
  /** No-show marks (a re-queued ticket that misses its call again counts twice). */
  noShows: number;
  transfers: number;
  /** Issue to first call. */
  wait: DurationCounts;
  /** Start of service at the finishing window (called or started, the later) to finish. */
  service: DurationCounts;
  /** `good`: 好评 (4 or 5); `bad`: 差评 (1 or 2). Absent in rollups stored before they were counted. */
  rating: { count: number; sum: number; good?: number; bad?: number };
}

/** A citizen's score on the window evaluator (窗口评价器). */
export interface Rating {
  /** Ticket id, e.g. "20261123-A023". */
  ticket: string;
  /** 1 (very unhappy) to 5 (very happy). */
  score: number;
  at: string;
}

interface FinishedTicket {
  /** The rollups it was served in, which its rating joins. */
  rollups: Rollup[];
  rated: boolean;
}

/**
 * Running counts for a hall; feed it events in log order. It remembers each ticket it has seen
 * (for the local day of issue and for later ratings), so a long-lived one should be turned over
 * once a day: store `rollupsOf(tally)` at `hall.reset`, then go on with `nextDayTally(tally)`.
 */
export interface StatsTally {
  timezone: string;
  categoryNames: Map<string, string>;
  /** Windows as last configured or updated, to name the window a transfer left. */
  windows: Map<string, WindowRef>;
  rollups: Map<string, Rollup>;
  /** Local day and hour of each ticket's issue time, read once per ticket. */
  issued: Map<string, { day: string; hour: string }>;
  /** Finished tickets, so a rating that comes later lands in the same groups. */
  finished: Map<string, FinishedTicket>;
  /** The dimensions counted; all of them unless the tally was started with fewer. */
  dimensions: ReadonlySet<StatsDimension>;
}

/**
 * An empty tally for a hall in `timezone`; a `hall.configured` event in the log moves it to the
 * hall's configured zone.
 *
 * @example
 * const tally = startTally("Asia/Shanghai");
 * for (const event of log) countEvent(tally, event);
 * countRating(tally, { ticket: "20260302-A001", score: 5, at: "2026-03-02T01:20:00.000Z" });
 * const rows = rollupsOf(tally); // store one row per (day, by, key)
 */
export function startTally(timezone: string, dimensions: readonly StatsDimension[] = DIMENSIONS): StatsTally {
  return {
    timezone,
    categoryNames: new Map(),
    windows: new Map(),
    issued: new Map(),
    rollups: new Map(),
    finished: new Map(),
    dimensions: new Set(dimensions),
  };
}

/**
 * A fresh tally for the next day that still knows the hall's zone, category names and windows
 * (which only a `hall.configured` or `window.updated` event would otherwise tell it).
 *
 * @example
 * if (event.type === "hall.reset") { await store(rollupsOf(tally)); tally = nextDayTally(tally); }
 */
export function nextDayTally(tally: StatsTally): StatsTally {
  return { ...startTally(tally.timezone, [...tally.dimensions]), categoryNames: new Map(tally.categoryNames), windows: new Map(tally.windows) };
}

function localDayAndHour(iso: string, timezone: string): { day: string; hour: string } {
  return localDayHour(Date.parse(iso), timezone);
}

function hourLabel(hour: string): string {
  const next = String((Number(hour) + 1) % 24).padStart(2, "0");
  return `${hour}:00–${next}:00`;
}

/**
 * Adds to `into` the rollup of `by` and `key` on `day`, made (and labelled by `label()`) the
 * first time, unless the tally does not count `by`. The label is read only for a new rollup, as
 * a rollup keeps its first label.
 */
function touch(tally: StatsTally, day: string, by: StatsDimension, key: string, label: () => string, into: Rollup[]): void {
  if (!tally.dimensions.has(by)) return;
  const id = `${day}|${by}|${key}`;
  let r = tally.rollups.get(id);
  if (!r) {
    r = {
      day,
      by,
      key,
      label: label(),
      issued: 0,
      served: 0,
      noShows: 0,
      transfers: 0,
      wait: noDurations(),
      service: noDurations(),
      rating: { count: 0, sum: 0, good: 0, bad: 0 },
    };
    tally.rollups.set(id, r);
  }
  into.push(r);
}

/** The rollups a ticket's event counts in on `day`; `window` null leaves out window and officer. */
function rollupsOfEvent(tally: StatsTally, day: string, ticket: Ticket, category: string, window: WindowRef | null, hour: string): Rollup[] {
  const out: Rollup[] = [];
  // Each dimension is asked before its label is made: a simulated day counts three of the five.
  const counts = tally.dimensions;
  touch(tally, day, "hall", "all", () => "全厅", out);
  if (counts.has("category")) touch(tally, day, "category", category, () => tally.categoryNames.get(category) ?? category, out);
  if (counts.has("hour")) touch(tally, day, "hour", hour, () => hourLabel(hour), out);
  if (window) {
    if (counts.has("window")) touch(tally, day, "window", window.id, () => (window.number ? `${window.number} ${window.label}`.trim() : `window ${window.id}`), out);
    const officer = ticket.officer;
    if (counts.has("officer")) touch(tally, day, "officer", officer?.badge ?? "", () => (officer ? officer.name : "nobody signed in"), out);
  }
  return out;
}

/** Adds to each rollup an event of `ticket` counts in (see `rollupsOfEvent`), and returns them. */
function addToRollups(tally: StatsTally, day: string, hour: string, ticket: Ticket, category: string, window: WindowRef | null, add: (r: Rollup) => void): Rollup[] {
  const rollups = rollupsOfEvent(tally, day, ticket, category, window, hour);
  for (const r of rollups) add(r);
  return rollups;
}

/**
 * Adds one event of the log to the tally. Events that carry no figure are ignored.
 *
 * @example
 * // in the Durable Object, after the events are committed:
 * for (const event of outcome.events) countEvent(tally, event);
 */
export function countEvent(tally: StatsTally, event: HallEvent): void {
  if (event.type === "hall.configured") {
    tally.timezone = event.config.timezone;
    for (const c of event.config.categories) tally.categoryNames.set(c.id, c.names["zh-Hans"]);
    for (const w of event.config.windows) tally.windows.set(w.id, { id: w.id, number: w.number, label: w.label });
    return;
  }
  if (event.type === "window.updated") {
    const w = event.window;
    tally.windows.set(w.id, { id: w.id, number: w.number, label: w.label });
    return;
  }
  if (event.type === "ticket.rated") {
    countRating(tally, { ticket: event.ticket.id, score: event.score, at: event.at });
    return;
  }
  if (!("ticket" in event)) return;
  const ticket = event.ticket;
  let local = tally.issued.get(ticket.id);
  if (!local || event.type === "ticket.issued") {
    local = localDayAndHour(ticket.issuedAt, tally.timezone);
    tally.issued.set(ticket.id, local);
  }
  const { day, hour } = local;
  // A function of the module, not a named closure made per event: tsx (the benchmarks) names every
  // named closure as it is made (esbuild's keepNames), which was a fifth of a cold simulated day.
  switch (event.type) {
    case "ticket.issued":
      addToRollups(tally, day, hour, ticket, ticket.category, null, (r) => r.issued++);
      return;
    case "ticket.called": {
      // Only the first call ends the wait; a re-call after a transfer or re-queue has callCount > 1.
      if (ticket.callCount !== 1) return;
      const waited = Date.parse(event.at) - Date.parse(ticket.issuedAt);
      addToRollups(tally, day, hour, ticket, ticket.category, event.window, (r) => countDuration(r.wait, waited));
      return;
    }
    case "ticket.finished": {
      // servedAt can be left over from a window the ticket was transferred away from.
      const began = Math.max(Date.parse(ticket.servedAt ?? event.at), Date.parse(ticket.calledAt ?? event.at));
      const rollups = addToRollups(tally, day, hour, ticket, ticket.category, event.window, (r) => {
        r.served++;
        countDuration(r.service, Date.parse(event.at) - began);
      });
      tally.finished.set(ticket.id, { rollups, rated: tally.finished.get(ticket.id)?.rated ?? false });
      return;
    }
    case "ticket.no_show":
      addToRollups(tally, day, hour, ticket, ticket.category, event.window, (r) => r.noShows++);
      return;
    case "ticket.transferred": {
      const from = event.transfer.from;
      const window = from.window === null ? null : (tally.windows.get(from.window) ?? { id: from.window, number: 0, label: "" });
      addToRollups(tally, day, hour, ticket, from.category, window, (r) => r.transfers++);
      return;
    }
  }
}

/**
 * Adds a citizen's rating to the groups the ticket was served in. Returns false, counting
 * nothing, for a ticket the tally has not seen finished, a score outside 1..5, or a ticket
 * already rated (the first rating stands).
 *
 * @example
 * countRating(tally, { ticket: "20260302-A001", score: 5, at: "2026-03-02T01:20:00.000Z" }) // true
 */
export function countRating(tally: StatsTally, rating: Rating): boolean {
  const served = tally.finished.get(rating.ticket);
  if (!served || served.rated || !Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) return false;
  served.rated = true;
  for (const r of served.rollups) {
    r.rating.count++;
    r.rating.sum += rating.score;
    if (rating.score >= 4) r.rating.good = (r.rating.good ?? 0) + 1;
    if (rating.score <= 2) r.rating.bad = (r.rating.bad ?? 0) + 1;
  }
  return true;
}

/**
 * The tally's rollups, by day, dimension and key: the rows to store.
 *
 * @example
 * for (const r of rollupsOf(tally)) sql.exec("INSERT OR REPLACE INTO rollups VALUES (?, ?, ?, ?)", r.day, r.by, r.key, JSON.stringify(r));
 */
export function rollupsOf(tally: StatsTally): Rollup[] {
  return [...tally.rollups.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.by.localeCompare(b.by) || a.key.localeCompare(b.key, "en", { numeric: true }),
  );
}

/**
 * Every rollup of a log at once: events in log order, then the ratings.
 *
 * @example
 * const rows = rollUp(events, { timezone: "Asia/Shanghai", ratings });
 * rows.filter((r) => r.by === "category" && r.day === "2026-03-02");
 */
export function rollUp(
  events: Iterable<HallEvent>,
  options: { timezone: string; ratings?: Iterable<Rating>; dimensions?: readonly StatsDimension[] },
): Rollup[] {
  const tally = startTally(options.timezone, options.dimensions);
  for (const e of events) countEvent(tally, e);
  for (const r of options.ratings ?? []) countRating(tally, r);
  return rollupsOf(tally);
}

/**
 * Adds `from`'s counts into `into` (same group; the label is taken from `from`).
 *
 * @example
 * const march = { ...firstDay, wait: noDurations(), … }; for (const d of days) addRollup(march, d);
 */
export function addRollup(into: Rollup, from: Rollup): void {
  into.label = from.label;
  into.issued += from.issued;
  into.served += from.served;
  into.noShows += from.noShows;
  into.transfers += from.transfers;
  addDurations(into.wait, from.wait);
  addDurations(into.service, from.service);
  into.rating.count += from.rating.count;
  into.rating.sum += from.rating.sum;
  into.rating.good = (into.rating.good ?? 0) + (from.rating.good ?? 0);
  into.rating.bad = (into.rating.bad ?? 0) + (from.rating.bad ?? 0);
}
