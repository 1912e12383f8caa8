/**
 * The window evaluator (窗口评价器) in Chromium: the citizen sees the officer and the window,
 * rates when the ticket finishes — a 差评 with its indicators becomes a follow-up (回访) a manager
 * closes with a note, with the call-back number the citizen may leave (masked on the pad; issue 25
 * item 5), or an honest "no call back" without one — and the pad goes back to idle by itself.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
let pad: Page;

beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("evaluator");
  await api("manager", "PUT", `/api/halls/${hall}/staff/031245`, { name: "王芳", badge: "031245", role: "officer" });
  await api("manager", "POST", `/api/halls/${hall}/staff/031245/sign-in`, { window: "5" });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  pad = await context.newPage();
  await pad.goto(`${baseUrl()}/halls/${hall}/windows/5/evaluator?token=dev-display`);
  await pad.waitForFunction(() => (window as any).tongbanLive && document.body.dataset.step === "idle");
});
afterAll(async () => {
  await browser?.close();
});

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => v.id);
const step = (name: string) => pad.waitForFunction((n) => document.body.dataset.step === n, name);

async function serveOne(): Promise<string> {
  const issued = await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
  await pad.waitForFunction((n) => document.getElementById("evaluator-state")?.textContent?.includes(n), issued.body.ticket.number);
  await api("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
  return issued.body.ticket.number;
}

describe("the window evaluator", () => {
  it("shows the window, the officer on duty and the ticket being served", async () => {
    const text = await pad.locator("#evaluator-state").innerText();
    expect(text).toContain("5");
    expect(text).toContain("王芳");
    expect(text).toContain("031245");
    expect(await axe(pad)).toEqual([]);
    await screenshot(pad, "evaluator-idle-1280x800");
  });

  it("asks when the ticket finishes, and a 满意 is one press, then thanks and idles", async () => {
    const number = await serveOne();
    await step("evaluator-ask");
    expect(await pad.locator("#evaluator-ask").innerText()).toContain("请您对本次服务进行评价");
    expect(await pad.locator("#evaluator-ask").innerText()).toContain(number);
    const levels = await pad.locator("[data-score]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-score"), e.querySelector(".ev-level-zh")!.textContent]));
    expect(levels).toEqual([["5", "非常满意"], ["4", "满意"], ["3", "基本满意"], ["2", "不满意"], ["1", "非常不满意"]]);
    for (const box of await pad.locator("[data-score]").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThan(120);
    expect(await axe(pad)).toEqual([]);
    await screenshot(pad, "evaluator-ask-1280x800");
    await pad.click('[data-score="4"]');
    await step("evaluator-thanks");
    const snap = (await api("manager", "GET", `/api/halls/${hall}/stats?by=hall`)).body;
    expect(snap.rows[0].satisfaction).toMatchObject({ count: 1, meanScore: 4, goodRate: 100, bad: 0 });
    await step("idle");
  });

  it("for 不满意 offers the indicators; the 差评 becomes a follow-up a manager closes with a note", async () => {
    const number = await serveOne();
    await step("evaluator-ask");
    await pad.click('[data-score="2"]');
    await step("evaluator-reasons");
    expect(await pad.locator("[data-reason]").allInnerTexts()).toEqual([
      expect.stringContaining("服务效率"),
      expect.stringContaining("服务水平"),
      expect.stringContaining("服务态度"),
      expect.stringContaining("其他"),
    ]);
    await pad.click('[data-reason="attitude"]');
    await pad.click('[data-reason="efficiency"]');
    expect(await axe(pad)).toEqual([]);
    await screenshot(pad, "evaluator-reasons-1280x800");
    await pad.click('[data-action="submit-rating"]');

    // A number for the call back, optional; a wrong one is said beside the field and kept nowhere.
    await step("evaluator-contact");
    expect(await pad.locator("#evaluator-contact").innerText()).toContain("请留下手机号（可不填）");
    expect(await axe(pad)).toEqual([]);
    await screenshot(pad, "evaluator-contact-1280x800");
    await pad.locator('#evaluator-contact input[name="mobile"]').fill("1381234567");
    await pad.click('[data-action="send-contact"]');
    await pad.waitForFunction(() => document.querySelector('#evaluator-contact [data-error-for="mobile"]')?.textContent === "请填 11 位手机号，以 1 开头。");
    expect(await pad.evaluate(() => document.body.dataset.step)).toBe("evaluator-contact");
    expect((await api("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps[0].callNumber).toBeNull();
    expect(await axe(pad)).toEqual([]);
    await pad.locator('#evaluator-contact input[name="mobile"]').fill("13812345678");
    await pad.click('[data-action="send-contact"]');
    await step("evaluator-thanks");
    const thanks = await pad.locator("#evaluator-thanks").innerText();
    expect(thanks).toContain("我们将致电 138****5678 回访");
    expect(await pad.content()).not.toContain("13812345678");
    expect(await axe(pad)).toEqual([]);
    await screenshot(pad, "evaluator-thanks-1280x800");

    const open = (await api("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps;
    expect(open).toEqual([
      expect.objectContaining({
        number, score: 2, reasons: ["efficiency", "attitude"], state: "open", window: "5", officer: { name: "王芳", badge: "031245" },
        mobile: "138****5678", callNumber: "13812345678",
      }),
    ]);
    const stats = (await api("manager", "GET", `/api/halls/${hall}/stats?by=hall`)).body.rows[0].satisfaction;
    expect(stats).toMatchObject({ count: 2, goodRate: 50, bad: 1 });
    const done = await api("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open[0].id}`, { state: "done", note: "已电话回访，当面致歉并加快办理" });
    expect(done.status).toBe(200);
    expect(done.body.followUp).toMatchObject({ state: "done", note: "已电话回访，当面致歉并加快办理", doneBy: "dev-manager" });
    expect((await api("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps).toEqual([]);
    const audit = (await api("manager", "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries;
    expect(audit[0]).toMatchObject({ action: "follow_up_done", target: number });
  });

  it("goes back to idle after 30 s without a press, and the ticket stays unrated", async () => {
    await pad.clock.install();
    await serveOne();
    await step("evaluator-ask");
    await pad.clock.runFor(29_000);
    expect(await pad.evaluate(() => document.body.dataset.step)).toBe("evaluator-ask");
    await pad.clock.runFor(2_000);
    await step("idle");
    const stats = (await api("manager", "GET", `/api/halls/${hall}/stats?by=hall`)).body.rows[0].satisfaction;
    expect(stats.count).toBe(2);
  });
});

describe("the 回访 tab of the manager console", () => {
  it("lists an open 差评 and closes it with a note", async () => {
    await pad.clock.runFor(60_000);
    const number = await serveOne();
    await step("evaluator-ask");
    await pad.click('[data-score="1"]');
    await step("evaluator-reasons");
    await pad.click('[data-reason="skill"]');
    await pad.click('[data-action="submit-rating"]');
    await step("evaluator-contact");
    await pad.click('[data-action="skip-contact"]');
    await step("evaluator-thanks");
    // No number, no promise of a call back.
    expect(await pad.locator("#evaluator-thanks").innerText()).toContain("您未留号码，我们无法回访");

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const manager = await context.newPage();
    await manager.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager`);
    await manager.waitForFunction(() => (window as any).tongbanLive);
    await manager.click('[data-tab="follow-ups"]');
    const row = manager.locator("#follow-up-rows tr", { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain("服务水平");
    expect(await row.innerText()).toContain("王芳");
    expect(await row.innerText()).toContain("未留号码，无法电话回访");
    expect(await row.locator("button").innerText()).toContain("标记已回访");
    expect((await new AxeBuilder({ page: manager }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => v.id)).toEqual([]);
    await screenshot(manager, "manage-follow-ups-1366x768");
    await row.locator("button").click();
    await manager.waitForFunction(() => document.getElementById("console-message")?.textContent?.includes("请填写回访记录"));
    await row.locator("input").fill("已电话回访，市民表示理解");
    await row.locator("button").click();
    await manager.locator("#follow-ups-none").waitFor({ state: "visible" });
    const done = (await api("manager", "GET", `/api/halls/${hall}/follow-ups?state=done`)).body.followUps;
    expect(done.find((f: any) => f.number === number)).toMatchObject({ note: "已电话回访，市民表示理解" });
    await context.close();
  });
});
