/**
 * Regenerates docs/screens/*.png: every screen at its design sizes, showing a busy hall.
 * Each shot also checks that nothing on the page spills out of the viewport or its panel.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";
import { dashboard } from "../../worker/pages/dashboard.js";
import { busyHall } from "./screens-busy-hall.js";
import { simulatedDay } from "./screens-simulated-day.js";

let browser: Browser;
let hall: string;

/** A Jiangning-sized centre: seven categories, sixteen windows, English as the second language. */
async function bigCentre(name: string): Promise<string> {
  const categories = [
    ["household", "A", "户政", "戶政", "Household"],
    ["exit-entry", "B", "出入境", "出入境", "Exit-entry"],
    ["licences", "C", "驾驶证", "駕駛證", "Driving licences"],
    ["vehicles", "D", "机动车", "機動車", "Vehicles"],
    ["violations", "E", "违法处理", "違法處理", "Traffic violations"],
    ["security", "F", "治安", "治安", "Public security"],
    ["border", "G", "边防", "邊防", "Border permits"],
  ].map(([id, prefix, hans, hant, en]) => ({ id, prefix, names: { "zh-Hans": hans, "zh-Hant": hant, en }, serviceMinutes: 6, weight: 1 }));
  const ids = categories.map((c) => c.id!);
  const windows = Array.from({ length: 16 }, (_, i) => ({
    id: String(i + 1),
    number: i + 1,
    label: i < 10 ? "综合窗口" : i < 14 ? "交管业务专窗" : i === 14 ? "出入境专窗" : "五星窗口（疑难问题）",
    categories: i < 10 ? ids : i < 14 ? ["licences", "vehicles", "violations"] : i === 14 ? ["exit-entry"] : ids,
    state: "open",
  }));
  await demoLikeHall(name, (c) => {
    Object.assign(c, { name: "江宁区政务服务中心公安综合服务大厅", languages: ["cmn-Hans", "en"], categories, windows, supervisionUrl: null, notice: "" });
  });
  for (let i = 0; i < 60; i++) await api("kiosk", "POST", `/api/halls/${name}/tickets`, { category: ids[(i * 5) % ids.length] });
  for (let w = 1; w <= 16; w++) await api("counter", "POST", `/api/halls/${name}/windows/${w}/call`);
  await api("manager", "PATCH", `/api/halls/${name}/windows/12`, { state: "paused" });
  await api("counter", "POST", `/api/halls/${name}/windows/13/finish`);
  await api("manager", "PATCH", `/api/halls/${name}/windows/13`, { state: "closed" });
  return name;
}
beforeAll(async () => {
  browser = await launch();
  hall = await busyHall("screens-docs");
});
afterAll(async () => {
  await browser?.close();
});

/** Ends the call flash and stops the notice where its text starts near the left edge. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (const a of document.getAnimations() as CSSAnimation[]) {
      if (a.animationName === "call-flash") a.finish();
      if (a.animationName === "notice-scroll") {
        const text = (a.effect as KeyframeEffect).target as HTMLElement;
        const track = text.parentElement!.clientWidth;
        const total = text.offsetWidth;
        const duration = Number((a.effect as KeyframeEffect).getTiming().duration);
        (a.effect as KeyframeEffect).updateTiming({ delay: 0 });
        a.pause();
        a.currentTime = (duration * (track * 0.98)) / total;
      }
    }
  });
}

/**
 * Text that leaves the screen, spills out of its box into a neighbour's, or is cut by a panel that
 * hides overflow (unless it ends in an ellipsis by design). Glyphs may reach a quarter of an em past
 * a tight line box (CJK fonts' ascent and descent) without anything being cut.
 */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent!.trim() || el.closest("svg, .notice, [hidden]") || el.offsetParent === null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      const slack = 0.25 * parseFloat(getComputedStyle(el).fontSize);
      const name = `"${node.textContent!.trim().slice(0, 24)}" in ${el.tagName.toLowerCase()}.${el.className}`;
      // An ellipsis is a safety net for unusual names; at the design sizes nothing needs it.
      let ellipsis: HTMLElement | null = el;
      while (ellipsis && getComputedStyle(ellipsis).textOverflow !== "ellipsis") ellipsis = ellipsis.parentElement;
      if (ellipsis && r.right > ellipsis.getBoundingClientRect().right + 1) bad.push(`${name} is shortened to an ellipsis`);
      const outside = (b: DOMRect) =>
        (ellipsis === null && (r.left < b.left - slack || r.right > b.right + slack)) || r.top < b.top - slack || r.bottom > b.bottom + slack;
      if (outside(new DOMRect(0, 0, innerWidth, innerHeight))) {
        bad.push(`${name} leaves the screen`);
        continue;
      }
      for (let a: HTMLElement | null = el; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.display.startsWith("inline") || style.display === "contents") continue;
        if (outside(a.getBoundingClientRect())) {
          bad.push(`${name} ${style.overflow === "visible" ? "spills out of" : "is cut by"} ${a.tagName.toLowerCase()}.${a.className}`);
          break;
        }
      }
    }
    return bad;
  });
}

