/**
 * The hall's webhooks: the thin shell around worker/webhooks. Each command's deliveries are
 * queued in its own transaction (`record`, a Part: worker/hall-object/part.ts), then sent
 * outside it by the hall's alarm (`plan`, a Waker): at least once, strictly in order per webhook
 * — one in flight at a time, so a failing delivery holds back the ones behind it for that
 * webhook only — and retried with backoff (worker/webhooks/backoff.ts) for 24 hours from the
 * event. Then it is marked failed, with every delivery behind it that also ran out of time
 * waiting, and the webhook moves on to the next: the receiver can fill the gap from the event
 * export by seq. The webhook stays on; a manager removes it.
 *
 * Nothing lives only in memory but what is in flight: after an eviction or a restart the outbox
 * is still in SQLite, and the alarm (set while anything waits) wakes the hall to carry on.
 */
import { signTicket, ticketSecret } from "../access/ticket-token.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { ticketOf } from "../core/ledger.js";
import type { Env } from "../env.js";
import { refusal } from "../edge/refusal.js";
import { retryAt, RETRY_FOR_MS } from "./backoff.js";
import { bookingDelivery, deliveryHeaders, deliveryId, eventDelivery, nearDelivery, type Delivery } from "./delivery.js";
import { NEAR, subscribes, type BookingEventType } from "./events.js";
import { citizenBooking, remoteMobile, upcomingBookings } from "../appointments/bookings.object.js";
import { dueReminders } from "../appointments/reminders.js";
import { addDays } from "../core/schedule.js";
import { nearTickets, type NearTicket } from "./near.js";
import type { Part, Written } from "../hall-object/part.js";
import type { Actor } from "../hall-object/protocol.js";
import { writeAudit, type StoredReply } from "../hall-object/storage.js";
import * as store from "./store.object.js";
import type { Hook, OutboxRow } from "./store.object.js";

/** A receiver that has not answered in this long has failed this try. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** While a delivery is in flight the alarm stays set this far ahead, in case the hall is evicted mid-try. */
const IN_FLIGHT_GUARD_MS = DELIVERY_TIMEOUT_MS + 5_000;
export const MAX_WEBHOOKS = 10;

export type WebhookRequest =
  | { op: "create"; url: string; events: string[]; description: string | null; mobile: boolean; origin: string; actor: Actor }
  | { op: "list" }
  | { op: "remove"; id: string; actor: Actor }
  | { op: "deliveries"; id: string; limit: number };

const iso = (ms: number) => new Date(ms).toISOString();

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const view = (h: Hook) => ({ id: h.id, url: h.url, events: h.events, description: h.description, createdAt: h.createdAt, createdBy: h.createdBy, startsAfter: h.startsAfter, mobile: h.mobile });

const unknownWebhook = (id: string): StoredReply => ({
  status: 404,
  body: refusal("not_found", `no webhook ${id} in this hall`, { webhook: id }),
});

