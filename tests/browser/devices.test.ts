/**
 * Setting up a screen as hall staff do, in Chromium against `wrangler dev`: a fresh browser
 * opens /pair and shows a code; the manager types it in 管理台 → 设备 in another browser; the
 * screen becomes a main screen with no token in its address, then a data wall when the
 * manager re-assigns it, and goes back to /pair when revoked. A screen switched off shows
 * offline in the Devices tab. Saves /pair and the Devices tab to docs/screens/.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
let manager: Page;
let screen: Page;
let screenContext: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-devices", (c) => {
    c.zones = [
      { id: "east", names: { "zh-Hans": "东区", "zh-Hant": "東區", en: "East" }, windows: ["1", "2", "3"] },
      { id: "west", names: { "zh-Hans": "西区", "zh-Hant": "西區", en: "West" }, windows: ["4", "5", "6"] },
    ];
  });
});
afterAll(async () => {
  await browser?.close();
});

async function live(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null, null, { timeout: 10_000 });
}

/** A browser that has never been paired opens /pair; returns it and the code it shows. */
async function freshDevice(): Promise<{ context: BrowserContext; page: Page; code: string }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}/pair`);
  const code = await page.locator("[data-pairing-code]").getAttribute("data-pairing-code", { timeout: 10_000 });
  expect(code).toMatch(/^\d{6}$/);
  return { context, page, code: code! };
}

async function typeCode(code: string, kind: string, name: string, zone = ""): Promise<void> {
  const form = manager.locator("#pair-form");
  await form.locator('input[name="code"]').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await form.locator('select[name="kind"]').selectOption(kind);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="zone"]').selectOption(zone);
  await form.locator('button[type="submit"]').click();
}

const row = (name: string) => manager.locator("#manage-devices tr[data-device]", { hasText: name });

describe("a screen set up by a code", () => {
  it("shows a code on /pair, readable across the room, with how long it is valid", async () => {
    const device = await freshDevice();
    screen = device.page;
    screenContext = device.context;
    await expect.poll(() => screen.locator("#pair-code").innerText()).toBe(`${device.code.slice(0, 3)} ${device.code.slice(3)}`);
    await expect.poll(() => screen.locator(".pair-valid").innerText()).toContain("10 分钟内有效");
    expect(await screen.locator(".pair-how").innerText()).toContain("请在管理台 → 设备 中输入此配对码");
    const box = await screen.locator("#pair-code").boundingBox();
    expect(box!.height).toBeGreaterThan(200);
    await screen.evaluate(() => document.fonts.ready);
    await screenshot(screen, "pair");

    manager = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    manager.on("pageerror", (e) => {
      throw e;
    });
    manager.on("dialog", (d) => d.accept());
    await manager.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager&device=manage-pc#devices`);
    await live(manager);
    await typeCode(device.code, "main-screen", "东区主屏", "east");
    await screen.waitForURL(`${baseUrl()}/halls/${hall}/display?zone=east`, { timeout: 5000 });
  });

  it("becomes the zone's main screen with no token in its address, let in by an HttpOnly, SameSite=Strict cookie", async () => {
    expect(screen.url()).not.toContain("token");
    const cookies = await screenContext.cookies();
    const device = cookies.find((c) => c.name === "tongban_device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    // It survives a reboot: a lasting cookie, not one that ends with the session.
    expect(device!.expires * 1000).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
    await live(screen);
    expect(await screen.locator('.zone-name[data-zone="east"]').first().innerText()).toContain("东区");
    await expect.poll(() => row("东区主屏").getAttribute("data-online"), { timeout: 5000 }).toBe("true");
    expect(await row("东区主屏").innerText()).toContain("1920×1080");
    await manager.evaluate(() => document.fonts.ready);
    await screenshot(manager, "manage-devices");
  });

  it("switches to a data wall by itself when the manager re-assigns it", async () => {
    await row("东区主屏").locator("[data-edit-device]").click();
    const dialog = manager.locator("#device-dialog");
    await dialog.locator('select[name="kind"]').selectOption("data-wall");
    await dialog.locator('input[name="name"]').fill("东区数据大屏");
    const started = Date.now();
    await dialog.locator("[data-save-device]").click();
    await screen.waitForURL(`${baseUrl()}/halls/${hall}/dashboard?zone=east`, { timeout: 5000, waitUntil: "commit" });
    expect(Date.now() - started).toBeLessThan(2000);
    await live(screen);
    await expect.poll(() => row("东区数据大屏").innerText(), { timeout: 5000 }).toContain("数据大屏");
  });

  it("goes back to /pair when revoked, with a new code, and its cookie no longer lets it in", async () => {
    const started = Date.now();
    await row("东区数据大屏").locator("[data-revoke-device]").click();
    await screen.waitForURL(`${baseUrl()}/pair`, { timeout: 5000, waitUntil: "commit" });
    expect(Date.now() - started).toBeLessThan(2000);
    const code = await screen.locator("[data-pairing-code]").getAttribute("data-pairing-code", { timeout: 10_000 });
    expect(code).toMatch(/^\d{6}$/);
    expect((await screenContext.cookies()).some((c) => c.name === "tongban_device" && c.value !== "")).toBe(false);
    await expect.poll(() => row("东区数据大屏").count(), { timeout: 5000 }).toBe(0);
    await screenContext.close();
  });

  it("shows a screen that was switched off as offline in the Devices tab", async () => {
    const device = await freshDevice();
    // A window screen needs its window: the form says so, and the code is still good.
    await typeCode(device.code, "window-screen", "2 号窗口屏");
    await expect.poll(() => manager.locator('#pair-form [data-error-for="window"]').innerText()).toContain("窗口");
    await manager.locator('#pair-form select[name="window"]').selectOption("2");
    await manager.locator('#pair-form button[type="submit"]').click();
    await device.page.waitForURL(`${baseUrl()}/halls/${hall}/windows/2/screen`, { timeout: 5000 });
    await live(device.page);
    await expect.poll(() => row("2 号窗口屏").getAttribute("data-online"), { timeout: 5000 }).toBe("true");
    await device.context.close();
    await expect.poll(() => row("2 号窗口屏").getAttribute("data-online"), { timeout: 5000 }).toBe("false");
    expect(await row("2 号窗口屏").innerText()).toContain("离线");
  });

  it("pairs a kiosk that issues tickets with no token anywhere, named in the audit log", async () => {
    const device = await freshDevice();
    await typeCode(device.code, "kiosk", "大厅取号机 1");
    await device.page.waitForURL(`${baseUrl()}/halls/${hall}/kiosk`, { timeout: 5000 });
    await live(device.page);
    await device.page.click('[data-category="household"]');
    await device.page.waitForSelector("#slip-overlay:not([hidden])");
    expect(await device.page.locator("#slip").innerText()).toMatch(/A\d{3}/);
    const audit = await api("manager", "GET", `/api/halls/${hall}/audit?limit=5`);
    expect(audit.body.entries.find((e: any) => e.action === "issue").actor).toBe("大厅取号机 1");
    await device.context.close();
  });
});

