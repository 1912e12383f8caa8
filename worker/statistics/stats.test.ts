import { describe, expect, it } from "vitest";
import { decide, emptyHall, isRejection } from "../core/hall.js";
import type { Command } from "../core/commands.js";
import type { HallEvent } from "../core/events.js";
import type { HallConfig, HallState } from "../core/model.js";
import { countDuration, noDurations, percentileSeconds } from "./durations.js";
import { countEvent, countRating, nextDayTally, rollUp, rollupsOf, startTally, type Rating } from "./rollup.js";
import { hallStats, mergeRollups, statsCsv, type StatsRow } from "./stats.js";

/** 2026-03-02 09:00 in Asia/Shanghai. */
const NINE = Date.parse("2026-03-02T01:00:00Z");
/** Minutes (and seconds) after 09:00. */
const at = (m: number, s = 0) => NINE + m * 60_000 + s * 1000;

const config: HallConfig = {
  name: "顾村派出所",
  timezone: "Asia/Shanghai",
  alarmMinutes: 10,
  targetWaitMinutes: 8.2,
  languages: ["cmn-Hans"],
  notice: "",
  supervisionUrl: null,
  noShowRequeueMinutes: 30,
  orderBonusMinutes: 2,
  categories: [
    { id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household" }, serviceMinutes: 6, weight: 1 },
    { id: "traffic", prefix: "C", names: { "zh-Hans": "交管", "zh-Hant": "交管", en: "Traffic" }, serviceMinutes: 4, weight: 1 },
  ],
  windows: [
    { id: "1", number: 1, label: "综合窗口", categories: ["household", "traffic"], state: "open" },
    { id: "2", number: 2, label: "交管专窗", categories: ["traffic"], state: "open" },
  ],
};

/** Plays commands at their instants and returns the log; every command must be accepted. */
function play(steps: Array<[number, Command]>, state: HallState = emptyHall("gucun")): { events: HallEvent[]; state: HallState } {
  const events: HallEvent[] = [];
  for (const [now, command] of steps) {
    const out = decide(state, command, now);
    if (isRejection(out)) throw new Error(`${command.type} at ${new Date(now).toISOString()}: ${out.message}`);
    events.push(...out.events);
    state = out.state;
  }
  return { events, state };
}

/**
 * A morning at a two-window station, every figure checked by hand:
 *
 * | ticket | issued | first call        | wait   | service                          | end           |
 * | A001   | 09:00  | 09:03 at 1        | 3:00   | 09:03:30 → 09:08:30 = 5:00       | finished      |
 * | C001   | 09:01  | 09:03 at 2        | 2:00   |                                  | no-show 09:04 |
 * | C002   | 09:02  | 09:04 at 2        | 2:00   | called 09:04 → 09:06 = 2:00      | finished      |
 * | A002   | 09:10  | 10:09 at 1        | 59:00  | called 10:09 → 10:15 = 6:00      | finished      |
 * | C003   | 10:00  | 10:07:30 at 2     | 7:30   | started at 2, transferred to 户政 |               |
 * |        |        | 10:15 at 1 again  | (none) | called 10:15 → 10:20 = 5:00      | finished      |
 *
 * C003's servedAt still says 10:07:45 (window 2) when window 1 finishes it without "start":
 * service is counted from its call at window 1.
 */
const MONDAY: Array<[number, Command]> = [
    [at(-30), { type: "configure", config }],
    [at(-1), { type: "sign_in", window: "1", officer: { name: "王警官", badge: "310113-0001" } }],
    [at(0), { type: "issue", category: "household" }],
    [at(1), { type: "issue", category: "traffic" }],
    [at(2), { type: "issue", category: "traffic" }],
    [at(3), { type: "call", window: "1" }],
    [at(3), { type: "call", window: "2" }],
    [at(3, 30), { type: "start", window: "1" }],
    [at(4), { type: "no_show", window: "2" }],
    [at(4), { type: "call", window: "2" }],
    [at(6), { type: "finish", window: "2" }],
    [at(8, 30), { type: "finish", window: "1" }],
    [at(10), { type: "issue", category: "household" }],
    [at(60), { type: "issue", category: "traffic" }],
    [at(67, 30), { type: "call", window: "2" }],
    [at(67, 45), { type: "start", window: "2" }],
    [at(68), { type: "transfer", ticket: "C003", category: "household" }],
    [at(69), { type: "call", window: "1" }],
    [at(75), { type: "finish", window: "1" }],
    [at(75), { type: "call", window: "1" }],
    [at(80), { type: "finish", window: "1" }],
];

const morning = (): HallEvent[] => play(MONDAY).events;

const ratings: Rating[] = [
  { ticket: "20260302-A001", score: 5, at: new Date(at(9)).toISOString() },
  { ticket: "20260302-C002", score: 3, at: new Date(at(7)).toISOString() },
  { ticket: "20260302-C003", score: 4, at: new Date(at(81)).toISOString() },
  { ticket: "20260302-A001", score: 1, at: new Date(at(20)).toISOString() },
  { ticket: "20260302-C001", score: 1, at: new Date(at(5)).toISOString() },
  { ticket: "20260302-X999", score: 2, at: new Date(at(5)).toISOString() },
];

const byKey = (rows: StatsRow[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe("percentiles", () => {
  const counts = (seconds: number[]) => {
    const c = noDurations();
    for (const s of seconds) countDuration(c, s * 1000);
    return c;
  };

  it("are nearest-rank: the value at rank ⌈p·N/100⌉, never an interpolation", () => {
    expect(percentileSeconds(counts([60, 120, 180, 240]), 50)).toBe(120);
    expect(percentileSeconds(counts([60, 120, 180, 240]), 90)).toBe(240);
    const oneToTen = counts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => m * 60));
    expect(percentileSeconds(oneToTen, 50)).toBe(300);
    expect(percentileSeconds(oneToTen, 90)).toBe(540);
    expect(percentileSeconds(counts([42]), 90)).toBe(42);
    expect(percentileSeconds(noDurations(), 90)).toBeNull();
  });

  it("count each duration to the nearest whole second", () => {
    const c = noDurations();
    countDuration(c, 1499);
    countDuration(c, 1500);
    expect(c).toEqual({ count: 2, sumSeconds: 3, maxSeconds: 2, seconds: { 1: 1, 2: 1 } });
  });
});

describe("the day's statistics from the event log", () => {
  it("gives the hall's waits, services, no-shows and transfers", () => {
    const [hall] = hallStats(morning(), { timezone: "Asia/Shanghai", by: "hall" });
    expect(hall).toMatchObject({ from: "2026-03-02", to: "2026-03-02", key: "all", issued: 5, served: 4, noShows: 1, transfers: 1 });
    // waits 2, 2, 3, 7.5, 59: mean 73.5 / 5; median rank 3; p90 rank ⌈4.5⌉ = 5
    expect(hall!.wait).toEqual({ count: 5, meanMinutes: 14.7, medianMinutes: 3, p90Minutes: 59, maxMinutes: 59 });
    // services 2, 5, 5, 6: median rank 2; p90 rank ⌈3.6⌉ = 4
    expect(hall!.service).toEqual({ count: 4, meanMinutes: 4.5, medianMinutes: 5, p90Minutes: 6, maxMinutes: 6 });
  });

  it("puts a transferred ticket's service in its new category and the transfer in the one it left", () => {
    const rows = byKey(hallStats(morning(), { timezone: "Asia/Shanghai", by: "category" }));
    expect(rows.household).toMatchObject({ label: "户政", issued: 2, served: 3, noShows: 0, transfers: 0 });
    expect(rows.household!.wait).toEqual({ count: 2, meanMinutes: 31, medianMinutes: 3, p90Minutes: 59, maxMinutes: 59 });
    expect(rows.household!.service).toEqual({ count: 3, meanMinutes: 5.33, medianMinutes: 5, p90Minutes: 6, maxMinutes: 6 });
    expect(rows.traffic).toMatchObject({ label: "交管", issued: 3, served: 1, noShows: 1, transfers: 1 });
    expect(rows.traffic!.wait).toEqual({ count: 3, meanMinutes: 3.83, medianMinutes: 2, p90Minutes: 7.5, maxMinutes: 7.5 });
    expect(rows.traffic!.service.meanMinutes).toBe(2);
  });

  it("credits windows and officers with what they called and served; issuing belongs to no window", () => {
    const windows = byKey(hallStats(morning(), { timezone: "Asia/Shanghai", by: "window" }));
    expect(windows["1"]).toMatchObject({ label: "1 综合窗口", issued: 0, served: 3, noShows: 0, transfers: 0 });
    expect(windows["1"]!.wait).toMatchObject({ count: 2, meanMinutes: 31 });
    expect(windows["2"]).toMatchObject({ label: "2 交管专窗", served: 1, noShows: 1, transfers: 1 });
    expect(windows["2"]!.wait).toMatchObject({ count: 3, meanMinutes: 3.83, maxMinutes: 7.5 });
    const officers = byKey(hallStats(morning(), { timezone: "Asia/Shanghai", by: "officer" }));
    expect(officers["310113-0001"]).toMatchObject({ label: "王警官", served: 3 });
    expect(officers[""]).toMatchObject({ label: "nobody signed in", served: 1, noShows: 1 });
  });

  it("files every figure under the local hour the citizen arrived", () => {
    const rows = hallStats(morning(), { timezone: "Asia/Shanghai", by: "hour" });
    expect(rows.map((r) => r.key)).toEqual(["09", "10"]);
    const hours = byKey(rows);
    expect(hours["09"]).toMatchObject({ label: "09:00–10:00", issued: 4, served: 3, noShows: 1 });
    expect(hours["09"]!.wait).toMatchObject({ count: 4, meanMinutes: 16.5, medianMinutes: 2, p90Minutes: 59 });
    expect(hours["10"]).toMatchObject({ issued: 1, served: 1, transfers: 1 });
    expect(hours["10"]!.wait.meanMinutes).toBe(7.5);
  });

  it("averages the first rating of each served ticket and ignores the rest", () => {
    const rows = byKey(hallStats(morning(), { timezone: "Asia/Shanghai", by: "category", ratings }));
    expect(rows.household!.satisfaction).toEqual({ meanScore: 4.5, count: 2, goodRate: 100, bad: 0 });
    expect(rows.traffic!.satisfaction).toEqual({ meanScore: 3, count: 1, goodRate: 0, bad: 0 });
    const [hall] = hallStats(morning(), { timezone: "Asia/Shanghai", by: "hall", ratings });
    expect(hall!.satisfaction).toEqual({ meanScore: 4, count: 3, goodRate: 66.7, bad: 0 });
    const tally = startTally("Asia/Shanghai");
    for (const e of morning()) countEvent(tally, e);
    expect(countRating(tally, { ticket: "20260302-A002", score: 6, at: "" })).toBe(false);
    expect(countRating(tally, { ticket: "20260302-A002", score: 2, at: "" })).toBe(true);
  });
});

describe("rollups kept per day and merged", () => {
  /** The morning, then Tuesday: one traffic ticket waiting 12 min, served 3 min, by window 2. */
  function twoDays(): HallEvent[] {
    const monday = play(MONDAY);
    const tuesday = play(
      [
        [at(24 * 60), { type: "issue", category: "traffic" }],
        [at(24 * 60 + 12), { type: "call", window: "2" }],
        [at(24 * 60 + 15), { type: "finish", window: "2" }],
      ],
      monday.state,
    );
    return [...monday.events, ...tuesday.events];
  }

  it("gives one row per day, the new day's tickets under their own date", () => {
    const rows = hallStats(twoDays(), { timezone: "Asia/Shanghai", by: "hall" });
    expect(rows.map((r) => [r.from, r.issued, r.served])).toEqual([
      ["2026-03-02", 5, 4],
      ["2026-03-03", 1, 1],
    ]);
    expect(rows[1]!.wait).toMatchObject({ count: 1, meanMinutes: 12, maxMinutes: 12 });
  });

  it("answers a range from stored rows exactly as from the whole log", () => {
    const stored = JSON.parse(JSON.stringify(rollUp(twoDays(), { timezone: "Asia/Shanghai", ratings })));
    for (const by of ["hall", "category", "window", "officer", "hour"] as const) {
      const merged = mergeRollups(stored, { by, perDay: false });
      const direct = hallStats(twoDays(), { timezone: "Asia/Shanghai", by, ratings, perDay: false });
      expect(merged).toEqual(direct);
    }
    const [both] = mergeRollups(stored, { by: "hall", from: "2026-03-01", to: "2026-03-31", perDay: false });
    expect(both).toMatchObject({ from: "2026-03-01", to: "2026-03-31", issued: 6, served: 5 });
    // waits 2, 2, 3, 7.5, 12, 59: p90 rank ⌈5.4⌉ = 6; median rank 3
    expect(both!.wait).toEqual({ count: 6, meanMinutes: 14.25, medianMinutes: 3, p90Minutes: 59, maxMinutes: 59 });
    expect(mergeRollups(stored, { by: "hall", from: "2026-03-03" }).map((r) => r.from)).toEqual(["2026-03-03"]);
  });

  it("counts only the dimensions asked for, each exactly as a full count does", () => {
    const all = rollUp(twoDays(), { timezone: "Asia/Shanghai", ratings });
    const some = rollUp(twoDays(), { timezone: "Asia/Shanghai", ratings, dimensions: ["hall", "window"] });
    expect(new Set(some.map((r) => r.by))).toEqual(new Set(["hall", "window"]));
    expect(some).toEqual(all.filter((r) => r.by === "hall" || r.by === "window"));
  });

  it("turns a tally over at the day's end without losing the hall's names", () => {
    // Started in UTC: only the log's hall.configured tells it the hall keeps Shanghai time.
    const tally = startTally("UTC");
    const tuesday = (e: HallEvent) => e.at.startsWith("2026-03-03");
    for (const e of twoDays().filter((e) => !tuesday(e))) countEvent(tally, e);
    const next = nextDayTally(tally);
    for (const e of twoDays().filter(tuesday)) countEvent(next, e);
    const rows = rollupsOf(next);
    expect(rows.every((r) => r.day === "2026-03-03")).toBe(true);
    expect(rows.find((r) => r.by === "category")).toMatchObject({ key: "traffic", label: "交管", issued: 1 });
    expect(rows.find((r) => r.by === "window")).toMatchObject({ key: "2", label: "2 交管专窗" });
  });

  it("counts the same whether events come one by one or all at once", () => {
    const tally = startTally("Asia/Shanghai");
    for (const e of twoDays()) countEvent(tally, e);
    expect(rollupsOf(tally)).toEqual(rollUp(twoDays(), { timezone: "Asia/Shanghai" }));
  });
});

describe("a year of stored days", () => {
  // How fast is for the benchmark (npm run bench:stats, docs/performance.md); here, that a year merges right.
  it("merges a year of stored days by category into one row each", () => {
    // 365 days × 5 categories, each day 300 waits and services spread over the first hour.
    let x = 42;
    const random = () => (x = (x * 16807) % 2147483647) / 2147483647;
    const stored = [];
    for (let d = 0; d < 365; d++) {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      for (const key of ["household", "exit-entry", "traffic", "security", "difficult"]) {
        const wait = noDurations();
        const service = noDurations();
        for (let i = 0; i < 300; i++) {
          countDuration(wait, random() * 3_600_000);
          countDuration(service, random() * 1_200_000);
        }
        stored.push(JSON.parse(JSON.stringify({ day, by: "category", key, label: key, issued: 300, served: 300, noShows: 0, transfers: 0, wait, service, rating: { count: 0, sum: 0 } })));
      }
    }
    const rows = mergeRollups(stored, { by: "category", from: "2026-01-01", to: "2026-12-31", perDay: false });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.wait.count === 365 * 300 && r.wait.maxMinutes! <= 60)).toBe(true);
  });
});

describe("CSV", () => {
  it("has a header row, one line per row, empty fields for missing figures and quotes where needed", () => {
    const rows = hallStats(morning(), { timezone: "Asia/Shanghai", by: "category" });
    rows[0]!.label = '户政, "A"';
    const lines = statsCsv(rows).split("\r\n");
    expect(lines[0]).toBe(
      "from,to,by,key,label,issued,served,no_shows,transfers,waits,wait_mean_min,wait_median_min,wait_p90_min,wait_max_min," +
        "service_mean_min,service_median_min,service_p90_min,service_max_min,satisfaction_mean,ratings,good_rate_pct,bad_ratings",
    );
    expect(lines[1]).toBe('2026-03-02,2026-03-02,category,household,"户政, ""A""",2,3,0,0,2,31,3,59,59,5.33,5,6,6,,0,,0');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(statsCsv([], { bom: true })).toMatch(/^\uFEFFfrom,to,/);
  });
});
