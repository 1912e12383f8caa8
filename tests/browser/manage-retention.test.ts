/**
 * Issue 22 §2 in the manager console: the settings tab's 保留与归档 fields. Too short an audit
 * retention is refused under its field and changes nothing; a legal one is saved.
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

describe("the settings tab's retention", () => {
  it("refuses an audit retention under 180 days under its field, then saves a year", async () => {
    const hall = await demoLikeHall("manage-retention");
    const seq = (await api("display", "GET", `/api/halls/${hall}`)).body.seq as number;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager#settings`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    const form = page.locator("#settings-form");
    await form.waitFor({ state: "visible" });
    expect(await form.textContent()).toContain("审计日志保留");
    expect(await form.locator('[name="replyHours"]').inputValue()).toBe("48");
    expect(await form.locator('[name="eventDays"]').inputValue()).toBe("90");
    expect(await form.locator('[name="auditDays"]').inputValue()).toBe("180");

    await form.locator('[name="auditDays"]').fill("90");
    await form.locator("button[type=submit]").click();
    await page.waitForFunction(() => (document.querySelector('[data-error-for="auditDays"]')?.textContent ?? "").includes("180"));
    expect((await api("display", "GET", `/api/halls/${hall}`)).body.seq).toBe(seq);

    await form.locator('[name="auditDays"]').fill("365");
    await form.locator('[name="eventDays"]').fill("30");
    await form.locator("button[type=submit]").click();
    await page.waitForFunction(() => (document.querySelector('[data-error-for="auditDays"]')?.textContent ?? "x") === "");
    await expect.poll(async () => (await api("display", "GET", `/api/halls/${hall}`)).body.seq).toBe(seq + 1);

    const axe = await new AxeBuilder({ page }).include("#settings-form").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await form.locator("fieldset.wide").last().scrollIntoViewIfNeeded();
    await screenshot(page, "manage-settings-retention-1366x768");
    await context.close();
  });
});
