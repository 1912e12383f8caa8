/**
 * Citizens book from their phones (issue 26): the half hours that have room, and a booking.
 * Public — no credential — and limited per client in the hall object (bookings.object.ts). The
 * booking is checked in at the kiosk by its code (`POST /api/halls/{hall}/appointments/{code}/check-in`).
 */
import { clientAddress } from "../access/client-address.js";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { signBooking } from "../access/booking-token.js";
import { signTicket, ticketSecret } from "../access/ticket-token.js";
import { fail } from "../edge/errors.js";
import { reply } from "../edge/execute.js";
import { refusal } from "../edge/refusal.js";
import { body, errors, json, publicRoute } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import type { HallApp } from "../edge/app.js";
import { hallStub } from "../hall-object/stub.js";
import type { StoredReply } from "../hall-object/storage.js";
import { CitizenId } from "../halls/kiosk.schemas.js";
import { MOBILE } from "./booking.js";

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
export const HalfHour = z.string().regex(/^([01]\d|2[0-3]):(00|30)$/, "the start of a half hour, HH:00 or HH:30");

export const SlotsQuery = z.object({
  date: Day.openapi({ param: { name: "date", in: "query" }, example: "2026-12-08" }),
  category: S.slug.openapi({ param: { name: "category", in: "query" }, example: "id" }),
});

export const Slot = z
  .object({
    from: z.string().openapi({ example: "09:00" }),
    to: z.string().openapi({ example: "09:30" }),
    capacity: z.number().int().openapi({ description: "Bookings this half hour takes: window-minutes for the service × bookingShare ÷ its service minutes" }),
    booked: z.number().int(),
    open: z.boolean().openapi({ description: "Room left, not begun and not blocked: offered to citizens" }),
    blocked: z.string().nullable().openapi({ description: "Why the hall closed this half hour to bookings (a meeting, an outage), or null" }),
    block: z.string().nullable().openapi({ description: "The block's id, or null" }),
  })
  .openapi("BookingSlot");

export const BookingBody = z
  .strictObject({
    category: S.slug,
    date: Day,
    from: HalfHour,
    idNumber: CitizenId,
    mobile: z
      .string()
      .transform((m) => m.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(MOBILE, "an 11-digit mainland mobile number, 1[3-9]…"))
      .openapi({ type: "string", example: "13812345678", description: "Kept until the booking's day plus 7 days; managers see it masked" }),
  })
  .openapi("Booking");

export const BookingReply = z
  .object({
    code: z.string().openapi({ example: "482913", description: "Checked in at the kiosk on the day" }),
    date: z.string(),
    from: z.string(),
    to: z.string(),
    category: z.string(),
    statusUrl: z.string().openapi({ description: "The booking's status page (cancel there), a signed link" }),
  })
  .openapi("BookingReply");

/** The client a booking is counted against (worker/access/client-address.ts): never a header a client can write. */
export function clientOf(c: Context): string {
  return clientAddress(c.req.raw, c.env);
}

const Mobile = z
  .string()
  .transform((m) => m.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(MOBILE, "an 11-digit mainland mobile number, 1[3-9]…"))
  .openapi({ type: "string", example: "13812345678", description: "Kept until the day plus 7 days, for reminders; managers see it masked" });

export const RemoteTicketBody = z
  .strictObject({ category: S.slug, idNumber: CitizenId, mobile: Mobile })
  .openapi("RemoteTicket");

export const RemoteTicketReply = z
  .object({
    code: z.string().openapi({ example: "482913", description: "Checked in at the kiosk (or a window) on arrival; until then the ticket is on the way" }),
    ticket: z.object({ id: z.string(), number: z.string(), category: z.string(), status: z.string() }).passthrough(),
    ahead: z.number().int(),
    estimatedWaitMinutes: z.number().nullable().openapi({ description: "The status page's own estimate" }),
    statusUrl: z.string().openapi({ description: "The ticket's status page, a signed link: it rings when called and says why if the ticket expires" }),
  })
  .openapi("RemoteTicketReply");

