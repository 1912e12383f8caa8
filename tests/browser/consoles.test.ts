/**
 * A day at the consoles, in Chromium against `wrangler dev`: the manager adds an officer, the
 * kiosk issues tickets, the officer signs in and calls, recalls, starts, finishes, marks a
 * no-show and transfers; a double click on Call next calls one ticket; the manager closes a
 * window and gives its category to another, and that counter's queue changes live; a citizen's
 * status page follows its ticket to the call. Saves the printed tickets and the called status
 * page to docs/screens/ (consoles-screens.test.ts shoots the rest in a busy hall).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
let kiosk: Page;
let counter: Page;
let manager: Page;
let status: Page;
let statusPath: string;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-consoles-day");
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the live socket is up (live.js hides the offline badge). */
async function open(url: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${url}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function until(page: Page, selector: string, contains: string): Promise<void> {
  await page.waitForFunction(
    ([s, c]) => document.querySelector(s)?.textContent?.includes(c) ?? false,
    [selector, contains] as const,
    { timeout: 10_000 },
  );
}

async function press(page: Page, action: string): Promise<void> {
  const button = page.locator(`#counter-actions [data-action="${action}"]`);
  await button.waitFor();
  await page.waitForFunction((a) => !(document.querySelector(`#counter-actions [data-action="${a}"]`) as HTMLButtonElement).disabled, action);
  await button.click();
}

/** Text cut off by the viewport: a console must fit its design size without scrolling. */
async function spills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent!.trim() || el.closest("dialog, script, [hidden]") || el.offsetParent === null) continue;
      // A line cut short on purpose ends in an ellipsis.
      if (getComputedStyle(el).textOverflow === "ellipsis") continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.right > innerWidth + 2 || r.bottom > innerHeight + 2)) bad.push(node.textContent!.trim().slice(0, 30));
    }
    return bad;
  });
}

