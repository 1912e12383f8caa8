/**
 * The hall screens in Chromium against a real `wrangler dev`: first paint, live updates without
 * reload, paused windows, a cut connection, the data wall against the API, the day's reset, and
 * a page left running that does not grow.
 */
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch } from "./harness.js";
import { busyHall, OFFICERS } from "./screens-busy-hall.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a screen and waits until its socket is up; marks the document so a reload would show. */
async function open(path: string, width = 1920, height = 1080): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  // Counts intervals so a test can tell that updates never start new ones.
  await page.addInitScript(() => {
    const w = window as any;
    const setInterval = w.setInterval.bind(w);
    w.__intervals = 0;
    w.setInterval = (...args: any[]) => {
      w.__intervals++;
      return setInterval(...args);
    };
  });
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.getElementById("live-status")?.hidden);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();
const until = (page: Page, selector: string, expected: string) =>
  page.waitForFunction(([s, t]) => document.querySelector(s!)?.textContent?.includes(t!), [selector, expected] as const);
/** Waits until the page shows the hall at `seq` or later. */
const caughtUp = (page: Page, seq: number) =>
  page.waitForFunction((n) => Number(document.body.dataset.seq ?? JSON.parse(document.getElementById("tongban-live")!.textContent!).seq) >= n, seq);
const notReloaded = async (page: Page) => expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

