import { describe, expect, it } from "vitest";
import { changedRegions, splitRegions } from "./regions.js";

const list = (...ids: string[]) =>
  `<section id="recent"><h2>最近呼叫</h2><ol id="recent-list" class="recent-list">${ids.map((i) => `<li id="recent-${i}" class="recent">${i}</li>`).join("")}</ol></section>`;
const clock = (now: number, time: string) => `<div id="clock" class="clock" data-now="${now}" data-offset="480"><span class="clock-date">2027年3月15日</span><span class="clock-time">${time}</span></div>`;
const diff = (a: string, b: string) => changedRegions(splitRegions(a), splitRegions(b));

describe("what a screen is sent of a changed view", () => {
  it("adds a new call at the top of the recent list and deletes the one that fell off, instead of the whole list", () => {
    const sent = diff(list("c4", "c3", "c2", "c1"), list("c5", "c4", "c3", "c2"));
    expect(sent).toBe(`<ol hx-swap-oob="afterbegin:#recent-list"><li id="recent-c5" class="recent">c5</li></ol><li id="recent-c1" hx-swap-oob="delete"></li>`);
  });

  it("adds without deleting while the list grows, and sends a kept entry that changed by its id", () => {
    const before = list("c2", "c1");
    const after = list("c3", "c2", "c1").replace(`<li id="recent-c1" class="recent">c1</li>`, `<li id="recent-c1" class="recent recall">c1</li>`);
    expect(diff(before, after)).toBe(
      `<ol hx-swap-oob="afterbegin:#recent-list"><li id="recent-c3" class="recent">c3</li></ol><li hx-swap-oob="true" id="recent-c1" class="recent recall">c1</li>`,
    );
  });

  it("sends the whole list, by its id, when entries moved in any other way (a recall brings one back to the top)", () => {
    const moved = `<ol hx-swap-oob="true" id="recent-list" class="recent-list"><li id="recent-c2" class="recent">c2</li><li id="recent-c3" class="recent">c3</li><li id="recent-c1" class="recent">c1</li></ol>`;
    expect(diff(list("c3", "c2", "c1"), list("c2", "c3", "c1"))).toBe(moved);
  });

  it("does not re-send the clock within the same minute, and does at the next", () => {
    expect(diff(clock(1_000, "10:00:01"), clock(9_000, "10:00:09"))).toBe("");
    expect(diff(clock(1_000, "10:00:59"), clock(61_000, "10:01:01"))).toBe(clock(61_000, "10:01:01"));
  });
});
