import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAndCall, openAnnouncer, recorded, recordSpeech, waitForOutcomes } from "./announcer-recorder.js";
import { baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

// Launched WITHOUT --autoplay-policy=no-user-gesture-required: Chromium keeps audio off until
// someone clicks the page, as on a hall PC that has just booted.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The manager console as the hall renders it now: its announcers panel reads the sockets' reports. */
async function managerSees(hall: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
  const html = await res.text();
  return /<section id="manage-announcers"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
}

describe("call announcer: the browser's autoplay gate", () => {
  it("asks for a click, tells the hall sound is off, and after the click speaks the call that waited", async () => {
    const hall = await demoLikeHall("browser-announcer-gate");
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await recordSpeech(page, null);
    await openAnnouncer(page, hall);

    await page.waitForSelector("#an-gate", { state: "visible" });
    expect(await page.locator("#an-gate-button").textContent()).toContain("点击启用语音");
    expect(await page.evaluate(() => (window as any).tongbanAnnouncer.status)).toEqual({
      type: "announcer.status",
      sound: false,
      engines: { "cmn-Hans": "voice-pack", "yue-Hant": "voice-pack" },
      queue: 0,
    });
    await expect.poll(() => managerSees(hall)).toContain("sound-off");
    await screenshot(page, "announcer-gate");

    // A call while the gate is shut waits in the queue instead of being lost.
    await issueAndCall(hall, "traffic", "5");
    await expect.poll(() => page.evaluate(() => (window as any).tongbanAnnouncer.status?.queue)).toBe(1);
    expect(await recorded(page)).toEqual([]);

    await page.click("#an-gate-button");
    await page.waitForSelector("#an-gate", { state: "hidden" });
    await page.waitForFunction(() => (window as any).__recorded.timeline.length > 0);
    expect((await recorded(page))[0]).toMatchObject({ kind: "clip", clip: "chime" });
    await expect.poll(() => managerSees(hall)).toContain("sound-on");
    await waitForOutcomes(page, "spoken", 1, 40_000);
    await page.close();
  });
});
