/**
 * What a citizen brings to the hall: an ID number at the kiosk (checked, then kept only as a keyed
 * hash and its last 4 digits) and an appointment booked ahead, checked in at the kiosk by its code.
 */
import { z } from "@hono/zod-openapi";
import { checkCitizenId } from "../core/citizen-id.js";
import { CommandId, HallParam, slug } from "../edge/schemas.js";
import { Ticket } from "./queue.schemas.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** Trimmed and upper-cased, then checked against GB 11643 with a message a person can act on. */
export const CitizenId = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const check = checkCitizenId(raw);
    if (check.ok) return check.id;
    ctx.addIssue({ code: "custom", message: check.problem });
    return z.NEVER;
  })
  .openapi({ type: "string", example: "11010519491231002X", description: "18-digit PRC ID number; only a keyed hash and the last 4 digits are kept" });

export const KioskIssueBody = z
  .strictObject({
    category: slug,
    priority: z.enum(["normal", "elderly", "disabled", "green"]).default("normal"),
    idNumber: CitizenId.optional(),
    commandId: CommandId,
  })
  .openapi("KioskIssue");

export const KioskIssueReply = z
  .object({
    ticket: Ticket.openapi({ description: "The ticket; no part of an ID number is kept or echoed, only a keyed per-day hash the hall holds" }),
    ahead: z.number(),
    estimatedWaitMinutes: z.number().nullable(),
    statusPath: z.string().nullable().openapi({ description: "The citizen's status page, /t/{token}; null without `TONGBAN_TICKET_SECRET`" }),
  })
  .openapi("KioskIssueReply");

export const AppointmentBody = z
  .strictObject({
    category: slug,
    day: day.optional().openapi({ description: "The day booked for; today when absent" }),
    note: z.string().trim().max(60).optional().openapi({ description: "The booking system's reference; no personal data" }),
    commandId: CommandId,
  })
  .openapi("BookAppointment");

export const AppointmentListQuery = z.object({
  date: day.optional().openapi({ param: { name: "date", in: "query" }, example: "2026-12-01" }),
});

export const Appointment = z
  .object({
    code: z.string(),
    category: z.string(),
    day: z.string(),
    note: z.string().nullable(),
    bookedAt: z.string(),
    ticket: z.string().nullable().openapi({ description: "The ticket id issued at check-in; null until then" }),
  })
  .openapi("Appointment");

export const AppointmentParams = HallParam.extend({
  code: z.string().regex(/^\d{6}$/, "the six-digit appointment code").openapi({ param: { name: "code", in: "path" }, example: "482913" }),
});

/**
 * A code typed or scanned at a window (issue 26): a scanner types the code and Enter, sometimes
 * with spaces, so those are dropped before the six digits are checked.
 */
export const WindowCheckInBody = z
  .strictObject({
    code: z
      .string()
      .transform((c) => c.replace(/\s+/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "the six-digit code of a booking or a ticket from home"))
      .openapi({ type: "string", example: "482913", description: "The booking's or the ticket from home's check-in code" }),
    commandId: CommandId,
  })
  .openapi("WindowCheckIn");
