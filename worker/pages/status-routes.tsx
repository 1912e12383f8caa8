/**
 * The citizen's status page needs no login: `/t/{token}` is a link signed by the server
 * (worker/api/ticket-token.ts). A link that does not verify is a 404; a server without
 * TONGBAN_TICKET_SECRET refuses to serve status pages at all (503).
 */
import type { Hono } from "hono";
import { renderSVG } from "uqr";
import { ticketSecret, verifyTicket } from "../api/ticket-token.js";
import type { Env } from "../env.js";
import { Page } from "./layout.js";

function problem(message: string): string {
  return Page({
    title: "Tongban",
    bodyClass: "status-page",
    styles: ["/static/display/status.css"],
    children: (
      <main class="status">
        <section class="status-ticket gone">
          <p class="state">{message}</p>
        </section>
      </main>
    ),
  }).toString();
}

export function statusRoutes(app: Hono<{ Bindings: Env }>): void {
  app.get("/t/:token", async (c) => {
    const secret = ticketSecret(c.env);
    if (!secret.ok) return c.html(problem(`状态页暂不可用 · Status pages are not set up on this server: ${secret.problem}`), 503);
    const token = c.req.param("token");
    const target = await verifyTicket(secret.secret, token);
    if (!target) return c.html(problem("无效的链接，请扫描号票上的二维码 · This link is not valid: scan the QR code on your ticket"), 404);
    const stub = c.env.HALL.get(c.env.HALL.idFromName(target.hall));
    const page = await stub.page(target.hall, "status", { ticket: target.ticket, access: token }, "citizen", token);
    if (!page.html) return c.html(problem(page.problem ?? "not found"), page.status as 404);
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(page.html);
  });

  app.get("/t/:token/qr.svg", async (c) => {
    const secret = ticketSecret(c.env);
    if (!secret.ok) return c.text(secret.problem, 503);
    const token = c.req.param("token");
    if (!(await verifyTicket(secret.secret, token))) return c.text("not found", 404);
    const svg = renderSVG(`${new URL(c.req.url).origin}/t/${token}`, { border: 1, ecc: "M" });
    c.header("Content-Type", "image/svg+xml");
    c.header("Cache-Control", "private, max-age=86400");
    return c.body(svg);
  });
}
