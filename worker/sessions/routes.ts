/**
 * People sign in as themselves: `POST /api/halls/{hall}/sessions` with badge and password sets
 * the session cookie; `GET …/sessions/current` says who is signed in; `DELETE …/sessions/current`
 * signs out. The hall keeps the sessions and counts wrong passwords (worker/sessions/hall-sessions.object.ts).
 */
import { clientAddress } from "../access/client-address.js";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { originAllowed } from "../access/tokens.js";
import { cookieWriteAllowed } from "../access/caller.js";
import { errors, json, operation, publicRoute, SIGNED_IN } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import { SessionBody, STAFF_ACCESS } from "./schemas.js";
import { sessionCookieHeader, sessionParts } from "../access/session-cookie.js";
import { fail } from "../edge/errors.js";
import { presentedDevice } from "../access/device-cookie.js";
import { HOLD_MAX_MS, placeKey, type Place } from "./sign-in-limits.js";
import { HeldPlaces } from "./held-places.js";
import type { Refusal } from "../edge/refusal.js";
import type { SignInReply } from "./hall-sessions.object.js";
import { hallStub } from "../hall-object/stub.js";
import { HallApp } from "../edge/app.js";
import { Tarpit } from "./tarpit.js";

/** Refused tries of places that keep trying wait here before their answer; one per isolate. */
const tarpit = new Tarpit();
/** Places with a refusal held in the tarpit: their other tries meanwhile are refused here, without the hall object. */
const heldPlaces = new HeldPlaces<{ body: Refusal; retryAfterSeconds: number }>();

const Session = z
  .object({ staff: z.string(), name: z.string(), badge: z.string(), access: z.enum(STAFF_ACCESS), expiresAt: z.string() })
  .openapi("Session");

/**
 * Where a try comes from: this hall's paired device when the request carries its cookie (a
 * counter terminal, the console's box: never slowed by anyone else's wrong tries), else the
 * client's address (worker/access/client-address.ts: Cloudflare's CF-Connecting-IP, or
 * self-hosted the socket's peer that workerd gives, or the proxy's X-Forwarded-For entry when
 * TONGBAN_TRUST_PROXY says a proxy is in front).
 */
async function placeOf(c: Context, hall: string): Promise<Place> {
  const presented = await presentedDevice(c);
  if (presented && presented !== "invalid" && presented.hall === hall) return { kind: "device", id: presented.device.id, name: presented.device.name };
  return { kind: "client", address: clientAddress(c.req.raw, c.env) };
}

const deviceOf = (c: Context) => (c.req.header("X-Tongban-Device") ?? c.req.header("User-Agent") ?? "").slice(0, 120) || null;

