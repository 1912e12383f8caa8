/**
 * Issue 22 §1 in the manager console: a write the storage guard refuses (over the platform's
 * 2 MB row limit) shows at the top of the console's alarms, in Chinese, until a manager presses
 * 知道了; acknowledged, it is gone, and still gone after a reload. The refused write is made
 * through `POST /api/dev/bench/{hall}` `{ op: "oversize" }` (development only), since no request
 * of the API can carry one.
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

describe("the storage alarm on the manager console", () => {
  it("shows a refused over-limit write at the top in Chinese, and 知道了 clears it for good", async () => {
    const hall = await demoLikeHall("manage-storage-alarm");
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    const alarm = page.locator('#manage-alarms li[data-alert="storage"]');
    expect(await alarm.count()).toBe(0);

    const refused = await api("admin", "POST", `/api/dev/bench/${hall}`, { op: "oversize" });
    expect(refused.status).toBe(200);
    expect(refused.body.body.refused).toMatch(/refused to store/);

    // Pushed over the console's socket: no reload.
    await alarm.waitFor({ state: "visible" });
    // Counted in the summary at the top of the console, and first in the alarms list.
    await expect.poll(() => page.locator("#manage-summary").getAttribute("class")).toContain("alarmed");
    expect(await page.locator("#manage-summary .stat").last().locator("b").textContent()).toBe("1");
    const first = page.locator("#manage-alarms li").first();
    expect(await first.getAttribute("data-alert")).toBe("storage");
    const text = (await alarm.textContent()) ?? "";
    expect(text).toMatch(/存储告警：\d\d:\d\d 一次写入被拒绝（2\.0 MB，超过平台单行 2 MB 上限），请联系运维/);
    const button = alarm.locator("button[data-ack-storage]");
    expect((await button.textContent())?.trim()).toContain("知道了");
    const axe = await new AxeBuilder({ page }).include("#manage-alarms").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, "manage-storage-alarm-1366x768");

    await button.click();
    await alarm.waitFor({ state: "detached" });
    expect(await page.locator("#manage-alarms").textContent()).not.toContain("存储告警");
    expect(await page.locator("#manage-summary").getAttribute("class")).not.toContain("alarmed");
    await page.reload();
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    expect(await page.locator('#manage-alarms li[data-alert="storage"]').count()).toBe(0);
    expect(await page.locator("#manage-alarms").textContent()).not.toContain("存储告警");
    await context.close();
  });
});
