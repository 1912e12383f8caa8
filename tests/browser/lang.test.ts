/**
 * The consoles and the status page in English and in Traditional Chinese, in Chromium: the page
 * says its language (`<html lang>`), a change made at the hall arrives in the same language over
 * the live socket, the scripts' messages follow it, the switcher keeps the page's parameters and
 * tab, nothing spills at the design sizes, and axe finds nothing. A console in a browser set to
 * Hong Kong gets Traditional without asking; the kiosk speaks the hall's language unless asked.
 */
import AxeBuilder from "@axe-core/playwright";
import OpenCC from "opencc-js/cn2t";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

const toHant = OpenCC.Converter({ from: "cn", to: "hk" });

let browser: Browser;
let hall: string;
let statusPath: string;

beforeAll(async () => {
  browser = await launch();
  // The hall's own words in Hong Kong's Traditional too, so what is Simplified on a zh-Hant page is the console's.
  hall = await demoLikeHall("browser-lang", (c) => {
    c.name = "城東公安服務大廳";
    c.notice = toHant(c.notice);
    for (const cat of c.categories) cat.names["zh-Hant"] = toHant(cat.names["zh-Hans"]);
    for (const w of c.windows) w.label = toHant(w.label);
  });
  for (const category of ["traffic", "household", "traffic", "exit-entry"]) await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category });
  // The citizen's ticket is the hall's only 治安 one: window 6, which alone serves it, calls it when the test says.
  statusPath = (await api("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "security" })).body.statusPath;
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number, height: number, locale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function until(page: Page, selector: string, contains: string): Promise<void> {
  await page.waitForFunction(([s, c]) => document.querySelector(s)?.textContent?.includes(c) ?? false, [selector, contains] as const, { timeout: 10_000 });
}

/** Han characters of a Traditional page's text that Hong Kong's Traditional does not write, less the switcher's own 简体. */
async function simplifiedLeft(page: Page, selector = "body"): Promise<string[]> {
  const own = await page.evaluate((s) => {
    const root = document.querySelector(s)!.cloneNode(true) as HTMLElement;
    root.querySelectorAll('.lang-switch [lang="zh-Hans"], script').forEach((e) => e.remove());
    return root.textContent ?? "";
  }, selector);
  return [...new Set([...own].filter((c) => /\p{Script=Han}/u.test(c) && toHant(c) !== c))];
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")}`);
}

/** Text cut off by the viewport: a console fits its design size in every language. */
async function spills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent!.trim() || el.closest("dialog:not([open]), script, [hidden]") || el.offsetParent === null) continue;
      if (getComputedStyle(el).textOverflow === "ellipsis") continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.right > innerWidth + 2 || r.bottom > innerHeight + 2)) bad.push(node.textContent!.trim().slice(0, 30));
    }
    return bad;
  });
}

