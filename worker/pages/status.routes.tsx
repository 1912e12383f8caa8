/**
 * The citizen's status page needs no login: `/t/{token}` is a link signed by the server
 * (worker/access/ticket-token.ts). A link that does not verify is a 404; a server without
 * TONGBAN_TICKET_SECRET refuses to serve status pages at all (503).
 */
import type { Hono } from "hono";
import { renderSVG } from "uqr";
import { CITIZEN } from "../access/roles.js";
import { ticketSecret, verifyTicket } from "../access/ticket-token.js";
import type { Env } from "../env.js";
import { STATUS_PAGE } from "../i18n/catalogue/status.js";
import { pageLang, type Lang } from "../i18n/lang.js";
import { both } from "../i18n/words.js";
import { Page } from "./layout.js";
import { hallStub } from "../hall-object/stub.js";

function problem(message: string, lang: Lang): string {
  return Page({
    title: "Tongban",
    lang,
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
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    c.header("Vary", "Accept-Language");
    const secret = ticketSecret(c.env);
    if (!secret.ok) return c.html(problem(both(lang, STATUS_PAGE.unavailable, { problem: secret.problem }), lang), 503);
    const token = c.req.param("token");
    const target = await verifyTicket(secret.secret, token);
    if (!target) return c.html(problem(both(lang, STATUS_PAGE.invalidLink), lang), 404);
    const stub = hallStub(c.env, target.hall);
    const page = await stub.page(target.hall, "status", { ticket: target.ticket, access: token, lang }, CITIZEN, token);
    if (!page.html) return c.html(problem(page.problem ?? "not found", lang), page.status as 404);
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
