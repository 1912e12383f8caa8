/**
 * One Durable Object per hall: the single writer of its queue.
 *
 * It loads, persists, fans out and schedules; every rule lives in `worker/core`. Each command
 * is decided against the in-memory state, then its events, audit row and reply are written in
 * one SQLite transaction before the state is swapped and the events are sent, so a command is
 * either wholly applied and durable or not applied at all.
 */
import { DurableObject } from "cloudflare:workers";
import { nextMidnight } from "../core/day.js";
import { decide, isConfigured, isRejection } from "../core/hall.js";
import { publicEvent, snapshotOf, type HallSnapshot } from "../core/snapshot.js";
import type { Appointment, Command, HallEvent, HallState, Staff } from "../core/types.js";
import { DEMO_HALL, demoConfig } from "../demo.js";
import { clockOf, machineInstant } from "../clock.js";
import { isDevelopment, type Env } from "../env.js";
import { VIEWS } from "../pages/registry.js";
import { feedUrl, type LiveView, type Room } from "../pages/views.js";
import type { Device } from "../fleet/devices.js";
import { deviceTag, HallDevices, type FleetRequest } from "./devices.js";
import { readAnnouncerStatus, type AnnouncerStatus, type ConnectedAnnouncer } from "./announcers.js";
import { migratePins } from "./credentials.js";
import { closeFollowUp, followUpList, migrateFollowUps, recordFollowUps, type FollowUp, type FollowUpClose } from "./follow-ups.js";
import { auditEntry } from "./audit.js";
import { isTooBig, MAX_MESSAGES_PER_WINDOW, MessageRate, RATE_WINDOW_MS } from "./limits.js";
import { prepare } from "./prepare.js";
import { previewChanges } from "./preview.js";
import { RegionReporter } from "./report.js";
import { rejectionReply, replyFor } from "./replies.js";
import { HallSessions, type SessionView, type SignInReply } from "./sessions.js";
import { HallStats, type InsightQuestion } from "./stats.js";
import { countHandled, countWake } from "./wakes.js";
import { auditPage, eventsSince, loadState, migrate, persist, storedReply, type AuditRow, type StoredReply } from "./storage.js";

export interface Actor {
  role: string;
  name: string;
  device: string | null;
  /** A counter token bound to these windows acts only on their tickets. */
  windows?: string[];
  /** A signed-in person's badge number: the audit row names them, not a token. */
  badge?: string;
}

export interface CommandRequest {
  hall: string;
  command: Command;
  commandId?: string;
  actor: Actor;
  /**
   * Values the hall turns into hashes before the command is decided: an ID number for `issue`,
   * a PIN for `save_staff` and `sign_in_staff`, a password for `save_staff`. Never stored,
   * logged or fingerprinted in clear.
   */
  sensitive?: { citizenId?: string; pin?: string; password?: string };
}

export interface CommandReply extends StoredReply {
  replayed?: boolean;
}

/** A reconnecting client further behind than this gets a snapshot instead of the backlog. */
const MAX_BACKLOG = 5000;

const SYSTEM: Actor = { role: "system", name: "hall clock", device: null };