describe("the window terminal", () => {
  it("in English: a call made at the hall arrives in English, the script speaks English, the switcher keeps the token", async () => {
    const page = await open(`/halls/${hall}/counter/2?token=dev-counter&lang=en`, 1366, 768);
    expect(await lang(page)).toBe("en");
    expect(await text(page, "#counter-current")).toContain("No ticket at this window");
    // A change made elsewhere (another terminal's call, over the API) re-renders this one's queue in English.
    const before = await text(page, "#counter-queue");
    await api("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await page.waitForFunction((b) => document.querySelector("#counter-queue")!.textContent !== b, before);
    expect(await text(page, "#counter-queue")).toMatch(/\d+ waiting for this window/);
    await page.click('#counter-actions [data-action="call-next"]');
    await until(page, "#console-message", "Called");
    await until(page, "#counter-actions", "Finish & call next");
    expect(await text(page, "#counter-current")).toContain("Why this ticket");
    expect(await spills(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "counter-en-1366x768");
    await page.click('.lang-switch a[lang="zh-Hant"]');
    await page.waitForURL(/lang=zh-Hant/);
    expect(new URL(page.url()).searchParams.get("token")).toBe("dev-counter");
    expect(await lang(page)).toBe("zh-Hant");
    expect(await text(page, "#counter-actions")).toContain("辦結並呼叫下一位");
    await page.context().close();
  });

  it("in Traditional: nothing Simplified in its own words, and a live update stays Traditional", async () => {
    const page = await open(`/halls/${hall}/counter/3?token=dev-counter&lang=zh-Hant`, 1366, 768);
    expect(await lang(page)).toBe("zh-Hant");
    await page.click('#counter-actions [data-action="call-next"]');
    await until(page, "#counter-current", "呼叫原因");
    await until(page, "#console-message", "已呼叫");
    await api("counter", "POST", `/api/halls/${hall}/windows/3/recall`);
    await until(page, "#counter-current", "第 2 次呼叫");
    expect(await simplifiedLeft(page)).toEqual([]);
    expect(await spills(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the kiosk", () => {
  it("in English: the slip and its messages in English; a window paused at the hall greys its category in English", async () => {
    const page = await open(`/halls/${hall}/kiosk?token=dev-kiosk&print=off&lang=en`, 1280, 800);
    expect(await lang(page)).toBe("en");
    await page.click('[data-priority="elderly"]');
    await page.click('[data-category="exit-entry"]');
    await page.waitForSelector("#slip-overlay:not([hidden])");
    const slip = await text(page, "#slip");
    expect(slip).toContain("ahead of you");
    expect(slip).toContain("Exit and entry · 出入境");
    expect(slip).toMatch(/Elderly 长者优先/);
    expect(slip).toMatch(/Taken \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    await page.click('[data-action="done"]');
    for (const w of ["1", "2", "3", "6"]) await api("manager", "PATCH", `/api/halls/${hall}/windows/${w}`, { state: "paused" });
    await until(page, '[data-category="exit-entry"]', "Its windows are paused");
    expect(await spills(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    for (const w of ["1", "2", "3", "6"]) await api("manager", "PATCH", `/api/halls/${hall}/windows/${w}`, { state: "open" });
    await page.context().close();
  });

  it("upright, in Traditional when asked (?lang=), whatever the box's locale", async () => {
    const page = await open(`/halls/${hall}/kiosk?token=dev-kiosk&print=off&lang=zh-Hant`, 1080, 1920, "en-US");
    expect(await lang(page)).toBe("zh-Hant");
    expect(await text(page, ".kiosk-main h2")).toContain("請選擇業務取號");
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await until(page, '[data-category="household"]', "等候");
    expect(await simplifiedLeft(page)).toEqual([]);
    expect(await spills(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the manager console", () => {
  it("in English on every tab, a window closed at the hall re-rendered in English, the tab kept across the switcher", async () => {
    const page = await open(`/halls/${hall}/manage?token=dev-manager&lang=en`, 1366, 768);
    expect(await lang(page)).toBe("en");
    await api("manager", "PATCH", `/api/halls/${hall}/windows/4`, { state: "closed" });
    await until(page, '#manage-windows [data-window="4"]', "Closed");
    expect(await text(page, "#manage-summary")).toContain("Windows open");
    for (const tab of ["stats", "staff", "devices", "appointments", "settings", "follow-ups", "audit"]) {
      await page.click(`[data-tab="${tab}"]`);
      await page.locator(`[data-tab-panel="${tab}"]`).waitFor({ state: "visible" });
      if (tab === "stats") await page.waitForFunction(() => document.querySelector("#stats")?.hasAttribute("data-loaded"));
      if (tab === "audit") await page.waitForFunction(() => (document.querySelector("#audit-rows")?.children.length ?? 0) > 0);
      expect(await axe(page), `the ${tab} tab`).toEqual([]);
    }
    expect(await text(page, "#audit-rows")).toContain("Window change 调整窗口");
    await page.click('[data-tab="stats"]');
    expect(await text(page, "#advice")).toMatch(/\d+ open, \d+ needed/);
    await page.click('.lang-switch a[lang="zh-Hant"]');
    await page.waitForURL(/lang=zh-Hant#stats$/);
    await page.locator('[data-tab-panel="stats"]').waitFor({ state: "visible" });
    await page.waitForFunction(() => document.querySelector("#stats")?.hasAttribute("data-loaded"));
    expect(await text(page, "#advice")).toContain("開窗建議");
    expect(await simplifiedLeft(page, "main")).toEqual([]);
    await api("manager", "PATCH", `/api/halls/${hall}/windows/4`, { state: "open" });
    await page.context().close();
  });

  it("in English on a phone: one column, no sideways scroll", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager&lang=en`);
    await page.waitForFunction(() => (window as any).tongbanLive);
    for (const tab of ["hall", "staff", "devices", "settings"]) {
      await page.locator(`[role=tab][data-tab="${tab}"]`).tap();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), tab).toBe(390);
    }
    await context.close();
  });
});

describe("the citizen's status page", () => {
  it("in Traditional on a phone: the call arrives in Traditional, loudly", async () => {
    const page = await open(`${statusPath}?lang=zh-Hant`, 390, 844);
    expect(await lang(page)).toBe("zh-Hant");
    expect(await text(page, "#status-ticket")).toContain("前面還有");
    await api("manager", "PATCH", `/api/halls/${hall}/windows/6`, { categories: ["security"] });
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/6/call`)).body.ticket.number).toBe("D001");
    await until(page, "#status-ticket", "請到 6 號窗口");
    expect(await page.locator("#status-ticket").getAttribute("data-status")).toBe("called");
    expect(await simplifiedLeft(page)).toEqual([]);
    expect(await spills(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "status-zh-Hant-390x844");
    await page.context().close();
  });

  it("in English from an English phone, and ?lang= wins over it", async () => {
    const en = await open(statusPath, 390, 844, "en-GB");
    expect(await lang(en)).toBe("en");
    expect(await text(en, "#status-ticket")).toContain("Please go to window 6");
    expect(await axe(en)).toEqual([]);
    await en.click('.lang-switch a[lang="zh-Hans"]');
    await en.waitForURL(/lang=zh-Hans/);
    expect(await lang(en)).toBe("zh-Hans");
    expect(await text(en, "#status-ticket")).toContain("请到 6 号窗口");
    await en.context().close();
  });
});
