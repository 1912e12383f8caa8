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

  it("joins today's queue from home: the hall's estimate, the ticket's status page with its check-in code, then checked in at the kiosk", async () => {
    const hall = await demoLikeHall("join-phone");
    for (let i = 0; i < 2; i++) expect((await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" })).status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/book?category=traffic`);
    const today = page.locator("form.today");
    await expect.poll(() => today.locator(".wait").textContent()).toContain("前面 2 人");
    expect(await fits(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "book-join-390x844");

    await today.locator("input[name=idNumber]").fill("110105194912310021"); // wrong check digit
    await today.locator("input[name=mobile]").fill("13812345678");
    await today.getByRole("button", { name: /线上取号/ }).tap();
    await expect.poll(() => page.locator("form.today [role=alert]").textContent()).toContain("校验位");

    await page.locator("form.today input[name=idNumber]").fill("11010519491231002X");
    await page.locator("form.today button").tap();
    await page.waitForURL(/\/t\//);
    const code = (await page.locator(".on-the-way .code b").textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    expect(await page.locator(".number").textContent()).toBe("C003");
    expect(await page.content()).not.toContain("13812345678");
    expect(await fits(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "join-status-390x844");

    expect((await api("kiosk", "POST", `/api/halls/${hall}/appointments/${code}/check-in`, {})).status).toBe(201);
    await expect.poll(() => page.locator(".on-the-way").count()).toBe(0);
    await context.close();
  });
});
