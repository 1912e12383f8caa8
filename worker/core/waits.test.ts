import { describe, expect, it } from "vitest";
import { isOverLine, lineReachedAt, minutesWaited, wholeMinutes } from "./waits.js";

const T = Date.parse("2027-03-15T02:00:00Z");
const at = (minutes: number) => T + minutes * 60_000;

describe("the alarm line", () => {
  it("puts a waiting ticket over the 10 min line at 10′00″, the instant the screens first show 10′", () => {
    const justBefore = minutesWaited(T, at(10) - 1);
    const onTheLine = minutesWaited(T, at(10));
    expect([wholeMinutes(justBefore), isOverLine(justBefore, 10, "running")]).toEqual([9, false]);
    expect([wholeMinutes(onTheLine), isOverLine(onTheLine, 10, "running")]).toEqual([10, true]);
    expect(lineReachedAt(T, 10)).toBe(at(10));
  });

  it("counts a citizen called at exactly 10 min as within the line, and a p90 of 10 min as meeting it", () => {
    expect(isOverLine(10, 10, "finished")).toBe(false);
    expect(isOverLine(10.01, 10, "finished")).toBe(true);
  });

  it("weighs waits exactly, so citizens who joined seconds apart are not tied", () => {
    expect(minutesWaited(T, at(2.5))).toBe(2.5);
    expect(minutesWaited(T + 20_000, at(2.5))).toBeLessThan(minutesWaited(T, at(2.5)));
  });
});
