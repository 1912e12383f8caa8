import { describe, expect, it } from "vitest";
import { nextTurnAt, publicHalls, regionView, STALE_AFTER_MS, totalsOf, type HallRow } from "./board.js";
import { admit } from "./rows.js";
import { supersedes, type HallReport } from "./summary.js";

const T = Date.parse("2027-03-15T02:00:00Z");
const MIN = 60_000;

function report(hall: string, over: Partial<HallReport> = {}): HallReport {
  return {
    hall,
    name: `大厅 ${hall}`,
    region: "gx-wuzhou",
    seq: 10,
    reportedAt: T,
    day: "2027-03-15",
    waiting: 3,
    beingServed: 1,
    windowsOpen: 2,
    windowsTotal: 4,
    officersOnDuty: 2,
    oldestQueuedAt: T - 4 * MIN,
    alarmMinutes: 10,
    waitsCounted: 10,
    meanWaitMinutes: 5,
    p90WaitMinutes: 9,
    issuedToday: 20,
    servedToday: 15,
    categories: [{ id: "household", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household" }, waiting: 3, estimatedWaitMinutes: 6 }],
    location: null,
    address: null,
    ...over,
  };
}

const row = (r: HallReport, via: string | null = null): HallRow => ({ ...r, via });

describe("a region's figures", () => {
  it("is over the line when the oldest ticket reaches the alarm line, with no report in between", () => {
    const r = row(report("a"));
    expect(regionView({ region: "x", name: { "zh-Hans": "x" }, parent: null }, [], [r], T).halls[0]!.overLine).toBe(false);
    const later = regionView({ region: "x", name: { "zh-Hans": "x" }, parent: null }, [], [r], T + 6 * MIN).halls[0]!;
    expect(later).toMatchObject({ overLine: true, oldestWaitMinutes: 10 });
    // The next turn is whichever comes first: the line, or the hall going silent.
    expect(nextTurnAt([r], T)).toBe(T + STALE_AFTER_MS + 1);
    expect(nextTurnAt([{ ...r, reportedAt: T + 5 * MIN }], T + 5 * MIN)).toBe(T + 6 * MIN);
  });

  it("is over the line when today's mean wait is past it, even with nobody waiting", () => {
    const t = totalsOf([report("a", { waiting: 0, oldestQueuedAt: null, meanWaitMinutes: 12 })], T);
    expect(t.overLine).toBe(1);
  });

  it("weights the mean wait by the waits each hall counted", () => {
    const t = totalsOf([report("a", { waitsCounted: 30, meanWaitMinutes: 4 }), report("b", { waitsCounted: 10, meanWaitMinutes: 12 })], T);
    expect(t.meanWaitMinutes).toBe(6);
    expect(t).toMatchObject({ halls: 2, waiting: 6, windowsOpen: 4, windowsTotal: 8, issuedToday: 40, servedToday: 30 });
  });

  it("calls a busy hall stale after 2 minutes of silence, a quiet one never", () => {
    const busy = row(report("a"));
    const quiet = row(report("b", { waiting: 0, beingServed: 0, officersOnDuty: 0, oldestQueuedAt: null }));
    const view = regionView({ region: "x", name: { "zh-Hans": "x" }, parent: null }, [], [busy, quiet], T + STALE_AFTER_MS + 1);
    expect(Object.fromEntries(view.halls.map((h) => [h.hall, h.stale]))).toEqual({ a: true, b: false });
  });

  it("ranks halls by their oldest wait and sums child regions", () => {
    const view = regionView(
      { region: "gx", name: { "zh-Hans": "广西" }, parent: null },
      [{ region: "gx-wuzhou", name: { "zh-Hans": "梧州" } }],
      [row(report("a", { oldestQueuedAt: T - 2 * MIN }), "gx-wuzhou"), row(report("b", { oldestQueuedAt: T - 8 * MIN }), "gx-wuzhou"), row(report("c"))],
      T,
    );
    expect(view.halls.map((h) => h.hall)).toEqual(["b", "c", "a"]);
    expect(view.regions[0]!.totals.halls).toBe(2);
    expect(view.totals.halls).toBe(3);
  });
});

describe("taking a report in", () => {
  it("a repeated or late report changes nothing", () => {
    const stored = row(report("a", { seq: 12 }));
    expect(admit(stored, report("a", { seq: 12 }), null)).toBeNull();
    expect(admit(stored, report("a", { seq: 11, reportedAt: T + MIN }), null)).toBeNull();
    expect(admit(stored, report("a", { seq: 12, reportedAt: T + 1 }), null)).not.toBeNull();
  });

  it("a hall that moved between two counties stays in the city whichever report comes first", () => {
    const moved = report("a", { seq: 20 });
    const left = { ...moved, gone: true as const };
    const before = row(report("a", { seq: 12 }), "county-1");
    // The new county's report first, then the old county's departure: the departure misses.
    const afterNew = admit(before, moved, "county-2")!;
    expect(afterNew.via).toBe("county-2");
    expect(admit(afterNew, left, "county-1")).toBeNull();
    // The departure first, then the new county's report.
    const gone = admit(before, left, "county-1")!;
    expect(gone.gone).toBe(true);
    expect(admit(gone, moved, "county-2")).toMatchObject({ via: "county-2" });
    expect(supersedes(moved, left)).toBe(true);
  });
});

describe("the public list", () => {
  it("shows halls open now, nearest first, without officers or tickets", () => {
    const near = { lat: 23.48, lng: 111.28 };
    const list = publicHalls(
      [
        report("far", { location: { lat: 24.3, lng: 109.4 } }),
        report("close", { location: { lat: 23.47, lng: 111.3 }, address: "梧州市万秀区" }),
        report("closed", { windowsOpen: 0 }),
      ],
      T,
      near,
    );
    expect(list.map((h) => h.hall)).toEqual(["close", "far"]);
    expect(list[0]!.distanceKm).toBeLessThan(5);
    expect(Object.keys(list[0]!).sort()).toEqual(["address", "categories", "distanceKm", "hall", "location", "name", "region", "reportedAt", "waiting", "windowsOpen"]);
  });

  it("shows a hall open now only within its opening hours, on the hall's wall clock", () => {
    // T is Monday 10:00 in Shanghai; the hall opens 09:00–17:00, closed at weekends and on 5 April.
    const hours = { opens: "09:00", closes: "17:00", closedWeekdays: [6, 7], closedDates: ["2027-04-05"], timezone: "Asia/Shanghai" };
    const at = (instant: string) => {
      const now = Date.parse(instant);
      return publicHalls([report("a", { hours, reportedAt: now })], now).map((h) => h.hall);
    };
    expect(at("2027-03-15T02:00:00Z")).toEqual(["a"]); // Monday 10:00
    expect(at("2027-03-14T18:00:00Z")).toEqual([]); // Monday 02:00, windows left open overnight
    expect(at("2027-03-15T00:59:00Z")).toEqual([]); // 08:59
    expect(at("2027-03-15T01:00:00Z")).toEqual(["a"]); // 09:00
    expect(at("2027-03-15T09:00:00Z")).toEqual([]); // 17:00, closed
    expect(at("2027-03-20T02:00:00Z")).toEqual([]); // Saturday 10:00
    expect(at("2027-04-05T02:00:00Z")).toEqual([]); // 清明, a closed date
  });
});
