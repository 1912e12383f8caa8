/** A zone's screens and announcer in Chromium: only their zone's calls, re-laid live when zones change. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callWords } from "../../announcer/words.js";
import { issueAndCall, openAnnouncer, recorded, recordSpeech, waitForOutcomes, WINDOWS_VOICES } from "./announcer-recorder.js";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch(["--autoplay-policy=no-user-gesture-required"]);
});
afterAll(async () => {
  await browser?.close();
});

const names = (zh: string, hant: string, en: string) => ({ "zh-Hans": zh, "zh-Hant": hant, en });
/** 综合区: the comprehensive and difficult-cases windows; 交管区: the 二合一 window 4 and the traffic window 5. */
const HALL_ZONE = { id: "main", names: names("综合区", "綜合區", "Main area"), windows: ["1", "2", "3", "6"] };
const TRAFFIC_ZONE = { id: "traffic", names: names("交管区", "交管區", "Traffic area"), windows: ["4", "5"] };
const zoned = (c: any) => {
  c.zones = [HALL_ZONE, TRAFFIC_ZONE];
  c.announcer = { repeat: 1, rate: 1, volume: 1, chime: false };
};

async function openScreen(hall: string, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display${query}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
  // Set once; a reload would lose it.
  await page.evaluate(() => ((window as any).__sameDocument = true));
  return page;
}

const ids = (page: Page, selector: string, attribute: string) =>
  page.locator(selector).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attribute);

describe("a zone's main screen", () => {
  it("shows the calls at its windows as they are made, and not those at another zone's", async () => {
    const hall = await demoLikeHall("browser-zones-main", zoned);
    const page = await openScreen(hall, "&zone=traffic");
    expect(await page.locator("#hall-name").textContent()).toContain("交管区");
    expect(await ids(page, "#windows [data-window]", "data-window")).toEqual(["4", "5"]);
    expect(await ids(page, "#categories [data-category]", "data-category")).toEqual(["household", "traffic"]);

    const elsewhere = await issueAndCall(hall, "household", "1");
    const own = await issueAndCall(hall, "traffic", "5");
    await page.waitForFunction((t) => document.querySelector("#now-calling")?.textContent?.includes(t), own.ticket);
    expect(await page.locator("#now-calling").textContent()).toContain("5 号窗口");
    // The other zone's call came first in the feed: the screen has had it and left it out.
    expect(await page.locator("main").textContent()).not.toContain(elsewhere.ticket);

    const second = await issueAndCall(hall, "household", "4");
    await page.waitForFunction((t) => document.querySelector("#now-calling")?.textContent?.includes(t), second.ticket);
    expect(await page.locator("#recent-calls").textContent()).toContain(own.ticket);
    for (const category of ["traffic", "traffic", "household", "traffic"]) await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category });
    await page.waitForFunction(() => document.querySelector('#categories [data-category="traffic"] .waiting')?.getAttribute("data-waiting") === "3");
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await screenshot(page, "main-screen-zone");
    await page.close();
  });

  it("is re-laid without a reload when a manager moves a window into its zone", async () => {
    const hall = await demoLikeHall("browser-zones-relay", zoned);
    const page = await openScreen(hall, "&zone=traffic");
    expect(await ids(page, "#windows [data-window]", "data-window")).toEqual(["4", "5"]);

    const patched = await api("manager", "PATCH", `/api/halls/${hall}`, {
      zones: [{ ...HALL_ZONE, windows: ["1", "2", "6"] }, { ...TRAFFIC_ZONE, windows: ["3", "4", "5"] }],
    });
    expect(patched.status).toBe(200);
    await page.waitForFunction(() => document.querySelector('#windows [data-window="3"]') !== null);
    expect(await ids(page, "#windows [data-window]", "data-window")).toEqual(["3", "4", "5"]);
    expect(await ids(page, "#categories [data-category]", "data-category")).toEqual(["household", "exit-entry", "traffic"]);

    // Window 3 is the zone's now: its call shows.
    const moved = await issueAndCall(hall, "exit-entry", "3");
    await page.waitForFunction((t) => document.querySelector("#now-calling")?.textContent?.includes(t), moved.ticket);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await page.close();
  });
});

describe("a zone's announcer", () => {
  it("speaks only the calls at its zone's windows, and follows a live change of zones", async () => {
    const hall = await demoLikeHall("browser-zones-announcer", zoned);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await recordSpeech(page, WINDOWS_VOICES, { speakMs: 50 });
    await openAnnouncer(page, hall, "&zone=traffic");
    expect(await page.locator(".an-zone").textContent()).toContain("交管区");

    const elsewhere = await issueAndCall(hall, "household", "1");
    const own = await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    const spokenTexts = async () => (await recorded(page)).flatMap((e) => (e.kind === "speak" ? [e.text] : []));
    const say = (call: { ticket: string; window: number }) => callWords(call, ["cmn-Hans", "yue-Hant"]).map((u) => u.speech);
    expect(await spokenTexts()).toEqual(say(own));
    const log = async () => (await page.evaluate(() => (window as any).tongbanAnnouncer.log)).map((e: any) => e.ticket);
    expect(await log()).toEqual([own.ticket]);

    // Window 1 moves into the traffic zone: its next call is this announcer's.
    const patched = await api("manager", "PATCH", `/api/halls/${hall}`, {
      zones: [{ ...HALL_ZONE, windows: ["2", "3", "6"] }, { ...TRAFFIC_ZONE, windows: ["1", "4", "5"] }],
    });
    expect(patched.status).toBe(200);
    await api("counter", "POST", `/api/halls/${hall}/windows/1/finish`);
    const moved = await issueAndCall(hall, "household", "1");
    await waitForOutcomes(page, "spoken", 2);
    expect(await spokenTexts()).toEqual([...say(own), ...say(moved)]);
    expect(await log()).not.toContain(elsewhere.ticket);
    await page.close();
  });
});
