/**
 * The region pages in Chromium against `wrangler dev`: the province's wall changes by itself
 * when a county hall issues and calls (reports travel hall → county → city → province, each
 * throttled), and the public list on a phone sorts the nearest hall first once the position is
 * shared. The wall's screenshot shows a fixed province of 14 cities, with halls over the line
 * and one gone silent, rendered by the same components (a live test has seconds of waits).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionDashboard } from "../../worker/regions/dashboard.js";
import { regionView as viewOf, type HallRow } from "../../worker/regions/board.js";
import type { HallReport } from "../../worker/regions/summary.js";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

let browser: Browser;
const P = "bw-gx";

async function region(id: string, zh: string, parent: string | null, en?: string) {
  const res = await api("admin", "PUT", `/api/regions/${id}`, { name: { "zh-Hans": zh, ...(en ? { en } : {}) }, parent });
  if (res.status !== 201 && res.status !== 200) throw new Error(`region ${id}: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  browser = await launch();
  await region(P, "广西壮族自治区", null, "Guangxi");
  await region(`${P}-wz`, "梧州市", P, "Wuzhou");
  await region(`${P}-lz`, "柳州市", P, "Liuzhou");
  await region(`${P}-wz-wx`, "万秀区", `${P}-wz`);
  await demoLikeHall(`${P}-wanxiu`, (c) => {
    c.name = "万秀区公安服务中心";
    c.region = `${P}-wz-wx`;
    c.location = { lat: 23.4771, lng: 111.2791 };
    c.address = "梧州市万秀区新兴二路 1 号";
    c.booking = { ...c.booking, ...ALL_DAY };
  });
  await demoLikeHall(`${P}-liuzhou`, (c) => {
    c.name = "柳州市公安服务大厅";
    c.region = `${P}-lz`;
    c.location = { lat: 24.3264, lng: 109.4281 };
    c.address = "柳州市城中区文昌路 8 号";
    c.booking = { ...c.booking, ...ALL_DAY };
  });
});
/**
 * The public list shows halls open now, within their opening hours; these halls open every day
 * all day, so the list shows them at whatever instant the suite runs (npm run test:days).
 */
const ALL_DAY = { opens: "00:00", closes: "23:59", closedWeekdays: [] };
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, options: Parameters<Browser["newPage"]>[0]): Promise<Page> {
  const page = await browser.newPage(options);
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl()}${url}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const rowOf = (page: Page, hall: string) => page.locator(`#region-halls [data-hall="${hall}"]`);

describe("the region data wall", () => {
  it("changes without a reload when a county hall issues and calls", async () => {
    const page = await open(`/regions/${P}/dashboard?token=dev-display`, { viewport: { width: 1920, height: 1080 } });
    await page.waitForFunction(() => (window as any).tongbanLive && document.body.getAttribute("data-offline") === null);
    await expect.poll(() => page.locator("#region-halls [data-hall]").count(), { timeout: 10_000 }).toBe(2);
    const hall = `${P}-wanxiu`;
    for (const category of ["household", "traffic", "traffic"]) expect((await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category })).status).toBe(201);
    await expect.poll(() => rowOf(page, hall).locator("span").nth(2).textContent(), { timeout: 10_000, interval: 200 }).toBe("3");
    expect(await page.locator('[data-kpi="waiting"] .kpi-value').textContent()).toBe("3");
    expect(await page.locator(`#region-children [data-region="${P}-wz"]`).textContent()).toContain("梧州市");

    expect((await api("counter", "POST", `/api/halls/${hall}/windows/1/call`)).status).toBe(200);
    await expect.poll(() => page.locator('[data-kpi="waiting"] .kpi-value').textContent(), { timeout: 10_000, interval: 200 }).toBe("2");
    // Each hall is a link to its own wall, with the same token.
    expect(await rowOf(page, hall).getAttribute("href")).toBe(`/halls/${hall}/dashboard?token=dev-display`);
    await page.close();
  });

  it("shows over-the-line halls red and silent halls grey (screenshot)", async () => {
    const now = Date.parse("2027-03-15T03:12:00Z");
    // A still picture: the page without its live script, so no feed replaces the fixture.
    const html = regionDashboard
      .page(provinceFixture(now), now, { url: `/api/regions/${P}-fixture/live?view=dashboard&token=dev-display`, seq: 0 })
      .replace(/<script src="\/static\/display\/live\.js"[^>]*><\/script>/, "");
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.route(`${baseUrl()}/wall`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(`${baseUrl()}/wall`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.locator(".hall-row.over").count()).toBeGreaterThan(0);
    expect(await page.locator(".hall-row.stale").count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
    expect(overflow).toBe(false);
    await screenshot(page, "region-dashboard");
    await page.close();
  });
});

