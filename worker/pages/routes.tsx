/**
 * The pages people open: screens, announcer, consoles. Each is a live view rendered by the
 * hall object (first paint and every update from the same components).
 */
import type { Hono } from "hono";
import type { Role } from "../api/auth.js";
import type { Env } from "../env.js";
import { pageAccess } from "./auth.js";
import { Page } from "./layout.js";
import { statusRoutes } from "./status-routes.js";
import { regionPageRoutes } from "./region-routes.js";

const ANY: Role[] = ["admin", "manager", "counter", "kiosk", "display"];

/** Path → view name, and the roles that may open it. */
export const PAGES: Array<{ path: string; view: string; roles: Role[] }> = [
  { path: "/halls/:hall/display", view: "main", roles: ANY },
  { path: "/halls/:hall/announcer", view: "announcer", roles: ANY },
  { path: "/halls/:hall/windows/:window/screen", view: "window", roles: ANY },
  { path: "/halls/:hall/dashboard", view: "dashboard", roles: ANY },
  { path: "/halls/:hall/counter/:window", view: "counter", roles: ["admin", "manager", "counter"] },
  { path: "/halls/:hall/kiosk", view: "kiosk", roles: ["admin", "manager", "kiosk"] },
  { path: "/halls/:hall/manage", view: "manage", roles: ["admin", "manager"] },
];

function problemPage(status: number, message: string): string {
  return Page({
    title: "Tongban",
    bodyClass: "problem",
    children: (
      <main style="display:grid;place-items:center;height:100vh;font-size:3vmin;padding:4vmin;text-align:center">
        <p>{message}</p>
      </main>
    ),
  }).toString();
}

export function pageRoutes(app: Hono<{ Bindings: Env }>): void {
  statusRoutes(app);
  regionPageRoutes(app);
  for (const { path, view, roles } of PAGES) {
    app.get(path, async (c) => {
      const hall = c.req.param("hall") ?? "";
      if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(hall)) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
      const access = await pageAccess(c, hall, roles);
      if (!access.ok) return c.html(problemPage(access.status, access.message), access.status);
      const query: Record<string, string> = { ...c.req.param() };
      delete query.hall;
      for (const [k, v] of new URL(c.req.url).searchParams) if (k !== "token") query[k] = v;
      const stub = c.env.HALL.get(c.env.HALL.idFromName(hall));
      const page = await stub.page(hall, view, query, access.principal.role, access.token);
      if (!page.html) return c.html(problemPage(page.status, page.problem ?? "not found"), page.status as 404);
      c.header("Cache-Control", "no-store");
      return c.html(page.html);
    });
  }
}
