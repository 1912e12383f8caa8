/**
 * Staff sign in as themselves (工作人员登录) at `/halls/{hall}/login`: badge number and password,
 * big enough for a phone at 390×844 and a counter PC alike. login.js posts to the sessions API
 * and goes on to the console the person may use: a manager to the console, an officer to the
 * window they choose here (or to `?next=`, where a terminal sent them from). Once signed in, the
 * consoles carry a bar naming the person with a 退出登录 button (session.js).
 */
import type { Hono } from "hono";
import { raw } from "hono/html";
import type { Principal } from "../access/tokens.js";
import { safeNext } from "./sessions.js";
import type { HallSnapshot } from "../core/snapshot.js";
import type { Env } from "../env.js";
import { LOGIN, LOGIN_SCRIPT } from "../i18n/catalogue/login.js";
import { isLang, pageLang, type Lang } from "../i18n/lang.js";
import { both, named, say, sayAfter } from "../i18n/words.js";
import { Bi, LangSwitch, Pair, scriptWords } from "../pages/console-kit.js";
import { Page } from "../pages/layout.js";
import { hallStub } from "../hall-object/stub.js";

type LoginWindow = Pick<HallSnapshot["windows"][number], "id" | "number" | "label" | "state"> & { officerId: string | null; officerName: string | null };

type LoginProps = { hall: string; name: string; windows: LoginWindow[]; next: string | null; lang: Lang; chosen: Lang | null };

/** A console's address in the language chosen on the login page (none when it came from the browser). */
function inLang(path: string, chosen: Lang | null): string {
  return chosen ? `${path}${path.includes("?") ? "&" : "?"}lang=${chosen}` : path;
}

function LoginPage({ hall, name, windows, next, lang, chosen }: LoginProps) {
  const config = { hall, next, lang: chosen, words: scriptWords(lang, LOGIN_SCRIPT) };
  const here = (l: Lang) => `?${new URLSearchParams({ ...(next ? { next } : {}), lang: l })}`;
  return Page({
    title: `${say(lang, LOGIN.title)} · ${name}`,
    lang,
    bodyClass: "console login-page",
    styles: ["/static/display/consoles.css", "/static/display/login.css"],
    scripts: ["/static/display/words.js", "/static/display/login.js"],
    children: (
      <main class="login">
        <script type="application/json" id="tongban-login">
          {raw(JSON.stringify(config).replaceAll("<", "\\u003c"))}
        </script>
        <form id="login-form" class="login-card" novalidate>
          <p class="hall-name">{name}</p>
          <h1>
            <Bi lang={lang} m={LOGIN.title} />
          </h1>
          <label>
            <Bi lang={lang} m={LOGIN.badge} />
            <input name="badge" autocomplete="username" autocapitalize="characters" spellcheck={false} maxlength={20} required />
          </label>
          <label>
            <Bi lang={lang} m={LOGIN.password} />
            <input name="password" type="password" autocomplete="current-password" maxlength={200} required />
          </label>
          <p id="login-message" class="login-message" role="alert" aria-live="assertive" hidden></p>
          <button type="submit" class="primary login-submit">
            <Bi lang={lang} m={LOGIN.signIn} />
          </button>
          <p class="login-note muted">
            <Bi lang={lang} m={LOGIN.note} />
          </p>
          <LangSwitch lang={lang} href={here} />
        </form>
        <section id="choose-window" class="login-card choose-window" hidden>
          <h1>
            <Bi lang={lang} m={LOGIN.chooseWindow} />
          </h1>
          <p id="choose-who" class="muted"></p>
          <ul class="window-choices">
            {windows.map((w) => (
              <li>
                <a class={`window-choice is-${w.state}`} href={inLang(`/halls/${hall}/counter/${encodeURIComponent(w.id)}`, chosen)} data-window={w.id} data-officer={w.officerId ?? ""}>
                  <b>{w.number}</b>
                  <Bi
                    lang={lang}
                    m={w.officerName ? LOGIN.windowOnDuty : LOGIN.window}
                    vars={{ label: w.label, number: w.number, officer: w.officerName ?? "" }}
                  />
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
export function signedInBar(hall: string, principal: Principal, lang: Lang = "zh-Hans"): string {
  const access = named(principal.role === "manager" ? LOGIN.managerConsole : LOGIN.windowTerminal);
  return (
    <>
      <link rel="stylesheet" href="/static/display/signed-in.css" />
      <div id="signed-in" class="signed-in" data-hall={hall} data-staff={principal.staff ?? ""}>
        <span class="who">
          {/* The person's name leads in every language; what they signed in to follows in English. */}
          <Pair first={principal.name} second={lang === "en" ? say(lang, LOGIN.signedIn, { access }) : sayAfter(lang, LOGIN.signedIn, { access })} lang="en" />
        </span>
        <button type="button" class="small secondary" data-sign-out data-failed={both(lang, LOGIN_SCRIPT.signOutFailed)}>
          <Bi lang={lang} m={LOGIN.signOut} />
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
export function withSignedInBar(html: string, hall: string, principal: Principal, lang: Lang = "zh-Hans"): string {
  const bar = signedInBar(hall, principal, lang);
  if (html.includes('<nav class="tabs"')) return html.replace('<nav class="tabs"', `${bar}<nav class="tabs"`);
  return html.replace(/<body[^>]*>/, (body) => body + bar);
}

/** `/halls/{hall}/login?next=…` for a page that needs a sign-in, in the language the page was asked in. */
export function loginUrl(hall: string, next: string, lang?: string | null): string {
  return `/halls/${hall}/login?${new URLSearchParams({ next, ...(isLang(lang) ? { lang } : {}) })}`;
}

export function loginRoutes(app: Hono<{ Bindings: Env }>, problemPage: (status: number, message: string) => string): void {
  app.get("/halls/:hall/login", async (c) => {
    const hall = c.req.param("hall");
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(hall)) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
    const snapshot = await hallStub(c.env, hall).snapshot(hall);
    if (!snapshot) return c.html(problemPage(404, `没有这个大厅 · unknown hall "${hall}"`), 404);
    const windows = snapshot.windows.map((w) => ({ id: w.id, number: w.number, label: w.label, state: w.state, officerId: w.officer?.id ?? null, officerName: w.officer?.name ?? null }));
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "same-origin");
    const asked = c.req.query("lang");
    const chosen = isLang(asked) ? asked : null;
    const lang = pageLang(asked, c.req.header("Accept-Language"));
    c.header("Vary", "Accept-Language");
    return c.html(LoginPage({ hall, name: snapshot.hall.name, windows, next: safeNext(hall, c.req.query("next")), lang, chosen }));
  });
}