describe("the public list of halls", () => {
  it("on a phone, needs no token and puts the nearest hall first once the position is shared", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      geolocation: { latitude: 24.32, longitude: 109.42 },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/regions/${P}/halls`);
    await expect.poll(() => page.locator(".hall-card").count(), { timeout: 10_000 }).toBe(2);
    await page.click("#nearest");
    await page.waitForURL(/near=24\.32/);
    expect(await page.locator(".hall-card").first().getAttribute("data-hall")).toBe(`${P}-liuzhou`);
    expect(await page.locator(".hall-card").first().locator(".distance").textContent()).toMatch(/km/);
    const text = await page.locator("main").textContent();
    expect(text).toContain("预计");
    expect(text).not.toMatch(/[A-D]\d{3}/);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, "region-halls-phone");
    await context.close();
  });
});

describe("the kiosk's nearby halls", () => {
  it("over the alarm line, the slip offers a hall of the same region with a shorter wait", async () => {
    const county = `${P}-wz-cx`;
    await region(county, "苍梧县", `${P}-wz`);
    const busy = await demoLikeHall(`${P}-busy`, (c) => {
      c.name = "苍梧县公安服务中心";
      c.region = county;
      c.alarmMinutes = 1;
      c.booking = { ...c.booking, ...ALL_DAY };
      c.windows = c.windows.map((w: any, i: number) => ({ ...w, state: i === 0 ? "open" : "closed" }));
    });
    const quiet = await demoLikeHall(`${P}-quiet`, (c) => {
      c.name = "苍梧县石桥派出所";
      c.region = county;
      c.address = "苍梧县石桥镇";
      c.booking = { ...c.booking, ...ALL_DAY };
    });
    for (let i = 0; i < 4; i++) expect((await api("kiosk", "POST", `/api/halls/${busy}/tickets`, { category: "household" })).status).toBe(201);
    // Both halls' reports reach the county.
    await expect
      .poll(async () => (await api("display", "GET", `/api/regions/${county}`)).body.totals.halls, { timeout: 10_000, interval: 200 })
      .toBe(2);
    const page = await open(`/halls/${busy}/kiosk?token=dev-kiosk&print=off`, { viewport: { width: 1280, height: 800 } });
    await page.click('[data-category="household"]');
    const offer = page.locator('.nearby [data-hall]');
    await expect.poll(() => offer.count(), { timeout: 5000 }).toBe(1);
    expect(await offer.getAttribute("data-hall")).toBe(quiet);
    expect(await offer.textContent()).toContain("苍梧县石桥派出所");
    expect(await page.locator(".nearby h3").textContent()).toContain("附近大厅");
    await page.close();
  });
});

/** A province of 14 cities: a few halls over the line, one silent, the rest within it. */
function provinceFixture(now: number) {
  const cities = ["南宁", "柳州", "桂林", "梧州", "北海", "防城港", "钦州", "贵港", "玉林", "百色", "贺州", "河池", "来宾", "崇左"];
  const MIN = 60_000;
  const rows: HallRow[] = [];
  cities.forEach((city, i) => {
    for (let j = 0; j < 3; j++) {
      const oldest = [3, 7, 4, 16, 5, 9, 2, 6, 12, 8, 1, 5][(i * 3 + j) % 12]!;
      const report: HallReport = {
        hall: `hall-${i}-${j}`,
        name: `${city}市${["第一", "城区", "开发区"][j]}公安服务中心`,
        region: `gx-${i}`,
        seq: 100,
        reportedAt: i === 1 && j === 0 ? now - 5 * MIN : now - 3000,
        day: "2027-03-15",
        waiting: 4 + ((i * 7 + j * 3) % 23),
        beingServed: 3,
        windowsOpen: 4 + (j % 3),
        windowsTotal: 8,
        officersOnDuty: 4,
        oldestQueuedAt: now - oldest * MIN - 20_000,
        alarmMinutes: 10,
        waitsCounted: 40 + i,
        meanWaitMinutes: 2.5 + ((i + j * 5) % 8) * 0.9,
        p90WaitMinutes: 8 + ((i + j) % 8),
        issuedToday: 120 + i * 9 + j * 17,
        servedToday: 100 + i * 8 + j * 13,
        categories: [],
        location: null,
        address: null,
      };
      rows.push({ ...report, via: `gx-${i}` });
    }
  });
  return viewOf(
    { region: "gx", name: { "zh-Hans": "广西壮族自治区", en: "Guangxi" }, parent: null },
    cities.map((c, i) => ({ region: `gx-${i}`, name: { "zh-Hans": `${c}市` } })),
    rows,
    now,
  );
}
