/**
 * The hall's live sockets: screens and consoles (html sockets, each rendering one view) and
 * JSON clients (announcers, integrations) that get the ordered events. Accepting a socket,
 * sending it the backlog or first rendering, fanning out events and re-rendering views, and
 * what the room looks like (who is connected) live here; the hall object decides and writes.
 *
 * Sockets hibernate (`ctx.acceptWebSocket`): everything a socket needs later is in its attachment.
 */
import { publicEvent, snapshotOf } from "../core/snapshot.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { mayAct } from "../access/may-act.js";
import { CITIZEN, EVENT_READERS } from "../access/roles.js";
import { refusal } from "../edge/refusal.js";
import { VIEWS } from "../pages/registry.js";
import type { LiveView, Room } from "../pages/views.js";
import { readAnnouncerStatus, type AnnouncerStatus, type ConnectedAnnouncer } from "./announcers.js";
import { deviceTag, type HallDevices } from "../devices/hall-devices.object.js";
import { isTooBig, MAX_MESSAGES_PER_WINDOW, MessageRate, RATE_WINDOW_MS } from "./limits.js";
import type { HallStats } from "../statistics/hall-stats.object.js";
import { eventsSince } from "./storage.js";

/** A reconnecting client further behind than this gets a snapshot instead of the backlog. */
const MAX_BACKLOG = 5000;

interface HtmlAttachment {
  role: string;
  /** A counter's windows: the views it may watch are those of its windows only. */
  windows?: string[];
  view: string;
  key: string;
  connectedAt: number;
  announcer?: AnnouncerStatus;
  device?: string;
}

/** Every socket's attachment: html sockets also carry their view and key. */
type SocketAttachment = { role: string; windows?: string[]; connectedAt: number; view?: string; key?: string; announcer?: AnnouncerStatus; device?: string };

