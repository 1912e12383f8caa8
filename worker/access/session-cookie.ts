/**
 * A signed-in person's session cookie → the principal they act as. The cookie is
 * `<hall>.<session id>.<secret>`: cookies belong to the origin, not the hall, so it names the
 * hall that keeps the session, and that hall checks it on every request (a revoked or expired
 * session fails at once; a changed access applies at once).
 */
import type { Context } from "hono";
import { personName, roleFor } from "../sessions/sessions.js";
import { isDevelopment, type Env } from "../env.js";
import type { Principal } from "./tokens.js";
import { cookieValue } from "./cookies.js";
import { hallStub } from "../hall-object/stub.js";

export const SESSION_COOKIE = "tongban_session";

export interface SessionParts {
  hall: string;
  id: string;
  secret: string;
}

export function sessionParts(request: Request): SessionParts | "malformed" | null {
  const raw = cookieValue(request, SESSION_COOKIE);
  if (!raw) return null;
  const match = /^([a-z0-9][a-z0-9-]{0,39})\.([0-9a-f]{32})\.([0-9a-f]{64})$/.exec(raw);
  return match ? { hall: match[1]!, id: match[2]!, secret: match[3]! } : "malformed";
}

/**
 * The person's principal, "invalid" for an expired, revoked or forged session, or null when
 * none is presented for this hall (a session kept by another hall does not sign in here).
 */
export async function sessionCaller(c: Context<any>, hall: string | undefined): Promise<Principal | "invalid" | null> {
  const parts = sessionParts(c.req.raw);
  if (parts === null) return null;
  if (parts === "malformed") return "invalid";
  if (hall !== undefined && parts.hall !== hall) return null;
  const env: Env = c.env;
  const person = await hallStub(env, parts.hall).sessionOf(parts.hall, parts.id, parts.secret);
  if (!person) return "invalid";
  return { role: roleFor(person.access), halls: [parts.hall], name: personName(person), staff: person.staff, badge: person.badge };
}

/**
 * The Set-Cookie header for a session (or, with null, one that clears it): HttpOnly so no
 * script can read it, SameSite=Strict so no other site's page sends it, Secure except on a
 * plain-http loopback address in development, where a browser would otherwise drop it.
 */
export function sessionCookieHeader(request: Request, env: Env, value: string | null, maxAgeSeconds = 0): string {
  const url = new URL(request.url);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  const secure = !(isDevelopment(env) && url.protocol === "http:" && loopback);
  return [
    `${SESSION_COOKIE}=${value ?? ""}`,
    "HttpOnly",
    "SameSite=Strict",
    "Path=/",
    `Max-Age=${value ? maxAgeSeconds : 0}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
