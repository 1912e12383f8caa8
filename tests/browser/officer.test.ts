/**
 * The officer at the window is who they say (issue 23 §2), in Chromium at the counter PC's
 * 1366×768: on the window terminal the officer finds their own name and badge (no manager's
 * account is offered), types their own password, and is on the window in that one step — the
 * terminal names them instead of 民警签到, and the window screen above the counter and the
 * evaluator in front of it show them too. A wrong password changes nothing. Saves the dialog
 * (`counter-sign-in-1366x768`) and the terminal after (`counter-officer-1366x768`).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

const PASSWORD = "window two 22";

let browser: Browser;
let hall: string;
let terminal: Page;
let screen: Page;
let evaluator: Page;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-officer", (c) => {
    c.name = "城东公安服务大厅";
  });
  const people = [
    ["lin", { name: "林小梅", badge: "046201", access: "counter", password: PASSWORD }],
    ["sun", { name: "孙丽", badge: "046206", role: "auxiliary", access: "counter", pin: "1357" }],
    ["boss", { name: "王主任", badge: "046100", role: "lead", access: "manager", password: "manager pass 1" }],
  ] as const;
  for (const [id, body] of people) {
    const res = await api("manager", "PUT", `/api/halls/${hall}/staff/${id}`, body);
    if (res.status !== 201) throw new Error(`staff ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  screen = await open(`/halls/${hall}/windows/2/screen?token=dev-display`, 1920, 1080);
  evaluator = await open(`/halls/${hall}/windows/2/evaluator?token=dev-display`, 1280, 800);
  terminal = await open(`/halls/${hall}/counter/2?token=dev-counter`, 1366, 768);
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, width: number, height: number): Promise<Page> {
  // A context of its own: axe opens a page beside it to finish its run.
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${url}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`);

async function until(page: Page, selector: string, contains: string): Promise<void> {
  await page.waitForFunction(([s, c]) => document.querySelector(s)?.textContent?.includes(c) ?? false, [selector, contains] as const, { timeout: 10_000 });
}

describe("signing in at the window terminal", () => {
  it("offers the counter's people by name and badge only, no manager's account", async () => {
    expect(await terminal.locator("#counter-head").innerText()).toContain("民警签到");
    await terminal.click('[data-action="sign-in"]');
    await terminal.waitForSelector('#sign-in-form option[value="lin"]', { state: "attached" });
    const options = await terminal.locator("#sign-in-form option").allInnerTexts();
    expect(options).toEqual(["林小梅 · 046201", "孙丽 · 046206"]);
    expect(await axe(terminal)).toEqual([]);
  });

  it("a wrong password says so and puts nobody on the window", async () => {
    await terminal.selectOption('#sign-in-form [name="staff"]', "lin");
    await terminal.fill('#sign-in-form [name="pin"]', "window two 23");
    await terminal.click('#sign-in-form button[value="sign-in"]');
    await until(terminal, "#sign-in-dialog", "wrong PIN or password");
    expect((await api("display", "GET", `/api/halls/${hall}`)).body.windows.find((w: any) => w.id === "2").officer).toBeNull();
    await screenshot(terminal, "counter-sign-in-1366x768");
  });

  it("the right password puts the officer on the window in one step: the terminal, the window screen and the evaluator name her", async () => {
    await terminal.fill('#sign-in-form [name="pin"]', PASSWORD);
    await terminal.click('#sign-in-form button[value="sign-in"]');
    await terminal.waitForFunction(() => !(document.getElementById("sign-in-dialog") as HTMLDialogElement).open);
    await until(terminal, "#counter-head", "林小梅");
    const head = await terminal.locator("#counter-head").innerText();
    expect(head).toContain("046201");
    expect(head).not.toContain("民警签到");
    expect(await terminal.getAttribute("#counter-head", "data-officer")).toBe("lin");
    await until(screen, ".ws-officer", "林小梅");
    await until(evaluator, "#evaluator-state", "林小梅");
    expect(await evaluator.locator("#evaluator-state").innerText()).toContain("046201");
    expect(await axe(terminal)).toEqual([]);
    await screenshot(terminal, "counter-officer-1366x768");
  });

  it("the ticket she serves and the audit log name her", async () => {
    await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await terminal.waitForFunction(() => !(document.querySelector('#counter-actions [data-action="call-next"]') as HTMLButtonElement).disabled);
    await terminal.click('#counter-actions [data-action="call-next"]');
    await until(terminal, "#counter-current", "A001");
    const audit = (await api("manager", "GET", `/api/halls/${hall}/audit?limit=10`)).body.entries;
    expect(audit.find((a: any) => a.action === "sign_in_staff").actor).toContain("林小梅（046201）");
    expect(audit.find((a: any) => a.action === "call").actor).toContain("林小梅（046201）");
  });
});