export function bookingRoutes(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/halls/{hall}/booking-slots",
      operationId: "listBookingSlots",
      tags: ["Appointments"],
      summary: "Half hours with room to book",
      description:
        "The day's half hours for a service with what each can take and what is booked: capacity comes from the day's saved plan, else the hall's usual opening (`booking.opens`–`closes`) and windows, × `booking.share`. `days` lists the dates that can be booked (the next `booking.days` open days); a date outside them has no slots. No credential.",
      request: { params: S.HallParam, query: SlotsQuery },
      responses: {
        200: json(z.object({ date: z.string(), category: z.string(), days: z.array(z.string()), slots: z.array(Slot) }), "The half hours"),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date, category } = c.req.valid("query");
      const r = await hallStub(c.env, hall).bookingSlots(hall, date, category);
      if (!r) return fail(c, 404, "unknown_hall", `unknown hall "${hall}"`, { hall });
      return reply(c, r);
    },
  );

  app.openapi(
    publicRoute({
      method: "post",
      path: "/api/halls/{hall}/bookings",
      operationId: "bookOnline",
      tags: ["Appointments"],
      summary: "Book a half hour (citizen)",
      description:
        "A citizen books a half hour that has room. The ID number is checked (GB 11643) and kept only as the hall's keyed hash; one booking per person per hall per day (409); a full, begun or blocked half hour is 409 (a blocked one names the block: `details.block`, `details.reason`); `booking.noShowLimit` missed bookings in `booking.noShowDays` days block booking (403, with `details.until`). Each client may book 5 times in 10 minutes (429). No credential.",
      request: { params: S.HallParam, ...body(BookingBody) },
      responses: { 201: json(BookingReply, "Booked"), ...errors(400, 403, 404, 409, 413, 429, 503) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const r = await bookOnline(c, hall, c.req.valid("json"));
      return reply(c, r);
    },
  );

  app.openapi(
    publicRoute({
      method: "post",
      path: "/api/halls/{hall}/remote-tickets",
      operationId: "joinQueueFromHome",
      tags: ["Appointments"],
      summary: "Join today's queue from home (citizen, 线上取号)",
      description:
        "A citizen takes a number for today while a window serves the service. The ticket keeps its place but is *on the way* until checked in with `code` at the kiosk (`POST /api/halls/{hall}/appointments/{code}/check-in`) or a window; if it would be called first it steps back behind the next waiting citizen, at most `remoteHolds` times (default 3), then expires with the reason on its status page. A service's line holds at most `remoteShare` (default 0.3) of tickets on the way: one more is 409 with `details.cap` `remoteShare`. The ID number is checked (GB 11643) and kept only as the hall's keyed hash for the day; one ticket from home per person per hall per day (409). Each client may join 3 times in 10 minutes (429). No credential.",
      request: { params: S.HallParam, ...body(RemoteTicketBody) },
      responses: { 201: json(RemoteTicketReply, "On the way"), ...errors(400, 404, 409, 413, 429, 503) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return reply(c, await joinFromHome(c, hall, c.req.valid("json")));
    },
  );
}

/** Joins today's queue through the hall object and adds the ticket's signed status link; shared with the booking page's form. */
export async function joinFromHome(c: Context<any>, hall: string, join: z.output<typeof RemoteTicketBody>): Promise<StoredReply> {
  const secret = ticketSecret(c.env);
  if (!secret.ok) return { status: 503, body: refusal("not_configured", secret.problem) };
  const r: StoredReply | null = await hallStub(c.env, hall).joinRemote(hall, { ...join, client: clientOf(c) });
  if (!r) return { status: 404, body: refusal("unknown_hall", `unknown hall "${hall}"`, { hall }) };
  if (r.status !== 201) return r;
  const made = r.body as { ticket: { id: string } };
  const statusUrl = `${new URL(c.req.url).origin}/t/${await signTicket(secret.secret, hall, made.ticket.id)}`;
  return { status: 201, body: { ...made, statusUrl } };
}

/** Books through the hall object and adds the signed status link; shared with the booking page's form. */
export async function bookOnline(c: Context<any>, hall: string, booking: z.output<typeof BookingBody>): Promise<StoredReply> {
  const secret = ticketSecret(c.env);
  if (!secret.ok) return { status: 503, body: refusal("not_configured", secret.problem) };
  const r: StoredReply | null = await hallStub(c.env, hall).book(hall, { ...booking, client: clientOf(c) });
  if (!r) return { status: 404, body: refusal("unknown_hall", `unknown hall "${hall}"`, { hall }) };
  if (r.status !== 201) return r;
  const made = r.body as { code: string; date: string };
  const statusUrl = `${new URL(c.req.url).origin}/b/${await signBooking(secret.secret, hall, made.date, made.code)}`;
  return { status: 201, body: { ...made, statusUrl } };
}
