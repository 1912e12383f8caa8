/**
 * The hall's commands: everything a caller may ask of a hall. Each is decided by `decide`
 * (hall.ts) at a given time into events or a rejection; the edge validates a request's shape,
 * the rules validate it against the hall.
 */
import type { ContentChange, ContentDraft, ContentItem } from "./content-types.js";
import type { AnnouncementSettings, CitizenMark, HallConfig, HallSettings, Officer, Priority, RatingReason, Staff, StaffAccess, WindowState } from "./model.js";

/** Settings a manager changes during the day without touching categories or windows. */
export type SettingsChange = Partial<
  Pick<
    HallSettings,
    "notice" | "supervisionUrl" | "alarmMinutes" | "targetWaitMinutes" | "languages" | "noShowRequeueMinutes" | "orderBonusMinutes" | "priorities" | "callNextFinishes" | "zones" | "autoOpen" | "nearAhead" | "idleMinutes" | "booking" | "appointmentDays" | "appointmentsPerDay" | "replyHours" | "eventDays" | "auditDays" | "planRules" | "remoteShare" | "remoteHolds" | "calledAlarmMinutes"
  >
> & {
  /** Merged into the hall's announcer settings: name only what changes. */
  announcer?: Partial<AnnouncementSettings>;
};

/** Signage commands (content.ts decides them). */
export type ContentCommand =
  | { type: "add_content"; item: ContentDraft }
  | { type: "change_content"; id: string; change: ContentChange }
  | { type: "remove_content"; id: string }
  /** A region's whole list for this hall, newer than the version the hall holds. */
  | { type: "sync_region_content"; region: string; version: number; items: ContentItem[] };

/** Everything a caller may ask of a hall, by `type`. */
export type Command =
  | { type: "configure"; config: HallConfig }
  | { type: "issue"; category: string; priority?: Priority; citizen?: CitizenMark }
  | { type: "call"; window: string }
  | { type: "recall"; window: string }
  | { type: "start"; window: string }
  | { type: "finish"; window: string }
  | { type: "no_show"; window: string }
  | { type: "requeue"; ticket: string }
  | { type: "transfer"; ticket: string; category?: string; window?: string }
  | { type: "cancel"; ticket: string; reason?: string }
  /** A citizen's 1..5 score (满意度评价) for a finished ticket, once. */
  | { type: "rate"; ticket: string; score: number; reasons?: RatingReason[] }
  | { type: "evaluate"; window: string; score: number; reasons?: RatingReason[] }
  | { type: "set_window"; window: string; state?: WindowState; categories?: string[] }
  | { type: "sign_in"; window: string; officer: Officer }
  /** Signs a staff account in; the hall object checks its PIN before the core sees this. */
  | { type: "sign_in_staff"; window: string; staff: string }
  /** Pause and resume are the counter's own: they never open a window a manager closed. */
  /** `afterCitizen`: a window with a citizen at it is marked `closing` and pauses once they leave. */
  | { type: "pause"; window: string; afterCitizen?: boolean }
  | { type: "resume"; window: string }
  /**
   * Adds or replaces a staff account; `pin` and `password` say what becomes of each. Without
   * `access` an account keeps the access it has (a new one: counter).
   */
  | {
      type: "save_staff";
      staff: Omit<Staff, "hasPin" | "hasPassword" | "access"> & { access?: StaffAccess };
      pin: "set" | "clear" | "keep";
      password?: "set" | "clear" | "keep";
    }
  | { type: "remove_staff"; staff: string }
  /** The hall object fills in a fresh random `code` when the caller gives none; `day` "" is today. */
  | { type: "book_appointment"; code: string; category: string; day: string; note?: string }
  | { type: "cancel_appointment"; code: string }
  /** A booking or a ticket from home checked in by its code: at the kiosk, or at `window` (issue 26). */
  | { type: "check_in"; code: string; window?: string }
  /** Issue 26 §5: close a day (`from` null) or half hour to bookings of one service (or every one, null), and open it again. */
  | { type: "block_bookings"; day: string; from: string | null; category: string | null; reason: string }
  | { type: "unblock_bookings"; block: string }
  | { type: "mark_contacted"; block: string; code: string }
  /** A ticket for today taken from home (线上取号, issue 26), on the way until checked in by `code`. */
  | { type: "join_remote"; category: string; code: string; citizen: CitizenMark }
  | { type: "sign_out"; window: string }
  | { type: "update_settings"; settings: SettingsChange }
  | ContentCommand
  | { type: "reset" }
  /** Starts the new day if the hall's local midnight has passed; otherwise does nothing. */
  | { type: "rollover" };
