/**
 * Issue 25 §3 in Chromium: a call made while no announcer is connected, and a called citizen
 * not at the window after the hall's calledAlarmMinutes, are alarms a manager and the guide desk
 * see — on the manager console (1366×768) and the data wall (1920×1080) — and neither says
 * 一切正常 / 运行平稳 meanwhile. The hall's clock runs at real speed here, so the late arrival is
 * set to one minute and comes with the hall's minute tick; the rules themselves, at any instant,
 * are tested in worker/core/alarms.test.ts and tests/alarms.test.ts.
 */
import type { Browser, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
let number: string;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-alarms", (c) => {
    c.calledAlarmMinutes = 1;
  });
  await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  const called = await api("counter", "POST", `/api/halls/${hall}/windows/5/call`, {});
  expect(called.status).toBe(200);
  number = called.body.ticket.number;
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, width: number, height: number): Promise<Page> {
  // axe-core/playwright needs a page of a context of its own (browser.newPage() has none).
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${url}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** The visible text of the elements `selector` picks. */
const shown = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText));

describe("alarms that must not stay silent (issue 25 §3)", () => {
  it("a call no announcer spoke, then a citizen not at the window, are alarms on the console and the wall, and all is not well", { timeout: 200_000 }, async () => {
    const manager = await open(`/halls/${hall}/manage?token=dev-manager`, 1366, 768);
    const wall = await open(`/halls/${hall}/dashboard?token=dev-display`, 1920, 1080);

    expect((await shown(manager, "#manage-alarms li")).join("\n")).toContain("1 次叫号未播报：大厅没有播报器在线");
    expect(await shown(manager, "#manage-alarms li.calm")).toEqual([]);
    expect((await shown(wall, '#alerts [data-alert="unspoken"]')).join("\n")).toContain("1 次叫号未播报");
    expect(await shown(wall, "#alerts .all-clear")).toEqual([]);
    for (const page of [manager, wall]) expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

    // A minute after the call (the hall's calledAlarmMinutes), the minute tick raises the late arrival.
    await manager.waitForSelector('#manage-alarms li[data-alarm="late"]', { timeout: 150_000 });
    await wall.waitForSelector('#alerts [data-alert="late"]', { timeout: 10_000 });
    expect((await shown(manager, '#manage-alarms li[data-alarm="late"]')).join("")).toMatch(new RegExp(`${number} 已叫号 \\d+ 分钟，未到 5 号窗口`));
    expect((await shown(wall, '#alerts [data-alert="late"]')).join("")).toMatch(new RegExp(`${number} 已叫号 \\d+ 分钟，未到 5 号窗口`));
    expect(await shown(wall, "#alerts .all-clear")).toEqual([]);
    await screenshot(manager, "manage-alarms-1366x768");
    await screenshot(wall, "dashboard-alarms-1920x1080");

    // The citizen arrives and an announcer with its sound on connects: all is well again.
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/5/start`, {})).status).toBe(200);
    const socket = new WebSocket(`${baseUrl().replace("http", "ws")}/api/halls/${hall}/live?token=dev-display`);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve());
      socket.addEventListener("error", () => reject(new Error("the announcer's socket did not open")));
    });
    socket.send(JSON.stringify({ type: "announcer.status", sound: true, engines: { "cmn-Hans": "speech" } }));
    await manager.waitForSelector("#manage-alarms li.calm", { timeout: 10_000 });
    await wall.waitForFunction(() => (document.querySelector("#alerts .all-clear") as HTMLElement | null)?.offsetParent !== null, null, { timeout: 10_000 });
    expect(await shown(wall, "#alerts .alert.alarm")).toEqual([]);
    socket.close();
  });
});
