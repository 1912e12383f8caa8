/**
 * The manager's statistics tab in Chromium against `wrangler dev`: it shows the API's own figures
 * (today, by category and by window, with the staffing advice), and its export saves the very CSV
 * the API serves. A citizen rates from the status page first, so satisfaction has a figure.
 * The screenshot shows a whole simulated day instead: a hall in a test has only seconds of waits.
 */
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adviceOf } from "../../worker/statistics/hall-stats.object.js";
import { rollUp, type Rating } from "../../worker/statistics/rollup.js";
import { mergeRollups } from "../../worker/statistics/stats.js";
import { manageView } from "../../worker/pages/manage.js";
import { api, baseUrl, launch, screenshot } from "./harness.js";
import { busyHall } from "./screens-busy-hall.js";
import { simulatedDay } from "./screens-simulated-day.js";

let browser: Browser;
let hall: string;

beforeAll(async () => {
  browser = await launch();
  hall = await busyHall("browser-stats");
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, width: number, height: number, b: Browser = browser): Promise<Page> {
  const page = await b.newPage({ viewport: { width, height } });
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${url}`);
  await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const shown = (x: number | null) => (x === null ? "—" : String(x));
/** Minutes as a manager reads them: whole, "<1" under a minute (the API keeps two decimals). */
const minutes = (x: number | null) => (x === null ? "—" : x < 1 ? "<1" : String(Math.round(x)));

/** The table's rows as the manager reads them. */
async function tableRows(page: Page): Promise<string[][]> {
  return page.$$eval("#stats-rows tr[data-key]", (rows) => rows.map((r) => [r.getAttribute("data-key")!, ...[...r.children].map((td) => td.textContent!.trim())]));
}

function expectedRows(body: any): string[][] {
  return body.rows.map((r: any) => [
    r.key,
    r.label,
    ...[r.issued, r.served, r.noShows, r.transfers].map(shown),
    ...[r.wait.meanMinutes, r.wait.medianMinutes, r.wait.p90Minutes, r.wait.maxMinutes, r.service.meanMinutes, r.service.p90Minutes].map(minutes),
    r.satisfaction.meanScore === null ? "—" : `${r.satisfaction.meanScore} (${r.satisfaction.count})`,
  ]);
}

describe("the statistics tab", () => {
  it("a citizen rates a finished ticket with a star on the status page", async () => {
    const issued = await api("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "security" });
    expect(issued.status).toBe(201);
    const page = await open(issued.body.statusPath, 390, 844);
    expect(await page.locator("[data-rate]").count()).toBe(0);
    // Sent to window 6 (the difficult-cases window), which calls it next once it is free.
    expect((await api("counter", "POST", `/api/halls/${hall}/tickets/${issued.body.ticket.number}/transfer`, { window: "6" })).status).toBe(200);
    await api("counter", "POST", `/api/halls/${hall}/windows/6/finish`, {});
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/6/call`, {})).body.ticket.id).toBe(issued.body.ticket.id);
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/6/finish`, {})).status).toBe(200);
    await page.locator("[data-rate]").first().waitFor();
    // Done: the page no longer offers to ring for a call that will not come.
    expect(await page.locator("#alerts").isVisible()).toBe(false);
    await screenshot(page, "status-rate-390x844");
    await page.locator('[data-rate="4"]').click();
    await page.waitForFunction(() => document.querySelector("#status-ticket")?.textContent?.includes("感谢您的评价"));
    expect(await page.locator(".rated").getAttribute("data-rated")).toBe("4");
    await page.close();
  });

  it("shows the API's figures for today by category and by window, with the advice", async () => {
    const page = await open(`/halls/${hall}/manage?token=dev-manager`, 1366, 768);
    await page.click('[data-tab="stats"]');
    await page.waitForFunction(() => document.querySelector("#stats")?.getAttribute("data-loaded")?.startsWith("category"));
    const today = (await api("manager", "GET", `/api/halls/${hall}`)).body.hall.day;
    const byCategory = (await api("manager", "GET", `/api/halls/${hall}/stats?from=${today}&to=${today}&by=category`)).body;
    expect(byCategory.rows.length).toBe(4);
    expect(await tableRows(page)).toEqual(expectedRows(byCategory));
    const total = await page.$$eval("#stats-totals [data-total]", (ds) => Object.fromEntries(ds.map((d) => [d.getAttribute("data-total"), d.querySelector("dd")!.textContent])));
    expect(total).toMatchObject({
      issued: String(byCategory.total.issued),
      served: String(byCategory.total.served),
      "wait.p90Minutes": minutes(byCategory.total.wait.p90Minutes),
      "wait.meanMinutes": minutes(byCategory.total.wait.meanMinutes),
      satisfaction: `${byCategory.total.satisfaction.meanScore}（${byCategory.total.satisfaction.count}）`,
    });
    expect(byCategory.total.satisfaction.count).toBeGreaterThan(0);

    await page.click('[data-stats-by="window"]');
    await page.waitForFunction(() => document.querySelector("#stats")?.getAttribute("data-loaded")?.startsWith("window"));
    const byWindow = (await api("manager", "GET", `/api/halls/${hall}/stats?from=${today}&to=${today}&by=window`)).body;
    expect(await tableRows(page)).toEqual(expectedRows(byWindow));

    const advice = (await api("manager", "GET", `/api/halls/${hall}/advice`)).body;
    const adviceRows = await page.$$eval("#advice-rows tr", (rows) => rows.map((r) => [r.getAttribute("data-category"), r.lastElementChild!.textContent]));
    expect(adviceRows).toEqual(advice.live.categories.map((c: any) => [c.category, String(c.windows)]));
    expect(await page.locator('[data-slot="day"]').innerText()).toContain(`预计 ${advice.daily.expectedVolume} 张`);
    await page.close();
  });

  it.each([
    [2, 4, "请增开 2 个窗口"],
    [6, 4, "人少：可关闭 2 个窗口"],
    [4, 4, null],
  ])("with %i windows open and %i needed, the advice says %s", async (openWindows, needed, says) => {
    const advice = (await api("manager", "GET", `/api/halls/${hall}/advice`)).body;
    advice.live.open = openWindows;
    advice.live.needed = needed;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.route(`${baseUrl()}/api/halls/${hall}/advice`, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(advice) }));
    await page.goto(`${baseUrl()}/halls/${hall}/manage?token=dev-manager#stats`);
    await page.waitForFunction(() => document.querySelector("#stats")?.getAttribute("data-loaded"));
    const action = page.locator('[data-slot="action"]');
    // Never a negative count (「请增开 -2 个窗口」), and nothing at all when the hall has what it needs.
    if (says === null) expect(await action.isVisible()).toBe(false);
    else {
      expect(await action.isVisible()).toBe(true);
      expect(await action.innerText()).toContain(says);
    }
    expect(await page.locator("#stats").innerText()).not.toMatch(/-\d+ 个窗口/);
    await page.close();
  });

  it("exports the same CSV the API serves, under the API's file name", async () => {
    const page = await open(`/halls/${hall}/manage?token=dev-manager#stats`, 1366, 768);
    await page.waitForFunction(() => document.querySelector("#stats")?.getAttribute("data-loaded"));
    const href = await page.locator('[data-csv="range"]').getAttribute("href");
    expect(href).toMatch(new RegExp(`^/api/halls/${hall}/stats\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}&by=category$`));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-csv="range"]')]);
    const saved = readFileSync((await download.path())!);
    const served = await fetch(`${baseUrl()}${href}`, { headers: { Authorization: "Bearer dev-manager" } });
    const disposition = served.headers.get("Content-Disposition")!;
    expect(download.suggestedFilename()).toBe(/filename="([^"]+)"/.exec(disposition)![1]);
    expect(saved.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(saved.toString("utf8")).toContain("户政");
    await page.close();
  });

  it("at 1366×768 on a simulated busy day", async () => {
    // The tab as it renders the figures of a day played through the core (the data wall's
    // simulated day), served in the API's shapes from the same code the hall runs.
    const day = simulatedDay();
    const timezone = day.state.settings.timezone;
    const ratings: Rating[] = Object.values(day.state.tickets)
      .filter((t) => t.status === "done")
      .filter((_, i) => i % 3 === 0)
      .map((t, i) => ({ ticket: t.id, score: [5, 5, 4, 5, 3, 4, 5, 2, 5, 4][i % 10]!, at: t.finishedAt! }));
    const rollups = rollUp(day.events, { timezone, ratings });
    const today = day.state.day;
    const stats = (by: string) => ({
      hall: day.state.hall,
      timezone,
      today,
      from: today,
      to: today,
      by,
      per: "range",
      total: mergeRollups(rollups, { by: "hall", from: today, to: today, perDay: false })[0] ?? null,
      rows: mergeRollups(rollups, { by: by as "category", from: today, to: today, perDay: false }),
      pendingDays: [],
    });
    const live = { url: `/api/halls/${hall}/live?view=manage&token=dev-manager`, seq: 1e9 };
    const html = manageView.page(day.state, day.now, new URLSearchParams(), live, { announcers: [] });
    const local = await launch(["--disable-features=LocalNetworkAccessChecks"]);
    const page = await local.newPage({ viewport: { width: 1366, height: 768 } });
    await page.route(`${baseUrl()}/simulated-manage`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await page.route(`${baseUrl()}/api/halls/simulated-day/stats?*`, (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify(stats(new URL(route.request().url()).searchParams.get("by")!)) }),
    );
    await page.route(`${baseUrl()}/api/halls/simulated-day/advice`, (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify(adviceOf(day.state, day.now, null)) }),
    );
    await page.goto(`${baseUrl()}/simulated-manage`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.getElementById("live-status")?.hidden);
    await page.click('[data-tab="stats"]');
    await page.waitForFunction(() => document.querySelector("#stats")?.getAttribute("data-loaded"));
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(200);
    await screenshot(page, "manage-stats-1366x768");
    const spills = await page.evaluate(() => {
      const bad: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (!node.textContent!.trim() || el.closest("dialog:not([open]), script, [hidden]") || el.offsetParent === null) continue;
        if (getComputedStyle(el).textOverflow === "ellipsis") continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > innerWidth + 2 || r.bottom > innerHeight + 2)) bad.push(node.textContent!.trim().slice(0, 30));
      }
      return bad;
    });
    expect(spills).toEqual([]);
    expect(await page.locator("#stats-rows tr[data-key]").count()).toBe(4);
    await local.close();
  });
});
