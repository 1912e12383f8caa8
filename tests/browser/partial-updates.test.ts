/**
 * A screen kept current by partial updates (only the regions that changed) shows exactly what a
 * freshly loaded screen shows, after 200 random commands and after missing 50 updates (issue 27).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SEED = Number(process.env.TONGBAN_SEED || Date.now() % 1_000_000);

/** A small seeded generator (mulberry32), so a failing run can be replayed with TONGBAN_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ["household", "exit-entry", "traffic", "security"];
const WINDOWS = ["1", "2", "3", "4", "5", "6"];

/** One random command an officer, a kiosk or a manager could send; many are refused (409), which changes nothing. */
async function randomCommand(hall: string, next: () => number): Promise<void> {
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const w = pick(WINDOWS);
  const r = next();
  if (r < 0.35) await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: pick(CATEGORIES) });
  else if (r < 0.6) await api("counter", "POST", `/api/halls/${hall}/windows/${w}/call`);
  else if (r < 0.75) await api("counter", "POST", `/api/halls/${hall}/windows/${w}/finish`);
  else if (r < 0.82) await api("counter", "POST", `/api/halls/${hall}/windows/${w}/recall`);
  else if (r < 0.88) await api("counter", "POST", `/api/halls/${hall}/windows/${w}/no-show`);
  else if (r < 0.94) await api("counter", "POST", `/api/halls/${hall}/windows/${w}/start`);
  else await api("counter", "POST", `/api/halls/${hall}/windows/${w}/${next() < 0.5 ? "pause" : "resume"}`);
}

async function openScreen(hall: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display`);
  await page.waitForFunction(() => (window as any).tongbanLive?.rev);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  return page;
}

/** The screen as the hall drew it: the clock's ticking text and server time, and animations' phases left out. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
    for (const e of main.querySelectorAll(".clock-date, .clock-time")) e.textContent = "";
    main.querySelector("#clock")?.removeAttribute("data-now");
    return { rev: (window as any).tongbanLive.rev as string, html: main.outerHTML.replace(/animation-delay:-[0-9.]+s/g, "") };
  });

async function caughtUp(page: Page, hall: string): Promise<void> {
  const head = (await api("display", "GET", `/api/halls/${hall}`)).body.seq;
  await page.waitForFunction((seq) => (window as any).tongbanLive.seq >= seq, head);
}

describe(`a screen kept current by partial updates (seed ${SEED})`, () => {
  it("shows after 200 random commands exactly what a freshly loaded screen shows", async () => {
    const hall = await demoLikeHall("browser-partial-200");
    const page = await openScreen(hall);
    const first = (await shown(page)).rev;
    const next = random(SEED);
    for (let i = 0; i < 200; i++) await randomCommand(hall, next);
    await caughtUp(page, hall);
    const fresh = await openScreen(hall);
    const [kept, loaded] = [await shown(page), await shown(fresh)];
    // The same rendering, reached by updates on one screen and whole on the other.
    expect(kept.rev).not.toBe(first);
    expect(kept.rev).toBe(loaded.rev);
    expect(kept.html).toBe(loaded.html);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await fresh.close();
    await page.close();
  });

  it("catches up whole after missing 50 updates, and then matches a fresh screen", async () => {
    const hall = await demoLikeHall("browser-partial-missed");
    const page = await openScreen(hall);
    await page.evaluate(() => (window as any).tongbanLive.drop());
    const next = random(SEED + 1);
    const before = (await api("display", "GET", `/api/halls/${hall}`)).body.seq;
    while ((await api("display", "GET", `/api/halls/${hall}`)).body.seq < before + 50) await randomCommand(hall, next);
    await page.evaluate(() => (window as any).tongbanLive.resume());
    await caughtUp(page, hall);
    const fresh = await openScreen(hall);
    const [kept, loaded] = [await shown(page), await shown(fresh)];
    expect(kept.rev).toBe(loaded.rev);
    expect(kept.html).toBe(loaded.html);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await fresh.close();
    await page.close();
  });
});
