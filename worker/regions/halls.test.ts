import { describe, expect, it } from "vitest";
import type { PublicHall } from "./board.js";
import { regionHallsPage } from "./halls.js";

const hall = (windowsOpen: number): PublicHall => ({
  hall: "east",
  name: "城东公安服务大厅",
  region: "440106",
  address: null,
  location: null,
  waiting: 3,
  windowsOpen,
  categories: [],
  reportedAt: "2031-03-04T01:00:00.000Z",
});

const page = (windowsOpen: number) => regionHallsPage({ region: "440106", name: { "zh-Hans": "天河区", en: "Tianhe" } as never, halls: [hall(windowsOpen)] }, false);

describe("the public list of halls", () => {
  it("says 1 window, not 1 windows", () => {
    expect(page(1)).toContain("1 window open");
    expect(page(1)).not.toContain("1 windows");
    expect(page(3)).toContain("3 windows open");
  });
});