export class HallWebhooks implements Part {
  readonly tables = ["webhooks", "webhook_outbox", "webhook_attempts", "webhook_near", "webhook_reminders"];
  #hooks = new Map<string, Hook>();
  /** Webhook id → when its delivery in flight was sent (hall clock). */
  #flights = new Map<string, number>();
  /** Each flight and the planning after it, so an alarm can wait for all of them. */
  #chains = new Set<Promise<void>>();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    private readonly clock: () => number,
    private readonly reschedule: () => Promise<void>,
  ) {
    store.migrateWebhooks(ctx.storage.sql);
    for (const h of store.loadHooks(ctx.storage.sql)) this.#hooks.set(h.id, h);
  }

  /**
   * Inside the command's transaction: a delivery of each event for every webhook subscribed to
   * its type, then a `ticket.near` for each ticket the command brought near (with the seq of its
   * last event), so the outbox holds exactly what the log holds.
   */
  record(_before: HallState, outcome: Written, now: number): void {
    const { state: after, events } = outcome;
    if (events.length === 0 || this.#hooks.size === 0) return;
    const sql = this.ctx.storage.sql;
    if (events.some((e) => e.type === "hall.reset")) store.pruneForNewDay(sql, now);
    const hooks = [...this.#hooks.values()];
    for (const h of hooks) for (const e of events) if (subscribes(h.events, e.type)) store.enqueue(sql, h.id, e.seq, e.type, null, now);
    this.#bookings(hooks, events, now);
    const listening = hooks.filter((h) => subscribes(h.events, NEAR));
    if (listening.length === 0) return;
    const cause = events.at(-1)!;
    for (const near of nearTickets(after, now, (ticket) => store.wasNear(sql, ticket))) {
      store.markNear(sql, near.ticket.id, now);
      const code = listening.some((h) => h.mobile) ? ticketOf(after, near.ticket.id)?.remote?.code : undefined;
      const mobile = code ? remoteMobile(sql, after.day, code) : null;
      for (const h of listening) store.enqueue(sql, h.id, cause.seq, NEAR, JSON.stringify({ at: cause.at, near, ...(h.mobile && mobile ? { mobile } : {}) }), now);
    }
  }

  /**
   * Issue 26: a citizen's own booking made or cancelled becomes `booking.made` or
   * `booking.cancelled` beside the log's appointment event (same seq), with the booking's half
   * hour; the mobile number only for a webhook that has `mobile` on.
   */
  #bookings(hooks: Hook[], events: readonly HallEvent[], now: number): void {
    const sql = this.ctx.storage.sql;
    for (const e of events) {
      if (e.type !== "appointment.booked" && e.type !== "appointment.cancelled") continue;
      const type = e.type === "appointment.booked" ? "booking.made" : "booking.cancelled";
      const listening = hooks.filter((h) => subscribes(h.events, type));
      if (listening.length === 0) continue;
      const row = citizenBooking(sql, e.appointment.code, e.appointment.day);
      if (!row) continue; // typed in by a manager or a booking system: no citizen's booking
      const booking = { code: row.code, day: row.day, from: row.from, to: row.to, category: row.category };
      for (const h of listening) {
        const data = { at: e.at, booking, ...(h.mobile && row.mobile ? { mobile: row.mobile } : {}) };
        store.enqueue(sql, h.id, e.seq, type, JSON.stringify(data), now);
      }
    }
  }

  /**
   * Issue 26: `booking.reminder` for each citizen's booking the evening before and an hour
   * before (worker/appointments/reminders.ts), queued once each when due; when the next falls
   * due, or null. Nothing is asked of the bookings while no webhook wants reminders.
   */
  #remind(state: HallState, now: number): number | null {
    const hooks = [...this.#hooks.values()].filter((h) => subscribes(h.events, "booking.reminder"));
    if (hooks.length === 0 || !state.settings) return null;
    const sql = this.ctx.storage.sql;
    const bookings = upcomingBookings(sql, state.day, addDays(state.day, 1));
    const sent = (code: string, day: string, kind: string) => sql.exec("SELECT 1 FROM webhook_reminders WHERE day = ? AND code = ? AND kind = ?", day, code, kind).toArray().length > 0;
    const { due, next } = dueReminders(bookings, sent, now, state.settings.timezone);
    if (due.length > 0) {
      this.ctx.storage.transactionSync(() => {
        for (const r of due) {
          sql.exec("INSERT INTO webhook_reminders (day, code, kind) VALUES (?, ?, ?)", r.day, r.code, r.kind);
          const row = citizenBooking(sql, r.code, r.day)!;
          const booking = { code: row.code, day: row.day, from: row.from, to: row.to, category: row.category };
          for (const h of hooks) {
            const data = { at: iso(now), booking, reminder: r.kind, ...(h.mobile && row.mobile ? { mobile: row.mobile } : {}) };
            store.enqueue(sql, h.id, state.seq, "booking.reminder", JSON.stringify(data), now);
          }
        }
        sql.exec("DELETE FROM webhook_reminders WHERE day < ?", state.day);
      });
    }
    return next;
  }

  /** Whether any webhook receives citizens' mobile numbers: the booking page says so. */
  sharesMobiles(): boolean {
    return [...this.#hooks.values()].some((h) => h.mobile);
  }

  /** Sends each webhook's next delivery when it is due (in the background) and says when the next retry is. */
  plan(state: HallState, now: number): number | null {
    let next = this.#remind(state, now) ?? Infinity;
    for (const hook of this.#hooks.values()) {
      const since = this.#flights.get(hook.id);
      if (since !== undefined) {
        next = Math.min(next, since + IN_FLIGHT_GUARD_MS);
        continue;
      }
      const head = store.headOf(this.ctx.storage.sql, hook.id);
      if (!head) continue;
      if (head.next_at > now) {
        next = Math.min(next, head.next_at);
        continue;
      }
      this.#fly(state.hall, hook, head, now);
      next = Math.min(next, now + IN_FLIGHT_GUARD_MS);
    }
    return next === Infinity ? null : next;
  }

  /** Resolves once nothing is in flight and nothing due now is left to send (the alarm waits for it). */
  async settled(): Promise<void> {
    while (this.#chains.size > 0) await Promise.allSettled([...this.#chains]);
  }

  handle(state: HallState, request: WebhookRequest): StoredReply {
    const sql = this.ctx.storage.sql;
    const now = this.clock();
    switch (request.op) {
      case "create":
        return this.#create(state, request, now);
      case "list":
        return { status: 200, body: { webhooks: [...this.#hooks.values()].map((h) => ({ ...view(h), ...this.#counts(h) })) } };
      case "remove": {
        const hook = this.#hooks.get(request.id);
        if (!hook) return unknownWebhook(request.id);
        this.ctx.storage.transactionSync(() => {
          store.deleteHook(sql, hook.id);
          this.#audit(request.actor, "delete_webhook", hook, now);
        });
        this.#hooks.delete(hook.id);
        return { status: 200, body: { webhook: view(hook) } };
      }
      case "deliveries": {
        const hook = this.#hooks.get(request.id);
        if (!hook) return unknownWebhook(request.id);
        const deliveries = store.recentDeliveries(sql, hook.id, request.limit).map((r) => ({
          id: r.id,
          delivery: deliveryId(state.hall, r.seq, r.near === null ? undefined : (JSON.parse(r.near) as { near: NearTicket }).near.ticket.id),
          seq: r.seq,
          type: r.type,
          state: r.state,
          attempts: r.attempts,
          queuedAt: iso(r.queued_at),
          nextAttemptAt: r.state === "pending" ? iso(r.next_at) : null,
          doneAt: r.done_at === null ? null : iso(r.done_at),
          lastStatus: r.last_status,
          lastError: r.last_error,
          tries: r.tries.map((t) => ({ ...t, at: iso(t.at) })),
        }));
        return { status: 200, body: { webhook: hook.id, deliveries } };
      }
    }
  }

  #create(state: HallState, r: Extract<WebhookRequest, { op: "create" }>, now: number): StoredReply {
    if (this.#hooks.size >= MAX_WEBHOOKS) {
      return { status: 409, body: refusal("conflict", `a hall has at most ${MAX_WEBHOOKS} webhooks: delete one first`, { cap: "webhooks", limit: MAX_WEBHOOKS }) };
    }
    const hook: Hook = {
      id: `wh_${randomHex(8)}`,
      url: r.url,
      events: r.events,
      description: r.description,
      secret: `whsec_${randomHex(32)}`,
      origin: r.origin,
      createdAt: iso(now),
      createdBy: r.actor.name,
      startsAfter: state.seq,
      mobile: r.mobile,
    };
    this.ctx.storage.transactionSync(() => {
      store.insertHook(this.ctx.storage.sql, hook);
      this.#audit(r.actor, "create_webhook", hook, now);
    });
    this.#hooks.set(hook.id, hook);
    return { status: 201, body: { webhook: { ...view(hook), secret: hook.secret } } };
  }

  #audit(actor: Actor, action: string, hook: Hook, now: number): void {
    const detail = JSON.stringify({ url: hook.url, events: hook.events });
    writeAudit(this.ctx.storage.sql, { at: iso(now), role: actor.role, actor: actor.name, device: actor.device, action, target: `webhook:${hook.id}`, commandId: null, detail }, []);
  }

  #counts(h: Hook) {
    const c = store.countsOf(this.ctx.storage.sql, h.id);
    return { ...c, lastAttempt: c.lastAttempt && { ...c.lastAttempt, at: iso(c.lastAttempt.at) } };
  }

  #fly(hall: string, hook: Hook, row: OutboxRow, now: number): void {
    this.#flights.set(hook.id, now);
    const chain = this.#deliver(hall, hook, row)
      .catch((e) => console.error("webhook delivery could not be recorded", hall, hook.id, e))
      .finally(() => this.#flights.delete(hook.id))
      .then(() => this.reschedule())
      .catch((e) => console.error("webhook reschedule failed", hall, e));
    this.#chains.add(chain);
    void chain.finally(() => this.#chains.delete(chain));
    this.ctx.waitUntil(chain);
  }

  /** One try of `row`: POST it signed, then record the answer and what comes next. */
  async #deliver(hall: string, hook: Hook, row: OutboxRow): Promise<void> {
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    // Not AbortSignal.timeout: its timer would run its full 10 s after every delivery and keep the
    // hall from hibernating (or being evicted) meanwhile; this one is cleared as soon as it answers.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new DOMException(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`, "TimeoutError")), DELIVERY_TIMEOUT_MS);
    try {
      const delivery = await this.#bodyOf(hall, hook, row);
      const body = JSON.stringify(delivery);
      // Unix seconds on the machine's clock: the receiver checks it against its own.
      const headers = await deliveryHeaders(hook.secret, body, Math.floor(Date.now() / 1000), delivery);
      // Redirects are not followed: a 3xx is a failure, so a receiver cannot bounce the hall elsewhere.
      const res = await fetch(hook.url, { method: "POST", headers, body, redirect: "manual", signal: abort.signal });
      status = res.status;
      await res.body?.cancel();
      if (status < 200 || status > 299) error = `the receiver answered ${status}`;
    } catch (e) {
      const err = e as Error;
      error = err.name === "TimeoutError" ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : `not delivered: ${err.message}`.slice(0, 300);
    } finally {
      clearTimeout(timer);
    }
    const now = this.clock();
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      const current = store.rowById(sql, row.id);
      if (!current || current.state !== "pending") return; // its webhook was removed meanwhile
      store.recordAttempt(sql, row.id, { at: now, status, error, ms: Date.now() - started });
      if (error === null) return store.markDelivered(sql, row.id, now);
      const retry = retryAt(current.queued_at, current.attempts + 1, now);
      if (retry === null) store.markFailed(sql, current, now, RETRY_FOR_MS);
      else store.markRetry(sql, row.id, retry);
    });
  }

  async #bodyOf(hall: string, hook: Hook, row: OutboxRow): Promise<Delivery> {
    if (row.near === null) {
      const { body } = this.ctx.storage.sql.exec<{ body: string }>("SELECT body FROM events WHERE seq = ?", row.seq).one();
      return eventDelivery(hall, JSON.parse(body) as HallEvent);
    }
    if (row.type !== NEAR) {
      const { at, ...data } = JSON.parse(row.near) as { at: string; booking: { code: string } };
      return bookingDelivery(hall, row.seq, row.type as BookingEventType, at, data);
    }
    const { at, near, mobile } = JSON.parse(row.near) as { at: string; near: NearTicket; mobile?: string };
    const secret = ticketSecret(this.env);
    const statusPath = secret.ok ? `/t/${await signTicket(secret.secret, hall, near.ticket.id)}` : null;
    const delivery = nearDelivery(hall, row.seq, at, near, { statusPath, statusUrl: statusPath === null ? null : `${hook.origin}${statusPath}` });
    return mobile ? { ...delivery, data: { ...delivery.data, mobile } } : delivery;
  }
}
