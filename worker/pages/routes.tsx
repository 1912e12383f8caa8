/**
 * The pages people open: screens, announcer, consoles. Each is a live view rendered by the
 * hall object (first paint and every update from the same components).
 */
import type { Hono } from "hono";
import type { Watcher } from "../access/roles.js";
import type { Env } from "../env.js";
import { presentedToken } from "../access/tokens.js";
import { pageAccess } from "../access/page-access.js";
import { Page } from "./layout.js";
import { loginRoutes, loginUrl, withSignedInBar } from "../sessions/login.js";
import { pairRoutes } from "../devices/pair.js";
import { deviceCaller, renewDeviceCookie } from "../access/device-cookie.js";
import { statusRoutes } from "./status.routes.js";
import { bookPageRoutes } from "../appointments/book.routes.js";
import { regionPageRoutes } from "../regions/pages.routes.js";
import { pageLang } from "../i18n/lang.js";
import { hallStub } from "../hall-object/stub.js";
import { VIEWS } from "./registry.js";

/**
 * Path → view name. Who may open a page is its view's role group (`roles` on each view in
 * worker/pages/registry.ts), the same the live feed and the hall object check; it is repeated
 * here, read from the view, only for whoever lists the pages.
 */
const PATHS: Array<[path: string, view: string]> = [
  ["/halls/:hall/display", "main"],
  ["/halls/:hall/announcer", "announcer"],
  ["/halls/:hall/windows/:window/screen", "window"],
  ["/halls/:hall/windows/:window/evaluator", "evaluator"],
  ["/halls/:hall/dashboard", "dashboard"],
  ["/halls/:hall/counter/:window", "counter"],
  ["/halls/:hall/kiosk", "kiosk"],
  ["/halls/:hall/manage", "manage"],
];

export const PAGES: Array<{ path: string; view: string; roles: Watcher[] }> = PATHS.map(([path, view]) => ({ path, view, roles: [...VIEWS[view]!.roles] }));

/** Pages a person opens for themselves: without a token or a sign-in, they go to the login page. */
const SIGN_IN_PAGES = new Set(["counter", "manage"]);

/**
 * Staff consoles: shown in the language a request asks for (`?lang=`, else Accept-Language).
 * The hall's citizen-facing devices (kiosk, evaluator) take `?lang=` only and otherwise speak
 * the hall's language (worker/i18n/lang.ts `hallLang`), whatever the box's locale; hall screens
 * and the announcer are bilingual by design and take none.
 */
export const LANGUAGE_PAGES = new Set(["counter", "manage"]);

function problemPage(_status: number, message: string, link?: { href: string; text: string }, refreshTo?: string): string {
  return Page({
    title: "Tongban",
    bodyClass: "problem",
    children: (
      <main style="display:grid;place-items:center;align-content:center;gap:1em;height:100vh;font-size:max(18px,3vmin);padding:4vmin;text-align:center">
        <p style="margin:0">{message}</p>
        {refreshTo && <meta http-equiv="refresh" content={`3;url=${refreshTo}`} />}
        {link && (
          <p style="margin:0">
            <a href={link.href} style="color:#ffcc33">
              {link.text}
            </a>
          </p>
        )}
      </main>
    ),
  }).toString();
}

export function pageRoutes(app: Hono<{ Bindings: Env }>): void {
  statusRoutes(app);
  bookPageRoutes(app);
  regionPageRoutes(app);
  loginRoutes(app, problemPage);
  pairRoutes(app);
  for (const { path, view, roles } of PAGES) {
    app.get(path, async (c) => {
      const hall = c.req.param("hall") ?? "";
      if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(hall)) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
      const access = await pageAccess(c, hall, roles);
      const here = new URL(c.req.url);
      const tokenGiven = presentedToken(c.req.raw, { allowQuery: true }) !== null;
      // A revoked device is refused like any stale credential, and starts again at /pair, which forgets its cookie.
      if (!access.ok && access.status === 401 && !tokenGiven && (await deviceCaller(c, hall)) === "invalid") {
        return c.html(problemPage(401, access.message, { href: "/pair", text: "重新配对 · Pair this device again" }, "/pair"), 401);
      }
      if (!access.ok && access.status === 401 && SIGN_IN_PAGES.has(view) && !tokenGiven) {
        return c.redirect(loginUrl(hall, here.pathname + here.search, here.searchParams.get("lang")), 302);
      }
      if (!access.ok && access.status === 403 && SIGN_IN_PAGES.has(view) && !tokenGiven) {
        const link = { href: loginUrl(hall, here.pathname + here.search, here.searchParams.get("lang")), text: "以其他身份登录 · Sign in as someone else" };
        return c.html(problemPage(403, access.message, link), 403);
      }
      if (!access.ok) return c.html(problemPage(access.status, access.message), access.status);
      const query: Record<string, string> = { ...c.req.param() };
      delete query.hall;
      for (const [k, v] of new URL(c.req.url).searchParams) if (k !== "token") query[k] = v;
      if (LANGUAGE_PAGES.has(view)) {
        query.lang = pageLang(here.searchParams.get("lang"), c.req.header("Accept-Language"));
        c.header("Vary", "Accept-Language");
      }
      const stub = hallStub(c.env, hall);
      const page = await stub.page(hall, view, query, access.principal.role, access.token, access.principal.windows);
      if (!page.html) return c.html(problemPage(page.status, page.problem ?? "not found"), page.status as 404);
      c.header("Cache-Control", "no-store");
      if (access.via === "device") renewDeviceCookie(c);
      return c.html(access.via === "session" && SIGN_IN_PAGES.has(view) ? withSignedInBar(page.html, hall, access.principal, pageLang(query.lang, null)) : page.html);
    });
  }
}
