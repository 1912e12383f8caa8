/**
 * The 排班 tab in Chromium against `wrangler dev`, on the demo hall (seeded with four weeks of
 * history): the date starts at tomorrow on the hall's clock, the plan for a chosen day shows as
 * a timeline of windows with its waits, officer-hours and verdict, 「采用此方案」 applies it, and
 * the data wall shows the next shift changes as soon as it is applied. axe finds nothing, at
 * 1366×768 and 1920×1080. It says why each window is closed, the hall's plan rules, and the
 * day's bookings beside the forecast (issues 25 §7, 26 §4). Screenshots: manage-plan-1366x768,
 * manage-plan-reasons-1366x768.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, launch, screenshot } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HALL = "demo";

async function open(path: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800102${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isSunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;

/** The hall's clock now, as the server renders it into a console page's #clock. */
async function hallNow(): Promise<number> {
  const html = await (await fetch(`${baseUrl()}/halls/${HALL}/manage?token=dev-manager`)).text();
  return Number(/id="clock"[^>]*data-now="(\d+)"/.exec(html)![1]);
}

/**
 * Waits out the last three minutes of the hall's day (Shanghai, UTC+8), so no test crosses the
 * hall's midnight halfway (TONGBAN_CLOCK=2028-02-29T23:59:50+08:00 starts the suite ten seconds
 * before it): "today" and "tomorrow" read at the start stay true to the end. Then the hall's day.
 */
async function clearOfMidnight(): Promise<string> {
  const left = 86_400_000 - (((await hallNow()) + 8 * 3_600_000) % 86_400_000);
  if (left < 180_000) await new Promise((done) => setTimeout(done, left + 5_000));
  return new Date((await hallNow()) + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 6) }));
}

async function loaded(page: Page, date: string): Promise<void> {
  await page.waitForFunction((d) => document.querySelector("#plan")?.getAttribute("data-loaded") === d, date, { timeout: 45_000 });
}

