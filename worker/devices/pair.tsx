/**
 * `/pair`: the page a new screen, announcer PC, kiosk or terminal opens once. It shows a
 * six-digit code across the room; a manager types it in 管理台 → 设备, and the page turns into
 * the device's assigned page, let in by a cookie from then on (pair.js does the asking).
 * A device that is already paired goes straight to its page; a revoked one starts again here.
 */
import type { Hono } from "hono";
import { clearDeviceCookie, presentedDevice } from "../access/device-cookie.js";
import type { Env } from "../env.js";
import { locationOf } from "./devices.js";
import { PAIRING_TTL_MS } from "./pairing.js";
import { Page } from "../pages/layout.js";

const MINUTES = PAIRING_TTL_MS / 60_000;

export function PairPage() {
  return Page({
    title: "设备配对 · Pair this device",
    bodyClass: "pair-page",
    styles: ["/static/display/pair.css"],
    scripts: ["/static/display/pair.js"],
    children: (
      <main class="pair">
        <h1>
          设备配对 <span lang="en">Pair this device</span>
        </h1>
        <p id="pair-code" class="pair-code" aria-live="polite" aria-label="配对码 pairing code">
          ······
        </p>
        <p class="pair-valid">
          <b>{MINUTES} 分钟内有效</b> <span id="pair-countdown" class="countdown"></span>
          <span lang="en">Valid for {MINUTES} minutes; a new code appears when it runs out</span>
        </p>
        <p class="pair-how">
          请在管理台 → 设备 中输入此配对码
          <span lang="en">Type this code in the manager console → Devices (设备)</span>
        </p>
        <p id="pair-state" class="pair-state" role="status">
          正在获取配对码… <span lang="en">Getting a code…</span>
        </p>
      </main>
    ),
  }).toString();
}

export function pairRoutes(app: Hono<{ Bindings: Env }>): void {
  app.get("/pair", async (c) => {
    c.header("Cache-Control", "no-store");
    const presented = await presentedDevice(c);
    if (presented === "invalid") clearDeviceCookie(c);
    else if (presented) return c.redirect(locationOf(presented.hall, presented.device), 302);
    return c.html(PairPage());
  });
}
