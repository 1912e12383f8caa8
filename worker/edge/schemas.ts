/**
 * The public API's shapes, once: zod validates requests with them and the OpenAPI document
 * at /api/openapi.json is generated from them.
 */
import { z } from "@hono/zod-openapi";
import { DEFAULT_ANNOUNCEMENT } from "../core/model.js";
import { checkCitizenId } from "../core/citizen-id.js";
import { MIN_PASSWORD_LENGTH } from "../sessions/sessions.js";
import { MAX_NEAR_AHEAD } from "../webhooks/near.js";

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, starting with a letter or digit, at most 40");

export const HallParam = z.object({
  hall: slug.openapi({ param: { name: "hall", in: "path" }, example: "demo" }),
});

export const windowId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, _ and -, at most 32");
const ticketRef = z.string().regex(/^[A-Za-z0-9.-]{1,40}$/, "a ticket id (20261123-A023) or today's number (A023)");

export const WindowParams = HallParam.extend({
  window: windowId.openapi({ param: { name: "window", in: "path" }, example: "5" }),
});

export const TicketParams = HallParam.extend({
  ticket: ticketRef.openapi({ param: { name: "ticket", in: "path" }, example: "A023" }),
});

/** A citizen's signed status link (worker/access/ticket-token.ts): the credential of the /api/t routes. */
export const TicketLinkParam = z.object({
  ticketToken: z
    .string()
    .max(200)
    .openapi({
      param: { name: "ticketToken", in: "path" },
      example: "demo_20261123-A023_Qk3vX9cT2mLrP0aB7nYw1g",
      description: "The signed link's token, as in the status page's address /t/{ticketToken}",
    }),
});

export const CommandId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "1 to 100 letters, digits or . _ : -")
  .optional()
  .openapi({ description: "A fresh id per button press; a retry with the same id returns the first reply and applies once." });

export const PRIORITIES = ["normal", "elderly", "disabled", "appointment", "green"] as const;
export const WINDOW_STATES = ["open", "paused", "closed"] as const;
export const LANGUAGES = ["cmn-Hans", "yue-Hant", "en"] as const;
/** Priorities a hall may offer besides normal. */
export const HALL_PRIORITIES = ["elderly", "disabled", "appointment", "green"] as const;
export const STAFF_ROLES = ["officer", "auxiliary", "lead"] as const;
export const STAFF_ACCESS = ["manager", "counter"] as const;

/** A staff account as the API shows it: never its PIN or password. */
export const StaffMember = z
  .object({
    id: z.string(),
    name: z.string(),
    badge: z.string(),
    role: z.enum(STAFF_ROLES),
    access: z.enum(STAFF_ACCESS),
    hasPin: z.boolean(),
    hasPassword: z.boolean(),
  })
  .openapi("StaffMember");

const Priorities = z
  .array(z.enum(HALL_PRIORITIES))
  .max(4)
  .refine((l) => new Set(l).size === l.length, "a priority is listed twice");

const Names = z.strictObject({
  "zh-Hans": z.string().trim().min(1).max(20),
  "zh-Hant": z.string().trim().min(1).max(20),
  en: z.string().trim().min(1).max(60),
});

export const CategoryConfig = z
  .strictObject({
    id: slug,
    prefix: z.string().regex(/^[A-Z]$/, "one capital letter A-Z"),
    names: Names,
    serviceMinutes: z.number().min(0.5).max(240),
    weight: z.number().min(0.1).max(10).default(1),
  })
  .openapi("CategoryConfig");

export const WindowConfig = z
  .strictObject({
    id: windowId,
    number: z.number().int().min(1).max(999),
    label: z.string().trim().min(1).max(40),
    categories: z.array(slug).max(26),
    state: z.enum(WINDOW_STATES).default("open"),
  })
  .openapi("WindowConfig");

