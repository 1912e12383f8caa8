/** The hall screens as the Worker serves them: first paint, their live fragments, and their refusals. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, issue, newHall, openFeed, ORIGIN } from "./helpers.js";

async function page(path: string): Promise<{ status: number; html: string; type: string | null }> {
  const res = await SELF.fetch(`${ORIGIN}${path}`);
  return { status: res.status, html: await res.text(), type: res.headers.get("Content-Type") };
}

/** The text inside the element with `id` in `html` (first paint or a fragment), tags removed. */
function region(html: string, id: string): string {
  const start = html.search(new RegExp(`<[a-z0-9]+ id="${id}"`));
  if (start < 0) throw new Error(`no #${id} in ${html.slice(0, 200)}…`);
  const tag = html.slice(start + 1).match(/^[a-z0-9]+/)![0];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}[\\s>]`, "g");
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  }
  throw new Error(`#${id} never closes`);
}

describe("hall screens", () => {
  it("serve the main screen, a window screen and the data wall with their key regions", async () => {
    const hall = await newHall("screens-pages");
    const main = await page(`/halls/${hall}/display?token=dev-display`);
    expect(main.status).toBe(200);
    expect(main.type).toContain("text/html");
    for (const id of ["hall-name", "clock", "now-calling", "recent-calls", "categories", "windows", "notice", "supervision"]) {
      expect(main.html).toContain(`id="${id}"`);
    }
    expect(main.html).toContain('<span class="name-second" lang="zh-Hant">戶政</span>');
    expect(region(main.html, "supervision")).toContain("码上监督");
    expect(main.html).toMatch(/<svg class="qr"/);
    expect(main.html).toContain("/static/display/clock.js");

    const screen = await page(`/halls/${hall}/windows/5/screen?token=dev-display`);
    expect(screen.status).toBe(200);
    expect(region(screen.html, "window-screen")).toContain("交管专窗");
    expect(screen.html).toContain("view=window&window=5");

    const wall = await page(`/halls/${hall}/dashboard?token=dev-display`);
    expect(wall.status).toBe(200);
    for (const id of ["kpis", "alerts", "load", "hourly", "staffing", "clock"]) expect(wall.html).toContain(`id="${id}"`);
    expect(region(wall.html, "hourly")).toContain("今日分时取号");
    expect(wall.html).toMatch(/<svg class="chart"/);
  });

  it("answers a readable 401 page without a token, and 404 pages for an unknown window or hall", async () => {
    const hall = await newHall("screens-refusals");
    for (const path of [`/halls/${hall}/display`, `/halls/${hall}/windows/1/screen`, `/halls/${hall}/dashboard`]) {
      const res = await page(path);
      expect(res.status).toBe(401);
      expect(res.type).toContain("text/html");
      expect(res.html).toContain("这个页面需要令牌");
    }
    const bad = await page(`/halls/${hall}/dashboard?token=not-a-token`);
    expect(bad.status).toBe(401);

    const unknownWindow = await page(`/halls/${hall}/windows/99/screen?token=dev-display`);
    expect(unknownWindow.status).toBe(404);
    expect(unknownWindow.type).toContain("text/html");
    expect(unknownWindow.html).toContain("没有这个窗口 · unknown window &quot;99&quot;");

    const unknownHall = await page(`/halls/no-such-hall/display?token=dev-display`);
    expect(unknownHall.status).toBe(404);
    expect(unknownHall.html).toContain("没有这个大厅");
  });

  it("refuses a live feed for an unknown window", async () => {
    const hall = await newHall("screens-feed-404");
    const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?token=dev-display&view=window&window=42`, { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('unknown window "42"');
  });

  it("paints first and updates with the same ticket number, on every screen", async () => {
    const hall = await newHall("screens-same");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(called.body.ticket.number).toBe("C001");

    const main = await page(`/halls/${hall}/display?token=dev-display`);
    const mainFeed = await openFeed(hall, "&view=main");
    const [mainUpdate] = await mainFeed.waitFor(1);
    mainFeed.close();
    expect(mainUpdate.type).toBe("html");
    expect(mainUpdate.html).toContain('id="now-calling" class="now-calling"');
    expect(mainUpdate.html).toContain('hx-swap-oob="true"');
    expect(region(main.html, "now-calling")).toContain("C001");
    expect(region(mainUpdate.html, "now-calling")).toContain("C001");
    expect(region(main.html, "categories")).toBe(region(mainUpdate.html, "categories"));

    const screen = await page(`/halls/${hall}/windows/5/screen?token=dev-display`);
    const screenFeed = await openFeed(hall, "&view=window&window=5");
    const [screenUpdate] = await screenFeed.waitFor(1);
    screenFeed.close();
    expect(region(screen.html, "window-screen")).toContain("C001");
    expect(region(screenUpdate.html, "window-screen")).toContain("C001");

    const wall = await page(`/halls/${hall}/dashboard?token=dev-display`);
    const wallFeed = await openFeed(hall, "&view=dashboard");
    const [wallUpdate] = await wallFeed.waitFor(1);
    wallFeed.close();
    expect(region(wall.html, "staffing")).toContain("C001");
    expect(region(wallUpdate.html, "staffing")).toContain("C001");
  });

  it("sends each window screen its own window, and tells a screen whose window was removed", async () => {
    const hall = await newHall("screens-removed");
    const feed = await openFeed(hall, "&view=window&window=6");
    await feed.waitFor(1);
    await call("manager", "PATCH", `/api/halls/${hall}/windows/6`, { state: "paused" });
    const [, paused] = await feed.waitFor(2);
    expect(region(paused.html, "window-screen")).toContain("暂停服务");
    expect(paused.html).not.toContain('data-window="5"');

    const { demoConfig } = await import("../worker/demo/hall.js");
    const config = demoConfig();
    config.windows = config.windows.filter((w) => w.id !== "6");
    expect((await call("admin", "PUT", `/api/halls/${hall}`, config)).status).toBe(200);
    const messages = await feed.waitFor(3);
    feed.close();
    expect(region(messages[2].html, "window-screen")).toContain("This window is no longer configured");
  });

  it("clears every screen at the day's reset", async () => {
    const hall = await newHall("screens-reset");
    await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const feed = await openFeed(hall, "&view=main");
    await feed.waitFor(1);
    await call("manager", "POST", `/api/halls/${hall}/reset`);
    const messages = await feed.waitFor(2);
    feed.close();
    const last = messages[messages.length - 1];
    expect(region(last.html, "now-calling")).toContain("请取号等候");
    // The one call was the current one, so recent calls showed none already: an update sends only what changed.
    expect(region(messages[0].html, "recent-calls")).toContain("暂无");
    expect(last.html).not.toContain('id="recent-calls"');
    expect(last.html).not.toContain("A001");
  });

  it("shows no supervision code when the hall has none, and the notice the manager sets", async () => {
    const hall = await newHall("screens-settings", (c) => {
      c.supervisionUrl = null;
      c.notice = "";
    });
    const before = await page(`/halls/${hall}/display?token=dev-display`);
    expect(before.html).not.toContain('<svg class="qr"');
    expect(before.html).toContain('class="notice empty"');
    await call("manager", "PATCH", `/api/halls/${hall}`, { notice: "今日下午停电检修 · Closed this afternoon", supervisionUrl: "https://example.gov.cn/s/1" });
    const after = await page(`/halls/${hall}/display?token=dev-display`);
    expect(region(after.html, "notice")).toContain("今日下午停电检修");
    expect(after.html).toContain('<svg class="qr"');
  });
});
