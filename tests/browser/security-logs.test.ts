/**
 * What `wrangler dev` writes down while real pages run: every page is opened in Chromium with
 * its `?token=`, its live socket connects and receives an update, an officer signs in with a
 * PIN, a citizen takes a number against an ID number and opens the status link. Everything the
 * dev server printed (wrangler's request lines and the Worker's own console output, stdout and
 * stderr) must hold none of the secrets the test used. This test starts its own server, because
 * it reads that server's log.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoConfig } from "../../worker/demo/hall.js";
import { PAGES } from "../../worker/pages/routes.js";
import { CHROMIUM_ARGS, CHROMIUM } from "./harness.js";
import { startDevServer, type DevServer } from "./server.js";
import { chromium } from "playwright-core";

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ROLES = ["display", "counter", "kiosk", "manager", "admin"] as const;
/** An 8-digit PIN and a valid GB 11643 ID number: long enough never to turn up in a log by chance. */
const PIN = "73916248";
const ID_NUMBER = "11010519491231002X";

async function api(role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** wrangler's own request lines: `[wrangler:info] GET /path 200 OK (12ms)`, written without the query. */
const requestLines = () => server.log().split("\n").filter((l) => l.includes("[wrangler:info]"));
const socketLines = () => requestLines().filter((l) => / \/\S*\/live 101 /.test(l)).length;

/** Waits until wrangler has logged one more live socket than `before`: the page's socket connected. */
async function socketLogged(before: number, what: string): Promise<void> {
  await expect.poll(socketLines, { message: `${what}: its live socket never reached the server`, timeout: 15_000 }).toBeGreaterThan(before);
}

describe("the dev server's log", () => {
  it("never holds a token, PIN or ID number, though every page is opened with ?token= and its socket carries it", async () => {
    const hall = "logs";
    expect((await api("admin", "PUT", `/api/halls/${hall}`, demoConfig())).status).toBe(201);
    expect((await api("manager", "PUT", `/api/halls/${hall}/staff/046150`, { name: "周丽", badge: "046150", role: "officer", pin: PIN })).status).toBeLessThan(300);
    expect((await api("counter", "POST", `/api/halls/${hall}/staff/046150/sign-in`, { window: "4", pin: PIN })).status).toBe(200);
    const issued = await api("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic", idNumber: ID_NUMBER });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket.citizen).toBeUndefined();
    // The status link is the citizen's secret; without it this test would skip the status page.
    expect(issued.body.statusPath).toMatch(new RegExp(`^/t/${hall}_[^/]+_[A-Za-z0-9_-]{22}$`));
    const ticketToken: string = issued.body.statusPath.slice("/t/".length);

    for (const p of PAGES) {
      const role = ROLES.find((r) => (p.roles as string[]).includes(r))!;
      const before = socketLines();
      const page = await browser.newPage();
      await page.goto(`${server.url}${p.path.replace(":hall", hall).replace(":window", "5")}?token=dev-${role}`);
      await socketLogged(before, p.path);
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/halls/${hall}/display?token=dev-display`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await page.waitForFunction(() => document.querySelector("#now-calling")?.textContent?.includes("C001"));
    await page.close();

    const beforeStatus = socketLines();
    const status: Page = await browser.newPage();
    await status.goto(`${server.url}${issued.body.statusPath}`);
    await status.waitForFunction(() => document.querySelector("#status-ticket")?.textContent?.includes("C001"));
    await socketLogged(beforeStatus, "the status page");
    await status.close();

    // A last request after all the others: once wrangler has logged it, it has printed everything
    // the requests before it made the Worker write.
    const marker = `/log-marker-${Date.now()}`;
    expect((await fetch(`${server.url}${marker}`)).status).toBe(404);
    await expect.poll(() => requestLines().some((l) => l.includes(marker)), { timeout: 15_000 }).toBe(true);

    const log = server.log();
    expect(requestLines().some((l) => l.includes("/live"))).toBe(true);
    // The status link is a path, so wrangler's line for the status page, its QR code and its
    // socket names it by design; it may appear there and nowhere else.
    const ownLine = new RegExp(`^\\[wrangler:info\\] GET /(api/)?t/${ticketToken}(/live|/qr\\.svg)? \\d{3} `);
    const secrets = [...ROLES.map((r) => `dev-${r}`), "token=", "Bearer", PIN, ID_NUMBER, ticketToken, ticketToken.slice(-22)];
    const leaks = log
      .split("\n")
      .filter((l) => !ownLine.test(l.trim()))
      .filter((l) => secrets.some((s) => l.includes(s)));
    expect(leaks).toEqual([]);
  }, 120_000);
});
