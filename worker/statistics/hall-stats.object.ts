/**
 * The hall's statistics, kept beside its event log so that a year of days answers at once.
 * The log stays the only source: every figure here is counted from its events (rollup.ts).
 *
 * - `stats_rollups`: one row per (dimension, day, key), the day's `Rollup` as JSON. A day's rows
 *   are written when `hall.reset` ends it, in the same transaction as the reset, so a day is
 *   either wholly counted or not at all.
 * - `stats_days`: the stretches of the log already counted, by the seq of the `hall.reset` that
 *   ended each. A hall that ran before statistics were kept has resets with no row here; the first
 *   question about those days counts them from the log once (`backfill`), a bounded number per
 *   question, newest first.
 * - Today lives in memory: a tally of the events since the last reset, rebuilt from the log the
 *   first time it is needed after the hall wakes (today's events only), then kept current as
 *   commands commit. Questions merge the stored days with it.
 */
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { refusal } from "../edge/refusal.js";
import { referenceDayOf, sameWeekdayLastWeek, type ReferenceDay } from "../insights/outlook.js";
import { addRollup, countEvent, nextDayTally, rollupsOf, startTally, type Rollup, type StatsDimension, type StatsTally } from "./rollup.js";
import { mergeRollups, type StatsRow } from "./stats.js";
import { hallFigures } from "../insights/figures.js";
import type { StoredReply } from "../hall-object/storage.js";
import type { Part, Written } from "../hall-object/part.js";

/**
 * At most this many logged events of older days are counted for one question (about 0.4 s; some
 * 20 days of a 550-ticket hall); the rest are named in `pendingDays` and counted by the next.
 */
export const BACKFILL_EVENTS_PER_QUESTION = 50_000;

export type InsightQuestion =
  | { kind: "stats"; by: StatsDimension; from?: string | undefined; to?: string | undefined; per: "range" | "day" }
  | { kind: "advice" };

export interface StatsAnswer {
  hall: string;
  timezone: string;
  /** The hall's local date now. */
  today: string;
  from: string;
  to: string;
  by: StatsDimension;
  per: "range" | "day";
  /** The whole hall over the range (null when nothing happened in it). */
  total: StatsRow | null;
  rows: StatsRow[];
  /** Days in the range whose events are still being counted from the log: ask again. */
  pendingDays: string[];
}

