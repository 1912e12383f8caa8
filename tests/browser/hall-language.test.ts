/**
 * The hall's own devices speak the hall's language whatever the box's locale (issue 25 §1): many
 * Linux images and headless Chromium ship en-US, and a kiosk must not then show "Household
 * registration" large and 户政 small. The kiosk, the evaluator, /pair and the screens open in an
 * English browser in the hall's order; `?lang=` (a citizen's tap on the switcher) still wins;
 * a hall whose first call language is Cantonese writes Traditional. Staff consoles follow the browser.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, demoLikeHall, launch } from "./harness.js";

let browser: Browser;
let hall: string;
let cantonese: string;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-hall-lang");
  cantonese = await demoLikeHall("browser-hall-lang-yue", (c) => {
    c.languages = ["yue-Hant", "cmn-Hans"];
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path` as a box set to English would: locale en-US, Accept-Language en-US. */
async function openInEnglishBox(path: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${path}`);
  // The hall's pages stay live without a ?lang= (their feed carries none either); /pair has no feed.
  if (path !== "/pair") await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null, null, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")}`);
}

describe("in a box whose browser is set to English", () => {
  it("the upright kiosk asks in Chinese first", async () => {
    const page = await openInEnglishBox(`/halls/${hall}/kiosk?token=dev-kiosk&print=off`, 1080, 1920);
    expect(await lang(page)).toBe("zh-Hans");
    expect(await page.locator(".kiosk-main h2").innerText()).toMatch(/^请选择业务取号/);
    expect(await page.locator('[data-category="household"] .name-zh').innerText()).toBe("户政");
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it("the kiosk still turns to English when a citizen asks for it", async () => {
    const page = await openInEnglishBox(`/halls/${hall}/kiosk?token=dev-kiosk&print=off&lang=en`, 1080, 1920);
    expect(await lang(page)).toBe("en");
    await page.context().close();
  });

  it("the evaluator greets in Chinese first", async () => {
    const page = await openInEnglishBox(`/halls/${hall}/windows/5/evaluator?token=dev-display`, 1280, 800);
    expect(await lang(page)).toBe("zh-Hans");
    expect(await page.locator(".ev-idle-zh").innerText()).toContain("您好");
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it("/pair, the main screen, the window screen and the data wall are the hall's, Chinese first", async () => {
    const pair = await openInEnglishBox("/pair", 1920, 1080);
    expect(await lang(pair)).toBe("zh-Hans");
    expect(await pair.locator("h1").innerText()).toMatch(/^设备配对/);
    await pair.context().close();
    for (const path of [`/halls/${hall}/display?token=dev-display`, `/halls/${hall}/windows/1/screen?token=dev-display`, `/halls/${hall}/dashboard?token=dev-display`]) {
      const page = await openInEnglishBox(path, 1920, 1080);
      expect(await lang(page), path).toBe("zh-Hans");
      await page.context().close();
    }
  });

  it("a hall that speaks Cantonese first shows its kiosk in Traditional", async () => {
    const page = await openInEnglishBox(`/halls/${cantonese}/kiosk?token=dev-kiosk&print=off`, 1080, 1920);
    expect(await lang(page)).toBe("zh-Hant");
    expect(await page.locator(".kiosk-main h2").innerText()).toMatch(/^請選擇業務取號/);
    await page.context().close();
  });

  it("the manager console, a staff member's own, follows the browser", async () => {
    const page = await openInEnglishBox(`/halls/${hall}/manage?token=dev-manager`, 1366, 768);
    expect(await lang(page)).toBe("en");
    await page.context().close();
  });
});