export class HallLive {
  #rate = new MessageRate();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly state: () => HallState,
    private readonly clock: () => number,
    private readonly devices: HallDevices,
    private readonly stats: HallStats,
    private readonly dayPlan: () => Room["dayPlan"] = () => null,
  ) {}

  /** Checks `?view=` for this role; a problem is the JSON error response. */
  refuse(role: string, params: URLSearchParams, windows?: string[]): Response | null {
    const viewName = params.get("view");
    // A citizen's socket (authorised by a signed ticket link, not a role token) sees only its ticket's view.
    if (role === CITIZEN && viewName !== "status") {
      return Response.json(refusal("forbidden", "a ticket link can only watch its own ticket"), { status: 403 });
    }
    if (viewName === null) return null;
    const view = VIEWS[viewName];
    const window = view?.keys?.includes("window") ? (params.get("window") ?? undefined) : undefined;
    const verdict = view === undefined ? null : mayAct({ role, ...(windows ? { windows } : {}) }, { window }, view.roles);
    const forbidden = verdict !== null && !verdict.ok;
    const problem = !view
      ? `unknown view "${viewName}"; known views: ${Object.keys(VIEWS).join(", ")}`
      : verdict && !verdict.ok
        ? verdict.reason === "window"
          ? `this counter acts at window ${verdict.windows.join(", ")}: it cannot watch window ${verdict.window}`
          : `a ${role} token cannot watch the ${viewName} view`
        : (view.check?.(this.state(), params) ?? null);
    if (!problem) return null;
    const status = forbidden ? 403 : 404;
    return Response.json(refusal(status === 403 ? "forbidden" : "not_found", problem, { view: viewName }), { status });
  }

  /** Accepts the socket: the backlog since `?since=` (or a snapshot), or the view's rendering. Nothing awaits. */
  accept(request: Request, hall: string, role: string, params: URLSearchParams, windows?: string[]): Response {
    const state = this.state();
    const viewName = params.get("view");
    const view = viewName === null ? null : VIEWS[viewName];
    const { 0: client, 1: server } = new WebSocketPair();
    const sinceParam = params.get("since");
    // Set by the live route only for a verified device cookie: its sockets tell the hall it is online.
    const device = request.headers.get("X-Tongban-Device-Id");
    const tags = device ? [deviceTag(device)] : [];
    if (view && viewName) {
      const key = (view.keys ?? []).map((k) => `${k}=${params.get(k) ?? ""}`).join("&");
      this.ctx.acceptWebSocket(server, ["html", ...tags]);
      server.serializeAttachment({ role, ...(windows ? { windows } : {}), view: viewName, key, connectedAt: this.clock(), ...(device ? { device } : {}) } satisfies HtmlAttachment);
      if (sinceParam === null || Number(sinceParam) < state.seq) {
        server.send(this.#renderView(view, new URLSearchParams(key), () => this.room()));
      }
    } else {
      this.ctx.acceptWebSocket(server, ["json", ...tags]);
      server.serializeAttachment({ role, ...(windows ? { windows } : {}), connectedAt: this.clock(), ...(device ? { device } : {}) } satisfies SocketAttachment);
      const backlog = sinceParam === null ? null : eventsSince(this.ctx.storage.sql, Number(sinceParam), state.seq, MAX_BACKLOG);
      if (backlog) {
        for (const e of backlog) {
          const event = JSON.parse(e) as HallEvent;
          if (!receives(role, event.type)) continue;
          server.send(e.includes('"citizen"') ? JSON.stringify(publicEvent(event)) : e);
        }
      } else {
        server.send(JSON.stringify({ type: "snapshot", seq: state.seq, state: snapshotOf(state, this.clock()) }));
      }
    }
    if (device) this.devices.connected(server, device, hall, request, this.clock());
    const protocol = request.headers.get("X-Tongban-Protocol");
    return new Response(null, { status: 101, webSocket: client, headers: protocol ? { "Sec-WebSocket-Protocol": protocol } : {} });
  }

  /** A message from a client: only an announcer's status report means anything. */
  message(ws: WebSocket, message: string | ArrayBuffer): void {
    // Messages already queued when the hall closed this socket (too big, too many) still arrive.
    if (ws.readyState !== WebSocket.OPEN) return;
    if (isTooBig(message)) return ws.close(1009, "message too big");
    if (!this.#rate.allow(ws, Date.now())) {
      return ws.close(1008, `too many messages: at most ${MAX_MESSAGES_PER_WINDOW} in ${RATE_WINDOW_MS / 1000} s`);
    }
    const data = typeof message === "string" ? parseObject(message) : null;
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (data?.type === "announcer.status" && attachment && attachment.role !== CITIZEN) {
      const status = readAnnouncerStatus(data, this.clock());
      if ("problem" in status) return ws.send(JSON.stringify({ type: "error", error: status.problem }));
      const changed = JSON.stringify({ ...attachment.announcer, at: 0 }) !== JSON.stringify({ ...status, at: 0 });
      ws.serializeAttachment({ ...attachment, announcer: status } satisfies SocketAttachment);
      if (attachment.device) this.devices.reported(attachment.device, status.sound, this.clock());
      if (changed) this.renderRoomViews();
      return;
    }
    ws.send(JSON.stringify({ type: "error", error: "the live feed takes no messages except \"ping\" and announcer.status" }));
  }

  closed(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (attachment?.device) this.devices.closed(attachment.device, this.clock());
    else if (attachment?.announcer) this.renderRoomViews();
  }

  /** New events: to every JSON socket (citizen marks stripped), and every view re-rendered. */
  broadcast(events: HallEvent[]): void {
    if (events.length === 0) return;
    const messages = events.map((e) => ({ type: e.type, text: JSON.stringify(publicEvent(e)) }));
    const forRole = new Map<string, string[]>();
    for (const ws of this.ctx.getWebSockets("json")) {
      const role = (ws.deserializeAttachment() as SocketAttachment | null)?.role ?? "display";
      let mine = forRole.get(role);
      if (!mine) forRole.set(role, (mine = messages.filter((m) => receives(role, m.type)).map((m) => m.text)));
      send(ws, mine);
    }
    this.renderViews(() => true);
  }

  /** Re-renders the views that show the room, after an announcer reports or leaves. */
  renderRoomViews(): void {
    this.renderViews((view) => view.showsRoom === true);
  }

  /** Re-renders every open view `which` picks; returns how many sockets got one. */
  renderViews(which: (view: LiveView) => boolean): number {
    // Screens showing the same view and parameters share one rendering.
    const rendered = new Map<string, string>();
    let room: Room | undefined;
    const roomOnce = () => (room ??= this.room());
    let sent = 0;
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
      sent++;
    }
    return sent;
  }

  /** Whether any open socket watches a view `which` picks. */
  watching(which: (view: LiveView) => boolean): boolean {
    for (const ws of this.ctx.getWebSockets("html")) {
      const a = ws.deserializeAttachment() as HtmlAttachment | null;
      const view = a ? VIEWS[a.view] : undefined;
      if (view && which(view)) return true;
    }
    return false;
  }

  #renderView(view: LiveView, params: URLSearchParams, room: () => Room): string {
    const state = this.state();
    const html = view.fragments(state, this.clock(), params, view.showsRoom ? room() : undefined);
    return JSON.stringify({ type: "html", seq: state.seq, html });
  }

  /** Who is connected: announcers with their latest status report. */
  room(): Room {
    const announcers: ConnectedAnnouncer[] = [];
    for (const ws of this.ctx.getWebSockets()) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      const a = ws.deserializeAttachment() as SocketAttachment | null;
      if (a?.announcer) announcers.push({ ...a.announcer, role: a.role, view: a.view ?? null, connectedAt: a.connectedAt });
    }
    return {
      announcers: announcers.sort((x, y) => x.connectedAt - y.connectedAt),
      lastWeek: this.stats.reference(this.state()),
      devices: this.devices.list(),
      dayPlan: this.dayPlan(),
    };
  }
}

/** Whether a socket let in as `role` receives events of this type (worker/access/roles.ts EVENT_READERS). */
function receives(role: string, type: string): boolean {
  const readers = EVENT_READERS[type];
  return readers === undefined || mayAct({ role }, {}, readers).ok;
}

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
