/**
 * People sign in as themselves, in Chromium against `wrangler dev`: a manager opens the console
 * with no token, is sent to the login page, signs in, works the hall through the cookie and is
 * named in the audit log; an officer signs in and chooses a window; five wrong passwords show
 * the lock on the page; choosing a window puts the officer on it; signing out goes back to the login page. Saves the login page at
 * 1920×1080 (`login`) and on a 390×844 phone (`login-phone`).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

const PASSWORD = "correct horse 9";

let browser: Browser;
let hall: string;
let managerContext: BrowserContext;
let manager: Page;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-sessions");
  const people = [
    ["wangfang", { name: "王芳", badge: "M001", role: "lead", access: "manager", password: PASSWORD }],
    ["lijun", { name: "李军", badge: "C002", access: "counter", password: PASSWORD }],
    ["zhaomin", { name: "赵敏", badge: "C003", access: "counter", password: PASSWORD }],
  ] as const;
  for (const [id, body] of people) {
    const res = await api("manager", "PUT", `/api/halls/${hall}/staff/${id}`, body);
    if (res.status !== 201) throw new Error(`staff ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  return { context, page };
}

/** Waits until the live socket is up (live.js hides the offline badge). */
async function live(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
}

async function signIn(page: Page, badge: string, password: string): Promise<void> {
  await page.fill('#login-form [name="badge"]', badge);
  await page.fill('#login-form [name="password"]', password);
  await page.waitForFunction(() => !(document.querySelector(".login-submit") as HTMLButtonElement).disabled);
  await page.click(".login-submit");
}

