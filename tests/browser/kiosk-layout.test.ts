/**
 * The kiosk at the sizes halls buy: the upright 取号机 (1080×1920) and landscape touch screens
 * (1920×1080, 1280×800) — nothing spills, no sideways scroll, targets big enough — and 适老 mode:
 * type at least 1.5× and one choice per step.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  return page;
}

/** Text that runs past the screen's edge, or out of its own button. */
function spills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight) bad.push("the page scrolls");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent!.trim() || el.closest("script, [hidden], .slip-overlay, .elder-step") || el.offsetParent === null) continue;
      if (getComputedStyle(el).textOverflow === "ellipsis") continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      const box = el.closest("button")?.getBoundingClientRect();
      if (r.width > 0 && (r.right > innerWidth + 2 || r.bottom > innerHeight + 2)) bad.push(node.textContent!.trim().slice(0, 30));
      else if (box && (r.right > box.right + 2 || r.bottom > box.bottom + 2)) bad.push(`${node.textContent!.trim().slice(0, 30)} (out of its button)`);
    }
    return bad;
  });
}

const sizes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => ({ w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height })));
const fontPx = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

describe("the kiosk at its screen sizes", () => {
  it.each([
    [1080, 1920],
    [1920, 1080],
    [1280, 800],
  ])("at %i×%i: nothing spills, every target is big, axe finds nothing", async (width, height) => {
    const hall = await demoLikeHall(`kiosk-${width}x${height}`);
    const page = await open(`/halls/${hall}/kiosk?token=dev-kiosk`, width, height);
    expect(await spills(page)).toEqual([]);
    const cards = await sizes(page, ".category-button");
    expect(cards).toHaveLength(4);
    for (const c of cards) {
      expect(c.h).toBeGreaterThanOrEqual(120);
      // Upright, a card is a wide row, not a tall column with its words at either end.
      if (height > width) {
        expect(c.w).toBeGreaterThan(width * 0.9);
        expect(c.h).toBeLessThan(c.w / 2);
      }
    }
    for (const k of await sizes(page, ".keypad .key")) expect(Math.min(k.w, k.h)).toBeGreaterThanOrEqual(56);
    // Priority is offered before the services: seen above the first tile, not under the last (issue 25 §2).
    const priorities = (await page.locator("#kiosk-priorities").boundingBox())!;
    const firstTile = (await page.locator(".category-button").first().boundingBox())!;
    expect(priorities.y + priorities.height).toBeLessThanOrEqual(firstTile.y);
    expect(await page.locator('#kiosk-priorities [data-priority="elderly"]').isVisible()).toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // 1280×800 is screenshot mid-morning by screenshots.test.ts.
    if (width !== 1280) await screenshot(page, `kiosk-${width}x${height}`);
    await page.context().close();
  });
});

describe("适老 mode on the kiosk", () => {
  it("is at least 1.5× the type, shows the services alone, then asks the priority as its own step", async () => {
    const hall = await demoLikeHall("kiosk-elder");
    const normal = await open(`/halls/${hall}/kiosk?token=dev-kiosk`, 1080, 1920);
    const page = await open(`/halls/${hall}/kiosk?token=dev-kiosk&elder=1`, 1080, 1920);
    for (const selector of [".category-button .name-zh", ".category-button .name-en", ".category-button .wait", ".kiosk-main > h2 .zh"]) {
      expect(await fontPx(page, selector), selector).toBeGreaterThanOrEqual(1.5 * (await fontPx(normal, selector)) - 0.5);
    }
    expect(await page.locator(".kiosk-side").isVisible()).toBe(false);
    expect(await page.locator("#kiosk-priorities").isVisible()).toBe(false);
    expect(await spills(page)).toEqual([]);
    await screenshot(page, "kiosk-elder-1080x1920");

    await page.click('[data-category="traffic"]');
    await page.locator("#elder-step").waitFor({ state: "visible" });
    expect(await page.locator("#elder-step").innerText()).toContain("交管");
    const choices = await page.locator("#elder-step [data-elder-priority]").evaluateAll((els) => els.map((e) => e.getAttribute("data-elder-priority")));
    expect(choices).toEqual(["normal", "elderly", "disabled", "green"]);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, "kiosk-elder-step-1080x1920");
    await page.click('#elder-step [data-elder-priority="elderly"]');
    await page.locator("#slip-overlay:not([hidden])").waitFor();
    expect(await page.locator("#slip").innerText()).toContain("长者优先");
    const snap = (await api("display", "GET", `/api/halls/${hall}`)).body;
    expect(snap.waiting.map((t: any) => [t.number, t.priority])).toEqual([["C001", "elderly"]]);
    await page.click('[data-action="done"]');
    // The kiosk's own mode stays: the next citizen sees it too.
    expect(await page.evaluate(() => document.body.classList.contains("elder"))).toBe(true);
    await normal.context().close();
    await page.context().close();
  });

  it("turns on for one citizen with the 长辈模式 button, back is one step back, and the kiosk returns to normal after the ticket", async () => {
    const hall = await demoLikeHall("kiosk-elder-toggle");
    const page = await open(`/halls/${hall}/kiosk?token=dev-kiosk`, 1280, 800);
    await page.click('[data-action="elder"]');
    expect(await page.getAttribute('[data-action="elder"]', "aria-pressed")).toBe("true");
    expect(await page.locator(".kiosk-side").isVisible()).toBe(false);
    expect(await spills(page)).toEqual([]);
    await page.click('[data-category="household"]');
    await page.locator("#elder-step").waitFor({ state: "visible" });
    await page.click('[data-action="elder-back"]');
    expect(await page.locator("#elder-step").isHidden()).toBe(true);
    expect((await api("display", "GET", `/api/halls/${hall}`)).body.waiting).toEqual([]);
    await page.click('[data-category="household"]');
    await page.click('#elder-step [data-elder-priority="normal"]');
    await page.locator("#slip-overlay:not([hidden])").waitFor();
    expect(await page.locator("#slip").innerText()).toContain("A001");
    await page.click('[data-action="done"]');
    expect(await page.getAttribute('[data-action="elder"]', "aria-pressed")).toBe("false");
    expect(await page.locator(".kiosk-side").isVisible()).toBe(true);
    await page.context().close();
  });
});
