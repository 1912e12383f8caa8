/**
 * Who is calling, from whatever they present: a bearer token (integrations, devices set up the
 * old way, tests), a paired device's credential cookie (worker/access/device-cookie.ts) or a
 * signed-in person's session cookie (worker/access/session-cookie.ts). The API, the pages and the
 * live feed all ask here, so a screen paired by a code and a console signed in by a person are
 * let in by the same rules as a token.
 */
import type { Context } from "hono";
import type { Env } from "../env.js";
import { originAllowed, presentedToken, principalFor, tokenTable, type Principal } from "./tokens.js";
import { deviceCaller } from "./device-cookie.js";
import { withRegionHalls } from "./region-scope.js";
import { sessionCaller } from "./session-cookie.js";

export type Via = "token" | "device" | "session";

export type Caller =
  | { ok: true; principal: Principal; via: Via; token: string | null }
  | { ok: false; status: 401 | 503; message: string };

// Any route's context: only the request and the bindings are read here.
type AnyContext = Context<any>;

/** The caller of this request for `hall`, or why there is none. */
export async function callerOf(c: AnyContext, hall: string | undefined, { allowQuery }: { allowQuery: boolean }): Promise<Caller> {
  const table = tokenTable(c.env);
  if (!table.ok) return { ok: false, status: 503, message: table.problem };
  const token = presentedToken(c.req.raw, { allowQuery });
  if (token) {
    const principal = principalFor(table.tokens, token);
    if (!principal) return { ok: false, status: 401, message: "this token is not valid for Tongban" };
    return { ok: true, principal: await withRegionHalls(c.env, principal, hall), via: "token", token };
  }
  for (const [via, resolve] of [["session", sessionCaller], ["device", deviceCaller]] as const) {
    const found = await resolve(c, hall);
    if (found === "invalid") return { ok: false, status: 401, message: `this ${via === "device" ? "device" : "sign-in"} is no longer valid` };
    if (found) return { ok: true, principal: found, via, token: null };
  }
  return { ok: false, status: 401, message: "send a token (Authorization: Bearer <token>), or sign in" };
}

/**
 * A write let in by a cookie must come from a page of this Worker (or an allowed origin): a
 * browser sends the cookie with a foreign site's form too, so the Origin is the check.
 */
export function cookieWriteAllowed(c: AnyContext, via: Via): boolean {
  if (via === "token") return true;
  const method = c.req.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  return c.req.header("Origin") !== undefined && originAllowed(c.req.raw, c.env);
}
