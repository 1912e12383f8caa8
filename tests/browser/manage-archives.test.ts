/**
 * Issue 22 §2 in the manager console: the audit tab lists the hall's archives (事件/审计, by day,
 * with rows, size and a download) and says where the live logs now start; a hall with nothing
 * archived says so in words. The archived hall is played on the bench's clock through
 * `POST /api/dev/bench/{hall}` (development only): one day of tickets, then a wake 182 days on,
 * when the hall's own alarm archives that day's events and audit rows and prunes them.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DAY = 24 * 3600_000;
/** Monday 2027-01-04, 00:00 in Shanghai: the bench hall's first day. */
const START = Date.parse("2027-01-04T00:00:00+08:00");

/** A hall with one day of tickets archived: its day 0 played, then woken 182 days on until the archives stop growing. */
async function archivedHall(hall: string): Promise<{ archives: any[]; liveFrom: { events: number; audit: number } }> {
  const bench = async (request: unknown) => {
    const res = await api("admin", "POST", `/api/dev/bench/${hall}`, request);
    if (res.status !== 200 || res.body.status >= 300) throw new Error(`bench ${JSON.stringify(request)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.body;
  };
  await bench({ op: "configure", at: START + 8 * 3600_000 });
  await bench({ op: "day", day: 0, open: START + 8.5 * 3600_000, everyMs: 60_000, tickets: 8, midnight: START + DAY + 1000 });
  let count = -1;
  for (let day = 182; day < 190; day++) {
    await bench({ op: "day", day, open: START + day * DAY + 8.5 * 3600_000, everyMs: 60_000, tickets: 0, midnight: START + (day + 1) * DAY + 1000 });
    const list = (await api("manager", "GET", `/api/halls/${hall}/archives`)).body;
    if (list.archives.length > 0 && list.archives.length === count) return list;
    count = list.archives.length;
  }
  throw new Error(`the archives never settled: ${count}`);
}

async function openAuditTab(page: Page, hall: string): Promise<void> {
  await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager#audit`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
  await page.locator("#archives").waitFor({ state: "visible" });
}

const axeOf = async (page: Page) =>
  (await new AxeBuilder({ page }).include("#archives").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => v.id);

describe("the manager console's archives", () => {
  it("lists each archived day with its rows, size and a download that is the archive byte for byte, and where the live logs start", async () => {
    const hall = "manage-archives";
    const list = await archivedHall(hall);
    // Day 0 and the midnight that ended it (its rollover), each kind.
    expect(new Set(list.archives.map((a) => a.kind))).toEqual(new Set(["audit", "events"]));
    expect(list.liveFrom.events).toBeGreaterThan(1);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    await openAuditTab(page, hall);
    const rows = page.locator("#archive-rows tr");
    await expect.poll(() => rows.count()).toBe(list.archives.length);
    const live = page.locator("#archives-live");
    expect(await live.isVisible()).toBe(true);
    expect(await live.textContent()).toContain(`大厅中的事件日志从第 ${list.liveFrom.events} 条起，审计日志从第 ${list.liveFrom.audit} 条起`);
    expect(await page.locator("#archives-empty").isVisible()).toBe(false);
    const events = list.archives.find((a) => a.kind === "events" && a.day === "2027-01-04")!;
    expect(events.rows).toBeGreaterThan(8); // the day's tickets, calls and finishes
    const row = rows.filter({ hasText: "事件" }).filter({ hasText: "2027-01-04" });
    const cells = await row.locator("td").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["事件 Events", "2027-01-04", String(events.rows)]);
    expect(cells[3]).toBe(`${(events.bytes / 1e3).toFixed(1)} KB`);

    // The download (fetched with the console's token, saved as a file) is the archive as stored.
    const [download] = await Promise.all([page.waitForEvent("download"), row.locator("a[data-archive]").click()]);
    expect(download.suggestedFilename()).toBe(`${hall}-events-2027-01-04.ndjson.gz`);
    const saved = readFileSync((await download.path())!);
    expect(saved.byteLength).toBe(events.bytes);
    const lines = gunzipSync(saved).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((e) => e.seq)).toEqual(Array.from({ length: events.rows }, (_, i) => events.first + i));

    expect(await axeOf(page)).toEqual([]);
    await page.locator("#archives").scrollIntoViewIfNeeded();
    await screenshot(page, "manage-archives-1366x768");

    // On a phone the table scrolls inside its box; the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#archives").scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await row.locator("a[data-archive]").isVisible()).toBe(true);
    expect(await axeOf(page)).toEqual([]);
    await screenshot(page, "manage-archives-390x844");
    await context.close();
  });

  it("says in words that nothing is archived yet in a hall that keeps everything", async () => {
    const hall = await demoLikeHall("manage-archives-none");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await openAuditTab(page, hall);
    const empty = page.locator("#archives-empty");
    await empty.waitFor({ state: "visible" });
    expect(await empty.textContent()).toContain("尚无归档：所有记录仍在大厅中");
    expect(await page.locator("table.archives").isVisible()).toBe(false);
    expect(await page.locator("#archives-live").isVisible()).toBe(false);
    expect(await axeOf(page)).toEqual([]);
    await context.close();
  });
});
