/**
 * Citizens' bookings, the hall object's part (issue 26). The booking itself is the core's
 * appointment (`book_appointment`, in the event log, checked in at the kiosk by its code); what
 * is personal stays here, beside the log and never in it: the ID number's keyed hash (for one
 * booking per person per day and the no-show block) and the mobile number, kept only until the
 * booking's day plus MOBILE_KEPT_DAYS. Neither is in events, feeds, audit rows or exports.
 *
 * Every check and the write happen in one synchronous run after the last await (the ID hash is
 * made before), so two citizens cannot both take a slot's last place.
 */
import { CITIZEN } from "../access/roles.js";
import { ticketSecret } from "../access/ticket-token.js";
import { localDay, localParts } from "../core/day.js";
import { addDays } from "../core/schedule.js";
import { blocksOf, underBlock } from "../core/booking-blocks.js";
import type { BookingBlock, HallState, Ticket } from "../core/model.js";
import { publicTicket } from "../core/snapshot.js";
import { refusal } from "../edge/refusal.js";
import type { Hall, Part, Written } from "../hall-object/part.js";
import type { Actor } from "../hall-object/protocol.js";
import type { StoredReply } from "../hall-object/storage.js";
import type { SavedPlan } from "../planning/plan-shifts.js";
import { appointmentCode, citizenIdHash } from "../sessions/credentials.object.js";
import { bookingDays, bookingRules, horizonOf, maskMobile, MOBILE_KEPT_DAYS, noShowBlock, slotsOf, usualDay, type Slot } from "./booking.js";

/** A booking under a block, for the manager's call (issue 26 §5): the mobile whole, here and nowhere else. */
export interface BlockedBooking {
  block: string;
  code: string;
  day: string;
  /** The half hour booked; null for an appointment a manager typed in for the whole day. */
  slot: string | null;
  category: string;
  /** What the booking says of the person (a manager's appointment note), if anything. */
  note: string | null;
  mobile: string | null;
  contacted: boolean;
}

/** The manager's 预约 tab for a day and service (GET /booking-board). */
export interface BookingBoard {
  date: string;
  category: string;
  days: string[];
  slots: Slot[];
  blocks: BookingBlock[];
  toCall: BlockedBooking[];
  noShows: Array<{ code: string; day: string; slot: string; category: string; mobile: string | null }>;
  blockedPeople: Array<{ person: string; noShows: number; until: string; mobile: string | null }>;
}

/** The audit log names a citizen's booking by this actor: never the person. */
export const ONLINE: Actor = { role: CITIZEN, name: "online booking", device: null };

/** Bookings one client (address) may make in ABUSE_WINDOW_MS; a bot filling slots meets it long before they are gone. */
export const BOOKINGS_PER_CLIENT = 5;
export const ABUSE_WINDOW_MS = 10 * 60_000;

export interface BookRequest {
  category: string;
  date: string;
  from: string;
  idHash: string;
  mobile: string;
  /** Who is asking (the client's address), for the per-client limit: kept only ten minutes, in `client_limits`. */
  client: string;
}

export type BookingRow = {
  code: string;
  day: string;
  slot: string;
  category: string;
  status: "booked" | "checked_in" | "cancelled";
  mobile: string | null;
};

/** Tickets from home one client (address) may take in ABUSE_WINDOW_MS (besides one per ID number per day, in the core). */
export const REMOTE_PER_CLIENT = 3;

export interface JoinRequest {
  category: string;
  idNumber: string;
  mobile: string;
  client: string;
}

export class HallBookings implements Part {
  readonly tables = ["bookings", "remote_tickets", "client_limits"];