describe("hall screens in a browser", () => {
  it("paint the busy hall's state first, with no blank screen", async () => {
    const hall = await busyHall("screens-first-paint");
    const snap = (await api("display", "GET", `/api/halls/${hall}`)).body;
    const main = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Scripts blocked: what shows is the server's first paint alone.
    await main.route("**/*.js", (route) => route.abort());
    await main.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display`);
    expect(await text(main, "#now-calling .call-ticket")).toBe(snap.recentCalls[0].ticket.number);
    expect(await text(main, "#now-calling")).toContain("重呼");
    expect(await main.locator("#recent-calls li").count()).toBeGreaterThanOrEqual(6);
    for (const c of snap.categories) expect(await text(main, `#categories [data-category="${c.id}"] .waiting`)).toContain(String(c.waiting));
    expect(await main.locator("#windows li").count()).toBe(6);
    expect(await text(main, "#notice")).toContain("谨防电信诈骗");
    // The supervision code scans to the hall's address.
    const pixels = await main.locator("#supervision svg.qr").evaluate(async (svg) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 400;
      const context = canvas.getContext("2d")!;
      context.imageSmoothingEnabled = false;
      context.drawImage(img, 0, 0, 400, 400);
      return Array.from(context.getImageData(0, 0, 400, 400).data);
    });
    expect(jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data).toBe(snap.hall.supervisionUrl);
    expect(await text(main, "#clock .clock-date")).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$/);
    await main.close();

    const screen = await open(`/halls/${hall}/windows/5/screen?token=dev-display`, 480, 160);
    const five = snap.windows.find((w: any) => w.id === "5");
    expect(await text(screen, ".ws-number")).toBe(five.current.number);
    expect(await text(screen, ".ws-officer-name")).toBe(OFFICERS["5"]!.name);
    expect(await text(screen, ".ws-officer-badge")).toContain(OFFICERS["5"]!.badge);
    expect(await text(screen, ".ws-window-label")).toBe("交管专窗");
    await screen.close();

    const wall = await open(`/halls/${hall}/dashboard?token=dev-display`);
    expect(await text(wall, '[data-kpi="issued"] .kpi-value')).toBe("25");
    expect(await wall.locator("#hourly svg rect").count()).toBeGreaterThan(0);
    await wall.close();
  });

  it("show a ticket issued and called through the API on the main screen and the window screen, without reload", async () => {
    const hall = await demoLikeHall("screens-live");
    const main = await open(`/halls/${hall}/display?token=dev-display`);
    const screen = await open(`/halls/${hall}/windows/5/screen?token=dev-display`, 800, 200);
    expect(await text(main, "#now-calling")).toContain("请取号等候");
    expect(await text(screen, "#window-screen")).toContain("请等候叫号");

    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await main.waitForFunction(() => document.querySelector('#categories [data-category="traffic"] .waiting')?.getAttribute("data-waiting") === "1");

    await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await until(main, "#now-calling .call-ticket", "C001");
    await until(screen, ".ws-number", "C001");
    expect(await text(main, "#now-calling")).toContain("请 C001 号到 5 号窗口办理");
    expect(await text(main, '#windows [data-window="5"]')).toContain("C001");
    expect(await text(screen, ".ws-caption")).toContain("请到本窗口");
    // A fresh call flashes on both screens.
    expect(await main.locator("#now-calling [data-flash]").count()).toBe(1);
    expect(await screen.locator("#window-screen [data-flash]").count()).toBe(1);

    await api("counter", "POST", `/api/halls/${hall}/windows/5/start`);
    await until(screen, ".ws-caption", "正在办理");
    await notReloaded(main);
    await notReloaded(screen);
    await main.close();
    await screen.close();
  });

  it("tick the clock in the hall's time zone from the server's time, even on a box whose own clock is years off", async () => {
    const hall = await demoLikeHall("screens-clock");
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install({ time: new Date("2020-01-01T12:00:00Z") });
    await page.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display`);
    const first = await text(page, "#clock .clock-time");
    await page.clock.runFor(5_000);
    const later = await text(page, "#clock .clock-time");
    const seconds = (t: string) => t.split(":").reduce((s, part) => s * 60 + Number(part), 0);
    expect((seconds(later) - seconds(first) + 86_400) % 86_400).toBeGreaterThanOrEqual(4);
    // The date the page shows must be the hall's own date (clockText, the rule the server renders
    // with) at the moment the page shows: find that moment from the time on the screen, within a
    // minute after the server's data-now, so a run across midnight expects the new day.
    const shown = await page.evaluate(() => ({
      date: document.querySelector("#clock .clock-date")!.textContent!,
      time: document.querySelector("#clock .clock-time")!.textContent!,
      now: Number(document.getElementById("clock")!.getAttribute("data-now")),
    }));
    const { clockText } = await import("../../worker/insights/clock-text.js");
    const moment = Array.from({ length: 62 }, (_, s) => shown.now - 1000 + s * 1000).find((t) => clockText(t, "Asia/Shanghai").time === shown.time);
    expect(moment, `the screen shows ${shown.time}, not within a minute after the server's ${new Date(shown.now).toISOString()}`).toBeDefined();
    expect(shown.date).toBe(clockText(moment!, "Asia/Shanghai").date);
    await page.close();
  });

  it("flashes again for a recall: a new call id with its flash starting over", async () => {
    const hall = await demoLikeHall("screens-recall");
    const main = await open(`/halls/${hall}/display?token=dev-display`);
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await api("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await until(main, "#now-calling .call-ticket", "A001");
    const first = await main.locator("#now-calling .call").getAttribute("data-call-id");
    await api("counter", "POST", `/api/halls/${hall}/windows/1/recall`);
    await main.waitForFunction((id) => document.querySelector("#now-calling .call")?.getAttribute("data-call-id") !== id, first);
    expect(await text(main, "#now-calling")).toContain("重呼");
    const delay = await main.locator("#now-calling [data-flash]").evaluate((el) => parseFloat(getComputedStyle(el).animationDelay));
    expect(delay).toBeLessThanOrEqual(0);
    expect(delay).toBeGreaterThan(-3);
    await main.close();
  });

  it("shows a paused window as paused on its window screen and in the main screen's window list", async () => {
    const hall = await demoLikeHall("screens-paused");
    const main = await open(`/halls/${hall}/display?token=dev-display`);
    const screen = await open(`/halls/${hall}/windows/3/screen?token=dev-display`, 480, 160);
    await api("manager", "PATCH", `/api/halls/${hall}/windows/3`, { state: "paused" });
    await until(screen, "#window-screen", "暂停服务");
    await main.waitForFunction(() => document.querySelector('#windows [data-window="3"]')?.getAttribute("data-state") === "paused");
    expect(await text(main, '#windows [data-window="3"]')).toContain("暂停服务");
    await api("manager", "PATCH", `/api/halls/${hall}/windows/3`, { state: "closed" });
    await until(screen, "#window-screen", "窗口关闭");
    await until(main, '#windows [data-window="3"]', "窗口关闭");
    await notReloaded(screen);
    await main.close();
    await screen.close();
  });

  it("says it is offline while cut, keeps the last state, then shows the call made meanwhile and never an older one", async () => {
    const hall = await demoLikeHall("screens-offline");
    const main = await open(`/halls/${hall}/display?token=dev-display`);
    const screen = await open(`/halls/${hall}/windows/2/screen?token=dev-display`, 480, 160);
    for (const p of [main, screen]) {
      await p.evaluate(() => {
        const w = window as any;
        w.__seen = [];
        w.__seqs = [];
        document.addEventListener("tongban:update", (e: any) => w.__seqs.push(e.detail.seq));
        new MutationObserver(() => {
          const n = document.querySelector(".call-ticket, .ws-number")?.textContent;
          if (n && w.__seen[w.__seen.length - 1] !== n) w.__seen.push(n);
        }).observe(document.body, { childList: true, subtree: true });
      });
    }
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await api("counter", "POST", `/api/halls/${hall}/windows/2/call`);
    await until(main, ".call-ticket", "A001");
    await until(screen, ".ws-number", "A001");

    for (const p of [main, screen]) await p.evaluate(() => (window as any).tongbanLive.drop(3000));
    for (const p of [main, screen]) await p.waitForFunction(() => !document.getElementById("live-status")!.hidden);
    await api("counter", "POST", `/api/halls/${hall}/windows/2/finish`);
    await api("counter", "POST", `/api/halls/${hall}/windows/2/call`);
    for (const p of [main, screen]) {
      expect(await text(p, "#live-status")).toMatch(/^离线 · offline for \d+ s$/);
      expect(await p.locator("body").getAttribute("data-offline")).toBe("true");
    }
    // The last known state stays on screen while offline.
    expect(await text(main, ".call-ticket")).toBe("A001");
    expect(await text(screen, ".ws-number")).toBe("A001");

    await until(main, ".call-ticket", "A002");
    await until(screen, ".ws-number", "A002");
    for (const p of [main, screen]) {
      await p.waitForFunction(() => document.getElementById("live-status")!.hidden);
      const { seen, seqs } = await p.evaluate(() => ({ seen: (window as any).__seen, seqs: (window as any).__seqs }));
      expect(seen).toEqual(["A001", "A002"]);
      expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
      await notReloaded(p);
    }
    await main.close();
    await screen.close();
  });

  it("shows on the data wall the same counts as the API snapshot, and keeps them current", async () => {
    const hall = await busyHall("screens-wall");
    const wall = await open(`/halls/${hall}/dashboard?token=dev-display`);
    const check = async () => {
      const snap = (await api("display", "GET", `/api/halls/${hall}`)).body;
      await caughtUp(wall, snap.seq);
      expect(await text(wall, '[data-kpi="waiting"] .kpi-value')).toBe(String(snap.waiting.length));
      // 办理中 is in service (status serving), not called and still on the way (issue 25 §8).
      const serving = snap.windows.filter((w: any) => w.current?.status === "serving").length;
      expect(await text(wall, '[data-kpi="serving"] .kpi-value')).toBe(String(serving));
      const open = snap.windows.filter((w: any) => w.state === "open").length;
      expect(await text(wall, '[data-kpi="windows"] .kpi-value')).toMatch(new RegExp(`^${open} / \\d+$`));
      for (const c of snap.categories) {
        const row = `#load [data-category="${c.id}"]`;
        expect(await text(wall, `${row} [data-field="waiting"]`)).toBe(String(c.waiting));
        const atWindows = snap.windows.filter((w: any) => w.current?.category === c.id && w.current.status === "serving").length;
        expect(await text(wall, `${row} [data-field="being-served"]`)).toBe(String(atWindows));
      }
      for (const w of snap.windows) {
        expect(await wall.locator(`#staffing [data-window="${w.id}"]`).getAttribute("data-state")).toBe(w.state);
        if (w.current && w.state === "open") expect(await text(wall, `#staffing [data-window="${w.id}"]`)).toContain(w.current.number);
      }
      return snap;
    };
    await check();
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "security" });
    await api("counter", "POST", `/api/halls/${hall}/windows/3/finish`);
    await api("manager", "PATCH", `/api/halls/${hall}/windows/4`, { state: "open" });
    await check();
    expect(await text(wall, '[data-kpi="issued"] .kpi-value')).toBe("26");
    await notReloaded(wall);
    await wall.close();
  });

  it("raises the data wall's alarm when the oldest ticket reaches the line, with no update needed", async () => {
    const hall = await demoLikeHall("screens-alarm-due");
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install({ time: new Date() });
    // The page's clock runs ahead on command, the hall's does not: an update from the hall (the
    // minute tick) would set the wall's clock back to the hall's time. Once the ticket is on the
    // wall the feed is held, so only clock.js can show the alarm, as the test means to prove.
    let held = false;
    await page.routeWebSocket(/\/live/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => void (held || ws.send(m)));
    });
    await page.goto(`${baseUrl()}/halls/${hall}/dashboard?token=dev-display`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.getElementById("live-status")?.hidden);
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "security" });
    const alarm = page.locator('#alerts [data-alert="alarm"][data-category="security"]');
    await alarm.waitFor({ state: "attached" });
    held = true;
    expect(await alarm.isHidden()).toBe(true);
    expect(await text(page, "#alerts")).toContain("运行平稳");
    await page.clock.runFor(9 * 60_000);
    expect(await alarm.isHidden()).toBe(true);
    await page.clock.runFor(2 * 60_000);
    expect(await alarm.isVisible()).toBe(true);
    expect(await alarm.innerText()).toContain("10 分钟警戒线");
    await page.close();
  });

  it("clears at the day's reset and stays the same size however long it runs", async () => {
    const hall = await demoLikeHall("screens-long-run");
    const main = await open(`/halls/${hall}/display?token=dev-display`);
    const screen = await open(`/halls/${hall}/windows/5/screen?token=dev-display`, 480, 160);
    const wall = await open(`/halls/${hall}/dashboard?token=dev-display`);
    const round = async (i: number) => {
      await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
      await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
      await api("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
      const { seq } = (await api("display", "GET", `/api/halls/${hall}`)).body;
      for (const p of [main, screen, wall]) await caughtUp(p, seq);
      expect(await text(main, ".call-ticket")).toBe(`C${String(i).padStart(3, "0")}`);
    };
    // Elements on the page; the chart is left out, as it gains a bar when the hour turns.
    const size = (p: Page) => p.evaluate(() => document.querySelectorAll("*:not(#hourly *)").length);
    const intervals = (p: Page) => p.evaluate(() => (window as any).__intervals as number);
    const startedWith = await Promise.all([intervals(main), intervals(screen), intervals(wall)]);
    // Fill the recent-calls list, then the page must not grow any more.
    for (let i = 1; i <= 10; i++) await round(i);
    const before = await Promise.all([size(main), size(screen), size(wall)]);
    for (let i = 11; i <= 20; i++) await round(i);
    expect(await Promise.all([size(main), size(screen), size(wall)])).toEqual(before);
    // live.js and clock.js each start one interval when the page loads, and updates start none.
    expect(await Promise.all([intervals(main), intervals(screen), intervals(wall)])).toEqual(startedWith);
    expect(startedWith.every((n) => n <= 2)).toBe(true);
    for (const p of [main, screen, wall]) expect(await p.locator("#live-status").count()).toBe(1);

    await api("manager", "POST", `/api/halls/${hall}/reset`);
    await until(main, "#now-calling", "请取号等候");
    await until(main, "#recent-calls", "暂无");
    await main.waitForFunction(() => [...document.querySelectorAll("#categories .waiting")].every((e) => e.getAttribute("data-waiting") === "0"));
    await until(screen, "#window-screen", "请等候叫号");
    await wall.waitForFunction(() => document.querySelector('[data-kpi="issued"] .kpi-value')?.textContent === "0");
    for (const p of [main, screen, wall]) await notReloaded(p);
    await main.close();
    await screen.close();
    await wall.close();
  });
});