export function migrateStats(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS stats_rollups (
      dimension TEXT NOT NULL,
      day TEXT NOT NULL,
      key TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (dimension, day, key)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS stats_days (
      reset_seq INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      from_seq INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_resets ON events (seq) WHERE type = 'hall.reset';
  `);
}

interface Today {
  tally: StatsTally;
  /** The first seq of today's stretch of the log (just after the last reset). */
  fromSeq: number;
  /** The last seq counted. */
  seq: number;
}

/** A tally that already knows the hall's zone, category names and windows from its state. */
function tallyFor(state: HallState): StatsTally {
  const tally = startTally(state.settings.timezone);
  for (const c of state.categories) tally.categoryNames.set(c.id, c.names["zh-Hans"]);
  for (const w of state.windows) tally.windows.set(w.id, { id: w.id, number: w.number, label: w.label });
  return tally;
}

function lastResetBefore(sql: SqlStorage, seq: number): number {
  return sql.exec<{ s: number | null }>("SELECT MAX(seq) AS s FROM events WHERE type = 'hall.reset' AND seq < ?", seq).one().s ?? 0;
}

/** Counts the logged events in (after, upTo] into `tally`. */
function replay(sql: SqlStorage, tally: StatsTally, after: number, upTo: number): void {
  for (const row of sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? AND seq <= ? ORDER BY seq", after, upTo)) {
    countEvent(tally, JSON.parse(row.body) as HallEvent);
  }
}

/** The rows to store: added to what is there, as a day ended by two resets (a manual one, then midnight) sums both. */
function summed(sql: SqlStorage, rollups: Rollup[]): Rollup[] {
  return rollups.map((r) => {
    const row = sql
      .exec<{ body: string }>("SELECT body FROM stats_rollups WHERE dimension = ? AND day = ? AND key = ?", r.by, r.day, r.key)
      .toArray()[0];
    if (!row) return r;
    const sum = JSON.parse(row.body) as Rollup;
    addRollup(sum, r);
    return sum;
  });
}

function store(sql: SqlStorage, rows: Rollup[], reset: { seq: number; day: string; from: number }): void {
  for (const r of rows) {
    sql.exec("INSERT OR REPLACE INTO stats_rollups (dimension, day, key, body) VALUES (?, ?, ?, ?)", r.by, r.day, r.key, JSON.stringify(r));
  }
  sql.exec("INSERT OR IGNORE INTO stats_days (reset_seq, day, from_seq) VALUES (?, ?, ?)", reset.seq, reset.day, reset.from);
}

export class HallStats implements Part {
  readonly tables = ["stats_rollups", "stats_days"];
  #today: Today | null = null;
  #reference: { day: string; value: ReferenceDay | null } | null = null;

  readonly sql: SqlStorage;

  constructor(private readonly storage: Pick<DurableObjectStorage, "sql" | "transactionSync">) {
    this.sql = storage.sql;
    migrateStats(this.sql);
  }

  /** The hall object's part (worker/hall-object/part.ts): a command's events, counted as they are written. */
  record(before: HallState, outcome: Written): void {
    this.persist(before, outcome.events);
  }

  /**
   * Inside the command's transaction, after its events are appended: each `hall.reset` among
   * them stores the rollups of the day it ends. Changes nothing in memory, so a transaction that
   * fails leaves the tally as it was.
   */
  persist(before: HallState, events: HallEvent[]): void {
    for (const e of events) {
      if (e.type !== "hall.reset") continue;
      const from = lastResetBefore(this.sql, e.seq) + 1;
      let rows: Rollup[];
      try {
        const today = this.#today;
        let tally: StatsTally;
        if (today && today.fromSeq === from && today.seq === e.seq - 1) {
          tally = today.tally;
        } else {
          tally = tallyFor(before);
          replay(this.sql, tally, from - 1, e.seq - 1);
        }
        rows = summed(this.sql, rollupsOf(tally));
      } catch (error) {
        // Statistics never stop the day from ending: the day stays uncounted, and the first
        // question about it counts it from the log (`backfill`).
        console.error("statistics: could not count the day ending at seq", e.seq, error);
        continue;
      }
      store(this.sql, rows, { seq: e.seq, day: e.previousDay, from });
    }
  }

  /** After the transaction committed: today's tally follows the log. */
  committed(before: HallState, outcome: Written): void {
    const today = this.#today;
    if (!today || today.seq !== before.seq) return;
    for (const e of outcome.events) {
      if (e.type === "hall.reset") {
        this.#today = { tally: nextDayTally(this.#today!.tally), fromSeq: e.seq + 1, seq: e.seq };
        this.#reference = null;
      } else {
        countEvent(this.#today!.tally, e);
        this.#today!.seq = e.seq;
      }
    }
  }

  /** Today's tally, caught up with the log. */
  #todayOf(state: HallState): Today {
    let today = this.#today;
    if (!today || today.seq > state.seq) {
      const fromSeq = lastResetBefore(this.sql, state.seq + 1) + 1;
      today = { tally: tallyFor(state), fromSeq, seq: fromSeq - 1 };
    }
    if (today.seq < state.seq) {
      for (const row of this.sql.exec<{ body: string }>("SELECT body FROM events WHERE seq > ? AND seq <= ? ORDER BY seq", today.seq, state.seq)) {
        const e = JSON.parse(row.body) as HallEvent;
        if (e.type === "hall.reset") today = { tally: nextDayTally(today.tally), fromSeq: e.seq + 1, seq: e.seq };
        else countEvent(today.tally, e);
      }
      today.seq = state.seq;
    }
    this.#today = today;
    return today;
  }

  /**
   * Counts, once, the days in [from, to] that the log holds but no stored row does (a hall that
   * ran before statistics were kept), newest first, within `BACKFILL_EVENTS_PER_QUESTION`.
   * Returns the days still missing.
   */
  #backfill(state: HallState, from: string, to: string): string[] {
    const missing = this.sql
      .exec<{ seq: number; day: string }>(
        `SELECT seq, json_extract(body, '$.previousDay') AS day FROM events
         WHERE type = 'hall.reset' AND seq NOT IN (SELECT reset_seq FROM stats_days) ORDER BY seq DESC`,
      )
      .toArray()
      .filter((r) => r.day >= from && r.day <= to);
    let budget = BACKFILL_EVENTS_PER_QUESTION;
    const pending: string[] = [];
    for (const { seq, day } of missing) {
      const start = lastResetBefore(this.sql, seq) + 1;
      if (budget <= 0) {
        pending.push(day);
        continue;
      }
      budget -= seq - start;
      const tally = tallyFor(state);
      replay(this.sql, tally, start - 1, seq - 1);
      this.storage.transactionSync(() => store(this.sql, summed(this.sql, rollupsOf(tally)), { seq, day, from: start }));
      this.#reference = null;
    }
    return [...new Set(pending)].sort();
  }

  /** Stored rows of `by` in [from, to], plus today's when the range reaches it. */
  #rollups(state: HallState, by: StatsDimension, from: string, to: string): Rollup[] {
    const rows = this.sql
      .exec<{ body: string }>("SELECT body FROM stats_rollups WHERE dimension = ? AND day >= ? AND day <= ?", by, from, to)
      .toArray()
      .map((r) => JSON.parse(r.body) as Rollup);
    if (to >= state.day) for (const r of rollupsOf(this.#todayOf(state).tally)) if (r.by === by) rows.push(r);
    return rows;
  }

  /** The same weekday last week, read once a day from the stored rows (for the advisor). */
  reference(state: HallState): ReferenceDay | null {
    if (this.#reference?.day === state.day) return this.#reference.value;
    const day = sameWeekdayLastWeek(state.day);
    const rows = this.sql
      .exec<{ body: string }>("SELECT body FROM stats_rollups WHERE dimension IN ('hall', 'category', 'hour') AND day = ?", day)
      .toArray()
      .map((r) => JSON.parse(r.body) as Rollup);
    this.#reference = { day: state.day, value: referenceDayOf(rows, day) };
    return this.#reference.value;
  }

  answer(state: HallState, question: InsightQuestion, now: number): StoredReply {
    if (question.kind === "advice") return { status: 200, body: adviceOf(state, now, this.reference(state)) };
    const today = state.day;
    const to = question.to ?? (question.from && question.from > today ? question.from : today);
    const from = question.from ?? to;
    if (from > to) {
      return { status: 400, body: refusal("invalid", `from (${from}) is after to (${to})`, { from: "on or before to" }) };
    }
    const pendingDays = this.#backfill(state, from, to);
    const query = { by: question.by, from, to, perDay: question.per === "day" };
    const rows = mergeRollups(this.#rollups(state, question.by, from, to), query);
    const [total] = mergeRollups(this.#rollups(state, "hall", from, to), { by: "hall", from, to, perDay: false });
    const body: StatsAnswer = { hall: state.hall, timezone: state.settings.timezone, today, from, to, by: question.by, per: question.per, total: total ?? null, rows, pendingDays };
    return { status: 200, body };
  }
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

/** GET /api/halls/{hall}/advice: the data wall's own figures (screen-figures.ts), for managers. */
export function adviceOf(state: HallState, now: number, reference: ReferenceDay | null) {
  const f = hallFigures(state, now, reference);
  const { advice, day } = f;
  const figures = (w: { windows: number; loadErlangs: number; utilisation: number; meanWaitMinutes: number; p90WaitMinutes: number }) => ({
    windows: w.windows,
    loadErlangs: round(w.loadErlangs),
    utilisation: round(w.utilisation),
    meanWaitMinutes: round(w.meanWaitMinutes),
    p90WaitMinutes: round(w.p90WaitMinutes),
  });
  return {
    hall: state.hall,
    day: state.day,
    at: new Date(now).toISOString(),
    targets: { targetWaitMinutes: state.settings.targetWaitMinutes, alarmMinutes: state.settings.alarmMinutes, withinAlarm: 0.9 },
    live: {
      basis: "arrivals in the last hour and the learnt service times",
      open: f.windows.open,
      needed: advice.comprehensive.windows,
      comprehensive: figures(advice.comprehensive),
      separateWindows: advice.separateWindows,
      categories: f.categories.map((c) => {
        const a = advice.categories.find((x) => x.category === c.category.id)!;
        return {
          category: c.category.id,
          name: c.category.names["zh-Hans"],
          arrivalsLastHour: c.arrivalsLastHour,
          serviceMinutes: round(c.serviceMinutes),
          waiting: c.waiting,
          openWindows: c.openWindows,
          ...figures(a),
        };
      }),
    },
    daily: {
      expectedVolume: day.expectedVolume,
      basis: day.basis,
      lastWeek: day.lastWeek,
      todayIssued: day.todayIssued,
      laibin: day.advice.laibin,
      peak: {
        hour: day.peak.hour,
        basis: day.peak.basis,
        arrivals: round(day.peak.arrivals),
        windows: day.advice.comprehensive.windows,
        separateWindows: day.advice.separateWindows,
        categories: day.advice.categories.map((a) => ({ category: a.category, arrivals: round(day.peak.byCategory[a.category] ?? 0), windows: a.windows })),
      },
    },
  };
}

export type Advice = ReturnType<typeof adviceOf>;
