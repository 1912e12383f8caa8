/**
 * Issue 25 item 6: a refused console form says what is wrong in the page's language, beside
 * the field (display/browser/formErrors.js), never the API's developer text; a later save that
 * succeeds clears it. The manager console at 1366×768.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../worker/core/rejection.js";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
let hall: string;
beforeAll(async () => {
  browser = await launch();
  hall = await demoLikeHall("browser-form-errors");
});
afterAll(async () => {
  await browser?.close();
});

async function openConsole(tab: string, lang = "zh-Hans"): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager&lang=${lang}#${tab}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.locator(`[data-tab-panel="${tab}"]`).waitFor({ state: "visible" });
  return page;
}

const slot = (page: Page, form: string, field: string) => page.locator(`${form} [data-error-for="${field}"]`);
const message = (page: Page) => page.locator("#console-message");
/** No developer text anywhere a person reads. */
const DEVELOPER = /invalid request|Invalid input|expected|received|Too small|Too big/;

async function sees(page: Page, form: string, field: string, sentence: string): Promise<void> {
  await page.waitForFunction(([f, n, s]) => document.querySelector(`${f} [data-error-for="${n}"]`)?.textContent === s, [form, field, sentence] as const, {
    timeout: 10_000,
  });
}

describe("a refused form speaks the page's language beside the field", () => {
  it("an empty notice: 请填写此项 beside the text; saved after it is written, and the sentence is gone", async () => {
    const page = await openConsole("content");
    const form = page.locator("#content-form");
    await form.locator('input[name="kind"][value="notice"]').check();
    await form.locator("button[type=submit]").click();
    await sees(page, "#content-form", "text", "请填写此项。");
    expect(await form.locator('textarea[name="text"]').getAttribute("aria-invalid")).toBe("true");
    expect(await message(page).innerText()).toBe("请修改标红的项后再保存。");
    expect(await form.innerText()).not.toMatch(DEVELOPER);
    const violations = (await new AxeBuilder({ page }).include("#content-form").withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations;
    expect(violations.map((v) => v.id)).toEqual([]);
    await screenshot(form, "manage-form-error");

    const before = await page.locator(".content-row").count();
    await form.locator('textarea[name="text"]').fill("今日下午系统维护 | System maintenance this afternoon");
    await form.locator("button[type=submit]").click();
    await page.waitForFunction((n) => document.querySelectorAll(".content-row").length === n + 1, before);
    await page.waitForFunction(() => document.querySelector("#console-message")?.className.includes("ok"));
    expect(await slot(page, "#content-form", "text").innerText()).toBe("");
    expect(await form.locator('textarea[name="text"]').getAttribute("aria-invalid")).toBeNull();
    await page.close();
  });

  it("a short password: 至少 8 个字符 beside it; a long enough one saves and clears it", async () => {
    const page = await openConsole("staff");
    const form = page.locator("#staff-form");
    await form.locator('input[name="name"]').fill("赵敏");
    await form.locator('input[name="badge"]').fill("F0825");
    await form.locator('input[name="password"]').fill("short");
    await form.locator("button[type=submit]").click();
    await sees(page, "#staff-form", "password", "至少 8 个字符。");
    expect(await message(page).innerText()).not.toMatch(DEVELOPER);

    await form.locator('input[name="password"]').fill("窗口四号-2031");
    await form.locator("button[type=submit]").click();
    await page.waitForFunction(() => document.querySelector("#console-message")?.className.includes("ok"));
    expect(await slot(page, "#staff-form", "password").innerText()).toBe("");

    await page.close();
  });

  it("an out-of-range number and a missing one, in Traditional Chinese and in English", async () => {
    const hant = await openConsole("settings", "zh-Hant");
    await hant.locator('#settings-form input[name="alarmMinutes"]').fill("999");
    await hant.locator("#settings-form button[type=submit]").click();
    await sees(hant, "#settings-form", "alarmMinutes", "請填 1 到 240 之間的數。");
    await hant.close();

    const en = await openConsole("settings", "en");
    await en.locator('#settings-form input[name="alarmMinutes"]').fill("");
    await en.locator("#settings-form button[type=submit]").click();
    await sees(en, "#settings-form", "alarmMinutes", "Please fill this in.");
    await en.locator('#settings-form input[name="alarmMinutes"]').fill("12");
    await en.locator("#settings-form button[type=submit]").click();
    await en.waitForFunction(() => document.querySelector("#console-message")?.className.includes("ok"));
    expect(await slot(en, "#settings-form", "alarmMinutes").innerText()).toBe("");
    await en.close();
  });

  it("a number the browser itself refuses (the idle minutes, min 0 max 240): the page's sentence beside it, never the browser's bubble; cleared when saved", async () => {
    for (const [lang, value, words] of [
      ["zh-Hans", "999", "请填 0 到 240 之间的数。"],
      ["en", "-1", "Enter a number from 0 to 240."],
    ] as const) {
      const page = await openConsole("content", lang);
      // The browser shows its own bubble (in the box's language) for an `invalid` nobody cancels.
      await page.evaluate(() => {
        const w = window as any;
        w.bubbles = [];
        window.addEventListener("invalid", (e) => setTimeout(() => w.bubbles.push(`${(e.target as HTMLInputElement).name}: ${e.defaultPrevented ? "ours" : "browser's"}`)), true);
      });
      const form = page.locator("#idle-form");
      await form.locator('input[name="idleMinutes"]').fill(value);
      await form.locator("button[type=submit]").click();
      await sees(page, "#idle-form", "idleMinutes", words);
      expect(await page.evaluate(() => (window as any).bubbles)).toEqual(["idleMinutes: ours"]);
      expect(await form.locator('input[name="idleMinutes"]').getAttribute("aria-invalid")).toBe("true");
      await form.locator('input[name="idleMinutes"]').fill("5");
      await form.locator("button[type=submit]").click();
      await page.waitForFunction(() => document.querySelector("#console-message")?.className.includes("ok"));
      expect(await slot(page, "#idle-form", "idleMinutes").innerText()).toBe("");
      expect(await form.locator('input[name="idleMinutes"]').getAttribute("aria-invalid")).toBe(null);
      await page.close();
    }
  });

  it("a rule of the hall's (a day gone by, a transfer to nowhere, …) has its own sentence in each language, never the general 这一项不对", async () => {
    const page = await openConsole("content");
    const said = await page.evaluate(
      (rules) => {
        const errors = (window as any).TongbanFormErrors;
        return rules.flatMap((rule) => ["zh-Hans", "zh-Hant", "en"].map((lang) => `${rule} ${lang}: ${errors.sentence({ field: "x", problem: "invalid", rule, maximum: 5 }, lang, null)}`));
      },
      [...RULES],
    );
    expect(said.filter((s) => /这一项不对|這一項不對|This is not right|\{|undefined/.test(s))).toEqual([]);
    // Real refusals, as the appointment form and the counter's transfer get them.
    const past = await api("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic", day: "2001-01-01" });
    const ticket = await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    const nowhere = await api("counter", "POST", `/api/halls/${hall}/tickets/${ticket.body.ticket.id}/transfer`, {});
    const summary = (body: unknown, lang: string) => page.evaluate(([b, l]) => (window as any).TongbanFormErrors.summary(b, l, 0), [body, lang] as const);
    expect(await summary(past.body, "zh-Hans")).toBe("这一天已经过去，请选今天或以后的日期。");
    expect(await summary(nowhere.body, "zh-Hant")).toBe("請選擇轉往的業務或窗口。");
    expect(await summary(nowhere.body, "en")).toBe("Choose a service or a window to send it to.");
    // The browser's own check of a date field says its bound as a date.
    expect(await page.evaluate(() => (window as any).TongbanFormErrors.sentence({ field: "day", problem: "too_small", of: "date", minimum: "2027-03-15" }, "zh-Hans", null))).toBe("不能早于 2027-03-15。");
    await page.close();
  });
});
