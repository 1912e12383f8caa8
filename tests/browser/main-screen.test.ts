import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("main hall screen", () => {
  it("shows a call made through the API without reload", async () => {
    const hall = await demoLikeHall("browser-main-live");
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${baseUrl()}/halls/${hall}/display?token=dev-display`);
    expect(await page.locator("#now-calling").textContent()).toContain("请取号等候");
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await page.waitForFunction(() => document.querySelector("#now-calling")?.textContent?.includes("C001"));
    expect(await page.locator("#now-calling").textContent()).toContain("5 号窗口");
    await page.close();
  });
});
