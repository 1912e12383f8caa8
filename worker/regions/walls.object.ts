/**
 * The region's live walls: the sockets of `GET /api/regions/{region}/live`, a snapshot (or, with
 * ?view=dashboard, the wall's fragments) when one connects, then only the halls whose line
 * changed. Sockets hibernate: what each needs later is in its attachment.
 */
import { regionDashboard } from "./dashboard.js";
import type { RegionView } from "./board.js";

export class RegionWalls {
  /** The line of each hall and the totals as last sent; in memory, so a wake sends whole lines again. */
  #sentLines = new Map<string, string>();
  #sentTotals = "";

  constructor(private readonly ctx: DurableObjectState) {}

  watched(): boolean {
    return this.ctx.getWebSockets().length > 0;
  }

  /** Upgrades a wall's request: JSON gets a snapshot, a dashboard its fragments unless it holds `version`. */
  accept(request: Request, view: RegionView, version: number, now: number): Response {
    const html = new URL(request.url).searchParams.get("view") === "dashboard";
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [html ? "html" : "json"]);
    // The wall's links to each hall's own wall carry the token the wall was opened with.
    const token = request.headers.get("X-Tongban-Token");
    server.serializeAttachment({ token });
    if (html) {
      const since = Number(new URL(request.url).searchParams.get("since") ?? -1);
      if (since < version) server.send(JSON.stringify({ type: "html", seq: version, html: regionDashboard.fragments(view, now, token) }));
    } else {
      server.send(JSON.stringify({ type: "snapshot", seq: version, ...view }));
    }
    const protocol = request.headers.get("X-Tongban-Protocol");
    return new Response(null, { status: 101, webSocket: client, headers: protocol ? { "Sec-WebSocket-Protocol": protocol } : {} });
  }

  /** Sends what changed since the last update, numbered by `nextVersion()` (asked only when something did). */
  broadcast(view: RegionView, now: number, nextVersion: () => number): void {
    const json = this.ctx.getWebSockets("json");
    const html = this.ctx.getWebSockets("html");
    const lines = new Map(view.halls.map((h) => [h.hall, JSON.stringify(h)]));
    const changed = view.halls.filter((h) => this.#sentLines.get(h.hall) !== lines.get(h.hall));
    const removed = [...this.#sentLines.keys()].filter((h) => !lines.has(h));
    const totals = JSON.stringify([view.totals, view.regions, view.name]);
    if (changed.length === 0 && removed.length === 0 && totals === this.#sentTotals) return;
    this.#sentLines = lines;
    this.#sentTotals = totals;
    const seq = nextVersion();
    const update = JSON.stringify({ type: "changes", seq, totals: view.totals, regions: view.regions, halls: changed, removed });
    for (const ws of json) send(ws, update);
    // One rendering per token (walls of one region usually share one).
    const rendered = new Map<string | null, string>();
    for (const ws of html) {
      const token = (ws.deserializeAttachment() as { token: string | null } | null)?.token ?? null;
      let message = rendered.get(token);
      if (message === undefined) rendered.set(token, (message = JSON.stringify({ type: "html", seq, html: regionDashboard.fragments(view, now, token) })));
      send(ws, message);
    }
  }
}

function send(ws: WebSocket, message: string): void {
  try {
    ws.send(message);
  } catch {
    // closing under us: the page reconnects and gets a fresh snapshot
  }
}
