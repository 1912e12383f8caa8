/**
 * The manager console in a manager's hand (390×844): no sideways scroll on any tab, every tab
 * reached by touch, buttons big enough for a thumb, and axe finds nothing.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the manager console on a phone", () => {
  it("fits 390×844 on every tab, with every tab and action reachable by touch", async () => {
    const hall = await demoLikeHall("manage-phone");
    for (const category of ["traffic", "household", "traffic"]) await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
    await page.waitForFunction(() => (window as any).tongbanLive);
    const fits = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }));
    expect(await fits()).toEqual({ page: 390, screen: 390 });
    await screenshot(page, "manage-390x844");
    const tabs = await page.locator("[role=tab][data-tab]").evaluateAll((els) => els.map((e) => e.getAttribute("data-tab")!));
    expect(tabs.length).toBeGreaterThanOrEqual(6);
    for (const tab of tabs) {
      await page.locator(`[role=tab][data-tab="${tab}"]`).tap();
      await page.locator(`[data-tab-panel="${tab}"]`).waitFor({ state: "visible" });
      expect(await fits(), `the ${tab} tab`).toEqual({ page: 390, screen: 390 });
      const small = await page.locator(`[data-tab-panel="${tab}"] button:visible, [role=tab]`).evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent!.trim().slice(0, 20), h: e.getBoundingClientRect().height })).filter((b) => b.h > 0 && b.h < 44),
      );
      expect(small, `the ${tab} tab's buttons`).toEqual([]);
    }
    await page.locator(`[role=tab][data-tab="hall"]`).tap();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