describe("signing in as oneself", () => {
  it("a manager opening the console is sent to the login page, signs in, and lands on the console with no token", async () => {
    ({ context: managerContext, page: manager } = await newPage(1920, 1080));
    await manager.goto(`${baseUrl()}/halls/${hall}/manage`);
    await manager.waitForURL(/\/login\?next=/);
    expect(await manager.locator("#login-form h1").innerText()).toContain("工作人员登录");
    await manager.evaluate(() => document.fonts.ready);
    await screenshot(manager, "login");

    await signIn(manager, "M001", PASSWORD);
    await manager.waitForURL(`${baseUrl()}/halls/${hall}/manage`);
    await live(manager);
    expect(manager.url()).not.toContain("token");
    expect(await manager.locator("#signed-in").innerText()).toContain("王芳 (M001)");
    await manager.setViewportSize({ width: 1366, height: 768 });
    await screenshot(manager, "manage-signed-in-1366x768");
    const cookies = await managerContext.cookies();
    const session = cookies.find((c) => c.name === "tongban_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(session!.value.startsWith(`${hall}.`)).toBe(true);
    // No script on the page can read it.
    expect(await manager.evaluate(() => document.cookie)).not.toContain("tongban_session");
  });

  it("the console works through the cookie: pausing a window changes the hall, and the audit log names the person", async () => {
    await manager.click('#manage-windows [data-set-state="paused"][data-window="2"]');
    await manager.waitForSelector('#manage-windows .window-card[data-window="2"][data-state="paused"]');
    const window2 = (await api("display", "GET", `/api/halls/${hall}`)).body.windows.find((w: any) => w.id === "2");
    expect(window2.state).toBe("paused");
    await manager.click('[data-tab="audit"]');
    await manager.waitForFunction(() => document.querySelector("#audit-rows tr")?.textContent?.includes("调整窗口") ?? false);
    const row = manager.locator("#audit-rows tr").first();
    expect(await row.innerText()).toContain("王芳 (M001)");
  });

  it("the Staff tab sets a person's access and password", async () => {
    await manager.click('[data-tab="staff"]');
    await manager.fill('#staff-form [name="name"]', "孙强");
    await manager.fill('#staff-form [name="badge"]', "M004");
    await manager.selectOption('#staff-form [name="access"]', "manager");
    await manager.fill('#staff-form [name="password"]', "short");
    await manager.click('#staff-form button[type="submit"]');
    await manager.waitForFunction(() => document.querySelector('[data-error-for="password"]')?.textContent?.includes("8"));
    expect((await api("manager", "GET", `/api/halls/${hall}/staff`)).body.staff.some((s: any) => s.badge === "M004")).toBe(false);
    await manager.fill('#staff-form [name="password"]', "a long one 42");
    await manager.click('#staff-form button[type="submit"]');
    await manager.waitForSelector('#manage-staff tr[data-staff="m004"] [data-has-password="true"]');
    expect(await manager.locator('#manage-staff tr[data-staff="m004"]').innerText()).toContain("管理台");
    const staff = (await api("manager", "GET", `/api/halls/${hall}/staff`)).body.staff.find((s: any) => s.badge === "M004");
    expect(staff).toMatchObject({ access: "manager", hasPassword: true });
  });

  it("an officer signs in, chooses a window, and the terminal works with no token", async () => {
    const { context, page } = await newPage(1366, 768);
    await page.goto(`${baseUrl()}/halls/${hall}/login`);
    await signIn(page, "C003", PASSWORD);
    await page.waitForSelector("#choose-window:not([hidden])");
    expect(await page.locator("#choose-who").innerText()).toContain("赵敏");
    await page.click('#choose-window [data-window="3"]');
    await page.waitForURL(`${baseUrl()}/halls/${hall}/counter/3`);
    await live(page);
    expect(await page.locator("#signed-in").innerText()).toContain("赵敏 (C003)");
    // Choosing the window signed her in there: the terminal names her, not 民警签到.
    await page.waitForFunction(() => document.querySelector("#counter-head")?.textContent?.includes("赵敏") ?? false, undefined, { timeout: 10_000 });
    expect(await page.locator("#counter-head").innerText()).not.toContain("民警签到");
    await screenshot(page, "counter-signed-in-1366x768");
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    const call = page.locator('#counter-actions [data-action="call-next"]');
    await page.waitForFunction(() => !(document.querySelector('#counter-actions [data-action="call-next"]') as HTMLButtonElement).disabled);
    await call.click();
    await page.waitForFunction(() => document.querySelector("#counter-current")?.textContent?.includes("A001") ?? false, undefined, { timeout: 10_000 });
    const audit = (await api("manager", "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries;
    expect(audit.find((a: any) => a.action === "call")).toMatchObject({ actor: "赵敏 (C003)", role: "counter" });
    // A new password ends the session: the next press sends the officer to sign in again, and back here.
    await api("manager", "PUT", `/api/halls/${hall}/staff/zhaomin`, { name: "赵敏", badge: "C003", access: "counter", password: "another one 7" });
    await page.waitForFunction(() => !(document.querySelector('#counter-actions [data-action="recall"]') as HTMLButtonElement).disabled);
    await page.click('#counter-actions [data-action="recall"]');
    await page.waitForURL(/\/login\?next=/);
    await signIn(page, "C003", "another one 7");
    await page.waitForURL(`${baseUrl()}/halls/${hall}/counter/3`);
    await context.close();
  });

  it("wrong passwords from one place earn a wait, and the page says how long", async () => {
    const { context, page } = await newPage(390, 844);
    await page.goto(`${baseUrl()}/halls/${hall}/login`);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, "login-phone");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const submit = await page.locator(".login-submit").boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(48);
    for (let i = 1; i <= 3; i++) {
      await signIn(page, "C002", `wrong guess ${i}`);
      await page.waitForFunction(() => !(document.querySelector(".login-submit") as HTMLButtonElement).disabled);
      expect(await page.locator("#login-message").innerText()).toContain("警号或密码不正确");
    }
    // From the fourth on each wrong try doubles the wait (1 s, 2 s, 4 s …): keep trying until one comes too soon.
    for (let i = 4; i <= 10 && !(await page.locator("#login-message.locked").count()); i++) {
      await signIn(page, "C002", `wrong guess ${i}`);
      await page.waitForFunction(() => {
        const message = document.querySelector("#login-message");
        return message?.classList.contains("locked") || !(document.querySelector(".login-submit") as HTMLButtonElement).disabled;
      });
    }
    const message = await page.locator("#login-message").innerText();
    expect(message).toContain("尝试过于频繁");
    expect(message).toContain("秒后再试");
    expect(Number(await page.getAttribute("#login-message", "data-retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".login-submit").isDisabled()).toBe(true);
    await screenshot(page, "login-phone-locked");
    await context.close();
  });

  it("signing out ends the session and goes back to the login page", async () => {
    await manager.click("[data-sign-out]");
    await manager.waitForURL(`${baseUrl()}/halls/${hall}/login`);
    expect((await managerContext.cookies()).some((c) => c.name === "tongban_session")).toBe(false);
    await manager.goto(`${baseUrl()}/halls/${hall}/manage`);
    await manager.waitForURL(/\/login\?next=/);
    await managerContext.close();
  });
});
