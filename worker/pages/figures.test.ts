import { describe, expect, it } from "vitest";
import { minutesShown } from "./figures.js";

describe("minutes as the pages print them", () => {
  it("shows whole minutes, <1 under a minute and — for none", () => {
    expect([0, 0.07, 0.99, 1, 1.49, 1.5, 3.83, 14.25, 59].map(minutesShown)).toEqual(["<1", "<1", "<1", "1", "1", "2", "4", "14", "59"]);
    expect(minutesShown(null)).toBe("—");
  });
});
