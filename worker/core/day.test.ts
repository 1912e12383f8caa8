import { describe, expect, it } from "vitest";
import { localDay, nextMidnight } from "./day.js";

describe("day", () => {
  it("reads the local date in Asia/Shanghai, eight hours ahead of UTC", () => {
    expect(localDay(Date.parse("2026-11-23T15:59:59Z"), "Asia/Shanghai")).toBe("2026-11-23");
    expect(localDay(Date.parse("2026-11-23T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-24");
  });
  it("finds the next local midnight", () => {
    expect(new Date(nextMidnight(Date.parse("2026-11-23T09:00:00Z"), "Asia/Shanghai")).toISOString()).toBe("2026-11-23T16:00:00.000Z");
  });
});
