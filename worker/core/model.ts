/**
 * The hall's model: its vocabulary as plain data. Everything here survives JSON.stringify, so the
 * same shapes are the hall state, the event payloads and the API bodies. Times are ISO-8601 UTC
 * strings; they sort as text in time order.
 *
 * What is said *to* the hall and what it answers (commands, events, rejections) is the protocol
 * (commands.ts, events.ts, rejection.ts, outcome.ts), one floor up: the model imports none of it,
 * only the signage items' shapes (content-types.ts), which sit below both.
 */
import type { ContentState } from "./content-types.js";

export type Language = "cmn-Hans" | "yue-Hant" | "en";
export type NameScript = "zh-Hans" | "zh-Hant" | "en";

export type Priority = "normal" | "elderly" | "disabled" | "appointment" | "green";
export type TicketStatus = "waiting" | "called" | "serving" | "done" | "no_show" | "cancelled";
export type WindowState = "open" | "paused" | "closed";

export interface Category {
  id: string;
  prefix: string;
  names: Record<NameScript, string>;
  /** The manager's starting guess; the hall learns the real figure from finished tickets. */
  serviceMinutes: number;
  /** Call-policy weight: a minute waited in this category counts this many minutes. */
  weight: number;
}

export interface Officer {
  id?: string;
  name: string;
  badge: string;
}

/** 民警 police officer, 辅警 auxiliary officer, 带班领导 the officer leading the shift. */
export type StaffRole = "officer" | "auxiliary" | "lead";

/** What a person may do in Tongban once signed in: run the hall, or work a window. */
export type StaffAccess = "manager" | "counter";

/**
 * A hall staff account the manager keeps. A PIN or a password, if set, is hashed and stored by
 * the hall object outside the state and the event log; the state only knows that there is one.
 * `role` is the person's rank; `access` is what they may do when they sign in.
 */
export interface Staff {
  id: string;
  name: string;
  badge: string;
  role: StaffRole;
  access: StaffAccess;
  hasPin: boolean;
  hasPassword: boolean;
}

/** What the hall keeps of a citizen's ID number: never the number itself. */
export interface CitizenMark {
  /** Keyed hash of the ID number (per hall and day), for "one active ticket per category". */
  idHash: string;
}

/** A booked visit: the booking system gets a code, the kiosk turns it into a ticket once. */
/** A day or half hour a manager closed to bookings (issue 26 §5); bookings already on it are kept. */
export interface BookingBlock {
  /** What it covers: `2026-12-09.1000.id`, `2026-12-09.day.*` (worker/core/booking-blocks.ts blockId). */
  id: string;
  day: string;
  /** The half hour's start, or null for the whole day. */
  from: string | null;
  /** One service, or null for every service. */
  category: string | null;
  reason: string;
  blockedAt: string;
  /** Codes of the bookings on it the hall has told (已通知). */
  contacted: string[];
}

export interface Appointment {
  code: string;
  category: string;
  /** Local date (YYYY-MM-DD) the visit is booked for. */
  day: string;
  /** The booking system's own reference; no personal data. */
  note: string | null;
  bookedAt: string;
  /** The ticket issued at check-in, once. */
  ticket: string | null;
}

/**
 * A ticket taken from home (issue 26): it keeps its place while the citizen travels, steps back
 * behind the next waiting citizen each time it would be called before check-in, and expires
 * after `remoteHolds` steps back.
 */
export interface RemoteMark {
  /** The code the citizen checks in with at the kiosk (or a window), as an appointment's. */
  code: string;
  /** Times it stepped back behind the next waiting citizen. */
  holds: number;
  /** When the citizen checked in; null while on the way. */
  arrivedAt: string | null;
}

/** Why the policy called a ticket, kept on the ticket while it is at the window. */
export interface CallReason {
  code: ChoiceCode;
  reason: string;
  reasonZh: string;
}

export interface Window {
  id: string;
  number: number;
  label: string;
  state: WindowState;
  /** Served categories, most preferred first. */
  categories: string[];
  officer: Officer | null;
  /** Id of the ticket at the window (called or serving), if any. */
  current: string | null;
  /**
   * Pausing once its citizen leaves (a pause `afterCitizen`, as a plan's shift ends): the window
   * stays open for the citizen at it, calls nobody new, and pauses in the command that frees it.
   */
  closing?: true;
}

export interface Transfer {
  at: string;
  from: { category: string; window: string | null };
  to: { category: string; window: string | null };
}