const Notice = z.string().trim().max(300);
const SupervisionUrl = z
  .string()
  .url()
  .max(500)
  .refine((u) => /^https?:\/\//.test(u), "an http(s) address")
  .nullable();

/** How each call is announced (see AnnouncementSettings in worker/core/types.ts). */
const Announcement = {
  repeat: z.number().int().min(1).max(5).openapi({ description: "How many times the whole call is spoken" }),
  rate: z.number().min(0.5).max(2).openapi({ description: "Speaking rate of speech voices; 1 is normal" }),
  volume: z.number().min(0).max(1),
  chime: z.boolean().openapi({ description: "A chime before the call" }),
};

const IdleMinutes = z
  .number()
  .int()
  .min(0)
  .max(240)
  .openapi({ description: "Minutes without a call in a zone before its main screen plays content full screen (idle mode); default 5, 0 never" });

export const ZoneConfig = z
  .strictObject({
    id: slug,
    names: Names,
    windows: z.array(windowId).max(200).openapi({ description: "Window ids; a window belongs to at most one zone" }),
  })
  .openapi("Zone", { description: "An area of the hall with its own screens and speakers (?zone= on the display, dashboard and announcer pages)" });

const Zones = z.array(ZoneConfig).max(50);

const NearAhead = z.number().int("a whole number of people").min(0).max(MAX_NEAR_AHEAD);

export const HallConfigBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    timezone: z.string().min(1).max(64).default("Asia/Shanghai"),
    alarmMinutes: z.number().int().min(1).max(240).default(10),
    targetWaitMinutes: z.number().min(0.5).max(240).default(8.2),
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1)
      .max(3)
      .refine((l) => new Set(l).size === l.length, "a language is listed twice")
      .default(["cmn-Hans", "yue-Hant"]),
    noShowRequeueMinutes: z.number().int().min(0).max(240).default(30),
    orderBonusMinutes: z.number().min(0).max(60).default(2),
    notice: Notice.default(""),
    supervisionUrl: SupervisionUrl.default(null),
    priorities: Priorities.optional(),
    callNextFinishes: z.boolean().optional().openapi({ description: "Call next finishes the ticket at the window first (one press per citizen); default true" }),
    autoOpen: z.boolean().optional().openapi({ description: "The hall opens, pauses and re-assigns windows itself at the shift changes of the day's applied plan; default false" }),
    nearAhead: NearAhead.optional().openapi({ description: "Webhooks get `ticket.near` once when a waiting ticket has this many people or fewer ahead; default 3" }),
    idleMinutes: IdleMinutes.optional(),
    region: slug.optional().openapi({ description: "The region (any level) the hall reports its figures to; it must exist", example: "gx-wuzhou" }),
    location: z
      .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .optional()
      .openapi({ description: "Where the hall is (WGS-84), for the public list's nearest first" }),
    address: z.string().trim().min(1).max(120).optional().openapi({ description: "The street address the public list shows" }),
    announcer: z
      .strictObject({
        repeat: Announcement.repeat.default(2),
        rate: Announcement.rate.default(1),
        volume: Announcement.volume.default(1),
        chime: Announcement.chime.default(true),
      })
      .default({ ...DEFAULT_ANNOUNCEMENT }),
    categories: z.array(CategoryConfig).min(1).max(26),
    windows: z.array(WindowConfig).max(200),
    zones: Zones.optional().openapi({ description: "Areas with their own screens and speakers; absent: one zone, the whole hall" }),
  })
  .openapi("HallConfig");

export const SettingsBody = z
  .strictObject({
    notice: Notice.optional(),
    supervisionUrl: SupervisionUrl.optional(),
    alarmMinutes: z.number().int().min(1).max(240).optional(),
    targetWaitMinutes: z.number().min(0.5).max(240).optional(),
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1)
      .max(3)
      .refine((l) => new Set(l).size === l.length, "a language is listed twice")
      .optional(),
    noShowRequeueMinutes: z.number().int().min(0).max(240).optional(),
    orderBonusMinutes: z.number().min(0).max(60).optional(),
    priorities: Priorities.optional().openapi({ description: "Priorities the kiosk offers and the hall accepts, besides normal" }),
    callNextFinishes: z.boolean().optional().openapi({ description: "Call next finishes the ticket at the window first (one press per citizen)" }),
    autoOpen: z.boolean().optional().openapi({ description: "The hall opens, pauses and re-assigns windows itself at the shift changes of the day's applied plan (PUT /plan/{date})" }),
    nearAhead: NearAhead.optional().openapi({ description: "Webhooks get `ticket.near` once when a waiting ticket has this many people or fewer ahead (0: when it is next)" }),
    idleMinutes: IdleMinutes.optional(),
    announcer: z
      .strictObject({
        repeat: Announcement.repeat.optional(),
        rate: Announcement.rate.optional(),
        volume: Announcement.volume.optional(),
        chime: Announcement.chime.optional(),
      })
      .optional()
      .openapi({ description: "Merged into the announcer settings: name only what changes" }),
    zones: Zones.optional().openapi({ description: "Replaces the hall's zones; [] makes the hall one zone again" }),
    commandId: CommandId,
  })
  .openapi("HallSettings");

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
  })
  .openapi("WindowPatch");