describe("the 排班 tab", () => {
  it("plans a chosen day from the hall's history, applies it, and the data wall reminds of its next changes", async () => {
    const today = await clearOfMidnight();
    const snapshot = (await api("manager", "GET", `/api/halls/${HALL}`)).body;
    const wall = await open(`/halls/${HALL}/dashboard?token=dev-display`, 1920, 1080);
    expect(await wall.locator(".reminder").count()).toBe(0);

    const page = await open(`/halls/${HALL}/manage?token=dev-manager`, 1366, 768);
    await page.click('[data-tab="plan"]');
    // Tomorrow on the hall's clock, whatever the browser's says.
    const tomorrow = dayAfter(today, 1);
    expect(await page.inputValue('input[name="plan-date"]')).toBe(tomorrow);
    await loaded(page, tomorrow);
    if (isSunday(tomorrow)) expect(await page.textContent('[data-slot="status"]')).toContain("没有足够的取号记录");
    else expect(await page.locator("#plan-timeline [data-window]").count()).toBe(snapshot.windows.length);

    // Choose today (a Sunday has no history: the day after tomorrow then, which shows no reminder today).
    const date = isSunday(today) ? dayAfter(today, isSunday(tomorrow) ? 2 : 1) : today;
    await page.fill('input[name="plan-date"]', date);
    await loaded(page, date);
    const plan = (await api("manager", "GET", `/api/halls/${HALL}/plan?date=${date}`)).body;
    expect(plan.basedOn.days).toHaveLength(4);
    const rows = await page.$$eval("#plan-timeline [data-window]", (els) =>
      els.map((e) => ({ id: e.getAttribute("data-window")!, shifts: e.querySelector(".plan-shift-text")!.textContent!, bars: e.querySelectorAll(".plan-shift").length })),
    );
    for (const w of snapshot.windows) {
      const planned = plan.windows.find((p: any) => p.id === w.id);
      const row = rows.find((r) => r.id === w.id)!;
      expect(row.shifts).toBe(planned ? planned.shifts.map((s: any) => `${s.opens}–${s.closes}`).join("、") : "方案未用 · not in the plan");
      expect(row.bars).toBe(planned ? planned.shifts.length : 0);
    }
    expect(await page.textContent('[data-slot="verdict"]')).toContain(plan.feasible ? "此方案达标" : "无法全部达标");
    expect(await page.textContent('[data-figure="hours"] dd')).toBe(`${plan.windowHours} 小时`);
    expect(await page.textContent('[data-figure="laibin"] dd')).toContain(`${plan.laibin.windowHours} 小时`);
    expect(await page.locator("#plan-wait-rows tr").count()).toBe(Object.keys(plan.simulated.categories).length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1366);

    await page.click("[data-plan-apply]");
    await page.waitForFunction(() => document.querySelector('[data-slot="applied"]')?.textContent?.includes("已采用"));
    const applied = (await api("manager", "GET", `/api/halls/${HALL}/plan/${date}`)).body.plan;
    expect(applied.windows).toEqual(plan.windows);
    expect(applied.savedBy).toBe("dev-manager");
    // The message line ("已采用…") fades by itself; the picture shows the tab beneath it.
    await page.evaluate(() => document.getElementById("console-message")?.setAttribute("hidden", ""));
    await screenshot(page, "manage-plan-1366x768");
    expect(await violations(page)).toEqual([]);

    // The data wall, with a plan made by hand for today at a known instant of the hall's clock
    // (read from the plan just applied, which the hall stamped): S is the next half hour, at
    // least a minute ahead so no reminder goes up or comes down while the test reads them.
    // Windows 3 and 5 work S to S+1h, window 4 S+1h to S+2h; what the wall says is written out.
    const timezone: string = snapshot.hall.timezone;
    const hhmm = (at: number) => new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
    const dayOf = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(at);
    const stamped = Date.parse(applied.savedAt) - Date.now();
    const hallNow = () => Date.now() + stamped;
    const HALF_HOUR = 30 * 60_000;
    const nextHalfHour = () => (Math.floor(hallNow() / HALF_HOUR) + 1) * HALF_HOUR;
    if (nextHalfHour() - hallNow() < 60_000) await wall.waitForTimeout(nextHalfHour() - hallNow() + 1_000);
    const s = nextHalfHour();
    const [s0, s1, s2] = [hhmm(s), hhmm(s + 2 * HALF_HOUR), hhmm(s + 4 * HALF_HOUR)];
    const handDay = dayOf(hallNow());
    // Late in the evening the day has no room for these shifts: a shift in the morning, long
    // past, then, and no reminder at all.
    const roomToday = dayOf(s + 4 * HALF_HOUR) === handDay;
    const handMade = roomToday
      ? [
          { id: "3", categories: ["household"], shifts: [{ opens: s0, closes: s1 }] },
          { id: "4", categories: ["traffic"], shifts: [{ opens: s1, closes: s2 }] },
          { id: "5", categories: ["traffic"], shifts: [{ opens: s0, closes: s1 }] },
        ]
      : [{ id: "3", categories: ["household"], shifts: [{ opens: "08:00", closes: "09:00" }] }];
    const put = await api("manager", "PUT", `/api/halls/${HALL}/plan/${handDay}`, { windows: handMade });
    expect([200, 201]).toContain(put.status);
    const expected = roomToday
      ? [
          `即将 ${s0} 开 3、5 号窗口Soon: ${s0} open windows 3, 5`,
          `下一次 ${s1} 关 3、5 号窗口Next: ${s1} close windows 3, 5`,
          `下一次 ${s1} 开 4 号窗口Next: ${s1} open window 4`,
        ]
      : [];
    const shownOn = (p: Page, within: string) =>
      p.$$eval(`${within} .reminder`, (els) => els.map((e) => e.textContent!.replace(/\s+/g, " ").trim()));
    if (roomToday) {
      await wall.waitForFunction((first) => document.querySelector(".reminder")?.textContent?.includes(first), `${s0} 开 3、5`, { timeout: 10_000 });
      expect(await shownOn(wall, "body")).toEqual(expected);
      expect(await violations(wall)).toEqual([]);
      await screenshot(wall, "dashboard-plan-1920x1080");
      // The manager's hall tab shows the same.
      await page.click('[data-tab="hall"]');
      expect(await shownOn(page, "#manage-plan-reminders")).toEqual(expected);
    } else {
      await wall.waitForTimeout(300);
      expect(await shownOn(wall, "body")).toEqual(expected);
    }

    // The same tab at 1920×1080: nothing spills sideways.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.click('[data-tab="plan"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1920);
    await page.context().close();
    await wall.context().close();
  }, 300_000);

  it("says why each window is closed, the hall's plan rules, and the day's bookings beside the forecast", async () => {
    const today = await clearOfMidnight();
    // The next weekday: the demo hall takes bookings Monday to Friday and has history for it.
    let date = dayAfter(today, 1);
    while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = dayAfter(date, 1);
    // Two citizens book 10:00–10:30 for household (new ID numbers each run: one booking per person per day).
    const person = Date.now() % 900;
    let booked = 0;
    const answers: string[] = [];
    for (const n of [person, person + 1]) {
      const res = await fetch(`${baseUrl()}/api/halls/${HALL}/bookings`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": `198.51.100.${(n % 250) + 1}` },
        body: JSON.stringify({ category: "household", date, from: "10:00", idNumber: idNumber(n), mobile: "13812345678" }),
      });
      answers.push(`${res.status} ${await res.text()}`);
      if (res.status === 201) booked++;
    }
    expect(booked, `${date}: ${answers.join("; ")}`).toBeGreaterThan(0);

    const page = await open(`/halls/${HALL}/manage?token=dev-manager`, 1366, 768);
    await page.click('[data-tab="plan"]');
    await loaded(page, dayAfter(today, 1));
    if (date !== dayAfter(today, 1)) {
      await page.fill('input[name="plan-date"]', date);
      await loaded(page, date);
    }
    const plan = (await api("manager", "GET", `/api/halls/${HALL}/plan?date=${date}`)).body;
    // The booked figures beside the forecast, for the half hour booked.
    const slot = plan.load.find((l: any) => l.from === "10:00");
    expect(slot.booked).toBeGreaterThanOrEqual(booked);
    const row = page.locator('#plan-load-rows tr[data-slot-from="10:00"]');
    expect(await row.locator("td.booked").textContent()).toBe(String(slot.booked));
    expect(await row.locator("td.forecast").textContent()).toBe(String(slot.forecast));
    expect(await page.textContent('[data-slot="basis"]')).toContain(`含已预约 ${plan.load.reduce((n: number, l: any) => n + l.booked, 0)} 人`);
    // The rules, in Chinese.
    expect(await page.textContent('[data-slot="rules"]')).toContain("排班规则：每班至少 2 小时，每个窗口每天至多 2 班，各窗口只办理其设定的业务");
    // Every closed spell of every window, with its reason, in Chinese.
    const reasons = await page.$$eval("#plan-timeline [data-window]", (els) =>
      els.map((e) => ({ id: e.getAttribute("data-window")!, spans: [...e.querySelectorAll(".plan-closed span")].map((s) => s.textContent!) })),
    );
    const words: Record<string, string> = { "not-needed": "其余窗口已能达标", quiet: "其余窗口即可应对", "no-demand": "无人取号", "beyond-limit": "超出可开窗口数" };
    // A plan that meets the targets closes some of the demo hall's six windows some of the time; one that cannot is every window all day.
    if (plan.feasible) expect(plan.closed.length).toBeGreaterThan(0);
    else expect(plan.closed).toEqual([]);
    for (const r of reasons) {
      const spells = plan.closed.filter((c: any) => c.window === r.id);
      expect(r.spans.length, `window ${r.id}`).toBe(spells.length);
      spells.forEach((c: any, i: number) => {
        expect(r.spans[i]).toContain(words[c.reason]);
        if (plan.windows.some((w: any) => w.id === r.id)) expect(r.spans[i]).toContain(`${c.from}–${c.to} 不开`);
        else expect(r.spans[i]).toContain("全天不开");
      });
    }
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "manage-plan-reasons-1366x768");
    // The rules are the hall's, in Settings.
    await page.click('[data-tab="settings"]');
    expect(await page.inputValue('input[name="minShiftHours"]')).toBe("2");
    expect(await page.inputValue('input[name="maxShifts"]')).toBe("2");
    expect(await page.isChecked('input[name="keepCategories"]')).toBe(true);
    await page.context().close();
  }, 300_000);

  it("fits a phone at 390×844 with the timeline, figures and buttons a thumb can press", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const today = await clearOfMidnight();
    await page.goto(`${baseUrl()}/halls/${HALL}/manage?token=dev-manager#plan`);
    await loaded(page, dayAfter(today, 1));
    expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }))).toEqual({ page: 390, screen: 390 });
    const small = await page.locator("#plan button:visible").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height).filter((h) => h < 44));
    expect(small).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "manage-plan-390x844");
    await context.close();
  }, 240_000);
});
