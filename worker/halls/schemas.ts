/**
 * A hall's configuration and settings as the API takes them: its categories, windows and zones,
 * languages, the call rules and the announcer. PUT /api/halls/{hall} replaces it; PATCH changes
 * only the settings a manager may change on a working day.
 */
import { z } from "@hono/zod-openapi";
import { DEFAULT_ANNOUNCEMENT } from "../core/model.js";
import { DEFAULT_AUDIT_DAYS, DEFAULT_EVENT_DAYS, DEFAULT_REPLY_HOURS, MAX_AUDIT_DAYS, MAX_EVENT_DAYS, MAX_REPLY_HOURS, MIN_AUDIT_DAYS, MIN_EVENT_DAYS, MIN_REPLY_HOURS } from "../core/retention.js";
import { CommandId, slug, windowId } from "../edge/schemas.js";
import { NearAhead } from "../webhooks/schemas.js";

export const PRIORITIES = ["normal", "elderly", "disabled", "appointment", "green"] as const;
export const WINDOW_STATES = ["open", "paused", "closed"] as const;
export const LANGUAGES = ["cmn-Hans", "yue-Hant", "en"] as const;
/** Priorities a hall may offer besides normal. */
export const HALL_PRIORITIES = ["elderly", "disabled", "appointment", "green"] as const;

const Priorities = z
  .array(z.enum(HALL_PRIORITIES))
  .max(4)
  .refine((l) => new Set(l).size === l.length, { message: "a priority is listed twice", params: { rule: "duplicate" } });

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

// Issue 25 §3: a called citizen not at the window after this many minutes is an alarm.
const CalledAlarmMinutes = z
  .number()
  .int()
  .min(1)
  .max(60)
  .openapi({ description: "Minutes a called citizen may take to reach the window before the manager console and the data wall show an alarm naming the ticket and window; default 5" });

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

// A body bound only: past MAX_ZONES (worker/core/zones.ts) the hall refuses with a 409 naming the cap.
const Zones = z.array(ZoneConfig).max(200);

// Issue 22 §3: caps on appointments (worker/core/issue.ts).
const AppointmentDays = z
  .number()
  .int()
  .min(0)
  .max(366)
  .openapi({ description: "Days ahead an appointment may be booked (0: today only); default 30. A booking further ahead is 409 with details.cap `appointments.horizonDays`" });
const AppointmentsPerDay = z
  .number()
  .int()
  .min(1)
  .max(5000)
  .openapi({ description: "Appointments one day holds at most; default 500. One more is 409 with details.cap `appointments.perDay`" });

// Issue 22 §2: retention (worker/core/retention.ts); events and audit rows are archived before they are pruned.
const ReplyHours = z
  .number()
  .int()
  .min(MIN_REPLY_HOURS, `at least ${MIN_REPLY_HOURS} hours, so a retried press is still answered`)
  .max(MAX_REPLY_HOURS, `at most ${MAX_REPLY_HOURS} hours`)
  .openapi({ description: `Hours a reply to a commandId is kept, so a retried press is answered, not applied again; default ${DEFAULT_REPLY_HOURS}, ${MIN_REPLY_HOURS}–${MAX_REPLY_HOURS}` });
const EventDays = z
  .number()
  .int()
  .min(MIN_EVENT_DAYS, `at least ${MIN_EVENT_DAYS} days`)
  .max(MAX_EVENT_DAYS, `at most ${MAX_EVENT_DAYS} days`)
  .openapi({ description: `Days events stay in the live log; older whole days are archived (GET /api/halls/{hall}/archives), then pruned; default ${DEFAULT_EVENT_DAYS}, ${MIN_EVENT_DAYS}–${MAX_EVENT_DAYS}` });
const AuditDays = z
  .number()
  .int()
  .min(MIN_AUDIT_DAYS, `at least ${MIN_AUDIT_DAYS} days: audit logs are kept six months or more (网络安全法 art. 21)`)
  .max(MAX_AUDIT_DAYS, `at most ${MAX_AUDIT_DAYS} days`)
  .openapi({ description: `Days audit rows stay in the hall; older whole days are archived, then pruned; default ${DEFAULT_AUDIT_DAYS}, never fewer than ${MIN_AUDIT_DAYS} (six months of logs)` });

