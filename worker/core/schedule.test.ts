import { describe, expect, it } from "vitest";
import type { Schedule } from "./content-types.js";
import { isOn, localInstant, nextChange, scheduleProblems } from "./schedule.js";

const SH = "Asia/Shanghai";
/** A local time in Shanghai (UTC+8): "2026-11-23T09:00" → the instant. */
const sh = (local: string) => Date.parse(`${local}:00+08:00`);
// 2026-11-23 is a Monday.
const OFFICE: Schedule = { weekdays: [1, 2, 3, 4, 5], hours: [{ from: "09:00", to: "12:00" }, { from: "14:00", to: "17:30" }] };

describe("a schedule in the hall's time zone", () => {
  it("shows on weekdays within its hours, and not at lunch, after hours or at the weekend", () => {
    expect(isOn(OFFICE, sh("2026-11-23T09:00"), SH)).toBe(true);
    expect(isOn(OFFICE, sh("2026-11-23T11:59"), SH)).toBe(true);
    expect(isOn(OFFICE, sh("2026-11-23T12:00"), SH)).toBe(false);
    expect(isOn(OFFICE, sh("2026-11-23T13:59"), SH)).toBe(false);
    expect(isOn(OFFICE, sh("2026-11-23T17:29"), SH)).toBe(true);
    expect(isOn(OFFICE, sh("2026-11-23T17:30"), SH)).toBe(false);
    expect(isOn(OFFICE, sh("2026-11-28T10:00"), SH)).toBe(false); // Saturday
    expect(isOn(OFFICE, sh("2026-11-29T10:00"), SH)).toBe(false); // Sunday
  });

  it("reads hours on the hall's wall clock, not in UTC", () => {
    const morning = { hours: [{ from: "09:00", to: "10:00" }] };
    const nineInNewYork = Date.parse("2026-11-23T09:30:00-05:00");
    expect(isOn(morning, nineInNewYork, "America/New_York")).toBe(true);
    expect(isOn(morning, nineInNewYork, SH)).toBe(false);
  });

  it("includes both dates of from..to", () => {
    const week = { from: "2026-11-23", to: "2026-11-27" };
    expect(isOn(week, sh("2026-11-22T23:59"), SH)).toBe(false);
    expect(isOn(week, sh("2026-11-23T00:00"), SH)).toBe(true);
    expect(isOn(week, sh("2026-11-27T23:59"), SH)).toBe(true);
    expect(isOn(week, sh("2026-11-28T00:00"), SH)).toBe(false);
  });

  it("takes 24:00 as the end of the day", () => {
    expect(isOn({ hours: [{ from: "20:00", to: "24:00" }] }, sh("2026-11-23T23:59"), SH)).toBe(true);
  });
});

describe("when a schedule next changes", () => {
  it("at its next hour boundary the same day", () => {
    expect(nextChange(OFFICE, sh("2026-11-23T10:00"), SH)).toBe(sh("2026-11-23T12:00"));
    expect(nextChange(OFFICE, sh("2026-11-23T12:00"), SH)).toBe(sh("2026-11-23T14:00"));
  });

  it("over the weekend to Monday's first hour", () => {
    expect(nextChange(OFFICE, sh("2026-11-27T18:00"), SH)).toBe(sh("2026-11-30T09:00"));
  });

  it("at local midnight for dates and weekdays without hours", () => {
    expect(nextChange({ weekdays: [2] }, sh("2026-11-23T15:00"), SH)).toBe(sh("2026-11-24T00:00"));
    expect(nextChange({ weekdays: [2] }, sh("2026-11-24T15:00"), SH)).toBe(sh("2026-11-25T00:00"));
  });

  it("at a start weeks away, and at its first hour that day", () => {
    expect(nextChange({ from: "2027-01-04" }, sh("2026-11-23T09:00"), SH)).toBe(sh("2027-01-04T00:00"));
    expect(nextChange({ from: "2027-01-04", hours: [{ from: "09:00", to: "17:00" }] }, sh("2026-11-23T09:00"), SH)).toBe(sh("2027-01-04T09:00"));
  });

  it("at the end of a long run, and never after it", () => {
    const run = { from: "2026-11-01", to: "2027-03-31" };
    expect(nextChange(run, sh("2026-11-23T09:00"), SH)).toBe(sh("2027-04-01T00:00"));
    expect(nextChange(run, sh("2027-04-02T09:00"), SH)).toBeNull();
  });

  it("never for a schedule with no limits", () => {
    expect(nextChange({}, sh("2026-11-23T09:00"), SH)).toBeNull();
  });

  it("finds local instants in a zone with daylight saving", () => {
    // Berlin leaves summer time on 2026-10-25: 09:00 that day is 08:00 UTC, the day before 07:00.
    expect(localInstant("2026-10-24", 9 * 60, "Europe/Berlin")).toBe(Date.parse("2026-10-24T07:00:00Z"));
    expect(localInstant("2026-10-25", 9 * 60, "Europe/Berlin")).toBe(Date.parse("2026-10-25T08:00:00Z"));
  });
});

describe("a schedule that would never show is refused, naming the field", () => {
  const now = sh("2026-11-23T09:00");
  it.each<[string, Schedule, string]>([
    ["ends before it starts", { from: "2026-12-10", to: "2026-12-01" }, "schedule.to"],
    ["ended already", { to: "2026-11-01" }, "schedule.to"],
    ["no weekday", { weekdays: [] }, "schedule.weekdays"],
    ["no hours", { hours: [] }, "schedule.hours"],
    ["an hour range that is empty", { hours: [{ from: "12:00", to: "09:00" }] }, "schedule.hours.0"],
    ["weekdays that fall outside its dates", { from: "2026-11-30", to: "2026-12-02", weekdays: [6, 7] }, "schedule"],
    ["today only, with its hours over", { from: "2026-11-23", to: "2026-11-23", hours: [{ from: "07:00", to: "08:00" }] }, "schedule"],
  ])("%s", (_why, schedule, field) => {
    expect(Object.keys(scheduleProblems(schedule, now, SH))).toContain(field);
  });

  it("takes a schedule that shows later", () => {
    expect(scheduleProblems({ from: "2026-11-28", to: "2026-11-29", weekdays: [6] }, now, SH)).toEqual({});
    expect(scheduleProblems(OFFICE, sh("2026-11-28T10:00"), SH)).toEqual({});
  });
});