export class HallObject extends DurableObject<Env> {
  #state: HallState;
  #alarmAt: number | null = null;
  #rate = new MessageRate();
  #stats: HallStats;
  #reporter: RegionReporter;
  #sessions: HallSessions;
  #devices: HallDevices;
  /** The hall's clock (worker/clock.ts); tests move it to cross midnight. */
  clock: () => number;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.clock = clockOf(env);
    if (isDevelopment(env)) countWake(ctx.id.name ?? ctx.id.toString());
    // Waking from hibernation is construction: rebuild the state from SQLite every time.
    migrate(ctx.storage.sql);
    migratePins(ctx.storage.sql);
    migrateFollowUps(ctx.storage.sql);
    this.#state = loadState(ctx.storage.sql, ctx.id.name ?? "");
    this.#stats = new HallStats(ctx.storage);
    this.#reporter = new RegionReporter(ctx.storage.sql);
    this.#sessions = new HallSessions(ctx.storage.sql);
    this.#devices = new HallDevices(ctx, env, () => this.#renderRoomViews());
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** Applies one command; the reply is what the HTTP API returns. */
  async execute(request: CommandRequest): Promise<CommandReply> {
    this.#adopt(request.hall);
    const fingerprint = JSON.stringify(request.command);
    const prepared = await prepare(request, this.#state, this.env, this.ctx.storage.sql, this.clock());
    // Checked after the awaits above, so nothing can slip in between the check and the write.
    if (request.commandId) {
      const earlier = storedReply(this.ctx.storage.sql, request.commandId);
      if (earlier && earlier.fingerprint === fingerprint) return { status: earlier.status, body: earlier.body, replayed: true };
      if (earlier) {
        return {
          status: 409,
          body: {
            error: `commandId "${request.commandId}" was already used for a different command; send a fresh commandId for each press`,
            code: "conflict",
            details: { commandId: request.commandId },
          },
        };
      }
    }
    if ("refused" in prepared) return prepared.refused;
    const reply = this.#apply(prepared.command, request.actor, request.commandId ?? null, fingerprint, prepared.alsoWrite);
    await this.#schedule();
    return reply;
  }

  /** A manager's window changes played on a copy of the hall: estimated waits before and after. */
  async preview(hall: string, commands: Command[]): Promise<StoredReply | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    return previewChanges(this.#state, commands, this.clock());
  }

  /** Staff accounts by badge; PIN hashes stay in their own table. */
  async staffList(hall: string): Promise<Staff[] | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    return Object.values(this.#state.staff).sort((a, b) => a.badge.localeCompare(b.badge));
  }

  /** A person signs in with badge and password (worker/hall-object/sessions.ts); null for an unknown hall. */
  async signIn(hall: string, badge: string, password: string, device: string | null): Promise<SignInReply | null> {
    this.#adopt(hall);
    return isConfigured(this.#state) ? this.#sessions.signIn(() => this.#state, badge, password, () => this.clock(), device) : null;
  }

  /** Who holds this session, while it lasts. */
  async sessionOf(hall: string, id: string, secret: string): Promise<SessionView | null> {
    this.#adopt(hall);
    return isConfigured(this.#state) ? this.#sessions.person(this.#state, id, secret, this.clock()) : null;
  }

  async signOut(hall: string, id: string, secret: string, device: string | null): Promise<boolean> {
    this.#adopt(hall);
    return isConfigured(this.#state) && this.#sessions.signOut(this.#state, id, secret, this.clock(), device);
  }

  /** The bookings for `day` (all days from today when null), in booking order. */
  async appointments(hall: string, day: string | null): Promise<Appointment[] | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    return Object.values(this.#state.appointments)
      .filter((a) => day === null || a.day === day)
      .sort((a, b) => a.day.localeCompare(b.day) || a.bookedAt.localeCompare(b.bookedAt));
  }

  /** The audit log, newest first: who did what, when, from which device. */
  async audit(hall: string, limit: number, before: number | null): Promise<{ entries: AuditRow[]; next: number | null } | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    return auditPage(this.ctx.storage.sql, limit, before);
  }

  /** Follow-ups (回访) of 差评: list them, or mark one done with a note (worker/hall-object/follow-ups.ts). */
  async followUps(hall: string, state: "open" | "done" | "all"): Promise<FollowUp[] | null> {
    this.#adopt(hall);
    return isConfigured(this.#state) ? followUpList(this.ctx.storage.sql, state) : null;
  }

  async closeFollowUp(hall: string, id: number, note: string, actor: Actor): Promise<FollowUpClose | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    return this.ctx.storage.transactionSync(() => closeFollowUp(this.ctx.storage.sql, id, note, actor, this.clock()));
  }

  /** Statistics or staffing advice (worker/hall-object/stats.ts), or null for an unknown hall. */
  async insights(hall: string, question: InsightQuestion): Promise<StoredReply | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();
    return this.#stats.answer(this.#state, question, this.clock());
  }

  /** The hall's devices (worker/hall-object/devices.ts): pair, list, re-assign, revoke. */
  async fleet(hall: string, request: FleetRequest): Promise<StoredReply | null> {
    this.#adopt(hall);
    return isConfigured(this.#state) ? this.#devices.handle(this.#state, request, this.clock()) : null;
  }

  /** The paired device this credential belongs to, or null (revoked, forged, another hall's). */
  async verifyDevice(hall: string, id: string, credential: string): Promise<Device | null> {
    this.#adopt(hall);
    return this.#devices.verify(id, credential, this.clock());
  }

  /** The hall as screens see it, or null when it was never configured. */
  async snapshot(hall: string): Promise<HallSnapshot | null> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return null;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();
    return snapshotOf(this.#state, this.clock());
  }

  /** A page's first paint, from the same view that renders its live updates. */
  async page(hall: string, viewName: string, query: Record<string, string>, role: string, token: string | null): Promise<{ status: number; html: string | null; problem?: string }> {
    this.#adopt(hall);
    if (!isConfigured(this.#state)) return { status: 404, html: null, problem: `没有这个大厅 · unknown hall "${hall}"` };
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();
    const view = VIEWS[viewName];
    const params = new URLSearchParams(query);
    if (!view) return { status: 404, html: null, problem: `unknown view "${viewName}"` };
    if (view.roles && !view.roles.includes(role)) return { status: 403, html: null, problem: `a ${role} token cannot open this page` };
    const problem = view.check?.(this.#state, params);
    if (problem) return { status: 404, html: null, problem };
    const live = { url: feedUrl(hall, viewName, params, token, view.keys), seq: this.#state.seq };
    return { status: 200, html: view.page(this.#state, this.clock(), params, live, view.showsRoom ? this.#room() : undefined) };
  }

  /** The live feed: `GET /api/halls/{hall}/live?since=` upgraded to a WebSocket. */
  override async fetch(request: Request): Promise<Response> {
    const hall = request.headers.get("X-Tongban-Hall") ?? "";
    this.#adopt(hall);
    if (!isConfigured(this.#state)) {
      return Response.json({ error: `unknown hall "${hall}"`, code: "unknown_hall", details: { hall } }, { status: 404 });
    }
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();

    const role = request.headers.get("X-Tongban-Role") ?? "display";
    const params = new URL(request.url).searchParams;
    const viewName = params.get("view");
    const view = viewName === null ? null : VIEWS[viewName];
    // A citizen's socket (authorised by a signed ticket link, not a role token) sees only its ticket's view.
    if (role === "citizen" && viewName !== "status") {
      return Response.json({ error: "a ticket link can only watch its own ticket", code: "forbidden", details: {} }, { status: 403 });
    }
    if (viewName !== null) {
      const problem = !view
        ? `unknown view "${viewName}"; known views: ${Object.keys(VIEWS).join(", ")}`
        : view.roles && !view.roles.includes(role)
          ? `a ${role} token cannot watch the ${viewName} view`
          : (view.check?.(this.#state, params) ?? null);
      if (problem) {
        const status = view && view.roles && !view.roles.includes(role) ? 403 : 404;
        return Response.json({ error: problem, code: status === 403 ? "forbidden" : "not_found", details: { view: viewName } }, { status });
      }
    }

    // From here to the return nothing awaits, so no event can slip between backlog and feed.
    const { 0: client, 1: server } = new WebSocketPair();
    const sinceParam = params.get("since");
    // Set by the live route only for a verified device cookie: its sockets tell the hall it is online.
    const device = request.headers.get("X-Tongban-Device-Id");
    const tags = device ? [deviceTag(device)] : [];
    if (view && viewName) {
      const key = (view.keys ?? []).map((k) => `${k}=${params.get(k) ?? ""}`).join("&");
      this.ctx.acceptWebSocket(server, ["html", ...tags]);
      server.serializeAttachment({ role, view: viewName, key, connectedAt: this.clock(), ...(device ? { device } : {}) } satisfies HtmlAttachment);
      if (sinceParam === null || Number(sinceParam) < this.#state.seq) {
        server.send(this.#renderView(view, new URLSearchParams(key), () => this.#room()));
      }
    } else {
      this.ctx.acceptWebSocket(server, ["json", ...tags]);
      server.serializeAttachment({ role, connectedAt: this.clock(), ...(device ? { device } : {}) } satisfies SocketAttachment);
      const backlog =
        sinceParam === null ? null : eventsSince(this.ctx.storage.sql, Number(sinceParam), this.#state.seq, MAX_BACKLOG);
      if (backlog) {
        for (const e of backlog) server.send(e.includes('"citizen"') ? JSON.stringify(publicEvent(JSON.parse(e))) : e);
      } else {
        server.send(JSON.stringify({ type: "snapshot", seq: this.#state.seq, state: snapshotOf(this.#state, this.clock()) }));
      }
    }
    if (device) this.#devices.connected(server, device, hall, request, this.clock());
    const protocol = request.headers.get("X-Tongban-Protocol");
    return new Response(null, {
      status: 101,
      webSocket: client,
      headers: protocol ? { "Sec-WebSocket-Protocol": protocol } : {},
    });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.#countHandled();
    // Messages already queued when the hall closed this socket (too big, too many) still arrive.
    if (ws.readyState !== WebSocket.OPEN) return;
    if (isTooBig(message)) {
      ws.close(1009, "message too big");
      return;
    }
    if (!this.#rate.allow(ws, Date.now())) {
      ws.close(1008, `too many messages: at most ${MAX_MESSAGES_PER_WINDOW} in ${RATE_WINDOW_MS / 1000} s`);
      return;
    }
    const data = typeof message === "string" ? parseObject(message) : null;
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (data?.type === "announcer.status" && attachment && attachment.role !== "citizen") {
      const status = readAnnouncerStatus(data, this.clock());
      if ("problem" in status) {
        ws.send(JSON.stringify({ type: "error", error: status.problem }));
        return;
      }
      const changed = JSON.stringify({ ...attachment.announcer, at: 0 }) !== JSON.stringify({ ...status, at: 0 });
      ws.serializeAttachment({ ...attachment, announcer: status } satisfies SocketAttachment);
      if (attachment.device) this.#devices.reported(attachment.device, status.sound, this.clock());
      if (changed) this.#renderRoomViews();
      return;
    }
    ws.send(JSON.stringify({ type: "error", error: "the live feed takes no messages except \"ping\" and announcer.status" }));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.#countHandled();
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (attachment?.device) this.#devices.closed(attachment.device, this.clock());
    else if (attachment?.announcer) this.#renderRoomViews();
  }

  override async alarm(): Promise<void> {
    this.#countHandled();
    this.#alarmAt = null;
    if (!isConfigured(this.#state)) return;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();
  }

  #apply(command: Command, actor: Actor, commandId: string | null, fingerprint: string, alsoWrite?: (sql: SqlStorage) => void): StoredReply {
    const now = this.clock();
    const before = this.#state;
    const outcome = decide(before, command, now);
    if (isRejection(outcome)) return rejectionReply(outcome);
    if (command.type === "rollover" && outcome.events.length === 0) return { status: 200, body: {} };
    const reply = replyFor(command, outcome, now, !isConfigured(before));
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
      );
      alsoWrite?.(this.ctx.storage.sql);
      recordFollowUps(this.ctx.storage.sql, outcome.events);
      this.#stats.persist(before, outcome.events);
    });
    this.#stats.committed(before.seq, outcome.events);
    this.#state = outcome.state;
    this.#broadcast(outcome.events);
    if (outcome.events.length > 0) this.#reporter.changed();
    return reply;
  }

  #broadcast(events: HallEvent[]): void {
    if (events.length === 0) return;
    const messages = events.map((e) => JSON.stringify(publicEvent(e)));
    for (const ws of this.ctx.getWebSockets("json")) {
      send(ws, messages);
    }
    this.#renderViews(() => true);
  }

  /** Re-renders the views that show the room, after an announcer reports or leaves. */
  #renderRoomViews(): void {
    this.#renderViews((view) => view.showsRoom === true);
  }

  #renderViews(which: (view: LiveView) => boolean): void {
    // Screens showing the same view and parameters share one rendering.
    const rendered = new Map<string, string>();
    let room: Room | undefined;
    const roomOnce = () => (room ??= this.#room());
    for (const ws of this.ctx.getWebSockets("html")) {
      const { view: name, key } = ws.deserializeAttachment() as HtmlAttachment;
      const view = VIEWS[name];
      if (!view || !which(view)) continue;
      const id = `${name}?${key}`;
      let message = rendered.get(id);
      if (message === undefined) {
        message = this.#renderView(view, new URLSearchParams(key), roomOnce);
        rendered.set(id, message);
      }
      send(ws, [message]);
    }
  }

  #renderView(view: LiveView, params: URLSearchParams, room: () => Room): string {
    const html = view.fragments(this.#state, this.clock(), params, view.showsRoom ? room() : undefined);
    return JSON.stringify({ type: "html", seq: this.#state.seq, html });
  }

  /** Who is connected: announcers with their latest status report. */
  #room(): Room {
    const announcers: ConnectedAnnouncer[] = [];
    for (const ws of this.ctx.getWebSockets()) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      const a = ws.deserializeAttachment() as SocketAttachment | null;
      if (a?.announcer) announcers.push({ ...a.announcer, role: a.role, view: a.view ?? null, connectedAt: a.connectedAt });
    }
    return {
      announcers: announcers.sort((x, y) => x.connectedAt - y.connectedAt),
      lastWeek: this.#stats.reference(this.#state),
      devices: this.#devices.list(),
    };
  }

  /** Learns the hall's name, and seeds the demo hall on first use. */
  #adopt(hall: string): void {
    this.#countHandled();
    if (this.#state.hall === "") this.#state = { ...this.#state, hall };
    if (isConfigured(this.#state) || hall !== DEMO_HALL) return;
    if (!isDevelopment(this.env) && this.env.TONGBAN_DEMO !== "on") return;
    this.#apply({ type: "configure", config: demoConfig() }, { ...SYSTEM, name: "demo seed" }, null, "");
  }

  /** Development only: counts handler runs for `GET /api/dev/wakes` (see wakes.ts). */
  #countHandled(): void {
    if (isDevelopment(this.env)) countHandled(this.ctx.id.name ?? this.ctx.id.toString());
  }

  /** Wakes the hall just after its next local midnight to start the new day, or for its region report if sooner. */
  async #schedule(): Promise<void> {
    if (!isConfigured(this.#state)) return;
    const report = this.#reporter.plan(this.ctx, this.env, this.#state, this.clock(), () => this.#schedule());
    const at = Math.min(nextMidnight(this.clock(), this.#state.settings.timezone) + 1000, report ?? Infinity);
    if (this.#alarmAt === at) return;
    await this.ctx.storage.setAlarm(machineInstant(this.clock, at));
    this.#alarmAt = at;
  }
}

interface HtmlAttachment {
  role: string;
  view: string;
  key: string;
  connectedAt: number;
  announcer?: AnnouncerStatus;
  device?: string;
}

/** Every socket's attachment: html sockets also carry their view and key. */
type SocketAttachment = { role: string; connectedAt: number; view?: string; key?: string; announcer?: AnnouncerStatus; device?: string };

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function send(ws: WebSocket, messages: string[]): void {
  try {
    for (const m of messages) ws.send(m);
  } catch {
    // A socket closing under us: its client reconnects with since= and catches up.
  }
}