export interface Ticket {
  id: string;
  number: string;
  category: string;
  priority: Priority;
  status: TicketStatus;
  issuedAt: string;
  /** Place in the queue: the original issue time, kept across transfers. */
  queuedAt: string;
  calledAt: string | null;
  /** The first call, kept across recalls, transfers and re-queues: a wait ends here. */
  firstCalledAt?: string | null;
  servedAt: string | null;
  finishedAt: string | null;
  window: string | null;
  /** Set by a transfer to a window: only that window may call the ticket. */
  targetWindow: string | null;
  officer: Officer | null;
  callCount: number;
  transfers: Transfer[];
  noShowAt: string | null;
  requeues: number;
  cancelReason: string | null;
  /** Set when the ticket was issued against an ID number. */
  citizen?: CitizenMark;
  /** The appointment code it was checked in with. */
  appointment?: string;
  /** Joined from home (线上取号, issue 26): on the way until checked in by its code (worker/core/remote.ts). */
  remote?: RemoteMark;
  /** Why its latest call chose it. */
  callReason?: CallReason;
  /** The citizen's score on the window evaluator or status page, once, after the ticket is done. */
  rating?: { score: number; at: string; reasons?: RatingReason[] };
}

/**
 * Why a citizen was not satisfied (好差评's offline indicators): 服务效率 efficiency, 服务水平 skill,
 * 服务态度 attitude, 其他 other. Only a 差评 (score 1 or 2) carries them.
 */
export type RatingReason = "efficiency" | "skill" | "attitude" | "other";

/** What a rating names of its ticket: enough to file it under the category, window and officer. */
export type RatedTicket = Pick<Ticket, "id" | "number" | "category" | "window" | "officer">;

export interface HallSettings {
  name: string;
  timezone: string;
  /** The alarm line: no ticket may wait past it while a newer one is called. */
  alarmMinutes: number;
  /** The mean wait the hall aims for (Guangxi's 8.2 minutes). */
  targetWaitMinutes: number;
  languages: Language[];
  /** A no-show may be re-queued once within this many minutes; 0 turns re-queueing off. */
  noShowRequeueMinutes: number;
  /** Head start, in minutes of waiting, per place a category stands earlier in a window's list. */
  orderBonusMinutes: number;
  /** The scrolling notice line on the hall screens; empty for none. */
  notice: string;
  /** The supervision (码上监督) address the screens show as a QR code; null for none. */
  supervisionUrl: string | null;
  /**
   * Priorities the kiosk offers and the hall accepts at issue, besides normal. Absent: all of
   * them are accepted and the kiosk offers elderly, disabled and green channel.
   */
  priorities?: Priority[];
  /**
   * How the announcer speaks a call (in `languages`, in that order). New halls get
   * `DEFAULT_ANNOUNCEMENT`; halls configured before it existed have none and use it too.
   */
  announcer?: AnnouncementSettings;
  /**
   * Calling the next ticket at a window that holds one finishes it first, in the same command,
   * as a hardware caller does (one press per citizen). Absent means true; false refuses the call.
   */
  callNextFinishes?: boolean;
  /**
   * A waiting ticket with this many people or fewer ahead of it is sent to webhooks once as
   * `ticket.near` (worker/webhooks/near.ts), for SMS and WeChat reminders. Absent means 3.
   */
  nearAhead?: number;
  /** Areas of the hall with their own screens and speakers; absent or empty: one zone, the whole hall. */
  zones?: Zone[];
  /**
   * The hall opens, pauses and re-assigns windows itself at the shift changes of the plan applied
   * for the day (worker/planning/day-plans.object.ts), as the actor "plan". Absent means false.
   */
  autoOpen?: boolean;
  /** Minutes without a call in a zone before its main screen plays content full screen; absent 5, 0 never. */
  idleMinutes?: number;
  /** The region the hall reports its figures to (worker/regions); absent for a hall on its own. */
  region?: string;
  /** Where the hall is, for the public list's "nearest first" (WGS-84 degrees). */
  location?: { lat: number; lng: number };
  /** The street address the public list shows. */
  address?: string;
  // Issue 26: citizens booking from their phones (worker/appointments/booking.ts).
  /** Citizens' own bookings: their rules and the hall's usual opening; absent means the defaults there. */
  booking?: BookingSettings;
  // Issue 22 §3: caps on appointments, which survive midnight and so must not grow without end.
  /** Days ahead an appointment may be booked (0: today only); absent means DEFAULT_APPOINTMENT_DAYS (core/issue.ts). */
  appointmentDays?: number;
  /** Appointments one day holds at most; absent means DEFAULT_APPOINTMENTS_PER_DAY (core/issue.ts). */
  appointmentsPerDay?: number;
  // Issue 22 §2: retention (core/retention.ts). Events and audit rows are archived before pruning.
  /** Hours a reply to a commandId is kept for retries; absent 48. */
  replyHours?: number;
  /** Days events stay in the live log before they are archived and pruned; absent 90. */
  eventDays?: number;
  /** Days audit rows stay in the hall before they are archived and pruned; absent 180, never fewer. */
  auditDays?: number;
  // Issue 26 item 2: joining today's queue from home (线上取号), worker/core/remote.ts.
  /** Share of a service's line that may be on the way (joined from home, not yet checked in); absent means DEFAULT_REMOTE_SHARE, 0 turns joining off. */
  remoteShare?: number;
  /** Times an on-the-way ticket steps back behind the next waiting citizen before it expires; absent means DEFAULT_REMOTE_HOLDS. */
  remoteHolds?: number;
  // Issue 25 §3: alarms that must not stay silent (worker/core/alarms.ts).
  /** Minutes a called citizen may take to reach the window before the console and the wall raise an alarm; absent means 5. */
  calledAlarmMinutes?: number;
  // Issue 25 §7: the rules a day plan keeps (worker/planning/rules.ts).
  /** How the planner may cut the day into shifts; absent means the defaults there. */
  planRules?: PlanRuleSettings;
}

