/**
 * Every page against axe-core's WCAG 2.1 A and AA rules, in Chromium, at the size it is built
 * for: no violations. A failure lists each rule with the elements it found.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch } from "./harness.js";

let browser: Browser;
let hall: string;
let statusPath: string;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("a11y");
  for (const category of ["traffic", "household", "traffic"]) await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category });
  const issued = await api("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "exit-entry" });
  statusPath = issued.body.statusPath;
  await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
});
afterAll(async () => {
  await browser?.close();
});

const PAGES: Array<{ name: string; path: () => string; width: number; height: number; flashing?: boolean }> = [
  { name: "main screen", path: () => `/halls/${hall}/display?token=dev-display`, width: 1920, height: 1080 },
  { name: "window screen", path: () => `/halls/${hall}/windows/5/screen?token=dev-display`, width: 800, height: 200 },
  { name: "window screen, mid-flash", path: () => `/halls/${hall}/windows/5/screen?token=dev-display`, width: 800, height: 200, flashing: true },
  { name: "main screen, mid-flash", path: () => `/halls/${hall}/display?token=dev-display`, width: 1920, height: 1080, flashing: true },
  { name: "data wall", path: () => `/halls/${hall}/dashboard?token=dev-display`, width: 1920, height: 1080 },
  { name: "announcer", path: () => `/halls/${hall}/announcer?token=dev-display`, width: 1280, height: 800 },
  { name: "kiosk", path: () => `/halls/${hall}/kiosk?token=dev-kiosk`, width: 1080, height: 1920 },
  { name: "window terminal", path: () => `/halls/${hall}/counter/5?token=dev-counter`, width: 1366, height: 768 },
  { name: "manager console", path: () => `/halls/${hall}/manage?token=dev-manager`, width: 1920, height: 1080 },
  { name: "citizen status page", path: () => statusPath, width: 390, height: 844 },
  { name: "window evaluator", path: () => `/halls/${hall}/windows/5/evaluator?token=dev-display`, width: 1280, height: 800 },
  { name: "device pairing page", path: () => "/pair", width: 1920, height: 1080 },
  { name: "manager console, devices tab", path: () => `/halls/${hall}/manage?token=dev-manager#devices`, width: 1366, height: 768 },
];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 8) }));
}

describe("every page passes axe-core's WCAG 2.1 AA rules", () => {
  it.each(PAGES.map((p) => [p.name, p] as const))("%s", async (_name, p) => {
    // axe-core/playwright needs a page of a context of its own (browser.newPage() has none).
    const context = await browser.newContext({ viewport: { width: p.width, height: p.height } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${p.path()}`);
    await page.waitForLoadState("networkidle");
    // Whether a call still flashes depends on how soon after it the page opens: check both
    // states on purpose. Mid-flash, the call's block carries data-flash held at its first,
    // brightest frame (keyframe 0%); otherwise the flash is held past its end.
    const flashing = await page.evaluate((flash) => {
      const call = document.querySelector<HTMLElement>(".ws-ticket, .now-calling .call");
      if (flash && call) {
        call.setAttribute("data-flash", "on");
        call.style.animationDelay = "0s";
      }
      for (const a of document.getAnimations()) {
        if ((a as CSSAnimation).animationName !== "call-flash") continue;
        a.pause();
        a.currentTime = flash ? 0 : Number(a.effect?.getComputedTiming().endTime ?? 0);
      }
      return document.querySelectorAll("[data-flash]").length;
    }, Boolean(p.flashing));
    if (p.flashing) expect(flashing).toBe(1);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