export function sessionRoutes(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "post",
      path: "/api/halls/{hall}/sessions",
      operationId: "signIn",
      tags: ["Sessions"],
      summary: "Sign in with badge and password",
      description:
        "Sets the `tongban_session` cookie (HttpOnly, SameSite=Strict, 12 h). A wrong badge or password is one 401. No account is ever locked (badges are public): each place a try comes from waits instead — three wrong tries of a badge from one place are free, then 1 s, 2 s, 4 s … up to 15 min; ten over all badges, then the same; strangers together start at most 4 hashes a second after a burst of 30. A try that comes too soon, or while the same place's last try is still being checked, is 429 with Retry-After and is not checked at all; a place refused more than ten times since its last sign-in gets each further 429 only after a hold (250 ms, 500 ms, 1 s, then 2 s; Retry-After counts from the answer), so a script trying in a loop slows to a try or two a second; a try sent while one of the same place's refusals is held is refused in the Worker (429, held 2 s) without reaching the hall, and counted in its audit row with the place's next try. A place is this hall's paired device when the request carries its cookie (never slowed by anyone else's failures), else the client address (CF-Connecting-IP on Cloudflare; self-hosted, the socket's peer, or the trusted proxy's X-Forwarded-For entry with TONGBAN_TRUST_PROXY). Refused tries are audited as one `session_refused` row per place per minute, with a count. Only from a page of this server: the Origin header must be present and this server's (403 otherwise). No token needed: the badge and password are the check.",
      request: { params: S.HallParam, body: { content: { "application/json": { schema: SessionBody } }, required: true } },
      responses: {
        201: {
          ...json(z.object({ session: Session }), "Signed in; the cookie is set"),
          headers: { "Set-Cookie": { description: "`tongban_session=…; HttpOnly; SameSite=Strict`", schema: { type: "string" as const } } },
        },
        ...errors(400, 401, 403, 404, 413, 429),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      // A foreign page must not sign a browser in to an account of its choosing, and a request
      // without an Origin is no browser's: a script guessing passwords gets no cookie to use.
      if (!c.req.header("Origin") || !originAllowed(c.req.raw, c.env)) {
        return fail(c, 403, "forbidden", "sign in from a Tongban page: this request's Origin is foreign or missing", { origin: c.req.header("Origin") ?? null });
      }
      const { badge, password } = c.req.valid("json");
      const place = await placeOf(c, hall);
      const key = `${hall}|${placeKey(place)}`;
      c.header("Cache-Control", "no-store");
      // A try sent while this place's last refusal is still held is a script's: refused as that
      // one was, held as long as the tarpit's longest, and told to the hall with the place's next try.
      const known = heldPlaces.refuseHere(key);
      if (known) {
        await tarpit.hold(HOLD_MAX_MS);
        c.header("Retry-After", String(known.retryAfterSeconds));
        return c.json(known.body, 429) as never;
      }
      const reply = await hallStub(c.env, hall).signIn(hall, badge, password, deviceOf(c), place, heldPlaces.takeUntold(key));
      if (!reply) return fail(c, 404, "not_found", `没有这个大厅 · unknown hall "${hall}"`, { hall });
      if (reply.status === 201) {
        c.header("Set-Cookie", sessionCookieHeader(c.req.raw, c.env, reply.cookie, reply.maxAgeSeconds));
        return c.json(reply.body, 201);
      }
      const refused = reply as SignInReply;
      if (refused.status === 429) {
        // Held in the Worker, not in the hall object: the hall answers its other commands meanwhile.
        if (refused.holdMs > 0) {
          heldPlaces.begin(key, { body: refused.body, retryAfterSeconds: refused.retryAfterSeconds });
          try {
            await tarpit.hold(refused.holdMs);
          } finally {
            heldPlaces.end(key);
          }
        }
        c.header("Retry-After", String(refused.retryAfterSeconds));
      }
      return c.json(reply.body, reply.status) as never;
    },
  );

  app.openapi(
    operation({
      method: "get",
      path: "/api/halls/{hall}/sessions/current",
      operationId: "getCurrentSession",
      tags: ["Sessions"],
      summary: "Who is signed in",
      description: "The person signed in with this browser's session cookie in this hall; 401 if nobody.",
      security: SIGNED_IN,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ session: Session }), "The signed-in person"), ...errors(400, 401) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const parts = sessionParts(c.req.raw);
      const person = parts && parts !== "malformed" && parts.hall === hall ? await hallStub(c.env, hall).sessionOf(hall, parts.id, parts.secret) : null;
      c.header("Cache-Control", "no-store");
      if (!person) return fail(c, 401, "unauthorized", "未登录或登录已失效 · not signed in, or the sign-in has ended", {});
      return c.json({ session: person }, 200);
    },
  );

  app.openapi(
    operation({
      method: "delete",
      path: "/api/halls/{hall}/sessions/current",
      operationId: "signOut",
      tags: ["Sessions"],
      summary: "Sign out",
      description:
        "The session ends in the hall (its cookie then gets 401 everywhere) and the cookie is cleared; 404 when there is no live session to end. Only from a page of this server (its Origin is checked).",
      security: SIGNED_IN,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ signedOut: z.boolean() }), "Signed out"), ...errors(400, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const parts = sessionParts(c.req.raw);
      if (parts && !cookieWriteAllowed(c, "session")) {
        return fail(c, 403, "forbidden", "a signed-in change must come from a Tongban page: this request's Origin is foreign or missing", {
          origin: c.req.header("Origin") ?? null,
        });
      }
      const ended = parts && parts !== "malformed" && parts.hall === hall ? await hallStub(c.env, hall).signOut(hall, parts.id, parts.secret, deviceOf(c)) : false;
      c.header("Cache-Control", "no-store");
      // A dead cookie is cleared too, so the browser stops sending it.
      if (parts) c.header("Set-Cookie", sessionCookieHeader(c.req.raw, c.env, null));
      // Nothing to end is a missing thing, not a refusal: the request asked for no one's rights.
      if (!ended) return fail(c, 404, "not_found", "没有可退出的登录 · no sign-in to end here: not signed in, or it has already ended", {});
      return c.json({ signedOut: true }, 200);
    },
  );
}
