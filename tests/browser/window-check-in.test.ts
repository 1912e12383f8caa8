/**
 * Checking in at a window (issue 26), in Chromium at the counter PC's 1366×768: a ticket from
 * home shows 在途 and its step-back in the terminal's queue; a scanner's burst of digits and
 * Enter, typed with nothing focused, checks a booking in (and calls nobody); a wrong or malformed
 * code is said beside the field in the page's language; a ticket from home checked in loses its
 * mark. axe-clean, nothing spills. Saves `counter-check-in-1366x768`.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
let terminal: Page;
let remoteCode: string;

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-window-check-in", (c) => {
    c.windows = [{ id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" }];
  });
  const joined = await fetch(`${baseUrl()}/api/halls/${hall}/remote-tickets`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ category: "traffic", idNumber: idNumber(7), mobile: "13812345678" }),
  });
  if (joined.status !== 201) throw new Error(`remote ticket: ${joined.status} ${await joined.text()}`);
  remoteCode = ((await joined.json()) as { code: string }).code;
  await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" }); // C002
  await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" }); // C003
  const called = await api("counter", "POST", `/api/halls/${hall}/windows/1/call`);
  if (called.body.ticket?.number !== "C002") throw new Error(`call: ${JSON.stringify(called.body)}`);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}/halls/${hall}/counter/1?token=dev-counter`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  terminal = page;
});
afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).innerText();
async function until(page: Page, selector: string, contains: string, present = true): Promise<void> {
  await page.waitForFunction(([s, c, p]) => (document.querySelector(s)?.textContent?.includes(c) ?? false) === p, [selector, contains, present] as const, { timeout: 10_000 });
}
const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`);
/** Elements whose content is wider or taller than their box and hidden. */
const spills = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#check-in-form, #check-in-form *, #counter-queue")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
      .map((e) => e.id || e.className),
  );

describe("checking in at the window terminal", () => {
  it("marks the ticket from home 在途 with its step-back in the queue", async () => {
    const row = terminal.locator('#counter-queue li[data-number="C001"]');
    expect(await row.innerText()).toContain("在途 · 让号1次");
    expect(await terminal.locator('#counter-queue li[data-number="C003"]').innerText()).not.toContain("在途");
  });

  it("takes a scanner's burst of digits and Enter as a code, checks the booking in and calls nobody", async () => {
    const booked = await api("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic" });
    await terminal.locator("body").click({ position: { x: 5, y: 760 } });
    await terminal.keyboard.type(`${booked.body.appointment.code}\n`, { delay: 8 });
    await until(terminal, "#console-message", "预约已签到");
    await until(terminal, "#counter-queue", "C004");
    expect(await terminal.locator("#counter-current").getAttribute("data-number")).toBe("C002");
    expect(await terminal.inputValue("#check-in-code")).toBe("");
  });

  it("says beside the field what is wrong with a code, in the page's language", async () => {
    await terminal.fill("#check-in-code", "999999");
    await terminal.press("#check-in-code", "Enter");
    await until(terminal, "#check-in-error", "没有这个签到码");
    expect(await terminal.getAttribute("#check-in-code", "aria-invalid")).toBe("true");
    await terminal.fill("#check-in-code", "12ab");
    await terminal.press("#check-in-code", "Enter");
    await until(terminal, "#check-in-error", "签到码为 6 位数字");
    await screenshot(terminal, "counter-check-in-1366x768");
    expect(await axe(terminal)).toEqual([]);
    expect(await spills(terminal)).toEqual([]);
  });

  it("checks in the ticket from home by its code: the mark goes, its place stays", async () => {
    await terminal.fill("#check-in-code", remoteCode);
    await terminal.press("#check-in-code", "Enter");
    await until(terminal, "#console-message", "保留原位");
    await until(terminal, '#counter-queue li[data-number="C001"]', "在途", false);
    expect(await text(terminal, "#check-in-error")).toBe("");
  });
});

describe("the console's Staff tab (issue 23 §2)", () => {
  it("warns beside a counter account with neither PIN nor password, with how to set one", async () => {
    await api("manager", "PUT", `/api/halls/${hall}/staff/bare`, { name: "赵一", badge: "046301" });
    await api("manager", "PUT", `/api/halls/${hall}/staff/set`, { name: "钱二", badge: "046302", pin: "2468" });
    const manager = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await manager.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
    await manager.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
    await manager.click('[data-tab="staff"]');
    const warning = manager.locator('#manage-staff [data-no-secret="bare"]');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain("未设PIN或密码，无法在窗口签到");
    expect(await manager.locator('#manage-staff [data-no-secret="set"]').count()).toBe(0);
    expect(await axe(manager)).toEqual([]);
    await screenshot(manager, "manage-staff-no-secret-1366x768");
  });
});
