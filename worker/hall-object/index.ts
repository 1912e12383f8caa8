/**
 * One Durable Object per hall: the single writer of its queue.
 *
 * It loads, persists, fans out and schedules; every rule lives in `worker/core`. Each command
 * is decided against the in-memory state, then its events, audit row and reply are written in
 * one SQLite transaction before the state is swapped and the events are sent, so a command is
 * either wholly applied and durable or not applied at all.
 */
import { DurableObject } from "cloudflare:workers";
import { decide, emptyHall, isConfigured, isRejection } from "../core/hall.js";
import { snapshotOf, type HallSnapshot } from "../core/snapshot.js";
import type { Command } from "../core/commands.js";
import type { Appointment, HallState, Staff } from "../core/model.js";
import type { ContentItem } from "../core/content-types.js";
import { DEMO_HALL, demoConfig } from "../demo/hall.js";
import { clockOf } from "../clock.js";
import { isDevelopment, type Env } from "../env.js";
import type { Device } from "../devices/devices.js";
import type { FleetRequest } from "../devices/hall-devices.object.js";
import type { ContactGiven, FollowUp, FollowUpClose } from "../ratings/follow-ups.object.js";
import { auditEntry } from "./audit.js";
import type { BookingRow, BookRequest, JoinRequest } from "../appointments/bookings.object.js";
import type { ArchiveList, ArchiveRef } from "../archives/hall-archives.object.js";
import type { ListedItem } from "../signage/hall-content.object.js";
import { HallAlarm } from "./alarm.js";
import type { PlanRequest } from "../planning/day-plans.object.js";
import type { ReportHealth } from "../regions/report.object.js";
import { seedDemoHistory } from "../demo/history.js";
import { eventPage, type EventPage } from "../event-log/export.object.js";
import { boundWindows, HallLive } from "./live.js";
import type { Hall, Part } from "./part.js";
import { partsOf, type Parts } from "./parts.js";
import { prepare } from "./prepare.js";
import { previewChanges } from "./preview.js";
import { earlierReply, replyFor } from "./replies.js";
import { refusal, rejected } from "../edge/refusal.js";
import type { SecretCheck, SessionView, SignInReply } from "../sessions/hall-sessions.object.js";
import type { Place } from "../sessions/sign-in-limits.js";
import { pinMatches } from "../sessions/credentials.object.js";
import type { InsightQuestion } from "../statistics/hall-stats.object.js";
import { countHandled, countWake } from "../service/wakes.js";
import type { WebhookRequest } from "../webhooks/hall-webhooks.object.js";
import { auditPage, holdsTables, migrate, persist, Snapshots, type AuditRow, type StoredReply } from "./storage.js";
import { guarded } from "./guard.js";
import { runBench, type BenchRequest } from "./bench.js";
import { mediaStore } from "../media/store.js";
import type { Actor, CommandReply, CommandRequest } from "./protocol.js";

export type { Actor, CommandReply, CommandRequest } from "./protocol.js";


const SYSTEM: Actor = { role: "system", name: "hall clock", device: null };

export class HallObject extends DurableObject<Env> {
  #state: HallState;
  /** Each capability's share of the hall (parts.ts), by name; `#each` is the same list in order. */
  #parts!: Parts;
  #each!: Part[];
  #live!: HallLive;
  #alarm!: HallAlarm;
  /** Whether the tables exist and the parts are built (#build); not until the hall is configured. */
  #built = false;
  #snapshots = new Snapshots();
  /** The hall's clock (worker/clock.ts); tests move it to cross midnight. */
  clock: () => number;
  /** The password hash check (PBKDF2); tests slow it down or count its calls. */
  checkSecret: SecretCheck = pinMatches;

