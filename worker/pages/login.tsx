/**
 * Staff sign in as themselves (工作人员登录) at `/halls/{hall}/login`: badge number and password,
 * big enough for a phone at 390×844 and a counter PC alike. login.js posts to the sessions API
 * and goes on to the console the person may use: a manager to the console, an officer to the
 * window they choose here (or to `?next=`, where a terminal sent them from). Once signed in, the
 * consoles carry a bar naming the person with a 退出登录 button (session.js).
 */
import type { Hono } from "hono";
import { raw } from "hono/html";
import type { Principal } from "../api/auth.js";
import { safeNext } from "../core/sessions.js";
import type { HallSnapshot } from "../core/snapshot.js";
import type { Env } from "../env.js";
import { Bi } from "./console-kit.js";
import { Page } from "./layout.js";

type LoginWindow = Pick<HallSnapshot["windows"][number], "id" | "number" | "label" | "state"> & { officerId: string | null; officerName: string | null };

function LoginPage({ hall, name, windows, next }: { hall: string; name: string; windows: LoginWindow[]; next: string | null }) {
  const config = { hall, next };
  return Page({
    title: `工作人员登录 · ${name}`,
    bodyClass: "console login-page",
    styles: ["/static/display/consoles.css", "/static/display/login.css"],
    scripts: ["/static/display/login.js"],
    children: (
      <main class="login">
        <script type="application/json" id="tongban-login">
          {raw(JSON.stringify(config).replaceAll("<", "\\u003c"))}
        </script>
        <form id="login-form" class="login-card" novalidate>
          <p class="hall-name">{name}</p>
          <h1>
            <Bi zh="工作人员登录" en="Staff sign-in" />
          </h1>
          <label>
            <Bi zh="警号" en="Badge number" />
            <input name="badge" autocomplete="username" autocapitalize="characters" spellcheck={false} maxlength={20} required />
          </label>
          <label>
            <Bi zh="密码" en="Password" />
            <input name="password" type="password" autocomplete="current-password" maxlength={200} required />
          </label>
          <p id="login-message" class="login-message" role="alert" aria-live="assertive" hidden></p>
          <button type="submit" class="primary login-submit">
            <Bi zh="登录" en="Sign in" />
          </button>
          <p class="login-note muted">
            <Bi zh="账号和密码由大厅管理员在「人员」页设置" en="Your hall's manager sets accounts and passwords on the Staff tab" />
          </p>
        </form>
        <section id="choose-window" class="login-card choose-window" hidden>
          <h1>
            <Bi zh="选择窗口" en="Choose your window" />
          </h1>
          <p id="choose-who" class="muted"></p>
          <ul class="window-choices">
            {windows.map((w) => (
              <li>
                <a class={`window-choice is-${w.state}`} href={`/halls/${hall}/counter/${encodeURIComponent(w.id)}`} data-window={w.id} data-officer={w.officerId ?? ""}>
                  <b>{w.number}</b>
                  <Bi zh={`号窗口 · ${w.label}`} en={w.officerName ? `Window ${w.number} · on duty: ${w.officerName}` : `Window ${w.number}`} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      </main>
    ),
  }).toString();
}

/** The line at the top of a console opened with a sign-in: who it is, and the way out. */
export function signedInBar(hall: string, principal: Principal): string {
  const access = principal.role === "manager" ? "manager console" : "window terminal";
  return (
    <>
      <link rel="stylesheet" href="/static/display/signed-in.css" />
      <div id="signed-in" class="signed-in" data-hall={hall} data-staff={principal.staff ?? ""}>
        <span class="who">
          <Bi zh={principal.name} en={`signed in · ${access}`} />
        </span>
        <button type="button" class="small secondary" data-sign-out>
          <Bi zh="退出登录" en="Sign out" />
        </button>
      </div>
      <script src="/static/display/session.js" defer></script>
    </>
  ).toString();
}

/**
 * Puts the signed-in bar in a console: in the manager console's header, before its tabs (the
 * header is not a live region, so no update replaces it); elsewhere first in the body.
 */
export function withSignedInBar(html: string, hall: string, principal: Principal): string {
  const bar = signedInBar(hall, principal);
  if (html.includes('<nav class="tabs"')) return html.replace('<nav class="tabs"', `${bar}<nav class="tabs"`);
  return html.replace(/<body[^>]*>/, (body) => body + bar);
}

/** `/halls/{hall}/login?next=…` for a page that needs a sign-in. */
export function loginUrl(hall: string, next: string): string {
  return `/halls/${hall}/login?${new URLSearchParams({ next })}`;
}

export function loginRoutes(app: Hono<{ Bindings: Env }>, problemPage: (status: number, message: string) => string): void {
  app.get("/halls/:hall/login", async (c) => {
    const hall = c.req.param("hall");
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(hall)) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
    const snapshot = await c.env.HALL.get(c.env.HALL.idFromName(hall)).snapshot(hall);
    if (!snapshot) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
    const windows = snapshot.windows.map((w) => ({ id: w.id, number: w.number, label: w.label, state: w.state, officerId: w.officer?.id ?? null, officerName: w.officer?.name ?? null }));
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "same-origin");
    return c.html(LoginPage({ hall, name: snapshot.hall.name, windows, next: safeNext(hall, c.req.query("next")) }));
  });
}
