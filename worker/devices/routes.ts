/**
 * The hall's devices, for its managers: pair the device showing a code, list the fleet with
 * who is online, re-assign a device (its page follows within a second) or revoke it (its
 * credential is refused from then on). The hall decides; see worker/devices/hall-devices.object.ts.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { DEVICE_KINDS } from "./devices.js";
import type { FleetRequest } from "./hall-devices.object.js";
import type { Actor } from "../hall-object/protocol.js";
import * as S from "../edge/schemas.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { reply } from "../edge/execute.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "a zone id: lowercase letters, digits and dashes");
const windowId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "a window id: letters, digits, _ and -, at most 32");
const kind = z.enum(DEVICE_KINDS, { error: `one of ${DEVICE_KINDS.join(", ")}` });
const name = z.string().trim().min(1, "give the device a name").max(40, "at most 40 characters");

const PairBody = z
  .strictObject({
    code: z.string().regex(/^\d{6}$/, "the six digits the device shows").openapi({ example: "048213" }),
    kind,
    name: name.openapi({ example: "东区主屏" }),
    zone: slug.nullable().optional(),
    window: windowId.nullable().optional(),
  })
  .openapi("DevicePair");

const MoveBody = z
  .strictObject({ kind: kind.optional(), name: name.optional(), zone: slug.nullable().optional(), window: windowId.nullable().optional() })
  .openapi("DeviceMove");

const DeviceParams = S.HallParam.extend({
  device: z.string().regex(/^[0-9a-f]{12}$/, "a device id").openapi({ param: { name: "device", in: "path" }, example: "3f9a0c21d4e7" }),
});

const deviceFields = z.object({ id: z.string(), kind, name: z.string(), zone: z.string().nullable(), window: z.string().nullable(), pairedAt: z.string() });
const Device = deviceFields.openapi("Device");

// Extends the fields, not the registered Device: an allOf without a type, which extending it
// writes, is refused by Scalar's reference at /api/docs (issue 25 §9).
const DeviceHealth = deviceFields.extend({
  online: z.boolean(),
  onlineSince: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  userAgent: z.string().nullable(),
  screen: z.object({ width: z.number().nullable(), height: z.number().nullable() }),
  sound: z.boolean().nullable().optional().openapi({ description: "announcers only: whether the page's sound is on" }),
  version: z.string().nullable(),
}).openapi("DeviceHealth");

function actorOf(c: Context<any>): Actor {
  const principal = c.get("principal");
  const device = (c.req.header("X-Tongban-Device") ?? c.req.header("User-Agent") ?? "").slice(0, 120) || null;
  return { role: principal.role, name: principal.name, device };
}

async function ask(c: Context<any>, hall: string, request: FleetRequest): Promise<never> {
  const answer = await hallStub(c.env, hall).fleet(hall, request);
  if (!answer) return fail(c, 404, "not_found", `没有这个大厅 · unknown hall "${hall}"`, { hall });
  return reply(c, answer);
}

export function deviceRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/devices",
      operationId: "pairDevice",
      tags: ["Devices"],
      summary: "Pair a device",
      description:
        "The device showing `code` on /pair becomes a main screen, window screen, data wall, announcer, kiosk or counter terminal; within 2 s it opens its page, signed in by a cookie. 404 for a wrong, used or expired code; 409 (details.cap `devices`) when the hall already has 1,000 devices, and the code keeps waiting. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(PairBody) },
      responses: {
        201: json(z.object({ device: Device }), "Paired"),
        ...errors(400, 401, 403, 404, 409, 413),
        429: json(S.ErrorBody, "More than 10 wrong codes in a minute from this manager"),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { code, kind, name, zone, window } = c.req.valid("json");
      return ask(c, hall, { op: "pair", code, assignment: { kind, name, zone: zone ?? null, window: window ?? null }, actor: actorOf(c) });
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/devices",
      operationId: "listDevices",
      tags: ["Devices"],
      summary: "List devices",
      description: "What each is, whether it is online now, when it was last seen, its screen and software. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ devices: z.array(DeviceHealth) }), "Every paired device"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => ask(c, c.req.valid("param").hall, { op: "list" }),
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}/devices/{device}",
      operationId: "updateDevice",
      tags: ["Devices"],
      summary: "Re-assign or rename a device",
      description: "Its page switches within 2 s. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: DeviceParams, ...body(MoveBody) },
      responses: { 200: json(z.object({ device: Device }), "The device now"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { hall, device } = c.req.valid("param");
      const change = Object.fromEntries(Object.entries(c.req.valid("json")).filter(([, v]) => v !== undefined));
      return ask(c, hall, { op: "move", id: device, change, actor: actorOf(c) });
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/devices/{device}",
      operationId: "revokeDevice",
      tags: ["Devices"],
      summary: "Revoke a device",
      description: "Its credential gets 401 everywhere and its page goes back to /pair within 2 s. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: DeviceParams },
      responses: { 200: json(z.object({ device: Device }), "Revoked"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, device } = c.req.valid("param");
      return ask(c, hall, { op: "revoke", id: device, actor: actorOf(c) });
    },
  );
}
