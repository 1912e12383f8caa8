/**
 * The manager console's routes: staff accounts, appointments, previews of window changes and
 * the audit log. Managers and admins only.
 */
import { z } from "@hono/zod-openapi";
import type { Command } from "../core/commands.js";
import * as S from "../edge/schemas.js";
import { AuditQuery } from "../event-log/schemas.js";
import { Appointment, AppointmentBody, AppointmentListQuery, AppointmentParams } from "./kiosk.schemas.js";
import { PreviewBody } from "./queue.schemas.js";
import { StaffBody, StaffMember, StaffParams } from "../sessions/schemas.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { execute, reply } from "../edge/execute.js";
import { fail } from "../edge/errors.js";
import { outOfRange } from "../edge/refusal.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";

const StaffReply = z.object({ staff: StaffMember });

const AuditEntry = z
  .object({
    id: z.number(),
    at: z.string(),
    role: z.string(),
    actor: z.string().openapi({ description: "Who: a token's name, or a signed-in person with their badge; never a token" }),
    device: z.string().nullable(),
    action: z.string().openapi({ example: "call" }),
    target: z.string().nullable().openapi({ example: "window:5" }),
    commandId: z.string().nullable(),
    detail: z.string().nullable(),
    seqFrom: z.number().nullable().openapi({ description: "The first event the action made; null for none" }),
    seqTo: z.number().nullable(),
  })
  .openapi("AuditEntry");

export function managerRoutes(app: HallApp): void {
  // Issue 22 §1: the console's storage alarms (worker/hall-object/storage-alarms.ts) stay until acknowledged or the day ends.
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/storage-alarms/acknowledge",
      operationId: "acknowledgeStorageAlarms",
      tags: ["Halls"],
      summary: "Acknowledge the storage alarms",
      description:
        "When the storage guard refuses a write (a row over the platform's 2 MB limit), the manager console shows a storage alarm until a manager acknowledges it here or the hall's day ends. Answers how many were acknowledged. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ acknowledged: z.number().int() }).openapi("StorageAlarmsAcknowledged"), "Acknowledged"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const n = await hallStub(c.env, hall).acknowledgeStorageAlarms(hall);
      if (n === null) return fail(c, 404, "unknown_hall", `unknown hall "${hall}"`, { hall }) as never;
      return c.json({ acknowledged: n }, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "put",
      path: "/api/halls/{hall}/staff/{staff}",
      operationId: "saveStaffAccount",
      tags: ["Staff"],
      summary: "Create or update a staff account",
      description:
        "Create (201) or update (200): name, badge, rank (role), what they may do signed in (access: manager or counter), and optionally a PIN and a sign-in password, stored hashed and never returned. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: StaffParams, ...body(StaffBody) },
      responses: { 200: json(StaffReply, "Updated"), 201: json(StaffReply, "Created"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, staff: id } = c.req.valid("param");
      const { name, badge, role, access, pin, password, commandId } = c.req.valid("json");
      const change = (secret: string | null | undefined) => (secret === undefined ? "keep" : secret === null ? "clear" : "set");
      const command: Command = {
        type: "save_staff",
        staff: { id, name, badge, role, ...(access ? { access } : {}) },
        pin: change(pin),
        password: change(password),
      };
      const sensitive = { ...(pin ? { pin } : {}), ...(password ? { password } : {}) };
      return reply(c, await execute(c, hall, command, { commandId, sensitive }));
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/staff/{staff}",
      operationId: "removeStaffAccount",
      tags: ["Staff"],
      summary: "Remove a staff account",
      description: "One signed in at a window must sign out first (409). Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: StaffParams },
      responses: { 200: json(StaffReply, "Removed"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { hall, staff } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "remove_staff", staff }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/appointments",
      operationId: "bookAppointment",
      tags: ["Appointments"],
      summary: "Book an appointment",
      description:
        "For the booking system or the manager: returns a six-digit code the citizen checks in with at the kiosk on the booked day. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(AppointmentBody) },
      responses: {
        201: json(z.object({ appointment: z.object({ code: z.string(), category: z.string(), day: z.string() }).passthrough() }), "Booked"),
        ...errors(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { category, day, note, commandId } = c.req.valid("json");
      const command: Command = { type: "book_appointment", code: "", category, day: day ?? "", ...(note ? { note } : {}) };
      return reply(c, await execute(c, hall, command, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/appointments",
      operationId: "listAppointments",
      tags: ["Appointments"],
      summary: "List appointments",
      description: "The bookings for a day (?date=YYYY-MM-DD; without it, every day from today), in booking order. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: AppointmentListQuery },
      responses: { 200: json(z.object({ date: z.string().nullable(), appointments: z.array(Appointment) }), "The bookings"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date } = c.req.valid("query");
      const list = await hallStub(c.env, hall).appointments(hall, date ?? null);
      if (!list) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json({ date: date ?? null, appointments: list }) as never;
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/appointments/{code}",
      operationId: "cancelAppointment",
      tags: ["Appointments"],
      summary: "Cancel an appointment",
      description: "A booking not yet checked in: its code stops working at the kiosk; 409 once checked in. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: AppointmentParams },
      responses: { 200: json(z.object({ appointment: Appointment }), "Cancelled"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { hall, code } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "cancel_appointment", code }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/preview",
      operationId: "previewWindowChanges",
      tags: ["Planning"],
      summary: "Preview window changes",
      description: "What opening, closing or re-assigning windows would do to the estimated waits, without applying anything. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(PreviewBody) },
      responses: {
        200: json(z.object({ seq: z.number(), categories: z.array(z.any()), windows: z.array(z.any()) }), "Waits before and after"),
        ...errors(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const commands: Command[] = c.req.valid("json").windows.map(({ window, state, categories }) => ({ type: "set_window", window, state, categories }));
      const r = await hallStub(c.env, hall).preview(hall, commands);
      if (!r) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return reply(c, r);
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/audit",
      operationId: "listAuditEntries",
      tags: ["Audit"],
      summary: "Read the audit log",
      description: "Newest first: who did what, when, from which device; page with ?before= the previous reply's `next`. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: AuditQuery },
      responses: { 200: json(z.object({ entries: z.array(AuditEntry), next: z.number().nullable() }), "Audit rows"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { limit, before } = c.req.valid("query");
      const n = limit === undefined ? 50 : Number(limit);
      if (n < 1 || n > 200) return fail(c, 400, "invalid", "limit must be from 1 to 200", { limit: "from 1 to 200" }, [outOfRange("limit", n, 1, 200)]);
      const page = await hallStub(c.env, hall).audit(hall, n, before === undefined ? null : Number(before));
      if (!page) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json(page, 200) as never;
    },
  );
}
