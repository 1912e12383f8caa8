/**
 * The demo hall's four weeks of history look like a real hall's (issue 25 §7): citizens who do
 * not come, some sent on to another counter, and waits that differ by hour: a median above
 * nothing, a 90th percentile well above the median, busier hours waiting longer. The same seed
 * day gives the same history.
 */
import { describe, expect, it } from "vitest";
import { demoConfig } from "./hall.js";
import { demoHistory } from "./history.js";
import { mergeRollups } from "../statistics/stats.js";

const TODAY = "2026-12-08";
const rows = demoHistory(demoConfig(), TODAY);
const range = { from: "2026-11-10", to: "2026-12-07", perDay: false } as const;

describe("the demo hall's history", () => {
  const [hall] = mergeRollups(rows, { ...range, by: "hall" });

  it("has no-shows (5–8% of tickets) and transfers, and serves fewer than it issues", () => {
    expect(hall!.noShows / hall!.issued).toBeGreaterThanOrEqual(0.05);
    expect(hall!.noShows / hall!.issued).toBeLessThanOrEqual(0.08);
    expect(hall!.transfers).toBeGreaterThan(0);
    expect(hall!.served).toBeLessThan(hall!.issued);
  });

  it("has a real spread of waits: a median above zero and a 90th percentile above it", () => {
    expect(hall!.wait.medianMinutes).toBeGreaterThan(0);
    expect(hall!.wait.p90Minutes).toBeGreaterThan(hall!.wait.medianMinutes!);
  });

  it("waits longer in the morning peak than first thing and mid-afternoon", () => {
    const byHour = new Map(mergeRollups(rows, { ...range, by: "hour" }).map((h) => [h.key, h.wait.meanMinutes!]));
    expect(byHour.get("09")!).toBeGreaterThan(2 * byHour.get("08")!);
    expect(byHour.get("10")!).toBeGreaterThan(byHour.get("15")!);
  });

  it("has Sundays closed, Saturdays quieter, and is the same every time for the same day", () => {
    const days = mergeRollups(rows, { ...range, by: "hall" , perDay: true });
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    expect(days.some((d) => weekday(d.from) === 0)).toBe(false);
    const saturday = days.find((d) => weekday(d.from) === 6)!;
    const monday = days.find((d) => weekday(d.from) === 1)!;
    expect(saturday.issued).toBeLessThan(monday.issued);
    expect(demoHistory(demoConfig(), TODAY)).toEqual(rows);
  });
});