/** The rules every day plan keeps (issue 25 §7); every field has a default (worker/planning/rules.ts). */
export interface PlanRuleSettings {
  /** A shift lasts at least this many hours, in half hours (1–8); default 2. */
  minShiftHours?: number;
  /** Shifts a window works at most per day (1–4); default 2. */
  maxShifts?: number;
  /** A window is planned only for its configured categories (a 交管专窗 stays one); default true. */
  keepCategories?: boolean;
}

/** How citizens book ahead from their phones (issue 26); every field has a default (worker/appointments/booking.ts). */
export interface BookingSettings {
  /** Days ahead a citizen may book, counting only days the hall is open; default 7, 0 turns booking off. */
  days?: number;
  /** Share of a slot's service capacity kept for bookings; default 0.5 (Shenzhen's rule). */
  share?: number;
  /** This many no-shows within `noShowDays` block booking; defaults 3 in 180. */
  noShowLimit?: number;
  noShowDays?: number;
  /** The hall's usual opening (HH:MM), for days without a saved plan; defaults 09:00–17:00. */
  opens?: string;
  closes?: string;
  /** ISO weekdays the hall is closed (6 Saturday, 7 Sunday); default [6, 7]. */
  closedWeekdays?: number[];
  /** Dates (YYYY-MM-DD) the hall is closed: holidays. */
  closedDates?: string[];
}

/**
 * An area of the hall (出入境区, 交管区, a floor) with its own screens and speakers: they show
 * and speak the calls at its windows. A window belongs to at most one zone.
 */
export interface Zone {
  id: string;
  names: Record<NameScript, string>;
  /** Window ids. */
  windows: string[];
}

/** How each call is announced; the announcer page reads it live from the hall's feed. */
export interface AnnouncementSettings {
  /** How many times the whole call (every language) is spoken, 1..5. */
  repeat: number;
  /** Speaking rate for speech voices, 0.5..2 (1 is normal); recorded voice packs keep their pace. */
  rate: number;
  /** Loudness, 0..1. */
  volume: number;
  /** A chime before the call. */
  chime: boolean;
}

export const DEFAULT_ANNOUNCEMENT: AnnouncementSettings = { repeat: 2, rate: 1, volume: 1, chime: true };

export interface HallConfig extends HallSettings {
  categories: Category[];
  windows: Array<Pick<Window, "id" | "number" | "label" | "categories" | "state">>;
}

export interface CallRecord {
  callId: string;
  at: string;
  recall: boolean;
  ticket: { id: string; number: string; category: string };
  window: { id: string; number: number; label: string };
}

export interface LearntServiceTime {
  minutes: number;
  samples: number;
}

export interface HallState {
  hall: string;
  seq: number;
  /** Local date (YYYY-MM-DD, hall's time zone) the numbering belongs to. */
  day: string;
  /** 1, or more after a manual reset within the same day; keeps ticket ids unique. */
  dayPart: number;
  settings: HallSettings;
  categories: Category[];
  windows: Window[];
  /** Today's tickets by id; earlier days live only in the log and the ticket history. */
  tickets: Record<string, Ticket>;
  /** Daily sequence per ticket prefix. */
  counters: Record<string, number>;
  recentCalls: CallRecord[];
  learnt: Record<string, LearntServiceTime>;
  /** Calls made so far, across days: the source of unique call ids. */
  calls: number;
  /** Staff accounts by id; they outlive the day. */
  staff: Record<string, Staff>;
  /** Appointments by code, for today and later days. */
  appointments: Record<string, Appointment>;
  /** What the screens show between calls (worker/core/content.ts); absent in halls from before signage. */
  content?: ContentState;
  /** Issue 26 §5: days and half hours closed to bookings, by id (worker/core/booking-blocks.ts); absent before the first. */
  bookingBlocks?: Record<string, BookingBlock>;
}

export type WindowRef = CallRecord["window"];

export type ChoiceCode = "targeted" | "overdue" | "priority" | "longest_wait";

export interface Choice {
  ticket: Ticket;
  code: ChoiceCode;
  waitedMinutes: number;
  /** What staff see: "waited 11 min, over the 10 min line". */
  reason: string;
  reasonZh: string;
}