describe("a day at the consoles", () => {
  it("the manager adds an officer with a PIN on the staff tab", async () => {
    manager = await open(`/halls/${hall}/manage?token=dev-manager&device=manage-pc`, 1366, 768);
    await manager.click('[data-tab="staff"]');
    await manager.fill('#staff-form [name="name"]', "王芳");
    await manager.fill('#staff-form [name="badge"]', "031245");
    await manager.fill('#staff-form [name="pin"]', "2468");
    await manager.click('#staff-form button[type="submit"]');
    await until(manager, "#manage-staff", "031245");
    expect(await text(manager, "#manage-staff")).toContain("已设");
    await manager.click('[data-tab="hall"]');
  });

  it("the kiosk issues tickets: categories, a priority, an ID number; the slip shows and prints", async () => {
    kiosk = await open(`/halls/${hall}/kiosk?token=dev-kiosk&device=kiosk-1`, 1280, 800);
    expect(await spills(kiosk)).toEqual([]);

    for (const key of "11010519491231002X") await kiosk.click(`.keypad [data-key="${key}"]`);
    await kiosk.click('[data-category="household"]');
    await kiosk.waitForSelector("#slip-overlay:not([hidden])");
    expect(await text(kiosk, "#slip")).toContain("A001");
    expect(await kiosk.inputValue("#id-number")).toBe("");
    await kiosk.click('[data-action="done"]');

    await kiosk.click('[data-priority="elderly"]');
    await kiosk.click('[data-category="traffic"]');
    await until(kiosk, "#slip", "C001");
    expect(await text(kiosk, "#slip")).toContain("长者优先");
    await kiosk.click('[data-action="done"]');

    await kiosk.click('[data-category="traffic"]');
    await until(kiosk, "#slip", "C002");
    statusPath = (await kiosk.getAttribute("#slip", "data-status-path"))!;
    expect(statusPath).toMatch(/^\/t\//);
    await kiosk.locator('#slip img[data-slot="qr"]').evaluate((img: HTMLImageElement) => img.decode());
    await screenshot(kiosk, "kiosk-ticket-1280x800");
    await kiosk.emulateMedia({ media: "print" });
    await screenshot(kiosk.locator("#slip"), "kiosk-printed-80mm");
    await kiosk.emulateMedia({ media: "screen" });
    await kiosk.click('[data-action="done"]');

    for (const category of ["traffic", "exit-entry"]) {
      await kiosk.click(`[data-category="${category}"]`);
      await kiosk.waitForSelector("#slip-overlay:not([hidden])");
      await kiosk.click('[data-action="done"]');
    }
    const waiting = (await api("display", "GET", `/api/halls/${hall}`)).body.waiting.map((t: any) => t.number);
    expect(waiting.sort()).toEqual(["A001", "B001", "C001", "C002", "C003"]);
  });

  it("the same ID number cannot take a second ticket in the same category", async () => {
    for (const key of "11010519491231002X") await kiosk.click(`.keypad [data-key="${key}"]`);
    await kiosk.click('[data-category="household"]');
    await until(kiosk, "#console-message", "A001");
    expect(await kiosk.locator("#slip-overlay").isHidden()).toBe(true);
    await kiosk.click('[data-action="clear"]');
  });

  it("prints on 58 mm paper too", async () => {
    const narrow = await open(`/halls/${hall}/kiosk?token=dev-kiosk&paper=58&print=off`, 1280, 800);
    await narrow.click('[data-category="security"]');
    await narrow.waitForSelector("#slip-overlay:not([hidden])");
    await narrow.locator('#slip img[data-slot="qr"]').evaluate((img: HTMLImageElement) => img.decode());
    await narrow.emulateMedia({ media: "print" });
    const box = (await narrow.locator("#slip").boundingBox())!;
    expect(Math.round(box.width)).toBe(Math.round((58 / 25.4) * 96));
    await screenshot(narrow.locator("#slip"), "kiosk-printed-58mm");
    await narrow.close();
  });

  it("the citizen's status page shows the number, people ahead and the wait", async () => {
    status = await open(statusPath, 390, 844);
    expect(await text(status, "#status-ticket")).toContain("C002");
    expect(await text(status, "#status-ticket")).toContain("people ahead");
  });

  it("the officer signs in at window 4 with the PIN", async () => {
    counter = await open(`/halls/${hall}/counter/4?token=dev-counter&device=window-4`, 1366, 768);
    await counter.click('[data-action="sign-in"]');
    await counter.waitForSelector('#sign-in-form option[value="031245"]', { state: "attached" });
    await counter.fill('#sign-in-form [name="pin"]', "1111");
    await counter.click('#sign-in-form button[value="sign-in"]');
    await until(counter, "#sign-in-dialog", "wrong PIN");
    await counter.fill('#sign-in-form [name="pin"]', "2468");
    await counter.click('#sign-in-form button[value="sign-in"]');
    await until(counter, "#counter-head", "王芳");
    await counter.waitForFunction(() => !(document.getElementById("sign-in-dialog") as HTMLDialogElement).open);
  });

  it("calls (the elderly ticket first, and says why), recalls, starts and finishes", async () => {
    await press(counter, "call-next");
    await until(counter, "#counter-current", "C001");
    expect(await text(counter, "#counter-current")).toContain("长者优先");
    await press(counter, "recall");
    await until(counter, "#counter-current", "第 2 次呼叫");
    await press(counter, "start");
    await until(counter, "#counter-current", "办理中");
    expect(await spills(counter)).toEqual([]);
    await press(counter, "finish");
    await until(counter, "#counter-current", "当前无号");
    expect(await text(counter, "#counter-head")).toContain("本人今日办结");
  });

  it("marks a no-show, and the keypad's 1 calls the next", async () => {
    await counter.keyboard.press("1");
    await until(counter, "#counter-current", "A001");
    await press(counter, "no-show");
    await until(counter, "#counter-current", "当前无号");
  });

  it("follows the citizen's ticket to its call, then a transfer to another category", async () => {
    await press(counter, "call-next");
    await until(counter, "#counter-current", "C002");
    await until(status, "#status-ticket", "Please go to window 4");
    await screenshot(status, "status-called-390x844");
    await press(counter, "transfer");
    await counter.click('#transfer-dialog [data-transfer-category="exit-entry"]');
    await until(counter, "#counter-current", "当前无号");
    await until(status, "#status-ticket", "people ahead");
  });

  it("a double click on Call next calls one ticket", async () => {
    await counter.locator('[data-action="call-next"]').dblclick();
    await until(counter, "#counter-current", "C003");
    // Both clicks' handlers ran before dblclick() returned, and a press marks the page busy until
    // the hall answers it (consoles.js): once it is no longer busy, every press has landed.
    await counter.waitForFunction(() => !document.body.hasAttribute("data-busy"), null, { timeout: 10_000 });
    const hallNow = (await api("display", "GET", `/api/halls/${hall}`)).body;
    expect(hallNow.windows.find((w: any) => w.id === "4").current.number).toBe("C003");
    expect(hallNow.waiting.map((t: any) => t.number).sort()).toEqual(["B001", "C002", "D001"]);
    // One press per citizen: with C003 at the window, Call next stays enabled and says it finishes.
    const next = counter.locator('#counter-actions [data-action="call-next"]');
    expect(await next.isDisabled()).toBe(false);
    expect(await next.innerText()).toContain("办结并呼叫下一位");
    await press(counter, "finish");
    await until(counter, "#counter-current", "当前无号");
  });

  it("the manager closes window 1 and gives exit-entry to window 4: its queue changes live", async () => {
    expect(await text(counter, "#counter-queue")).not.toContain("B001");
    await manager.click('[data-adjust-window="1"]');
    await manager.check('#window-dialog input[name="state"][value="closed"]');
    await until(manager, "#preview-rows", "开放窗口 4 → 3");
    await manager.click("[data-apply-window]");
    await until(manager, '[data-window="1"]', "关闭");

    await manager.click('[data-adjust-window="4"]');
    await manager.check('#window-dialog input[name="categories"][value="exit-entry"]');
    await until(manager, "#preview-rows", "开放窗口 3 → 4");
    await manager.click("[data-apply-window]");
    await until(counter, "#counter-queue", "B001");
    expect(await text(counter, "#counter-queue")).toContain("C002");
    expect(await spills(manager)).toEqual([]);
  });

  it("the audit log names the officer and the device", async () => {
    await manager.click('[data-tab="audit"]');
    await until(manager, "#audit-rows", "王芳（031245）");
    expect(await text(manager, "#audit-rows")).toContain("window-4");
    expect(await text(manager, "#audit-rows")).toContain("签到被拒");
  });

  it("pause and resume from the terminal", async () => {
    await press(counter, "pause");
    await until(counter, "#counter-head", "暂停");
    expect(await counter.locator('[data-action="call-next"]').isDisabled()).toBe(true);
    await counter.keyboard.press("7");
    await until(counter, "#counter-head", "开放");
  });
});
