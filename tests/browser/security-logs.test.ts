/**
 * What `wrangler dev` writes down while real pages run: every page is opened in Chromium with
 * its `?token=`, its live socket connects and receives an update, and a citizen opens a status
 * link. The dev server's log (one line per request) must hold no role token. This test starts
 * its own server, because it reads that server's log.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoConfig } from "../../worker/demo.js";
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

async function api(role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe("the dev server's request log", () => {
  it("never holds a token, though every page is opened with ?token= and its socket carries it", async () => {
    const hall = "logs";
    expect((await api("admin", "PUT", `/api/halls/${hall}`, demoConfig())).status).toBe(201);
    const issued = await api("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic" });
    const roles = ["display", "counter", "kiosk", "manager", "admin"];
    for (const p of PAGES) {
      const role = roles.find((r) => (p.roles as string[]).includes(r))!;
      const page = await browser.newPage();
      await page.goto(`${server.url}${p.path.replace(":hall", hall).replace(":window", "5")}?token=dev-${role}`);
      await page.waitForTimeout(300);
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/halls/${hall}/display?token=dev-display`);
    await page.waitForFunction(() => (window as any).tongbanLive && document.querySelector("#live-status")?.hasAttribute("hidden"));
    await api("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await page.waitForFunction(() => document.querySelector("#now-calling")?.textContent?.includes("C001"));
    await page.close();
    if (issued.body.statusPath) {
      const status = await browser.newPage();
      await status.goto(`${server.url}${issued.body.statusPath}`);
      await status.waitForTimeout(500);
      await status.close();
    }
    await new Promise((r) => setTimeout(r, 500));

    const lines = server.log().split("\n").filter((l) => l.includes("[wrangler:info]"));
    expect(lines.some((l) => l.includes("/live"))).toBe(true);
    const leaks = lines.filter((l) => /token=|dev-(admin|manager|counter|kiosk|display)/.test(l));
    expect(leaks).toEqual([]);
  }, 120_000);
});
