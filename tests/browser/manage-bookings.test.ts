/**
 * The manager's 预约 tab (issue 26 §5) at a desk (1366×768) and in a manager's hand (390×844):
 * the chosen day's half hours with places against bookings; a half hour blocked from the form
 * turns red, is no longer offered to citizens, and its booking is listed to call with the whole
 * mobile as a tel: link; 标记已通知 marks it; 解除停约 opens it again. axe finds nothing; nothing
 * scrolls sideways on the phone.
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
  const result = await new AxeBuilder({ page }).include('[data-tab-panel="appointments"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

/** A hall with two bookings on the last day citizens may book (always ahead of the hall's clock): 09:00 and 10:00. */
async function bookedHall(name: string): Promise<{ hall: string; date: string; codes: string[] }> {
  const hall = await demoLikeHall(name);
  const { days } = (await api("display", "GET", `/api/halls/${hall}/booking-slots?date=2000-01-01&category=traffic`)).body;
  const date = days.at(-1);
  const codes: string[] = [];
  for (const [n, from] of [[1, "09:00"], [2, "10:00"]] as const) {
    const r = await api("display", "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date, from, idNumber: idNumber(n), mobile: `1391234000${n}` });
    expect(r.status).toBe(201);
    codes.push(r.body.code);
  }
  return { hall, date, codes };
}

async function openTab(page: Page, hall: string, date: string) {
  await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
  await page.waitForFunction(() => (window as any).tongbanLive);
  await page.locator('[role=tab][data-tab="appointments"]').click();
  await page.locator("#board-day").selectOption(date);
  await page.locator("#board-category").selectOption("traffic");
  await page.locator('#board-slots tr[data-slot="10:00"]').waitFor();
}

describe("the manager's 预约 tab", () => {
  it("at a desk: capacity against booked, a half hour blocked with its booking to call, told, and unblocked", async () => {
    const { hall, date, codes } = await bookedHall(`manage-bookings-${Math.random().toString(36).slice(2, 7)}`);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await openTab(page, hall, date);
    const row = (from: string) => page.locator(`#board-slots tr[data-slot="${from}"]`);
    const capacity = (await api("display", "GET", `/api/halls/${hall}/booking-slots?date=${date}&category=traffic`)).body.slots.find((s: any) => s.from === "10:00").capacity;
    await expect.poll(() => row("10:00").locator("td").allTextContents()).toEqual(["10:00–10:30", String(capacity), "1", "可约"]);

    const form = page.locator("#block-form");
    await form.locator("select[name=from]").selectOption("10:00");
    await form.locator("select[name=category]").selectOption("traffic");
    await form.locator("input[name=reason]").fill("全员会议");
    await form.getByRole("button", { name: /停约/ }).click();
    await expect.poll(() => row("10:00").getAttribute("class")).toBe("slot-blocked");
    expect(await row("10:00").locator(".key").textContent()).toBe("停约：全员会议");
    const offered = (await api("display", "GET", `/api/halls/${hall}/booking-slots?date=${date}&category=traffic`)).body.slots.find((s: any) => s.from === "10:00");
    expect(offered).toMatchObject({ open: false, blocked: "全员会议" });

    const call = page.locator(`#board-calls tr[data-call="${codes[1]}"]`);
    await call.waitFor();
    expect(await call.locator('a[href="tel:13912340002"]').textContent()).toBe("13912340002");
    expect(await page.locator(`#board-calls tr[data-call="${codes[0]}"]`).count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await screenshot(page.locator("#booking-board"), "manage-bookings-1366x768");

    await call.getByRole("button", { name: new RegExp(`^标记已通知 .* · ${codes[1]}$`) }).click();
    await expect.poll(() => call.locator("td").last().textContent()).toContain("已通知");

    await page.locator("[data-unblock]").click();
    await expect.poll(() => row("10:00").getAttribute("class")).toBe("slot-open");
    expect(await page.locator("#board-calls tr").count()).toBe(0);
    await context.close();
  });

  it("in a manager's hand (390×844): the board, the call list and the form fit, big enough for a thumb", async () => {
    const { hall, date, codes } = await bookedHall(`manage-bookings-phone-${Math.random().toString(36).slice(2, 7)}`);
    expect((await api("manager", "POST", `/api/halls/${hall}/booking-blocks`, { date, from: "09:00", reason: "系统停机" })).status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openTab(page, hall, date);
    await page.locator(`#board-calls tr[data-call="${codes[0]}"] a[href="tel:13912340001"]`).waitFor();
    expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }))).toEqual({ page: 390, screen: 390 });
    const small = await page.locator('[data-tab-panel="appointments"] button:visible, #board-calls a').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent!.trim().slice(0, 20), h: e.getBoundingClientRect().height })).filter((b) => b.h > 0 && b.h < 24),
    );
    expect(small).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "manage-bookings-390x844");
    await page.locator("#board-calls").scrollIntoViewIfNeeded();
    await screenshot(page, "manage-bookings-calls-390x844");
    await context.close();
  });
});
