/**
 * Issue 15 in the manager console: the 内容 tab adds a guide and an image with a schedule, previews
 * them at 16:9 and 9:16, orders, hides and deletes, every change an audit row; and the main screen
 * plays what the manager scheduled between calls and gives way to a call at once.
 */
import AxeBuilder from "@axe-core/playwright";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";
import { flowPoster } from "./signage-fixtures.js";

let browser: Browser;
let posterFile: string;
beforeAll(async () => {
  browser = await launch();
  posterFile = join(tmpdir(), `tongban-flow-${process.pid}.png`);
  writeFileSync(posterFile, await flowPoster(browser));
});
afterAll(async () => {
  await browser?.close();
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

async function openConsole(hall: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager#content`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
  await page.locator('[data-tab-panel="content"]').waitFor({ state: "visible" });
  return page;
}

/** Saves the form and waits until it was reset after the save (the field `cleared` is empty again). */
async function save(page: Page, rowsAfter: number, cleared: string): Promise<void> {
  await page.locator("#content-form button[type=submit]").click();
  await page.waitForFunction(([n, name]) => document.querySelectorAll(".content-row").length === n && !(document.querySelector(`#content-form [name="${name}"]`) as HTMLInputElement).value, [rowsAfter, cleared] as const);
}

const rows = (page: Page) => page.locator(".content-row .what b").allTextContents();

describe("the 内容 Content tab", () => {
  it("adds a scheduled guide and an image, previews, orders, hides and deletes them; the main screen plays them and gives way to a call", async () => {
    const hall = await demoLikeHall("manage-content", (c) => (c.idleMinutes = 0));
    const day = (await api("display", "GET", `/api/halls/${hall}`)).body.hall.day as string;
    const page = await openConsole(hall);

    // A guide for today (and tomorrow, should the test cross the hall's midnight).
    await page.locator("#content-form").locator('input[name="kind"][value="guide"]').check();
    await page.locator("#content-form").locator('select[name="category"]').selectOption("exit-entry");
    await page.locator("#content-form").locator('input[name="guideTitle"]').fill("首次申领普通护照 | Your first passport");
    await page.locator("#content-form").locator('textarea[name="materials"]').fill("居民身份证原件 | Resident ID card\n近期免冠彩色照片 | A recent colour photo");
    await page.locator("#content-form").locator('input[name="fee"]').fill("120 元 | CNY 120");
    await page.locator("#content-form").locator('input[name="timeLimit"]').fill("7 个工作日");
    await page.locator("#content-form").locator('input[name="where"]').fill("1–3 号综合窗口");
    await page.locator("#content-form").locator('input[name="seconds"]').fill("4");
    await page.locator("#content-form").locator('input[name="from"]').fill(day);
    for (const d of [isoWeekday(day), isoWeekday(addDays(day, 1))]) await page.locator("#content-form").locator(`input[name="weekdays"][value="${d}"]`).check();
    await save(page, 1, "guideTitle");

    // An image, uploaded as a file.
    await page.locator("#content-form").locator('input[name="kind"][value="image"]').check();
    await page.locator("#content-form").locator('input[name="file"]').setInputFiles(posterFile);
    await page.locator("#content-form").locator('input[name="caption"]').fill("办证流程 | How it works");
    await page.locator("#content-form").locator('input[name="seconds"]').fill("4");
    await save(page, 2, "caption");

    // A notice that starts the day after tomorrow: listed, not on now.
    await page.locator("#content-form").locator('input[name="kind"][value="notice"]').check();
    await page.locator("#content-form").locator('textarea[name="text"]').fill("下周起周六上午办理出入境业务 | Exit-entry opens on Saturday mornings from next week");
    await page.locator("#content-form").locator('input[name="from"]').fill(addDays(day, 2));
    await save(page, 3, "text");
    expect(await rows(page)).toEqual(["首次申领普通护照", "办证流程", "下周起周六上午办理出入境业务"]);
    expect(await page.locator(".content-row.on").count()).toBe(2);

    // A bad schedule is refused, naming the field in the form.
    await page.locator("#content-form").locator('textarea[name="text"]').fill("从未播放");
    await page.locator("#content-form").locator('input[name="from"]').fill(addDays(day, 3));
    await page.locator("#content-form").locator('input[name="to"]').fill(addDays(day, 1));
    await page.locator("#content-form button[type=submit]").click();
    await page.locator('[data-error-for="schedule"]').filter({ hasText: "结束日期不能早于开始日期" }).waitFor();
    await page.locator("#content-form").evaluate((f: HTMLFormElement) => f.reset());

    // The preview boxes are never black (issue 25 §9): before any 预览, both play the first item's slide, text showing.
    const first = await page.locator(".content-row").nth(0).getAttribute("data-content");
    await page.waitForFunction((id) => [...document.querySelectorAll<HTMLElement>("[data-preview]")].every((b) => b.getAttribute("data-previewing") === id), first, { timeout: 5000 });
    for (const text of await page.locator("[data-preview] .slide").evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()))) expect(text.length).toBeGreaterThan(0);
    expect(await page.locator("[data-preview] .slide").count()).toBe(2);
    // Preview at both aspects, from the slide the screens play.
    await page.locator(".content-row").nth(0).locator("[data-preview-content]").click();
    const boxes = await page.locator("[data-preview] .slide-guide").evaluateAll((els) => els.map((e) => Math.round((e.clientWidth / e.clientHeight) * 100) / 100));
    expect(boxes).toEqual([1.78, 0.56]);
    await page.evaluate(() => ((document.getElementById("console-message") as HTMLElement).hidden = true));
    await screenshot(page, "manage-content-1366x768");
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // The main screen plays both between calls; a call takes the screen at once.
    const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display`);
    await screen.waitForFunction(() => (window as any).tongbanSignage?.current);
    const played = new Set<string>();
    for (let i = 0; i < 40 && played.size < 2; i++) {
      played.add(await screen.evaluate(() => document.querySelector(".content-stage .slide.on")!.className));
      await screen.waitForTimeout(250);
    }
    expect([...played].sort()).toEqual(["slide slide-guide on", "slide slide-image on"]);
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await screen.waitForFunction(() => document.querySelector("#now-calling")?.textContent?.includes("C001"), undefined, { timeout: 2000 });

    // Order, hide, delete.
    await page.locator(".content-row").nth(1).locator('[data-direction="up"]').click();
    await page.waitForFunction(() => document.querySelector(".content-row .what b")?.textContent === "办证流程");
    await page.locator(".content-row").nth(0).locator("[data-hide-content]").click();
    await page.waitForFunction(() => document.querySelector(".content-row")?.classList.contains("is-hidden"));
    await screen.waitForFunction(() => document.querySelector(".content-stage .slide.on")?.classList.contains("slide-guide"), undefined, { timeout: 5000 });
    await page.locator(".content-row").nth(0).locator("[data-delete-content]").click();
    await page.waitForFunction(() => document.querySelectorAll(".content-row").length === 2);

    // Idle mode's quiet time is set from the tab too.
    await page.locator('#idle-form input[name="idleMinutes"]').fill("7");
    await page.locator("#idle-form button[type=submit]").click();
    await expect.poll(async () => (await api("display", "GET", `/api/halls/${hall}`)).body.hall.idleMinutes).toBe(7);

    const audit = await api("manager", "GET", `/api/halls/${hall}/audit?limit=20`);
    const actions = audit.body.entries.map((e: any) => e.action).filter((a: string) => a.endsWith("_content"));
    expect(actions.slice(0, 4)).toEqual(["remove_content", "change_content", "change_content", "change_content"]);
    expect(actions.filter((a: string) => a === "add_content")).toHaveLength(3);
    await screen.context().close();
    await page.context().close();
  });
});
