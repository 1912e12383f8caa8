/**
 * First paint and weight of every page: `npm run bench:pages`.
 *
 * Each page in worker/pages/routes.tsx (and a citizen's status page) is opened BENCH_PAGE_RUNS
 * (5) times in a fresh Chromium context (cold cache) at 1920×1080 against a fresh
 * `wrangler dev`, with a hall in mid-morning state. From Chromium's performance timeline:
 * first paint, first contentful paint, DOMContentLoaded and load (medians, ms from navigation
 * start), and the bytes transferred (compressed) and decoded for the page and everything it
 * loads. `npm run bench:screens` measures the screens' gzip weights and call-to-screen in detail.
 */
import { chromium } from "playwright-core";
import { PAGES } from "../../worker/pages/routes.js";
import { api, demoHall, devServer, machine, print, progress } from "./support.js";

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PREFERRED = ["display", "counter", "kiosk", "manager", "admin"];

/** Read inside the page from Chromium's performance timeline. */
const TIMELINE = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
  const resources = performance.getEntriesByType("resource");
  const sum = (k) => resources.reduce((n, r) => n + r[k], 0);
  return {
    firstPaint: paint["first-paint"] ?? NaN,
    firstContentfulPaint: paint["first-contentful-paint"] ?? NaN,
    domContentLoaded: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    htmlBytes: nav.decodedBodySize,
    transferBytes: nav.transferSize + sum("transferSize"),
    decodedBytes: nav.decodedBodySize + sum("decodedBodySize"),
    requests: resources.length + 1,
  };
})()`;

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor((s.length - 1) / 2)]!) : null;
};

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  const hall = "bench-pages";
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  try {
    await demoHall(server.url, hall);
    for (let i = 0; i < 20; i++) await api(server.url, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: ["household", "traffic", "exit-entry"][i % 3] });
    for (const w of ["1", "2", "3", "5"]) await api(server.url, "counter", "POST", `/api/halls/${hall}/windows/${w}/call`);
    const kiosk = await api(server.url, "kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household" });

    const targets = PAGES.map((p) => {
      const role = PREFERRED.find((r) => (p.roles as string[]).includes(r))!;
      return { page: p.view, path: `${p.path.replace(":hall", hall).replace(":window", "5")}?token=dev-${role}` };
    });
    if (kiosk.body?.statusPath) targets.push({ page: "status", path: kiosk.body.statusPath });

    for (const t of targets) {
      const runs: Array<Record<string, number>> = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const page = await context.newPage();
        const res = await page.goto(`${server.url}${t.path}`, { waitUntil: "load" });
        if (!res || res.status() !== 200) throw new Error(`${t.path}: ${res?.status()}`);
        await page.waitForTimeout(300);
        runs.push(
          // A string, not a function: tsx's name helpers do not exist inside the page.
          (await page.evaluate(TIMELINE)) as Record<string, number>,
        );
        await context.close();
      }
      progress(`pages: ${t.page} done`);
      const pick = (k: string) => median(runs.map((r) => r[k]!));
      print({
        measurement: "pages.first-paint",
        page: t.page,
        runs: RUNS,
        firstPaintMs: pick("firstPaint"),
        firstContentfulPaintMs: pick("firstContentfulPaint"),
        domContentLoadedMs: pick("domContentLoaded"),
        loadMs: pick("load"),
        htmlBytes: pick("htmlBytes"),
        transferBytes: pick("transferBytes"),
        decodedBytes: pick("decodedBytes"),
        requests: pick("requests"),
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
