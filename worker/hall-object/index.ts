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
import { snapshotOf, type HallSnapshot } from "../core/snapshot.js";
import type { Command, HallEvent, HallState } from "../core/types.js";
import { DEMO_HALL, demoConfig } from "../demo.js";
import { isDevelopment, type Env } from "../env.js";
import { VIEWS } from "../pages/registry.js";
import { feedUrl, type LiveView } from "../pages/views.js";
import { rejectionReply, replyFor } from "./replies.js";
import { eventsSince, loadState, migrate, persist, storedReply, type StoredReply } from "./storage.js";

export interface Actor {
  role: string;
  name: string;
  device: string | null;
}

export interface CommandRequest {
  hall: string;
  command: Command;
  commandId?: string;
  actor: Actor;
}

export interface CommandReply extends StoredReply {
  replayed?: boolean;
}

/** A reconnecting client further behind than this gets a snapshot instead of the backlog. */
const MAX_BACKLOG = 5000;

/** Client messages above this size close the socket (1009: message too big). */
const MAX_CLIENT_MESSAGE = 4096;

const SYSTEM: Actor = { role: "system", name: "hall clock", device: null };

export class HallObject extends DurableObject<Env> {
  #state: HallState;
  #alarmAt: number | null = null;
  /** The hall's clock; tests move it to cross midnight. */
  clock: () => number = () => Date.now();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Waking from hibernation is construction: rebuild the state from SQLite every time.
    migrate(ctx.storage.sql);
    this.#state = loadState(ctx.storage.sql, ctx.id.name ?? "");
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** Applies one command; the reply is what the HTTP API returns. */
  async execute(request: CommandRequest): Promise<CommandReply> {
    this.#adopt(request.hall);
    const fingerprint = JSON.stringify(request.command);
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
    const reply = this.#apply(request.command, request.actor, request.commandId ?? null, fingerprint);
    await this.#schedule();
    return reply;
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
  async page(hall: string, viewName: string, query: Record<string, string>, role: string, token: string): Promise<{ status: number; html: string | null; problem?: string }> {
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
    return { status: 200, html: view.page(this.#state, this.clock(), params, live) };
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
    if (view && viewName) {
      const key = (view.keys ?? []).map((k) => `${k}=${params.get(k) ?? ""}`).join("&");
      this.ctx.acceptWebSocket(server, ["html"]);
      server.serializeAttachment({ role, view: viewName, key, connectedAt: this.clock() } satisfies HtmlAttachment);
      if (sinceParam === null || Number(sinceParam) < this.#state.seq) {
        server.send(this.#renderView(view, new URLSearchParams(key)));
      }
    } else {
      this.ctx.acceptWebSocket(server, ["json"]);
      server.serializeAttachment({ role, connectedAt: this.clock() });
      const backlog =
        sinceParam === null ? null : eventsSince(this.ctx.storage.sql, Number(sinceParam), this.#state.seq, MAX_BACKLOG);
      if (backlog) {
        for (const e of backlog) server.send(e);
      } else {
        server.send(JSON.stringify({ type: "snapshot", seq: this.#state.seq, state: snapshotOf(this.#state, this.clock()) }));
      }
    }
    const protocol = request.headers.get("X-Tongban-Protocol");
    return new Response(null, {
      status: 101,
      webSocket: client,
      headers: protocol ? { "Sec-WebSocket-Protocol": protocol } : {},
    });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const size = typeof message === "string" ? message.length : message.byteLength;
    if (size > MAX_CLIENT_MESSAGE) {
      ws.close(1009, "message too big");
      return;
    }
    ws.send(JSON.stringify({ type: "error", error: "the live feed takes no messages except \"ping\"" }));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async alarm(): Promise<void> {
    this.#alarmAt = null;
    if (!isConfigured(this.#state)) return;
    this.#apply({ type: "rollover" }, SYSTEM, null, "");
    await this.#schedule();
  }

  #apply(command: Command, actor: Actor, commandId: string | null, fingerprint: string): StoredReply {
    const now = this.clock();
    const before = this.#state;
    const outcome = decide(before, command, now);
    if (isRejection(outcome)) return rejectionReply(outcome);
    if (command.type === "rollover" && outcome.events.length === 0) return { status: 200, body: {} };
    const reply = replyFor(command, outcome, now, !isConfigured(before));
    this.ctx.storage.transactionSync(() =>
      persist(
        this.ctx.storage.sql,
        before,
        outcome.state,
        outcome.events,
        {
          at: new Date(now).toISOString(),
          role: actor.role,
          actor: actor.name,
          device: actor.device,
          action: command.type,
          target: targetOf(command),
          commandId,
          detail: command.type === "configure" ? null : fingerprint,
        },
        commandId ? { commandId, fingerprint, reply, now } : null,
      ),
    );
    this.#state = outcome.state;
    this.#broadcast(outcome.events);
    return reply;
  }

  #broadcast(events: HallEvent[]): void {
    if (events.length === 0) return;
    const messages = events.map((e) => JSON.stringify(e));
    for (const ws of this.ctx.getWebSockets("json")) {
      send(ws, messages);
    }
    // Screens showing the same view and parameters share one rendering.
    const rendered = new Map<string, string>();
    for (const ws of this.ctx.getWebSockets("html")) {
      const { view: name, key } = ws.deserializeAttachment() as HtmlAttachment;
      const view = VIEWS[name];
      if (!view) continue;
      const id = `${name}?${key}`;
      let message = rendered.get(id);
      if (message === undefined) {
        message = this.#renderView(view, new URLSearchParams(key));
        rendered.set(id, message);
      }
      send(ws, [message]);
    }
  }

  #renderView(view: LiveView, params: URLSearchParams): string {
    const html = view.fragments(this.#state, this.clock(), params);
    return JSON.stringify({ type: "html", seq: this.#state.seq, html });
  }

  /** Learns the hall's name, and seeds the demo hall on first use. */
  #adopt(hall: string): void {
    if (this.#state.hall === "") this.#state = { ...this.#state, hall };
    if (isConfigured(this.#state) || hall !== DEMO_HALL) return;
    if (!isDevelopment(this.env) && this.env.TONGBAN_DEMO !== "on") return;
    this.#apply({ type: "configure", config: demoConfig() }, { ...SYSTEM, name: "demo seed" }, null, "");
  }

  /** Wakes the hall just after its next local midnight to start the new day. */
  async #schedule(): Promise<void> {
    if (!isConfigured(this.#state)) return;
    const at = nextMidnight(this.clock(), this.#state.settings.timezone) + 1000;
    if (this.#alarmAt === at) return;
    await this.ctx.storage.setAlarm(at);
    this.#alarmAt = at;
  }
}

interface HtmlAttachment {
  role: string;
  view: string;
  key: string;
  connectedAt: number;
}

function send(ws: WebSocket, messages: string[]): void {
  try {
    for (const m of messages) ws.send(m);
  } catch {
    // A socket closing under us: its client reconnects with since= and catches up.
  }
}

function targetOf(command: Command): string | null {
  if ("ticket" in command) return `ticket:${command.ticket}`;
  if ("window" in command && typeof command.window === "string") return `window:${command.window}`;
  if (command.type === "issue") return `category:${command.category}`;
  return null;
}