  constructor(private readonly hall: Hall) {
    hall.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS bookings (
        day TEXT NOT NULL,
        code TEXT NOT NULL,
        slot TEXT NOT NULL,
        category TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        mobile TEXT,
        status TEXT NOT NULL,
        booked_at INTEGER NOT NULL,
        PRIMARY KEY (day, code)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS bookings_person ON bookings (id_hash, day);
      CREATE TABLE IF NOT EXISTS remote_tickets (
        day TEXT NOT NULL,
        code TEXT NOT NULL,
        ticket TEXT NOT NULL,
        mobile TEXT,
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (day, code)
      ) WITHOUT ROWID;
      -- Each booking or ticket from home a client made in the last ABUSE_WINDOW_MS: kept in storage
      -- so evicting the hall does not reset the limit; rows older than the window are deleted at
      -- each look, so it holds at most a few rows per client of the last ten minutes.
      CREATE TABLE IF NOT EXISTS client_limits (
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS client_limits_key ON client_limits (key, at);
    `);
  }

  get #sql() {
    return this.hall.ctx.storage.sql;
  }

  /** When `key` (a client, per kind of request) was counted within ABUSE_WINDOW_MS, oldest first; older rows are deleted first. */
  #recent(key: string, now: number): number[] {
    this.#sql.exec("DELETE FROM client_limits WHERE at <= ?", now - ABUSE_WINDOW_MS);
    return this.#sql.exec<{ at: number }>("SELECT at FROM client_limits WHERE key = ? ORDER BY at", key).toArray().map((r) => r.at);
  }

  /** Counts one more request by `key`: refused ones are not counted, and a client past its limit adds no row. */
  #count(key: string, now: number): void {
    this.#sql.exec("INSERT INTO client_limits (key, at) VALUES (?, ?)", key, now);
  }

  /** Issue 26 §4: the day's bookings still standing (booked or checked in), by half hour and category, for the day plan. */
  load(date: string): Array<{ slot: string; category: string; count: number }> {
    return this.#sql
      .exec<{ slot: string; category: string; n: number }>(
        "SELECT slot, category, COUNT(*) AS n FROM bookings WHERE day = ? AND status != 'cancelled' GROUP BY slot, category ORDER BY slot, category",
        date,
      )
      .toArray()
      .map((r) => ({ slot: r.slot, category: r.category, count: r.n }));
  }

  /** The half hours of `date` for `category`, from the saved plan or the usual day. */
  slots(state: HallState, date: string, category: string, plan: SavedPlan | null, now: number): Slot[] {
    const { timezone } = state.settings;
    const booked = new Map<string, number>();
    for (const r of this.#sql.exec<{ slot: string; n: number }>(
      "SELECT slot, COUNT(*) AS n FROM bookings WHERE day = ? AND category = ? AND status != 'cancelled' GROUP BY slot",
      date,
      category,
    )) {
      booked.set(r.slot, r.n);
    }
    const parts = localParts(now, timezone);
    const notBefore = date === localDay(now, timezone) ? parts.hour * 60 + parts.minute : 0;
    return slotsOf(state, plan ? plan.windows : usualDay(state), category, booked, notBefore, date);
  }

  /**
   * The manager's 预约 tab (issue 26 §5): `date`'s half hours for `category` by the same rule the
   * booking page offers them; the blocks from today on with the bookings they hold, for a call
   * (mobile whole: the route lets only CALLERS_BACK read this); the no-shows of the last
   * MOBILE_KEPT_DAYS days and who the no-show rule stops from booking, until when.
   */
  board(state: HallState, date: string, category: string, plan: SavedPlan | null, now: number): BookingBoard {
    const rules = bookingRules(state);
    const today = localDay(now, state.settings.timezone);
    const days = bookingDays(today, rules, horizonOf(state));
    const blocks = blocksOf(state).filter((b) => b.day >= today);
    const rows = new Map<string, { slot: string; mobile: string | null; status: string }>();
    for (const r of this.#sql.exec<{ code: string; day: string; slot: string; mobile: string | null; status: string }>(
      "SELECT code, day, slot, mobile, status FROM bookings WHERE day >= ?",
      today,
    )) {
      rows.set(`${r.day}|${r.code}`, r);
    }
    const toCall: BlockedBooking[] = [];
    for (const a of Object.values(state.appointments).sort((x, y) => x.day.localeCompare(y.day) || x.code.localeCompare(y.code))) {
      if (a.ticket) continue;
      const row = rows.get(`${a.day}|${a.code}`);
      const slot = row?.slot ?? null;
      const block = blocks.find((b) => underBlock(b, a.day, slot, a.category));
      if (!block) continue;
      toCall.push({ block: block.id, code: a.code, day: a.day, slot, category: a.category, note: row ? null : a.note, mobile: row?.mobile ?? null, contacted: block.contacted.includes(a.code) });
    }
    toCall.sort((x, y) => x.day.localeCompare(y.day) || (x.slot ?? "").localeCompare(y.slot ?? "") || x.code.localeCompare(y.code));
    const missed = this.#sql
      .exec<{ code: string; day: string; slot: string; category: string; mobile: string | null; id_hash: string }>(
        "SELECT code, day, slot, category, mobile, id_hash FROM bookings WHERE status = 'booked' AND day < ? ORDER BY day DESC, slot, code",
        today,
      )
      .toArray();
    const byPerson = new Map<string, typeof missed>();
    for (const m of missed) byPerson.set(m.id_hash, [...(byPerson.get(m.id_hash) ?? []), m]);
    const blockedPeople: BookingBoard["blockedPeople"] = [];
    for (const [hash, list] of byPerson) {
      const stop = noShowBlock(list.map((m) => m.day), today, rules);
      // The hash's first characters tell two people apart on the list without saying who they are.
      if (stop) blockedPeople.push({ person: hash.slice(0, 8), noShows: stop.count, until: stop.until, mobile: list.find((m) => m.mobile)?.mobile ? maskMobile(list.find((m) => m.mobile)!.mobile!) : null });
    }
    blockedPeople.sort((a, b) => b.until.localeCompare(a.until));
    const since = addDays(today, -MOBILE_KEPT_DAYS);
    const noShows = missed.filter((m) => m.day >= since).map((m) => ({ code: m.code, day: m.day, slot: m.slot, category: m.category, mobile: m.mobile ? maskMobile(m.mobile) : null }));
    return { date, category, days, slots: days.includes(date) ? this.slots(state, date, category, plan, now) : [], blocks, toCall, noShows, blockedPeople };
  }

  /** Books `request` if the day, the slot and the person allow it; the reply the API gives. */
  book(state: HallState, request: BookRequest, plan: SavedPlan | null, now: number): StoredReply {
    const { category, date, from, idHash } = request;
    const rules = bookingRules(state);
    const today = localDay(now, state.settings.timezone);
    const days = bookingDays(today, rules, horizonOf(state));
    if (!days.includes(date)) {
      return bad(400, "invalid", `${date} cannot be booked: choose one of the next ${rules.days} days the hall is open`, { date: days.length ? `${days[0]} … ${days.at(-1)}` : "booking is off" });
    }
    const slot = this.slots(state, date, category, plan, now).find((s) => s.from === from);
    if (!slot) return bad(400, "invalid", `${from} is not a half hour this service is open on ${date}`, { from: "not offered" });
    const recent = this.#recent(`book|${request.client}`, now);
    if (recent.length >= BOOKINGS_PER_CLIENT) {
      return bad(429, "too_many", `too many bookings from this device: try again in ${Math.ceil((recent[0]! + ABUSE_WINDOW_MS - now) / 60_000)} minutes`, { limit: BOOKINGS_PER_CLIENT });
    }
    const noShows = this.#sql
      .exec<{ day: string }>("SELECT day FROM bookings WHERE id_hash = ? AND status = 'booked' AND day < ?", idHash, today)
      .toArray()
      .map((r) => r.day);
    const blocked = noShowBlock(noShows, today, rules);
    if (blocked) {
      return bad(403, "forbidden", `${blocked.count} missed bookings in ${rules.noShowDays} days: booking is blocked until ${blocked.until}`, { until: blocked.until, noShows: blocked.count });
    }
    const held = this.#sql.exec<{ code: string }>("SELECT code FROM bookings WHERE id_hash = ? AND day = ? AND status = 'booked'", idHash, date).toArray()[0];
    if (held) return bad(409, "conflict", `this ID number already holds a booking on ${date}: one per person per day`, { date: "one booking per person per day" });
    if (slot.blocked !== null) {
      return bad(409, "conflict", `${date} ${slot.from}–${slot.to} 暂停预约：${slot.blocked} · closed to bookings: ${slot.blocked}; choose another half hour`, { from: "blocked", block: slot.block, reason: slot.blocked });
    }
    if (!slot.open) return bad(409, "conflict", `${date} ${slot.from}–${slot.to} is full or has begun: choose another half hour`, { from: "full" });

    const taken: Record<string, unknown> = { ...state.appointments };
    for (const r of this.#sql.exec<{ code: string }>("SELECT code FROM bookings WHERE day >= ?", today)) taken[r.code] = true;
    const code = appointmentCode(taken);
    const reply = this.hall.apply({ type: "book_appointment", code, category, day: date, note: `线上预约 ${slot.from}–${slot.to}` }, ONLINE, (sql) =>
      sql.exec(
        "INSERT INTO bookings (day, code, slot, category, id_hash, mobile, status, booked_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)",
        date,
        code,
        slot.from,
        category,
        idHash,
        request.mobile,
        now,
      ),
    );
    if (reply.status !== 201) return reply;
    this.#count(`book|${request.client}`, now);
    return { status: 201, body: { code, date, from: slot.from, to: slot.to, category } };
  }

  /** The API's answer for the slots of `date`: the days that may be booked, and the half hours of `date` among them. */
  slotsReply(state: HallState, date: string, category: string, plan: SavedPlan | null): StoredReply {
    if (!state.categories.some((c) => c.id === category)) return unknownCategory(category);
    const now = this.hall.clock();
    const days = bookingDays(localDay(now, state.settings.timezone), bookingRules(state), horizonOf(state));
    const slots = days.includes(date) ? this.slots(state, date, category, plan, now) : [];
    return { status: 200, body: { date, category, days, slots } };
  }

  /**
   * A citizen's booking: the ID number becomes the hall's keyed hash first — scoped to the hall
   * but not the day, so the hall can count one person's no-shows — and the hall is read after
   * that await, so every check and the write run together with nothing in between.
   */
  async bookCitizen(request: Omit<BookRequest, "idHash"> & { idNumber: string }, state: () => HallState, plan: SavedPlan | null): Promise<StoredReply> {
    const secret = ticketSecret(this.hall.env);
    if (!secret.ok) return { status: 503, body: refusal("not_configured", secret.problem) };
    const { idNumber, ...rest } = request;
    const idHash = await citizenIdHash(secret.secret, state().hall, "booking", idNumber);
    const hall = state();
    if (!hall.categories.some((c) => c.id === request.category)) return unknownCategory(request.category);
    return this.book(hall, { ...rest, idHash }, plan, this.hall.clock());
  }

  /**
   * A citizen joins today's queue from home (线上取号, worker/core/remote.ts). The ID number
   * becomes the kiosk's keyed hash for the hall and day, so the kiosk's one-active-ticket rule and
   * the core's one-ticket-from-home-a-day rule both see the same person; the mobile number stays
   * here for reminders, beside the log and never in it.
   */
  async joinCitizen(request: JoinRequest, state: () => HallState): Promise<StoredReply> {
    const secret = ticketSecret(this.hall.env);
    if (!secret.ok) return { status: 503, body: refusal("not_configured", secret.problem) };
    const day = localDay(this.hall.clock(), state().settings.timezone);
    const idHash = await citizenIdHash(secret.secret, state().hall, day, request.idNumber);
    // Everything from here runs without an await: no other request slips between the checks and the write.
    const hall = state();
    const now = this.hall.clock();
    const key = `remote|${request.client}`;
    const recent = this.#recent(key, now);
    if (recent.length >= REMOTE_PER_CLIENT) {
      return bad(429, "too_many", `too many tickets from this device: try again in ${Math.ceil((recent[0]! + ABUSE_WINDOW_MS - now) / 60_000)} minutes`, { limit: REMOTE_PER_CLIENT });
    }
    const taken: Record<string, unknown> = { ...hall.appointments };
    for (const r of this.#sql.exec<{ code: string }>("SELECT code FROM bookings WHERE day >= ? UNION SELECT code FROM remote_tickets WHERE day = ?", hall.day, hall.day)) taken[r.code] = true;
    const code = appointmentCode(taken);
    const reply = this.hall.apply({ type: "join_remote", category: request.category, code, citizen: { idHash } }, ONLINE, (sql) =>
      sql.exec("INSERT INTO remote_tickets (day, code, ticket, mobile, joined_at) VALUES (?, ?, ?, ?, ?)", hall.day, code, `${hall.day}|${code}`, request.mobile, now),
    );
    if (reply.status !== 201) return reply;
    this.#count(key, now);
    const body = reply.body as { ticket: Ticket; ahead: number; estimatedWaitMinutes: number | null };
    this.#sql.exec("UPDATE remote_tickets SET ticket = ? WHERE day = ? AND code = ?", body.ticket.id, hall.day, code);
    return { status: 201, body: { ...body, code, ticket: publicTicket(body.ticket) } };
  }

  /** A booking as its status page shows it, with its service's names; null for an unknown code. */
  statusOf(state: HallState, code: string, day: string): (BookingRow & { to: string; names: Record<string, string> | null }) | null {
    const row = this.find(code, day);
    return row && { ...row, names: state.categories.find((c) => c.id === row.category)?.names ?? null };
  }

  /** The citizen cancels from the status page: the core's `cancel_appointment`, as "online booking"; null for an unknown code. */
  cancel(state: HallState, code: string, day: string): StoredReply | null {
    const row = this.find(code, day);
    if (!row) return null;
    if (row.status !== "booked" || !state.appointments[code]) {
      return bad(409, "conflict", `booking ${code} is ${row.status === "booked" ? "past" : row.status.replace("_", " ")}: nothing to cancel`, { code });
    }
    return this.hall.apply({ type: "cancel_appointment", code }, ONLINE);
  }

  /** One booking as its status page shows it; the mobile masked. */
  find(code: string, day?: string): (BookingRow & { to: string }) | null {
    const row = this.#sql
      .exec<BookingRow>(
        `SELECT code, day, slot, category, status, mobile FROM bookings WHERE code = ? ${day ? "AND day = ?" : ""} ORDER BY day DESC LIMIT 1`,
        ...(day ? [code, day] : [code]),
      )
      .toArray()[0];
    if (!row) return null;
    const [h, m] = row.slot.split(":").map(Number) as [number, number];
    const end = h * 60 + m + 30;
    const to = `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
    return { ...row, to, mobile: row.mobile ? maskMobile(row.mobile) : null };
  }

  /** A check-in or a cancellation in the log moves the booking with it, in the same transaction. */
  record(before: HallState, outcome: Written, now: number): void {
    for (const e of outcome.events) {
      if (e.type === "ticket.issued" && e.ticket.appointment) {
        this.#sql.exec("UPDATE bookings SET status = 'checked_in' WHERE code = ? AND day = ?", e.ticket.appointment, outcome.state.day);
      } else if (e.type === "appointment.cancelled") {
        this.#sql.exec("UPDATE bookings SET status = 'cancelled' WHERE code = ? AND day = ?", e.appointment.code, e.appointment.day);
      } else if (e.type === "hall.reset" && e.day !== before.day) {
        this.#forget(outcome.state, e.day);
      }
    }
    void now;
  }

  /** Mobile numbers go MOBILE_KEPT_DAYS after their day; rows (hashes only) once no no-show rule can count them. */
  #forget(state: HallState, today: string): void {
    this.#sql.exec("UPDATE bookings SET mobile = NULL WHERE mobile IS NOT NULL AND day < ?", addDays(today, -MOBILE_KEPT_DAYS));
    this.#sql.exec("DELETE FROM bookings WHERE day < ?", addDays(today, -bookingRules(state).noShowDays - 1));
    this.#sql.exec("DELETE FROM remote_tickets WHERE day < ?", addDays(today, -MOBILE_KEPT_DAYS));
  }
}

function bad(status: number, code: Parameters<typeof refusal>[0], error: string, details: Record<string, unknown>): StoredReply {
  return { status, body: refusal(code, error, details) };
}

function unknownCategory(category: string): StoredReply {
  return bad(404, "unknown_category", `no category "${category}" in this hall`, { category });
}

/**
 * A citizen's booking by code and day as a webhook delivers it (worker/webhooks), the mobile in
 * clear — only webhooks a manager turned `mobile` on send it; null for an appointment typed in by
 * a manager or a booking system.
 */
export function citizenBooking(sql: SqlStorage, code: string, day: string): { code: string; day: string; from: string; to: string; category: string; mobile: string | null } | null {
  const row = sql.exec<BookingRow>("SELECT code, day, slot, category, status, mobile FROM bookings WHERE code = ? AND day = ?", code, day).toArray()[0];
  if (!row) return null;
  const [h, m] = row.slot.split(":").map(Number) as [number, number];
  const end = h * 60 + m + 30;
  const to = `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
  return { code: row.code, day: row.day, from: row.slot, to, category: row.category, mobile: row.mobile };
}

/** The mobile number given with a ticket from home, for a webhook with `mobile` on; null for any other ticket. */
export function remoteMobile(sql: SqlStorage, day: string, code: string): string | null {
  return sql.exec<{ mobile: string | null }>("SELECT mobile FROM remote_tickets WHERE day = ? AND code = ?", day, code).toArray()[0]?.mobile ?? null;
}

/** Citizens' bookings still booked on `from`..`to` (dates), for their reminders (worker/appointments/reminders.ts). */
export function upcomingBookings(sql: SqlStorage, from: string, to: string): Array<{ code: string; day: string; slot: string; bookedAt: number }> {
  return sql
    .exec<{ code: string; day: string; slot: string; booked_at: number }>("SELECT code, day, slot, booked_at FROM bookings WHERE day >= ? AND day <= ? AND status = 'booked'", from, to)
    .toArray()
    .map((r) => ({ code: r.code, day: r.day, slot: r.slot, bookedAt: r.booked_at }));
}
