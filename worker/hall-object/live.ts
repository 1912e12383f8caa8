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
import { mayAct, type Grant } from "../access/may-act.js";
import { CITIZEN, EVENT_READERS, ROLES } from "../access/roles.js";
import { refusal } from "../edge/refusal.js";
import { VIEWS } from "../pages/registry.js";
import { feedUrl, mayWatch, type LiveView, type Room } from "../pages/views.js";
import { readAnnouncerStatus, type AnnouncerStatus, type ConnectedAnnouncer } from "./announcers.js";
import { deviceTag, type HallDevices } from "../devices/hall-devices.object.js";
import { isTooBig, MAX_MESSAGES_PER_WINDOW, MessageRate, RATE_WINDOW_MS } from "./limits.js";
import type { HallStats } from "../statistics/hall-stats.object.js";
import { eventsSince } from "./storage.js";
import { changedRegions, splitRegions, type Region } from "./regions.js";
import { UnspokenCalls } from "./unspoken.js";

/** A reconnecting client further behind than this gets a snapshot instead of the backlog. */
const MAX_BACKLOG = 5000;

/**
 * Tags set when a socket is accepted, so a fan-out finds each group of sockets that gets the same
 * message without reading every socket's attachment (a structured-clone read per socket per event).
 * A tag is at most 256 characters (Cloudflare's limit on hibernatable WebSocket tags); views' keys
 * are a window, zone or language, far below it.
 */
const roleTag = (role: string) => `role:${role}`;
const viewTag = (id: string) => `view:${id}`;
const WHOLE_TAG = "updates:whole";
/** Every role a JSON socket may have been let in as. */
const JSON_ROLES: readonly string[] = [...ROLES, CITIZEN];

interface HtmlAttachment {
  role: string;
  /** A counter's windows: the views it may watch are those of its windows only. */
  windows?: string[];
  view: string;
  key: string;
  /** Set for `?updates=whole`: every update is the whole view, not only what changed. */
  whole?: boolean;
  connectedAt: number;
  announcer?: AnnouncerStatus;
  device?: string;
}

/** Every socket's attachment: html sockets also carry their view and key. */
type SocketAttachment = { role: string; windows?: string[]; connectedAt: number; view?: string; key?: string; announcer?: AnnouncerStatus; device?: string };

/**
 * The rendering of one view and parameters that its screens hold: its regions, so the next
 * update sends only the regions that changed. `rev` names it; an update says which rendering it
 * changes (`base`), so a screen holding another sees the gap and reconnects for the whole view.
 */
interface Rendering {
  view: string;
  seq: number;
  rev: string;
  regions: Region[];
  /** The whole view as a message, made when a socket first needs it. */
  whole?: string;
  /** Made for a socket that just connected: screens already on this view may hold another, so the next update is whole. */
  fresh?: boolean;
}