  constructor(ctx: DurableObjectState, env: Env) {
    // Every SQLite statement and key-value put goes through the storage guard (guard.ts).
    super(ctx, env);
    // A refused write raises the console's storage alarm once its transaction has rolled back.
    ctx = guarded(ctx, (refused) => queueMicrotask(() => this.#storageRefused(refused)));
    (this as unknown as { ctx: DurableObjectState }).ctx = ctx;
    this.clock = clockOf(env);
    if (isDevelopment(env)) countWake(ctx.id.name ?? ctx.id.toString());
    this.#state = emptyHall(ctx.id.name ?? "");
    // A hall that never stored anything stays without tables until it is configured, so a
    // stranger naming a made-up hall creates no database (issue 23 §3); every read of an
    // unconfigured hall answers "unknown hall" before it touches a table.
    if (holdsTables(ctx.storage.sql)) this.#build();
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /**
   * Waking from hibernation is construction: rebuild the state from SQLite every time, then
   * build the parts, each creating its tables and reloading what it keeps (part.ts).
   */
  #build(): void {
    const ctx = this.ctx;
    migrate(ctx.storage.sql);
    this.#state = this.#snapshots.load(ctx.storage.sql, ctx.id.name ?? this.#state.hall);
    const hall: Hall = {
      ctx,
      env: this.env,
      clock: () => this.clock(),
      apply: (command, actor, alsoWrite) => this.#apply(command, actor, null, JSON.stringify(command), alsoWrite),
      watching: (which) => this.#live.watching(which),
      render: (which) => void this.#live.renderViews(which),
      schedule: () => this.#schedule(),
    };
    this.#parts = partsOf(hall);
    this.#each = Object.values(this.#parts);
    const { devices, stats, plans } = this.#parts;
    const { storageAlarms } = this.#parts;
    this.#live = new HallLive(ctx, () => this.#state, () => this.clock(), devices, stats, () => plans.today(this.#state), () => storageAlarms.shown(this.#state.day), () => this.#parts.archives.liveFrom().events);
    this.#alarm = new HallAlarm(ctx.storage, () => this.clock());
    this.#built = true;
  }

  /** Applies one command; the reply is what the HTTP API returns. */
  async execute(request: CommandRequest): Promise<CommandReply> {
    this.#adopt(request.hall);
    if (!this.#built) {
      // Only `configure` makes a hall; anything else is refused before a table exists.
      const outcome = decide(this.#state, request.command, this.clock());
      if (isRejection(outcome)) return rejected(outcome);
      this.#build();
    }
    const fingerprint = JSON.stringify(request.command);
    const prepared = request.command.type.endsWith("_content")
      ? await this.#parts.content.prepare(request.command, request.upload, this.#state, this.clock())
      : await prepare(request, this.#state, this.env, this.ctx.storage.sql, this.clock());
    // Checked after the awaits above, so nothing can slip in between the check and the write.
    const earlier = request.commandId ? earlierReply(this.ctx.storage.sql, request.commandId, fingerprint) : null;
    if (earlier) return earlier;
    if ("refused" in prepared) return prepared.refused;
    const reply = this.#apply(prepared.command, request.actor, request.commandId ?? null, fingerprint, prepared.alsoWrite);
    prepared.after?.(reply, this.#state);
    await this.#schedule();
    return reply;
  }

  /** A manager's window changes played on a copy of the hall: estimated waits before and after. */
  async preview(hall: string, commands: Command[]): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true });
    return state && previewChanges(state, commands, this.clock());
  }

  /** Staff accounts by badge; PIN hashes stay in their own table. */
  async staffList(hall: string): Promise<Staff[] | null> {
    const state = await this.#open(hall);
    return state && Object.values(state.staff).sort((a, b) => a.badge.localeCompare(b.badge));
  }

  /** Whether the hall has this window; null for an unknown hall. */
  async hasWindow(hall: string, window: string): Promise<boolean | null> {
    const state = await this.#open(hall);
    return state && state.windows.some((w) => w.id === window);
  }

  /**
   * A person signs in with badge and password from a place, a paired device of this hall or a
   * client address (worker/sessions/hall-sessions.object.ts); null for an unknown hall.
   */
  async signIn(hall: string, badge: string, password: string, device: string | null, place: Place, refusedInWorker = 0): Promise<SignInReply | null> {
    // The state is read when this sign-in's turn comes (it waits for the one before).
    return (
      (await this.#open(hall)) &&
      this.#parts.sessions.signIn(() => this.#state, badge, password, () => this.clock(), device, place, (secret, record) => this.checkSecret(secret, record), refusedInWorker)
    );
  }

  /** Who holds this session, while it lasts. */
  async sessionOf(hall: string, id: string, secret: string): Promise<SessionView | null> {
    const state = await this.#open(hall);
    return state && this.#parts.sessions.person(state, id, secret, this.clock());
  }

  async signOut(hall: string, id: string, secret: string, device: string | null): Promise<boolean> {
    const state = await this.#open(hall);
    return state !== null && this.#parts.sessions.signOut(state, id, secret, this.clock(), device);
  }

  /** The bookings for `day` (all days from today when null), in booking order. */
  async appointments(hall: string, day: string | null): Promise<Appointment[] | null> {
    const state = await this.#open(hall, { rollover: true });
    const booked = state && Object.values(state.appointments).filter((a) => day === null || a.day === day);
    return booked && booked.sort((a, b) => a.day.localeCompare(b.day) || a.bookedAt.localeCompare(b.bookedAt));
  }

  /** The half hours citizens may book on `date` for `category` (worker/appointments); null for an unknown hall. */
  async bookingSlots(hall: string, date: string, category: string): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true });
    return state && this.#parts.bookings.slotsReply(state, date, category, this.#parts.plans.saved(date));
  }

