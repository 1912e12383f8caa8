import { describe, expect, it } from "vitest";
import { windowsNeeded } from "./advisor.js";
import { dayOutlook, referenceDayOf, sameWeekdayLastWeek } from "./outlook.js";
import type { Rollup } from "../statistics/rollup.js";
import { noDurations } from "../statistics/durations.js";

const row = (day: string, by: Rollup["by"], key: string, issued: number): Rollup => ({
  day,
  by,
  key,
  label: key,
  issued,
  served: issued,
  noShows: 0,
  transfers: 0,
  wait: noDurations(),
  service: noDurations(),
  rating: { count: 0, sum: 0 },
});

/** Monday 16 November: 300 tickets, 200 traffic and 100 household; 60 of them in the 10:00 hour. */
const lastMonday = [
  row("2026-11-16", "hall", "all", 300),
  row("2026-11-16", "category", "traffic", 200),
  row("2026-11-16", "category", "household", 100),
  row("2026-11-16", "hour", "09", 50),
  row("2026-11-16", "hour", "10", 60),
  row("2026-11-16", "hour", "11", 60),
  row("2026-11-17", "hall", "all", 999),
];

const categories = [
  { id: "traffic", serviceMinutes: 4 },
  { id: "household", serviceMinutes: 6 },
];

describe("the day ahead", () => {
  it("looks a week back, across months and years", () => {
    expect(sameWeekdayLastWeek("2026-11-23")).toBe("2026-11-16");
    expect(sameWeekdayLastWeek("2027-01-03")).toBe("2026-12-27");
    expect(sameWeekdayLastWeek("2028-03-06")).toBe("2028-02-28");
  });

  it("reads a stored day: its volume, its categories and its busiest hour (the earlier of a tie)", () => {
    expect(referenceDayOf(lastMonday, "2026-11-16")).toEqual({
      day: "2026-11-16",
      issued: 300,
      byCategory: { traffic: 200, household: 100 },
      peak: { hour: "10", issued: 60 },
    });
    expect(referenceDayOf(lastMonday, "2026-11-09")).toBeNull();
  });

  it("expects last week's volume, and splits its busiest hour over the categories as that day went", () => {
    const o = dayOutlook({ today: "2026-11-23", reference: referenceDayOf(lastMonday, "2026-11-16"), todayIssued: 40, todayPeak: null, categories, windowsInHall: 6 });
    expect(o).toMatchObject({ expectedVolume: 300, basis: "last_week", lastWeek: { day: "2026-11-16", issued: 300 }, todayIssued: 40 });
    expect(o.peak).toEqual({ hour: "10", basis: "last_week", arrivals: 60, byCategory: { traffic: 40, household: 20 } });
    // 100–300 a day: Laibin opens 70% of 6 windows, 4.2 → 5.
    expect(o.advice.laibin).toEqual({ dailyVolume: 300, windowsInHall: 6, share: 0.7, windows: 5 });
    expect(o.advice.categories.map((c) => c.windows)).toEqual([
      windowsNeeded({ arrivalsPerHour: 40, serviceMinutes: 4 }).windows,
      windowsNeeded({ arrivalsPerHour: 20, serviceMinutes: 6 }).windows,
    ]);
  });

  it("takes today's count once it passes last week's, and today's busiest hour without a record", () => {
    const bigger = dayOutlook({ today: "2026-11-23", reference: referenceDayOf(lastMonday, "2026-11-16"), todayIssued: 350, todayPeak: null, categories, windowsInHall: 6 });
    expect(bigger).toMatchObject({ expectedVolume: 350, basis: "today", advice: { laibin: { share: 1, windows: 6 } } });
    const none = dayOutlook({ today: "2026-11-23", reference: null, todayIssued: 12, todayPeak: { hour: "09", byCategory: { traffic: 9 } }, categories, windowsInHall: 6 });
    expect(none).toMatchObject({ expectedVolume: 12, basis: "today", lastWeek: { day: "2026-11-16", issued: null } });
    expect(none.peak).toEqual({ hour: "09", basis: "today", arrivals: 9, byCategory: { traffic: 9, household: 0 } });
    const empty = dayOutlook({ today: "2026-11-23", reference: null, todayIssued: 0, todayPeak: null, categories, windowsInHall: 6 });
    expect(empty.peak.hour).toBeNull();
    expect(empty.advice.comprehensive.windows).toBe(0);
  });
});