export class HallLive {
  #rate = new MessageRate();
  /** View and parameters → what its screens hold. In memory only: after a wake-up, the first update of each view is whole. */
  #rendered = new Map<string, Rendering>();
  /** Revs from another run of this object never match one of this run's. */
  #run = Math.random().toString(36).slice(2, 8);
  #revs = 0;
  /** Events committed but not yet sent: the fan-out runs after the command's reply (see broadcast). */
  #pending: HallEvent[] | null = null;
  /** The views and parameters open on some html socket (see #viewIds); null until first read after a wake-up. */
  #views: Set<string> | null = null;
  /** Calls made while no announcer could speak them (issue 25 §3). */
  #unspoken: UnspokenCalls;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly state: () => HallState,
    private readonly clock: () => number,
    private readonly devices: HallDevices,
    private readonly stats: HallStats,
    private readonly dayPlan: () => Room["dayPlan"] = () => null,
    private readonly storageAlarms: () => Room["storageAlarms"] = () => [],
    /** The first seq the hall still holds; older events are in its archives (worker/archives). */
    private readonly liveFrom: () => number = () => 1,
  ) {
    this.#unspoken = new UnspokenCalls(ctx.storage.sql);
  }

  /** Checks `?view=` for this role; a problem is the JSON error response. */
  refuse(role: string, params: URLSearchParams, windows?: string[]): Response | null {
    const viewName = params.get("view");
    // A citizen's socket (authorised by a signed ticket link, not a role token) sees only its ticket's view.
    if (role === CITIZEN && viewName !== "status") {
      return Response.json(refusal("forbidden", "a ticket link can only watch its own ticket"), { status: 403 });
    }
    if (viewName === null) return null;
    const view = VIEWS[viewName];
    const verdict = view === undefined ? null : mayWatch(view, params, { role, ...(windows ? { windows } : {}) });
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

  /** A page's first paint, from the same view that renders its live updates, after the same check as the feed's. */
  firstPaint(hall: string, viewName: string, params: URLSearchParams, grant: Grant, token: string | null): { status: number; html: string | null; problem?: string } {
    const view = VIEWS[viewName];
    if (!view) return { status: 404, html: null, problem: `unknown view "${viewName}"` };
    // The API's window binding too: a counter at window 2 opens window 2's pages only.
    const verdict = mayWatch(view, params, grant);
    if (!verdict.ok && verdict.reason === "window") {
      return { status: 403, html: null, problem: `此终端只用于 ${verdict.windows.join("、")} 号窗口 · this counter acts at window ${verdict.windows.join(", ")}, not ${verdict.window}` };
    }
    if (!verdict.ok) return { status: 403, html: null, problem: `a ${grant.role} token cannot open this page` };
    const state = this.state();
    const problem = view.check?.(state, params);
    if (problem) return { status: 404, html: null, problem };
    const live = { url: feedUrl(hall, viewName, params, token, view.keys), seq: state.seq };
    return { status: 200, html: view.page(state, this.clock(), params, live, view.showsRoom ? this.room() : undefined) };
  }

  /** Accepts the socket: the backlog since `?since=` (or a snapshot), or the view's rendering. Nothing awaits. */
  accept(request: Request, hall: string, role: string, params: URLSearchParams, windows?: string[]): Response {
    // Events not yet fanned out go first: the backlog and the view below already include them.
    this.flush();
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
      const whole = params.get("updates") === "whole";
      this.ctx.acceptWebSocket(server, ["html", viewTag(`${viewName}?${key}`), ...(whole ? [WHOLE_TAG] : []), ...tags]);
      this.#views?.add(`${viewName}?${key}`);
      server.serializeAttachment({
        role,
        ...(windows ? { windows } : {}),
        view: viewName,
        key,
        connectedAt: this.clock(),
        ...(whole ? { whole } : {}),
        ...(device ? { device } : {}),
      } satisfies HtmlAttachment);
      // Always the whole view, even when `since` is the hall's seq: the updates that follow name the rendering they change.
      server.send(this.#wholeView(view, viewName, key));
    } else {
      this.ctx.acceptWebSocket(server, ["json", roleTag(role), ...tags]);
      server.serializeAttachment({ role, ...(windows ? { windows } : {}), connectedAt: this.clock(), ...(device ? { device } : {}) } satisfies SocketAttachment);
      const backlog = sinceParam === null ? null : eventsSince(this.ctx.storage.sql, Number(sinceParam), state.seq, MAX_BACKLOG);
      if (backlog) {
        for (const e of backlog) {
          const event = JSON.parse(e) as HallEvent;
          if (!receives(role, event.type)) continue;
          server.send(e.includes('"citizen"') ? JSON.stringify(publicEvent(event)) : e);
        }
      } else {
        // A client asking from before the live log (its events archived and pruned) is told where
        // the log starts and where the older events are, as the export's 410 `archived` says.
        const since = sinceParam === null ? NaN : Number(sinceParam);
        const liveFrom = since >= 0 ? this.liveFrom() : 1;
        const archived = since < liveFrom - 1 ? { liveFrom, archives: `/api/halls/${encodeURIComponent(hall)}/archives` } : {};
        server.send(JSON.stringify({ type: "snapshot", seq: state.seq, ...archived, state: snapshotOf(state, this.clock()) }));
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
      if (status.sound) this.#unspoken.heard([status.zone]);
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

  /**
   * New events: to every JSON socket (citizen marks stripped), and every view re-rendered. The
   * sends wait for a timer of 0 ms, so the command's reply leaves first instead of behind
   * hundreds of sends; anything else that sends on a socket (accept, renderViews) flushes them
   * first, so each socket still gets everything in order.
   */
  broadcast(events: HallEvent[]): void {
    if (events.length === 0) return;
    this.#unspoken.note(this.state(), events, this.#speaking(), this.clock());
    if (this.#pending === null) {
      this.#pending = [];
      setTimeout(() => this.flush(), 0);
    }
    this.#pending.push(...events);
  }

  /**
   * Sends the events broadcast() holds, now: each role gets only the events it may read, each
   * message made once per role and view and shared by every socket in the group. (Sending in
   * batches of 50 sockets a turn, with 0 ms timers between, was tried for issue 27: at 500
   * sockets it delayed delivery 1.5–3× and did not bring the reply closer to one screen's.)
   */
  flush(): void {
    const events = this.#pending;
    if (events === null) return;
    this.#pending = null;
    // Serialised once, and only when a JSON socket is open: a hall nobody watches pays nothing.
    let messages: { type: string; text: string }[] | undefined;
    for (const role of JSON_ROLES) {
      const sockets = this.ctx.getWebSockets(roleTag(role));
      if (sockets.length === 0) continue;
      messages ??= events.map((e) => ({ type: e.type, text: JSON.stringify(publicEvent(e)) }));
      const mine = messages.filter((m) => receives(role, m.type)).map((m) => m.text);
      if (mine.length > 0) this.#queue(sockets, mine);
    }
    this.#render(() => true);
  }

  #queue(sockets: WebSocket[], messages: string[]): void {
    for (const ws of sockets) send(ws, messages);
  }

  /** Re-renders the views that show the room, after an announcer reports or leaves. */
  renderRoomViews(): void {
    this.renderViews((view) => view.showsRoom === true);
  }

  /** Re-renders every open view `which` picks; returns how many sockets got an update. */
  renderViews(which: (view: LiveView) => boolean): number {
    this.flush();
    return this.#render(which);
  }

  /** Sends each open view's update that `which` picks: one rendering and one message per view and parameters. */
  #render(which: (view: LiveView) => boolean): number {
    // Screens showing the same view and parameters share one rendering and one update message.
    const seen = new Set<string>();
    let room: Room | undefined;
    const roomOnce = () => (room ??= this.room());
    let sent = 0;
    for (const id of this.#viewIds()) {
      const name = id.slice(0, id.indexOf("?"));
      const key = id.slice(id.indexOf("?") + 1);
      const view = VIEWS[name];
      if (!view || !which(view)) continue;
      seen.add(id);
      const update = this.#update(view, name, key, roomOnce);
      if (update === null) continue;
      const sockets = this.ctx.getWebSockets(viewTag(id));
      const whole = new Set(this.ctx.getWebSockets(WHOLE_TAG));
      const wholeMessage = this.#message(update.rendering);
      const changed = update.changed ?? wholeMessage;
      const partial = whole.size === 0 ? sockets : sockets.filter((ws) => !whole.has(ws));
      if (partial.length > 0) this.#queue(partial, [changed]);
      if (partial.length < sockets.length) this.#queue(sockets.filter((ws) => whole.has(ws)), [wholeMessage]);
      sent += sockets.length;
    }
    // A view nobody watches any more is forgotten: whoever opens it next gets it whole.
    for (const [id, rendering] of this.#rendered) {
      const view = VIEWS[rendering.view];
      if (!seen.has(id) && (!view || which(view))) this.#rendered.delete(id);
    }
    return sent;
  }

  /**
   * The views and parameters open on some html socket. Read from the sockets' attachments once
   * per run of this object (after a wake-up) and kept up to date as sockets come and go.
   */
  #viewIds(): string[] {
    if (this.#views === null) {
      this.#views = new Set();
      for (const ws of this.ctx.getWebSockets("html")) {
        for (const tag of this.ctx.getTags(ws)) if (tag.startsWith("view:")) this.#views.add(tag.slice("view:".length));
      }
    }
    // A view whose last screen closed is dropped here, not when it closes: one read of its tag.
    for (const id of this.#views) if (this.ctx.getWebSockets(viewTag(id)).length === 0) this.#views.delete(id);
    return [...this.#views];
  }

  /**
   * Renders the view afresh: what changed since the rendering its screens hold, as a message
   * (null when only the whole view will do), or null when nothing changed at the same seq.
   */
  #update(view: LiveView, name: string, key: string, room: () => Room): { changed: string | null; rendering: Rendering } | null {
    const id = `${name}?${key}`;
    const state = this.state();
    const regions = splitRegions(view.fragments(state, this.clock(), new URLSearchParams(key), view.showsRoom ? room() : undefined));
    const before = this.#rendered.get(id);
    const diff = before && !before.fresh ? changedRegions(before.regions, regions) : null;
    if (before && diff === "" && before.seq === state.seq) return null;
    const rendering: Rendering = { view: name, seq: state.seq, rev: this.#rev(), regions };
    this.#rendered.set(id, rendering);
    const changed = diff === null ? null : JSON.stringify({ type: "html", seq: state.seq, rev: rendering.rev, base: before!.rev, html: diff });
    return { changed, rendering };
  }

  /** The whole view for a socket that just connected: what its screens hold when that is current, else a fresh rendering. */
  #wholeView(view: LiveView, name: string, key: string): string {
    const id = `${name}?${key}`;
    const state = this.state();
    let rendering = this.#rendered.get(id);
    if (!rendering || rendering.seq !== state.seq) {
      const html = view.fragments(state, this.clock(), new URLSearchParams(key), view.showsRoom ? this.room() : undefined);
      rendering = { view: name, seq: state.seq, rev: this.#rev(), regions: splitRegions(html) };
      // Screens already on this view (after a wake-up) hold a rendering this run never named.
      if (this.#watchers(id) > 1) rendering.fresh = true;
      this.#rendered.set(id, rendering);
    }
    return this.#message(rendering);
  }

  /** How many html sockets show this view and parameters, the one being accepted included. */
  #watchers(id: string): number {
    return this.ctx.getWebSockets(viewTag(id)).length;
  }

  #message(rendering: Rendering): string {
    return (rendering.whole ??= JSON.stringify({ type: "html", seq: rendering.seq, rev: rendering.rev, html: rendering.regions.map((r) => r.html).join("") }));
  }

  #rev(): string {
    return `${this.#run}.${++this.#revs}`;
  }

  /** Whether any open socket watches a view `which` picks. */
  watching(which: (view: LiveView) => boolean): boolean {
    return this.#viewIds().some((id) => {
      const view = VIEWS[id.slice(0, id.indexOf("?"))];
      return view !== undefined && which(view);
    });
  }

  /** The zones the connected announcers with their sound on speak (null: every zone). */
  #speaking(): Array<string | null> {
    const zones: Array<string | null> = [];
    for (const ws of this.ctx.getWebSockets()) {
      const a = ws.readyState === WebSocket.OPEN ? (ws.deserializeAttachment() as SocketAttachment | null)?.announcer : undefined;
      if (a?.sound) zones.push(a.zone ?? null);
    }
    return zones;
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
      unspoken: this.#unspoken.list(this.state().day),
      storageAlarms: this.storageAlarms(),
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

/** The windows the live route says its caller is bound to (X-Tongban-Windows, a JSON list), if any. */
export function boundWindows(header: string | null): string[] | undefined {
  if (header === null) return undefined;
  try {
    const value: unknown = JSON.parse(header);
    return Array.isArray(value) && value.every((w) => typeof w === "string") ? value : [];
  } catch {
    return [];
  }
}
