/**
 * What /pair asks, with no token: a code to show, then, once a manager has typed it, the
 * device's credential as an HttpOnly cookie and the page to open. The browser that asked for
 * a code holds a random secret in its own cookie; only that browser collects the credential.
 */
import { clientAddress } from "../access/client-address.js";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { PAIRING_TTL_MS } from "./pairing.js";
import { sha256 } from "./hall-devices.object.js";
import { pairingStub } from "./pairing-stubs.js";
import { originAllowed } from "../access/tokens.js";
import { cookieValue } from "../access/cookies.js";
import { errors, json, publicRoute } from "../edge/openapi.js";
import { secureCookies, setDeviceCookie } from "../access/device-cookie.js";
import * as S from "../edge/schemas.js";
import { fail } from "../edge/errors.js";
import { HallApp } from "../edge/app.js";

export const PAIRING_COOKIE = "tongban_pairing";
const SECRET_SHAPE = /^[0-9a-f]{64}$/;

const Waiting = z.object({
  state: z.literal("waiting"),
  code: z.string().openapi({ example: "048213" }),
  expiresAt: z.string(),
  expiresInSeconds: z.number().openapi({ description: "count down with this: a TV box's own clock is often wrong" }),
});

const Status = z
  .union([Waiting, z.object({ state: z.literal("expired") }), z.object({ state: z.literal("paired"), location: z.string().openapi({ example: "/halls/demo/display" }) })])
  .openapi("PairingStatus");

function pairing(c: Context<any>) {
  return pairingStub(c.env);
}

function setPairingCookie(c: Context<any>, secret: string, maxAge: number): void {
  setCookie(c, PAIRING_COOKIE, secret, { path: "/api/pairing", maxAge, httpOnly: true, sameSite: "Strict", secure: secureCookies(c) });
}

const waiting = (code: string, expiresAt: number, now: number) => ({
  state: "waiting" as const,
  code,
  expiresAt: new Date(expiresAt).toISOString(),
  expiresInSeconds: Math.max(0, Math.round((expiresAt - now) / 1000)),
});

export function pairingRoutes(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "post",
      path: "/api/pairing",
      operationId: "requestPairingCode",
      tags: ["Devices"],
      summary: "Get a pairing code to show",
      description:
        "For a device that belongs to no hall yet (the /pair page), no token: a six-digit code valid 10 minutes, bound to this browser by the HttpOnly `tongban_pairing` cookie. A manager types it into the hall's console (pairDevice).",
      responses: {
        201: json(Waiting, "The code to show"),
        ...errors(403),
        429: json(S.ErrorBody, "Too many devices wait to pair right now"),
      },
    }),
    async (c) => {
      if (c.req.header("Origin") !== undefined && !originAllowed(c.req.raw, c.env)) {
        return fail(c, 403, "forbidden", "配对只能从本站页面发起 · pairing must start from a Tongban page", { origin: c.req.header("Origin") });
      }
      const kept = cookieValue(c.req.raw, PAIRING_COOKIE);
      const secret = kept && SECRET_SHAPE.test(kept) ? kept : [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
      // The client's address (worker/access/client-address.ts): Cloudflare's, or workerd's peer self-hosted.
      const client = clientAddress(c.req.raw, c.env);
      const started = await pairing(c).start(await sha256(secret), client);
      if (started === "client") {
        return fail(c, 429, "too_many", `此地址等待配对的设备过多，请几分钟后再试 · too many devices from this address wait to pair; try again in a few minutes`);
      }
      if (!started) {
        return fail(c, 429, "too_many", "等待配对的设备过多，请几分钟后再试 · too many devices are waiting to pair; try again in a few minutes");
      }
      setPairingCookie(c, secret, PAIRING_TTL_MS / 1000 + 600);
      c.header("Cache-Control", "no-store");
      return c.json(waiting(started.code, started.expiresAt, started.now), 201);
    },
  );

  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/pairing/status",
      operationId: "getPairingStatus",
      tags: ["Devices"],
      summary: "Whether the code was typed in yet",
      description:
        "Asked by the /pair page with its `tongban_pairing` cookie, no token: waiting (with the code), expired (ask for a new code), or paired: then the `tongban_device` cookie is set and `location` is the page to open. Without the cookie: expired.",
      responses: { 200: json(Status, "waiting, expired (ask for a new code), or paired"), ...errors(401) },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      const secret = cookieValue(c.req.raw, PAIRING_COOKIE);
      if (!secret) return c.json({ state: "expired" as const }, 200);
      if (!SECRET_SHAPE.test(secret)) {
        return fail(c, 401, "unauthorized", "配对凭据无效，请重新获取配对码 · the pairing cookie is not valid; ask for a new code", { cookie: PAIRING_COOKIE });
      }
      const status = await pairing(c).status(await sha256(secret));
      if (status.state === "paired") {
        const { hall, device, credential, location } = status.delivery;
        setDeviceCookie(c, hall, device, credential);
        setPairingCookie(c, "", 0);
        return c.json({ state: "paired" as const, location }, 200);
      }
      if (status.state === "expired") return c.json({ state: "expired" as const }, 200);
      return c.json(waiting(status.code, status.expiresAt, status.now), 200);
    },
  );
}
