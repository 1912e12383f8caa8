/**
 * A citizen books from a phone (390×844, issue 26): choose the service, a day and a half hour,
 * give the ID and mobile numbers, see the status page with the code and its QR, cancel there.
 * axe finds nothing on any step; nothing scrolls sideways.
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

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

describe("booking from a phone", () => {
  it("chooses, books, shows the status page with the code, and cancels", async () => {
    const hall = await demoLikeHall("book-phone");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/book`);
    expect(await violations(page)).toEqual([]);

    await page.getByRole("link", { name: /交管/ }).tap();
    await page.waitForURL(/category=traffic/);
    // The last day offered is always ahead of the hall's clock, so every half hour of it is open.
    await page.locator("ul.days a.choice").last().tap();
    await page.waitForURL(/date=/);
    await page.locator("ul.slots a.choice").first().tap();
    await page.waitForURL(/from=/);
    expect(await fits(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "book-390x844");

    await page.locator("input[name=idNumber]").fill("110105194912310021"); // wrong check digit
    await page.locator("input[name=mobile]").fill("13812345678");
    await page.getByRole("button", { name: /确认预约/ }).tap();
    await expect.poll(() => page.locator("[role=alert]").textContent()).toContain("校验位");

    await page.locator("input[name=idNumber]").fill("11010519491231002X");
    await page.getByRole("button", { name: /确认预约/ }).tap();
    await page.waitForURL(/\/b\//);
    const code = (await page.locator(".code").textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    expect(await page.locator(".qr svg").count()).toBe(1);
    expect(await page.content()).not.toContain("13812345678");
    expect(await fits(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "book-status-390x844");

    const booked = await api("manager", "GET", `/api/halls/${hall}/appointments`);
    expect(booked.body.appointments.map((a: any) => a.code)).toEqual([code]);

    await page.getByRole("button", { name: /取消预约/ }).tap();
    await expect.poll(() => page.locator("[role=status]").textContent()).toContain("预约已取消");
    expect(await violations(page)).toEqual([]);
    expect((await api("manager", "GET", `/api/halls/${hall}/appointments`)).body.appointments).toEqual([]);
    await context.close();
  });
});