  /** The manager's 预约 tab for `date` and `category` (issue 26 §5), mobiles whole on the call list; null for an unknown hall. */
  async bookingBoard(hall: string, date: string, category: string): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true });
    if (!state) return null;
    if (!state.categories.some((c) => c.id === category)) return { status: 404, body: refusal("unknown_category", `no category "${category}" in this hall`, { category }) };
    return { status: 200, body: this.#parts.bookings.board(state, date, category, this.#parts.plans.saved(date), this.clock()) };
  }

  /** The bookings standing for `date` by half hour and category, for the day plan (issue 26 §4); null for an unknown hall. */
  async bookedLoad(hall: string, date: string): Promise<Array<{ slot: string; category: string; count: number }> | null> {
    if (!(await this.#open(hall))) return null;
    return this.#parts.bookings.load(date);
  }

  /** A citizen books a half hour (worker/appointments/bookings.object.ts); the ID number becomes the hall's keyed hash first. */
  async book(hall: string, request: Omit<BookRequest, "idHash"> & { idNumber: string }): Promise<StoredReply | null> {
    if (!(await this.#open(hall, { rollover: true }))) return null;
    const reply = await this.#parts.bookings.bookCitizen(request, () => this.#state, this.#parts.plans.saved(request.date));
    await this.#schedule();
    return reply;
  }

  /** Whether a webhook of the hall receives citizens' mobile numbers: the booking page says so. */
  async sharesMobiles(hall: string): Promise<boolean> {
    return (await this.#open(hall)) !== null && this.#parts.webhooks.sharesMobiles();
  }

  /** A citizen joins today's queue from home (worker/core/remote.ts); null for an unknown hall. */
  async joinRemote(hall: string, request: JoinRequest): Promise<StoredReply | null> {
    if (!(await this.#open(hall, { rollover: true }))) return null;
    const reply = await this.#parts.bookings.joinCitizen(request, () => this.#state);
    await this.#schedule();
    return reply;
  }

  /** One citizen's booking for its status page, mobile masked; null for an unknown hall or code. */
  async booking(hall: string, code: string, day: string): Promise<(BookingRow & { to: string; names: Record<string, string> | null }) | null> {
    const state = await this.#open(hall, { rollover: true });
    return state && this.#parts.bookings.statusOf(state, code, day);
  }

  /** The citizen cancels from the status page: the core's `cancel_appointment`, as the actor "online booking". */
  async cancelBooking(hall: string, code: string, day: string): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true });
    const reply = state && this.#parts.bookings.cancel(state, code, day);
    await this.#schedule();
    return reply;
  }

  /** The audit log, newest first: who did what, when, from which device. */
  async audit(hall: string, limit: number, before: number | null): Promise<{ entries: AuditRow[]; next: number | null } | null> {
    if (!(await this.#open(hall))) return null;
    this.#parts.sessions.writeRefusals();
    return auditPage(this.ctx.storage.sql, limit, before);
  }

  /** The event log for export (worker/event-log/export.object.ts): `take` public events after `after`, and where a page of `limit` ends. */
  async eventLog(hall: string, after: number, limit: number, take: number): Promise<EventPage | null> {
    const state = await this.#open(hall, { rollover: true, schedule: true });
    return state && eventPage(this.ctx.storage.sql, state.seq, after, limit, take);
  }

  /** The hall's archives of old events and audit rows (worker/archives), or only `one`, and where the live logs start. */
  async archives(hall: string, one?: ArchiveRef): Promise<ArchiveList | null> {
    return (await this.#open(hall)) && this.#parts.archives.list(one);
  }

  /** Follow-ups (回访) of 差评: list them, or mark one done with a note (worker/ratings/follow-ups.object.ts). */
  async followUps(hall: string, state: "open" | "done" | "all", reveal = false): Promise<FollowUp[] | null> {
    return (await this.#open(hall)) && this.#parts.followUps.list(state, reveal);
  }

  /** The call-back number a citizen left at the evaluator after a 差评 (issue 25 item 5). */
  async followUpContact(hall: string, window: string, ticket: string, mobile: string, actor: Actor): Promise<ContactGiven | null> {
    return (await this.#open(hall)) && this.#parts.followUps.contact(window, ticket, mobile, actor, this.clock());
  }

  async closeFollowUp(hall: string, id: number, note: string, actor: Actor): Promise<FollowUpClose | null> {
    return (await this.#open(hall)) && this.#parts.followUps.close(id, note, actor, this.clock());
  }

  /** Statistics or staffing advice (worker/statistics/hall-stats.object.ts), or null for an unknown hall. */
  async insights(hall: string, question: InsightQuestion): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true, schedule: true });
    return state && this.#parts.stats.answer(state, question, this.clock());
  }

  /** The plan applied for a day (worker/planning/day-plans.object.ts): get, save or remove it. */
  async dayPlan(hall: string, request: PlanRequest): Promise<StoredReply | null> {
    const state = await this.#open(hall, { rollover: true });
    if (!state) return null;
    const reply = this.#parts.plans.handle(state, request, this.clock());
    await this.#schedule();
    return reply;
  }

  /** The hall's signage items in play order, each with whether it is on now (worker/signage/hall-content.object.ts). */
  async contentList(hall: string): Promise<ListedItem[] | null> {
    const state = await this.#open(hall);
    return state && this.#parts.content.list(state, this.clock());
  }

  /** A region's items for this hall (worker/regions/content.object.ts pushes them); false for an unknown hall. */
  async regionContent(hall: string, region: string, version: number, items: ContentItem[]): Promise<boolean> {
    if (!(await this.#open(hall))) return false;
    const summary = JSON.stringify({ type: "sync_region_content", region, version, items: items.map((i) => i.id) });
    this.#apply({ type: "sync_region_content", region, version, items }, { ...SYSTEM, name: `region ${region}` }, null, summary);
    await this.#schedule();
    return true;
  }

  /** The hall's devices (worker/devices/hall-devices.object.ts): pair, list, re-assign, revoke. */
  async fleet(hall: string, request: FleetRequest): Promise<StoredReply | null> {
    const state = await this.#open(hall);
    return state && this.#parts.devices.handle(state, request, this.clock());
  }

  /** The hall's webhooks (worker/webhooks/hall-webhooks.object.ts): create, list, remove, their deliveries. */
  async webhooks(hall: string, request: WebhookRequest): Promise<StoredReply | null> {
    const state = await this.#open(hall);
    if (!state) return null;
    const reply = this.#parts.webhooks.handle(state, request);
    await this.#schedule();
    return reply;
  }

  /** The paired device this credential belongs to, or null (revoked, forged, another hall's). */
  async verifyDevice(hall: string, id: string, credential: string): Promise<Device | null> {
    if (!(await this.#open(hall))) return null;
    return this.#parts.devices.verify(id, credential, this.clock());
  }

  /** The hall as screens see it, or null when it was never configured. */
  async snapshot(hall: string): Promise<HallSnapshot | null> {
    const state = await this.#open(hall, { rollover: true, schedule: true });
    return state && snapshotOf(state, this.clock());
  }

  /** How its reports to its region fare, for `GET /api/health?hall=`; null for an unknown hall. */
  async reportHealth(hall: string): Promise<ReportHealth | null> {
    const state = await this.#open(hall);
    return state && this.#parts.reporter.health(state, this.clock());
  }

  /** A page's first paint, from the same view that renders its live updates. */
  async page(
    hall: string,
    viewName: string,
    query: Record<string, string>,
    role: string,
    token: string | null,
    windows?: string[],
  ): Promise<{ status: number; html: string | null; problem?: string }> {
    const state = await this.#open(hall, { rollover: true, schedule: true });
    if (!state) return { status: 404, html: null, problem: `没有这个大厅 · unknown hall "${hall}"` };
    return this.#live.firstPaint(hall, viewName, new URLSearchParams(query), { role, ...(windows ? { windows } : {}) }, token);
  }

  /** A manager acknowledges the console's storage alarms: how many went, or null for an unknown hall. */
  async acknowledgeStorageAlarms(hall: string): Promise<number | null> {
    if (!(await this.#open(hall, { rollover: true }))) return null;
    const n = this.#parts.storageAlarms.acknowledge(this.clock());
    this.#live.renderViews((view) => view.showsRoom === true);
    return n;
  }

  /** The guard refused a write (guard.ts): the manager console shows it until acknowledged or the day ends. */
  #storageRefused(refused: { what: string; bytes: number }): void {
    if (!this.#built) return;
    this.#parts.storageAlarms.raise(this.clock(), this.#state.day, refused.what, refused.bytes);
    this.#live.renderViews((view) => view.showsRoom === true);
  }

  /** Development only: the bench plays a day inside the hall (worker/hall-object/bench.ts); null outside development. */
  async bench(hall: string, request: BenchRequest): Promise<StoredReply | null> {
    if (!isDevelopment(this.env)) return null;
    return runBench(
      {
        hall,
        setClock: (at) => (this.clock = () => at),
        execute: (r) => this.execute(r),
        alarm: () => this.alarm(),
        sql: this.ctx.storage.sql,
        evict: () => this.ctx.abort("evicted by the bench"),
        snapshot: () => this.snapshot(hall),
        files: () => mediaStore(this.env).list(""),
      },
      request,
    );
  }

  /** The live feed: `GET /api/halls/{hall}/live?since=` upgraded to a WebSocket. */
  override async fetch(request: Request): Promise<Response> {
    const hall = request.headers.get("X-Tongban-Hall") ?? "";
    if (!(await this.#open(hall, { rollover: true, schedule: true }))) {
      return Response.json(refusal("unknown_hall", `unknown hall "${hall}"`, { hall }), { status: 404 });
    }

    const role = request.headers.get("X-Tongban-Role") ?? "display";
    const windows = boundWindows(request.headers.get("X-Tongban-Windows"));
    const params = new URL(request.url).searchParams;
    const refused = this.#live.refuse(role, params, windows);
    if (refused) return refused;
    // Nothing awaits between the check and the accept, so no event can slip between backlog and feed.
    const accepted = this.#live.accept(request, hall, role, params, windows);
    await this.#schedule(); // a screen that shows ageing figures may now need the minute tick
    return accepted;
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.#countHandled();
    this.#live.message(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.#countHandled();
    this.#live.closed(ws, code, reason);
  }

  override async alarm(): Promise<void> {
    this.#countHandled();
    if (!this.#built) return;
    this.#alarm.fired();
    if (!isConfigured(this.#state)) return;
    this.#rollover();
    await this.#schedule();
    // The deliveries and archives this alarm started run within it, so the runtime keeps the hall up for them.
    await Promise.all([this.#parts.webhooks.settled(), this.#parts.archives.settled()]);
  }

  #apply(command: Command, actor: Actor, commandId: string | null, fingerprint: string, alsoWrite?: (sql: SqlStorage) => void): StoredReply {
    const now = this.clock();
    const before = this.#state;
    const outcome = decide(before, command, now);
    if (isRejection(outcome)) return rejected(outcome);
    if (command.type === "rollover" && outcome.events.length === 0) return { status: 200, body: {} };
    const reply = replyFor(command, outcome, now, !isConfigured(before));
    try {
      this.ctx.storage.transactionSync(() => {
        persist(
          this.ctx.storage.sql,
          before,
          outcome.state,
          outcome.events,
          auditEntry(command, actor, command.type.startsWith("sign_in") ? outcome.state : before, now, {
            commandId,
            detail: command.type === "configure" ? null : fingerprint,
          }),
          commandId ? { commandId, fingerprint, reply, now } : null,
          this.#snapshots,
        );
        alsoWrite?.(this.ctx.storage.sql);
        for (const part of this.#each) part.record?.(before, outcome, now);
      });
    } catch (error) {
      this.#snapshots.forget(); // the snapshot tables rolled back with the rest
      throw error;
    }
    for (const part of this.#each) part.committed?.(before, outcome, now);
    this.#state = outcome.state;
    this.#live.broadcast(outcome.events);
    return reply;
  }

  /**
   * Every request's first steps: learn the hall's name, then null for a hall never configured;
   * else end yesterday if midnight passed while the hall slept (`rollover`), and set the alarm
   * for whatever that changed (`schedule`). The state returned is the one after both.
   */
  async #open(hall: string, then: { rollover?: boolean; schedule?: boolean } = {}): Promise<HallState | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    if (then.rollover) this.#rollover();
    if (then.schedule) await this.#schedule();
    return this.#state;
  }

  #rollover(): void {
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
  }

  /** Learns the hall's name, and seeds the demo hall on first use. */
  #adopt(hall: string): void {
    this.#countHandled();
    if (this.#state.hall === "") this.#state = { ...this.#state, hall };
    if (isConfigured(this.#state) || hall !== DEMO_HALL) return;
    if (!isDevelopment(this.env) && this.env.TONGBAN_DEMO !== "on") return;
    if (!this.#built) this.#build();
    this.#apply({ type: "configure", config: demoConfig() }, { ...SYSTEM, name: "demo seed" }, null, "");
    seedDemoHistory(this.ctx.storage, demoConfig(), this.#state.day);
  }

  /** Development only: counts handler runs for `GET /api/dev/wakes` (see wakes.ts). */
  #countHandled(): void {
    if (isDevelopment(this.env)) countHandled(this.ctx.id.name ?? this.ctx.id.toString());
  }

  /** Sets the hall's one alarm for the earliest thing any capability needs (worker/hall-object/alarm.ts). */
  async #schedule(): Promise<void> {
    if (isConfigured(this.#state)) await this.#alarm.schedule(this.#state, this.#each);
  }
}