async function shoot(path: string, name: string, width: number, height: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.getElementById("live-status")?.hidden);
  await settle(page);
  await screenshot(page, name);
  expect(await overflows(page)).toEqual([]);
  await page.close();
}

describe("screenshots for docs/screens", () => {
  it.each([
    [1920, 1080],
    [1280, 720],
    [3840, 2160],
  ])("main hall screen at %i×%i", async (w, h) => {
    await shoot(`/halls/${hall}/display?token=dev-display`, `main-${w}x${h}`, w, h);
  });

  it.each([
    ["5", "open", 480, 160],
    ["5", "open", 800, 200],
    ["4", "paused", 480, 160],
    ["4", "paused", 800, 200],
  ])("window %s screen (%s) at %i×%i", async (win, state, w, h) => {
    await shoot(`/halls/${hall}/windows/${win}/screen?token=dev-display`, `window-${state}-${w}x${h}`, w, h);
  });

  it("data wall at 1920×1080", async () => {
    await shoot(`/halls/${hall}/dashboard?token=dev-display`, "dashboard-1920x1080", 1920, 1080);
  });

  it("main screen and data wall of a sixteen-window centre at 1920×1080", async () => {
    const centre = await bigCentre("screens-docs-centre");
    await shoot(`/halls/${centre}/display?token=dev-display`, "main-centre-1920x1080", 1920, 1080);
    await shoot(`/halls/${centre}/dashboard?token=dev-display`, "dashboard-centre-1920x1080", 1920, 1080);
    await shoot(`/halls/${centre}/windows/16/screen?token=dev-display`, "window-centre-480x160", 480, 160);
  });

  it("data wall at 1920×1080 late on a simulated busy day", async () => {
    // The same view renders a day played through the core. Its page listens to the busy hall's
    // feed from a seq that hall will never reach, so it connects and nothing replaces the day.
    const day = simulatedDay();
    const live = { url: `/api/halls/${hall}/live?view=dashboard&token=dev-display`, seq: 1e9 };
    const html = dashboard.page(day.state, day.now, new URLSearchParams(), live);
    // A page served by route() counts as public to Chromium, which then keeps it off loopback.
    const local = await launch(["--disable-features=LocalNetworkAccessChecks"]);
    const page = await local.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.route(`${baseUrl()}/simulated-day`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(`${baseUrl()}/simulated-day`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.getElementById("live-status")?.hidden);
    await settle(page);
    await screenshot(page, "dashboard-day-1920x1080");
    expect(await overflows(page)).toEqual([]);
    expect(await page.locator('.alert.alarm[data-category="household"]:not([hidden])').count()).toBe(1);
    expect(await page.locator('.alert.surge[data-category="household"]').count()).toBe(1);
    await local.close();
  });
});
