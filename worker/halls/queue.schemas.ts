/**
 * The queue as the API shows it and moves it: tickets, windows and the hall's snapshot; the
 * commands at the kiosk and the counter (issue, call, transfer, cancel, a window's state) and
 * their replies; the live feed's query and the manager's preview of window changes.
 */
import { z } from "@hono/zod-openapi";
import { CommandId, orNull, slug, windowId } from "../edge/schemas.js";
import { PRIORITIES, WINDOW_STATES, ZoneConfig } from "./schemas.js";

export const IssueBody = z
  .strictObject({
    category: slug,
    priority: z.enum(PRIORITIES).default("normal"),
    commandId: CommandId,
  })
  .openapi("IssueTicket");

export const WindowActionBody = z.strictObject({ commandId: CommandId }).openapi("WindowAction");

export const TransferBody = z
  .strictObject({ category: slug.optional(), window: windowId.optional(), commandId: CommandId })
  .refine((b) => b.category !== undefined || b.window !== undefined, {
    message: "give a category, a window, or both",
    path: ["category"],
    params: { rule: "either" },
  })
  .openapi("Transfer");

export const CancelBody = z
  .strictObject({ reason: z.string().trim().min(1).max(200).optional(), commandId: CommandId })
  .openapi("Cancel");

export const WindowPatchBody = z
  .strictObject({
    state: z.enum(WINDOW_STATES).optional(),
    categories: z.array(slug).max(26).optional(),
    commandId: CommandId,
  })
  .refine((b) => b.state !== undefined || b.categories !== undefined, {
    message: "give a state, categories, or both",
    path: ["state"],
    params: { rule: "either" },
  })
  .openapi("WindowPatch");

export const LiveQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, "a whole number: the last seq the client applied")
    .optional()
    .openapi({ param: { name: "since", in: "query" }, description: "The last seq the client applied: the feed resumes after it" }),
  view: z
    .string()
    .regex(/^[a-z-]{1,30}$/)
    .optional()
    .openapi({
      param: { name: "view", in: "query" },
      description: "For pages: receive the named view's HTML fragments as { type: \"html\", seq, html } instead of JSON events",
    }),
  updates: z
    .enum(["changed", "whole"])
    .optional()
    .openapi({
      param: { name: "updates", in: "query" },
      description:
        "With `view`: `changed` (the default) sends the whole view once, then only the regions that changed, as { type: \"html\", seq, rev, base, html } where base is the rev of the rendering it changes; `whole` sends the whole view every time",
    }),
  window: z.string().max(32).optional().openapi({ param: { name: "window", in: "query" }, description: "For the window and counter views: which window" }),
  zone: z.string().max(40).optional().openapi({ param: { name: "zone", in: "query" }, description: "For the main and dashboard views: one zone's screen" }),
  lang: z
    .enum(["zh-Hans", "zh-Hant", "en"])
    .optional()
    .openapi({ param: { name: "lang", in: "query" }, description: "For a console's or status page's view: the language of its fragments (zh-Hans when absent)" }),
});

const Officer = z.object({ id: z.string().optional(), name: z.string(), badge: z.string() }).nullable();

/** Where a transfer took a ticket from or to: a category, and a window when it went to one. */
const TransferEnd = z.object({ category: z.string(), window: z.string().nullable() });

export const Ticket = z
  .object({
    id: z.string().openapi({ example: "20261123-A023" }),
    number: z.string().openapi({ example: "A023" }),
    category: z.string(),
    priority: z.enum(PRIORITIES),
    status: z.enum(["waiting", "called", "serving", "done", "no_show", "cancelled"]),
    issuedAt: z.string(),
    queuedAt: z.string(),
    calledAt: z.string().nullable(),
    servedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    window: z.string().nullable(),
    targetWindow: z.string().nullable(),
    officer: Officer,
    callCount: z.number(),
    transfers: z.array(z.object({ at: z.string(), from: TransferEnd, to: TransferEnd })),
    noShowAt: z.string().nullable(),
    requeues: z.number(),
    cancelReason: z.string().nullable(),
    rating: z.object({ score: z.number(), at: z.string() }).optional().openapi({ description: "The citizen's 1–5 score, once the ticket is done and rated" }),
  })
  .openapi("Ticket");

const windowFields = {
  id: z.string(),
  number: z.number(),
  label: z.string(),
  state: z.enum(WINDOW_STATES),
  categories: z.array(z.string()),
  officer: Officer,
  closing: z.literal(true).optional().openapi({ description: "Its shift has ended: it serves the citizen at it, calls nobody new, and pauses once they leave" }),
};

export const Window = z
  .object({ ...windowFields, current: z.string().nullable().openapi({ description: "The id of the ticket at the window" }) })
  .openapi("Window");

/** A window in the snapshot: its current ticket in full. */
// The type beside the anyOf: Scalar's reference (/api/docs) refuses a schema without one (issue 25 §9).
const WindowNow = z
  .object({ ...windowFields, current: orNull(Ticket).openapi({ type: ["object", "null"], anyOf: [{ $ref: "#/components/schemas/Ticket" }, { type: "null" }] }) })
  .openapi("WindowNow");

export const Snapshot = z
  .object({
    hall: z.object({ id: z.string(), name: z.string(), timezone: z.string(), day: z.string(), alarmMinutes: z.number() }).passthrough(),
    seq: z.number(),
    zones: z.array(ZoneConfig),
    categories: z.array(
      z.object({ id: z.string(), prefix: z.string(), names: z.any(), waiting: z.number(), estimatedWaitMinutes: z.number().nullable() }).passthrough(),
    ),
    windows: z.array(WindowNow),
    waiting: z.array(Ticket.extend({ ahead: z.number(), estimatedWaitMinutes: z.number().nullable() })),
    recentCalls: z.array(
      z.object({
        callId: z.string(),
        at: z.string(),
        recall: z.boolean(),
        ticket: z.object({ id: z.string(), number: z.string(), category: z.string() }),
        window: z.object({ id: z.string(), number: z.number(), label: z.string() }),
      }),
    ),
  })
  .openapi("HallSnapshot");

export const TicketReply = z.object({ ticket: Ticket }).openapi("TicketReply");
export const IssueReply = z
  .object({ ticket: Ticket, ahead: z.number(), estimatedWaitMinutes: z.number().nullable() })
  .openapi("IssueReply");
export const CallReply = z
  .object({
    ticket: orNull(Ticket),
    reason: z.string().optional().openapi({ example: "waited 11 min, over the 10 min line" }),
    reasonZh: z.string().optional(),
    reasonCode: z.enum(["targeted", "overdue", "priority", "longest_wait"]).optional(),
    waitedMinutes: z.number().optional(),
    finished: Ticket.optional().openapi({ description: "The ticket that was at the window, finished by this call (callNextFinishes)" }),
  })
  .openapi("CallReply");
export const WindowReply = z.object({ window: Window }).openapi("WindowReply");
export const PreviewBody = z
  .strictObject({
    windows: z
      .array(z.strictObject({ window: windowId, state: z.enum(WINDOW_STATES).optional(), categories: z.array(slug).max(26).optional() }))
      .min(1)
      .max(50),
  })
  .openapi("Preview");
