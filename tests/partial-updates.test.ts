/**
 * Screens get what changed: the whole view when they connect, then only the regions that
 * changed since the rendering they hold (issue 27). A screen that missed updates catches up whole;
 * a zone's screen never gets another zone's regions.
 */
import { describe, expect, it } from "vitest";
import { call, issue, newHall, openFeed, snapshot } from "./helpers.js";

/** The ids of the elements a fragment string swaps in. */
function regionIds(html: string): string[] {
  return [...html.matchAll(/<[a-z0-9]+\s[^>]*hx-swap-oob="true"[^>]*>/g)].map((m) => /\sid="([^"]+)"/.exec(m[0])![1]!);
}

describe("partial screen updates", () => {
  it("sends a main screen the whole view once, then only the regions a call changed, naming the rendering they change", async () => {
    const hall = await newHall("partial-call");
    await issue(hall, "household");
    const feed = await openFeed(hall, "&view=main");
    const [first] = await feed.waitFor(1);
    expect(first.base).toBeUndefined();
    expect(regionIds(first.html)).toEqual(expect.arrayContaining(["hall-name", "now-calling", "categories", "windows", "supervision", "notice"]));

    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const [, update] = await feed.waitFor(2);
    expect(update.base).toBe(first.rev);
    expect(update.rev).not.toBe(first.rev);
    expect(update.seq).toBe(first.seq + 1);
    const changed = regionIds(update.html);
    // The smallest elements that changed: the first call, the category's count, the window.
    expect(changed).toEqual(expect.arrayContaining(["now-calling", "category-household-waiting", "window-1"]));
    // What a call leaves alone is not sent again.
    for (const id of ["hall-name", "supervision", "notice"]) expect(changed).not.toContain(id);
    // Only the one window and the one category a call changed, not every window and category.
    expect(update.html).toContain(`id="window-1"`);
    expect(update.html).not.toContain(`id="window-2"`);
    expect(update.html).toContain(`id="category-household-waiting"`);
    expect(update.html).not.toContain(`id="category-traffic`);
    // Not the names around them, which a call does not change.
    expect(update.html).not.toContain(`class="category-label"`);
    expect(update.html.length).toBeLessThan(first.html.length / 3);

    // The next call: only the called number and its sentence, not the panel around them.
    await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const next = (await feed.waitFor(4))[3]!; // after the issue's own update
    expect(regionIds(next.html)).toEqual(expect.arrayContaining(["now-calling-call", "now-calling-sentence"]));
    expect(regionIds(next.html)).not.toContain("now-calling");
    expect(next.html).not.toContain("正在呼叫");
    feed.close();
    expect(update.html.length).toBeLessThan(first.html.length / 3);

    // A screen asking for whole views gets the whole view each time.
    const whole = await openFeed(hall, "&view=main&updates=whole");
    const [w1] = await whole.waitFor(1);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/finish`);
    const [, w2] = await whole.waitFor(2);
    whole.close();
    expect(w2.base).toBeUndefined();
    expect(regionIds(w2.html)).toEqual(regionIds(w1.html));
  });

  it("catches a screen up whole after it missed 50 updates, exactly as a fresh screen", async () => {
    const hall = await newHall("partial-missed");
    const feed = await openFeed(hall, "&view=main");
    const [first] = await feed.waitFor(1);
    feed.close();
    for (let i = 0; i < 25; i++) {
      await issue(hall, i % 2 ? "household" : "traffic");
      await call("counter", "POST", `/api/halls/${hall}/windows/${i % 2 ? "1" : "5"}/call`);
    }
    const head = (await snapshot(hall)).seq;
    expect(head - first.seq).toBeGreaterThanOrEqual(50);

    const back = await openFeed(hall, `&view=main&since=${first.seq}`);
    const [caughtUp] = await back.waitFor(1);
    const fresh = await openFeed(hall, "&view=main");
    const [load] = await fresh.waitFor(1);
    back.close();
    fresh.close();
    expect(caughtUp.base).toBeUndefined();
    expect(caughtUp.seq).toBe(head);
    expect(caughtUp.html).toBe(load.html);
  });

  it("never sends a zone's screen another zone's windows or calls", async () => {
    const names = (zh: string) => ({ "zh-Hans": zh, "zh-Hant": zh, en: zh });
    const hall = await newHall("partial-zones", (c: any) => {
      c.zones = [
        { id: "main", names: names("综合区"), windows: ["1", "2", "3", "6"] },
        { id: "traffic", names: names("交管区"), windows: ["4", "5"] },
      ];
    });
    const feed = await openFeed(hall, "&view=main&zone=traffic");
    await feed.waitFor(1);
    const household = await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const traffic = await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const messages = await feed.waitFor(5);
    feed.close();
    for (const m of messages.slice(1)) {
      expect(m.base).toBeDefined();
      expect(m.html).not.toContain(household.ticket.number);
      for (const w of ["1", "2", "3", "6"]) expect(m.html).not.toContain(`data-window="${w}"`);
    }
    expect(messages[4].html).toContain(traffic.ticket.number);
  });

  it("sends every screen and feed of a crowded hall every update in order", async () => {
    // The fan-out finds its sockets by the tags set when they were accepted (worker/hall-object/live.ts).
    const hall = await newHall("partial-crowded");
    await issue(hall, "household");
    const head = (await snapshot(hall)).seq;
    const screens = await Promise.all(Array.from({ length: 80 }, () => openFeed(hall, "&view=main")));
    const feeds = await Promise.all(Array.from({ length: 40 }, () => openFeed(hall, `&since=${head}`)));
    for (const s of screens) await s.waitFor(1);
    for (let i = 0; i < 3; i++) {
      await issue(hall, "traffic");
      await call("counter", "POST", `/api/halls/${hall}/windows/${i + 1}/call`);
    }
    const last = (await snapshot(hall)).seq;
    expect(last - head).toBeGreaterThanOrEqual(6);
    const want = Array.from({ length: last - head }, (_, i) => head + 1 + i);
    for (const f of feeds) {
      await f.waitFor(want.length, 5000);
      expect(f.messages.map((m) => m.seq)).toEqual(want);
    }
    // Each screen's updates form one unbroken chain, each naming the rendering the one before made, to the head.
    const chains = await Promise.all(
      screens.map(async (s) => {
        while (s.messages.at(-1)!.seq < last) await s.waitFor(s.messages.length + 1, 5000);
        s.messages.slice(1).forEach((m, i) => expect(m.base).toBe(s.messages[i]!.rev));
        return s.messages.map((m) => m.rev).join(" ");
      }),
    );
    expect(new Set(chains).size).toBe(1);
    // A screen opened now gets the whole view at the head.
    const late = await openFeed(hall, "&view=main");
    const [lateFirst] = await late.waitFor(1);
    expect(lateFirst.seq).toBe(last);
    for (const s of [...screens, ...feeds, late]) s.close();
  });
});