// Issue 26: citizens booking from their phones (worker/appointments/booking.ts).
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time HH:MM");
export const BookingSettingsBody = z
  .strictObject({
    days: z.number().int().min(0).max(60).optional().openapi({ description: "Days ahead a citizen may book, counting open days only; default 7, 0 turns booking off" }),
    share: z.number().min(0).max(1).optional().openapi({ description: "Share of each half hour's service capacity kept for bookings; default 0.5" }),
    noShowLimit: z.number().int().min(1).max(100).optional().openapi({ description: "No-shows within noShowDays that block booking; default 3" }),
    noShowDays: z.number().int().min(1).max(730).optional().openapi({ description: "Days a no-show counts against booking; default 180" }),
    opens: HHMM.optional().openapi({ description: "The hall's usual opening, for days without a saved plan; default 09:00" }),
    closes: HHMM.optional().openapi({ description: "The hall's usual closing; default 17:00" }),
    closedWeekdays: z.array(z.number().int().min(1).max(7)).max(7).optional().openapi({ description: "ISO weekdays the hall is closed; default [6, 7]" }),
    closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400).optional().openapi({ description: "Dates the hall is closed (holidays)" }),
  })
  .refine((b) => (b.opens ?? "09:00") < (b.closes ?? "17:00"), { message: "opens must be before closes", path: ["closes"], params: { rule: "order" } })
  .openapi("BookingSettings");

// Issue 25 §7: the rules a day plan keeps (worker/planning/rules.ts).
const PlanRulesBody = z
  .strictObject({
    minShiftHours: z
      .number()
      .min(1)
      .max(8)
      .multipleOf(0.5)
      .optional()
      .openapi({ description: "A planned shift lasts at least this many hours (in half hours); default 2" }),
    maxShifts: z.number().int().min(1).max(4).optional().openapi({ description: "Shifts a window works at most per day; default 2" }),
    keepCategories: z
      .boolean()
      .optional()
      .openapi({ description: "Plan each window only for its configured categories (a traffic window stays one); default true" }),
  })
  .openapi("PlanRules");
// Issue 26 item 2: joining today's queue from home (worker/core/remote.ts).
const RemoteShare = z
  .number()
  .min(0)
  .max(1)
  .openapi({ description: "Share of a service's waiting line that may be tickets joined from home and not yet checked in (at least one while above 0); default 0.3, 0 turns joining from home off. One more is 409 with details.cap `remoteShare`" });
const RemoteHolds = z
  .number()
  .int()
  .min(0)
  .max(10)
  .openapi({ description: "Times a ticket joined from home, not yet checked in, steps back behind the next waiting citizen before it expires; default 3" });

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
      .refine((l) => new Set(l).size === l.length, { message: "a language is listed twice", params: { rule: "duplicate" } })
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
    booking: BookingSettingsBody.optional(),
    appointmentDays: AppointmentDays.optional(),
    appointmentsPerDay: AppointmentsPerDay.optional(),
    replyHours: ReplyHours.optional(),
    eventDays: EventDays.optional(),
    auditDays: AuditDays.optional(),
    planRules: PlanRulesBody.optional(),
    remoteShare: RemoteShare.optional(),
    remoteHolds: RemoteHolds.optional(),
    calledAlarmMinutes: CalledAlarmMinutes.optional(),
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
      .refine((l) => new Set(l).size === l.length, { message: "a language is listed twice", params: { rule: "duplicate" } })
      .optional(),
    noShowRequeueMinutes: z.number().int().min(0).max(240).optional(),
    orderBonusMinutes: z.number().min(0).max(60).optional(),
    priorities: Priorities.optional().openapi({ description: "Priorities the kiosk offers and the hall accepts, besides normal" }),
    callNextFinishes: z.boolean().optional().openapi({ description: "Call next finishes the ticket at the window first (one press per citizen)" }),
    autoOpen: z.boolean().optional().openapi({ description: "The hall opens, pauses and re-assigns windows itself at the shift changes of the day's applied plan (PUT /plan/{date})" }),
    nearAhead: NearAhead.optional().openapi({ description: "Webhooks get `ticket.near` once when a waiting ticket has this many people or fewer ahead (0: when it is next)" }),
    idleMinutes: IdleMinutes.optional(),
    booking: BookingSettingsBody.optional().openapi({ description: "Replaces the hall's booking rules (issue 26)" }),
    appointmentDays: AppointmentDays.optional(),
    appointmentsPerDay: AppointmentsPerDay.optional(),
    replyHours: ReplyHours.optional(),
    eventDays: EventDays.optional(),
    auditDays: AuditDays.optional(),
    planRules: PlanRulesBody.optional().openapi({ description: "Replaces the rules the day plan keeps (issue 25)" }),
    remoteShare: RemoteShare.optional(),
    remoteHolds: RemoteHolds.optional(),
    calledAlarmMinutes: CalledAlarmMinutes.optional(),
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
