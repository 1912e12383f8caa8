/**
 * The manager's 预约 tab (issue 26 §5): capacity against bookings for a day and service, and
 * blocks — a day or a half hour closed to bookings (a meeting, an outage), whose bookings are
 * kept and listed for a call. Blocking is a hall command (worker/core/booking-blocks.ts): in the
 * event log and the audit, and its events reach managers only (EVENT_READERS).
 */
import { z } from "@hono/zod-openapi";
import { allow } from "../access/allow.js";
import { CALLERS_BACK, MANAGERS } from "../access/roles.js";
import { MAX_REASON } from "../core/booking-blocks.js";
import type { HallApp } from "../edge/app.js";
import { fail } from "../edge/errors.js";
import { execute, reply } from "../edge/execute.js";
import { body, errors, json, route } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import { hallStub } from "../hall-object/stub.js";
import { Day, HalfHour, Slot, SlotsQuery } from "./routes.js";

export const BookingBlock = z
  .object({
    id: z.string().openapi({ example: "2026-12-09.1000.*" }),
    day: z.string(),
    from: z.string().nullable().openapi({ description: "The half hour; null for the whole day" }),
    category: z.string().nullable().openapi({ description: "One service; null for every service" }),
    reason: z.string(),
    blockedAt: z.string(),
    contacted: z.array(z.string()).openapi({ description: "Codes of the bookings on it marked 已通知" }),
  })
  .openapi("BookingBlock");

const BlockBody = z
  .strictObject({
    date: Day,
    from: HalfHour.nullable().optional().openapi({ description: "One half hour; absent or null blocks the whole day" }),
    category: S.slug.nullable().optional().openapi({ description: "One service; absent or null blocks every service" }),
    reason: z.string().trim().min(1).max(MAX_REASON).openapi({ example: "消防演练 fire drill" }),
    commandId: S.CommandId.optional(),
  })
  .openapi("BookingBlockRequest");

const BlockParams = S.HallParam.extend({
  block: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.(day|\d{4})\.[A-Za-z0-9*_-]+$/, "a block id such as 2026-12-09.1000.*")
    .openapi({ param: { name: "block", in: "path" }, example: "2026-12-09.1000.*" }),
});

const Board = z
  .object({
    date: z.string(),
    category: z.string(),
    days: z.array(z.string()).openapi({ description: "The days citizens may book, as the booking page offers them" }),
    slots: z.array(Slot),
    blocks: z.array(BookingBlock).openapi({ description: "Every block from today on" }),
    toCall: z
      .array(
        z.object({
          block: z.string(),
          code: z.string(),
          day: z.string(),
          slot: z.string().nullable(),
          category: z.string(),
          note: z.string().nullable(),
          mobile: z.string().nullable().openapi({ description: "Whole, for the call: this list only" }),
          contacted: z.boolean(),
        }),
      )
      .openapi({ description: "Bookings kept on a blocked day or half hour, not yet checked in: the hall calls each" }),
    noShows: z.array(z.object({ code: z.string(), day: z.string(), slot: z.string(), category: z.string(), mobile: z.string().nullable().openapi({ description: "Masked" }) })),
    blockedPeople: z.array(z.object({ person: z.string().openapi({ description: "The start of the hall's keyed hash of the ID number" }), noShows: z.number().int(), until: z.string(), mobile: z.string().nullable() })),
  })
  .openapi("BookingBoard");

const BlockReply = z.object({ block: BookingBlock });

export function bookingBlockRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/booking-board",
      operationId: "bookingBoard",
      tags: ["Appointments"],
      summary: "Capacity against bookings, blocks and no-shows (the 预约 tab)",
      description:
        "For `date` and `category`: each half hour's capacity and bookings by the booking page's own rule, blocked ones named; every block from today on; the bookings kept on a block and not yet checked in, each with its mobile number whole for the hall's call (the only place it is whole); the no-shows of the last 7 days and who the no-show rule stops from booking, until when (masked). Roles: manager, admin.",
      middleware: [allow(CALLERS_BACK)] as const,
      request: { params: S.HallParam, query: SlotsQuery },
      responses: { 200: json(Board, "The board"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date, category } = c.req.valid("query");
      c.header("Cache-Control", "no-store");
      const r = await hallStub(c.env, hall).bookingBoard(hall, date, category);
      if (!r) return fail(c, 404, "unknown_hall", `unknown hall "${hall}"`, { hall });
      return reply(c, r);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/booking-blocks",
      operationId: "blockBookings",
      tags: ["Appointments"],
      summary: "Close a day or a half hour to bookings",
      description:
        "A meeting, an outage: `date` with `from` (one half hour) or without (the whole day), for `category` or every service, with a reason. The booking page stops offering it and booking it is 409 naming the block; bookings already on it are kept and listed on GET /booking-board for a call. A past day, one past `appointmentDays`, a time off the half hour or an unknown service is refused; the same block twice is 409. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(BlockBody) },
      responses: { 201: json(BlockReply, "Blocked"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date, from, category, reason, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "block_bookings", day: date, from: from ?? null, category: category ?? null, reason }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/booking-blocks/{block}",
      operationId: "unblockBookings",
      tags: ["Appointments"],
      summary: "Open a blocked day or half hour to bookings again",
      description: "Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: BlockParams },
      responses: { 200: json(BlockReply, "Open again"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, block } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "unblock_bookings", block }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/booking-blocks/{block}/contacted",
      operationId: "markBookingContacted",
      tags: ["Appointments"],
      summary: "Mark a booking on a block as told (已通知)",
      description: "The hall has called the citizen whose booking lies under the block. Once per booking (409 again). Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: BlockParams, ...body(z.strictObject({ code: z.string().regex(/^\d{6}$/, "a six-digit code") }).openapi("BookingContacted")) },
      responses: { 200: json(BlockReply, "Marked"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, block } = c.req.valid("param");
      const { code } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "mark_contacted", block, code }));
    },
  );
}