export const SignInBody = z
  .strictObject({
    officer: z.strictObject({
      id: z.string().max(40).optional(),
      name: z.string().trim().min(1).max(30),
      badge: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, "1 to 20 letters, digits or dashes"),
    }),
    commandId: CommandId,
  })
  .openapi("OfficerSignIn");

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
  window: z.string().max(32).optional().openapi({ param: { name: "window", in: "query" }, description: "For the window and counter views: which window" }),
  zone: z.string().max(40).optional().openapi({ param: { name: "zone", in: "query" }, description: "For the main and dashboard views: one zone's screen" }),
  lang: z
    .enum(["zh-Hans", "zh-Hant", "en"])
    .optional()
    .openapi({ param: { name: "lang", in: "query" }, description: "For a console's or status page's view: the language of its fragments (zh-Hans when absent)" }),
});

const Officer = z.object({ id: z.string().optional(), name: z.string(), badge: z.string() }).nullable();

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
    transfers: z.array(z.object({ at: z.string(), from: z.any(), to: z.any() })),
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

/**
 * A registered schema or null. (`.nullable()` on one makes zod-to-openapi write
 * `allOf: [$ref, { type: [object, null] }]`, which no null satisfies.)
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** A window in the snapshot: its current ticket in full. */
const WindowNow = z.object({ ...windowFields, current: orNull(Ticket) }).openapi("WindowNow");

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

export { ErrorBody } from "./errors.js";

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

// ---- Consoles: window terminal, kiosk, manager ----

const badge = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, "1 to 20 letters, digits or dashes");
const pin = z.string().regex(/^\d{4,8}$/, "4 to 8 digits");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const StaffParams = HallParam.extend({
  staff: slug.openapi({ param: { name: "staff", in: "path" }, example: "031245" }),
});

export const StaffBody = z
  .strictObject({
    name: z.string().trim().min(1, "a name is needed").max(30),
    badge,
    role: z.enum(STAFF_ROLES).default("officer"),
    pin: pin.nullable().optional().openapi({ description: "A new PIN; null removes it; absent keeps it. Stored hashed, never returned." }),
    access: z
      .enum(STAFF_ACCESS, { message: "manager（管理台）or counter（窗口终端）" })
      .optional()
      .openapi({ description: "What the person may do when signed in: manager or counter. Absent keeps it; a new account gets counter." }),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 · at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "at most 200 characters")
      .nullable()
      .optional()
      .openapi({ description: "A new sign-in password; null removes it (and ends the person's sessions); absent keeps it. Stored hashed, never returned." }),
    commandId: CommandId,
  })
  .openapi("StaffAccount");

export const SessionBody = z
  .strictObject({
    badge: z.string({ message: "请输入警号 · the badge number is needed" }).trim().min(1, "请输入警号 · the badge number is needed").max(20, "at most 20 characters"),
    password: z.string({ message: "请输入密码 · the password is needed" }).min(1, "请输入密码 · the password is needed").max(200, "at most 200 characters"),
  })
  .openapi("StaffSignInWithPassword");

export const StaffSignInBody = z
  .strictObject({ window: windowId, pin: pin.optional(), commandId: CommandId })
  .openapi("StaffSignIn");

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
    ticket: Ticket.extend({
      citizen: z.object({ idLast4: z.string() }).optional().openapi({ description: "With an ID number: its last 4 digits, never the number" }),
    }),
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

export const PreviewBody = z
  .strictObject({
    windows: z
      .array(z.strictObject({ window: windowId, state: z.enum(WINDOW_STATES).optional(), categories: z.array(slug).max(26).optional() }))
      .min(1)
      .max(50),
  })
  .openapi("Preview");

export const AuditQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "a whole number from 1 to 200")
    .optional()
    .openapi({ param: { name: "limit", in: "query" } }),
  before: z
    .string()
    .regex(/^\d{1,15}$/, "an audit id from the previous page's next")
    .optional()
    .openapi({ param: { name: "before", in: "query" } }),
});
