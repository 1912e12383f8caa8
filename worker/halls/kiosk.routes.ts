/**
 * The ticket kiosk's routes: take a number (optionally against an ID number, de-duplicated per
 * category) and check in an appointment — at the kiosk, or at a window by the same rule
 * (worker/core/check-in.ts). Each answers with the citizen's status-page link.
 */
import type { Context } from "hono";
import * as S from "../edge/schemas.js";
import { AppointmentParams, KioskIssueBody, KioskIssueReply, WindowCheckInBody } from "./kiosk.schemas.js";
import { WindowActionBody } from "./queue.schemas.js";
import { signTicket, ticketSecret } from "../access/ticket-token.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { execute, reply } from "../edge/execute.js";
import { FRONT_DESK, STAFF } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";

/** Adds the status-page path to an issue reply, and keeps the citizen's ID mark off the wire. */
async function withStatusPath(c: Context<any>, hall: string, r: { status: number; body: any }) {
  if (r.status !== 201) return r;
  const secret = ticketSecret(c.env);
  const { citizen: _, ...shown } = r.body.ticket;
  const statusPath = secret.ok ? `/t/${await signTicket(secret.secret, hall, shown.id)}` : null;
  return { status: 201, body: { ...r.body, ticket: shown, statusPath } };
}

export function kioskRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/kiosk/tickets",
      operationId: "issueKioskTicket",
      tags: ["Tickets"],
      summary: "Take a number at the kiosk",
      description:
        "An ID number, if given, is checked (GB 11643) and kept only as a keyed hash and its last 4 digits; the same ID may hold one active ticket per category (409). The reply carries the citizen's status-page path. Roles: kiosk, manager, admin.",
      middleware: [allow(FRONT_DESK)] as const,
      request: { params: S.HallParam, ...body(KioskIssueBody) },
      responses: {
        201: json(KioskIssueReply, "Issued, with the citizen's status-page path"),
        ...errors(400, 401, 403, 404, 409, 413, 503),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { category, priority, idNumber, commandId } = c.req.valid("json");
      const r = await execute(c, hall, { type: "issue", category, priority }, { commandId, sensitive: idNumber ? { citizenId: idNumber } : {} });
      return reply(c, await withStatusPath(c, hall, r));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/appointments/{code}/check-in",
      operationId: "checkInAppointment",
      tags: ["Appointments"],
      summary: "Check in an appointment",
      description: "Issues an appointment-priority ticket for the booking, once, on the booked day. Roles: kiosk, manager, admin.",
      middleware: [allow(FRONT_DESK)] as const,
      request: { params: AppointmentParams, ...body(WindowActionBody) },
      responses: { 201: json(KioskIssueReply, "Checked in"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, code } = c.req.valid("param");
      const r = await execute(c, hall, { type: "check_in", code }, { commandId: c.req.valid("json").commandId });
      return reply(c, await withStatusPath(c, hall, r));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/windows/{window}/check-in",
      operationId: "checkInAtWindow",
      tags: ["Appointments"],
      summary: "Check in a booking or a ticket from home at a window",
      description:
        "The window terminal checks a citizen in by the code of their booking or ticket from home (typed, or scanned: spaces are dropped), by the kiosk's rule: a booking becomes an appointment-priority ticket in its category's queue, a ticket from home is no longer on the way and keeps its place. Neither is put on the window: it is called in turn (`POST …/call`), so the call is announced and its wait counted. The audit row names the officer on the window and the window. An unknown code is 404 `unknown_appointment`; a code already used, for another day or expired is 409 with `details` (`ticket`, `day`, `status`); a counter bound to other windows 403. Roles: counter (its own windows), manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.WindowParams, ...body(WindowCheckInBody) },
      responses: { 201: json(KioskIssueReply, "Checked in: the ticket, in the queue"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { code, commandId } = c.req.valid("json");
      const r = await execute(c, hall, { type: "check_in", code, window }, { commandId });
      return reply(c, await withStatusPath(c, hall, r));
    },
  );
}
