/**
 * One Durable Object per region (a province, a city, a county): it keeps the latest report of
 * every hall below it, reads them on its own clock, reports the changes to its parent at most
 * once per `REPORT_EVERY_MS`, and pushes its view to the walls watching it. The object named
 * `REGION_TREE` keeps the tree itself, so a parent check and its write happen in one place.
 *
 * It loads, stores, sends and schedules; the rules are in worker/regions.
 */
import { guarded } from "../hall-object/guard.js";
import { DurableObject } from "cloudflare:workers";
import { clockOf, machineInstant } from "../clock.js";
import { isDevelopment, type Env } from "../env.js";
import { refusal } from "../edge/refusal.js";
import { countHandled, countWake } from "../service/wakes.js";
import { publicHalls, regionView, nextTurnAt, type HallRow, type PublicHall, type RegionView } from "./board.js";
import { admit, tombstone } from "./rows.js";
import type { HallReport } from "./summary.js";
import { ancestors, checkRegion, isWithin, type RegionDef, type RegionName, type RegionTree } from "./tree.js";
import type { Reply } from "./inboxes.js";
import type { UpstreamContent } from "./upstream.js";
import { RegionContent } from "./content.object.js";
import { RegionWalls } from "./walls.object.js";
import type { ContentChange, ContentDraft } from "../core/content-types.js";
import { regionDashboard } from "./dashboard.js";
import * as store from "./storage.object.js";

/** A region costs its parent at most one request per this many ms. */
export const REPORT_EVERY_MS = 1_000;
const MINUTE = 60_000;

export type { Reply } from "./inboxes.js";

export type ContentRequest =
  | { op: "list" }
  | { op: "add"; draft: ContentDraft }
  | { op: "change"; id: string; change: ContentChange }
  | { op: "remove"; id: string }
  | { op: "usesImage"; hash: string };

export class RegionObject extends DurableObject<Env> {
  /** The region's clock (worker/clock.ts); tests move it to make halls stale. */
  clock: () => number;
  #def: store.Definition | null;
  #rows: Map<string, HallRow>;
  #children: Map<string, RegionName>;
  #meta: store.Meta;
  #tree: RegionTree | null = null;
  #hallRegions: Map<string, string> | null = null;
  #alarmAt: number | null = null;
  /** What the JSON sockets were last sent, per hall, so updates carry only changes. */
  #walls!: RegionWalls;
  #socketsBehind = false;
  #flushing: Promise<void> | null = null;
  #content: RegionContent;
  #delivering: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Every SQLite statement and key-value put goes through the storage guard, as the hall's do.
    ctx = guarded(ctx);
    (this as unknown as { ctx: DurableObjectState }).ctx = ctx;
    this.clock = clockOf(env);
    if (isDevelopment(env)) countWake(`region:${ctx.id.name ?? ctx.id.toString()}`);
    // Waking is construction: everything comes back from SQLite.
    store.migrateRegion(ctx.storage.sql);
    this.#def = store.loadDefinition(ctx.storage.sql);
    this.#rows = store.loadRows(ctx.storage.sql);
    this.#children = store.loadChildren(ctx.storage.sql);
    this.#meta = store.loadMeta(ctx.storage.sql);
    this.#content = new RegionContent(ctx.storage.sql);
    this.#walls = new RegionWalls(ctx);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  // ---- the tree (the object named REGION_TREE) ----

  /** Creates (201) or replaces (200) a region; 400 naming `parent` for an unknown parent or a cycle. */
  async defineRegion(region: string, def: RegionDef): Promise<Reply> {
    const tree = this.#loadTree();
    const problem = checkRegion(tree, region, def);
    if (problem) return { status: 400, body: refusal("invalid", problem.message, problem.details) };
    const before = tree[region];
    store.saveTreeRegion(this.ctx.storage.sql, region, def);
    tree[region] = def;
    await regionObject(this.env, region).configure({ region, ...def });
    if (before?.parent && before.parent !== def.parent) await regionObject(this.env, before.parent).forgetChild(region);
    return { status: before ? 200 : 201, body: { region, name: def.name, parent: def.parent, path: ancestors(tree, region).reverse() } };
  }

  async regionTree(): Promise<RegionTree> {
    return this.#loadTree();
  }

  /** Where a hall reports to, kept for scope checks; null when it left every region. */
  async placeHall(hall: string, region: string | null): Promise<void> {
    this.#count();
    store.saveHallRegion(this.ctx.storage.sql, hall, region);
    const map = this.#loadHallRegions();
    if (region === null) map.delete(hall);
    else map.set(hall, region);
  }

  /** Whether this deployment's tree holds `region` (else a hall naming it reports upstream). */
  async knowsRegion(region: string): Promise<boolean> {
    return Object.hasOwn(this.#loadTree(), region);
  }

  /** Whether `region` is one of `scopes` or below one. */
  async regionWithin(region: string, scopes: string[]): Promise<boolean> {
    return isWithin(this.#loadTree(), region, scopes);
  }

  /** Whether `hall` reports to a region within `scopes`. */
  async hallWithin(hall: string, scopes: string[]): Promise<boolean> {
    return isWithin(this.#loadTree(), this.#loadHallRegions().get(hall) ?? null, scopes);
  }

  // ---- a region ----

  /** The tree tells the region what it is called and where it sits. */
  async configure(def: store.Definition): Promise<void> {
    const moved = this.#def !== null && this.#def.parent !== def.parent;
    this.#def = def;
    store.saveDefinition(this.ctx.storage.sql, def);
    // A new parent (or a new name) gets every row at the next report.
    this.#meta = { ...this.#meta, sentTo: null };
    store.saveMeta(this.ctx.storage.sql, this.#meta);
    if (moved) store.markAllPending(this.ctx.storage.sql);
    this.#socketsBehind = true;
    await this.#schedule();
  }

  /**
   * Reports from a hall (`from` null) or a child region: the newest version of each hall wins.
   * `full` says the child sent every hall it has: any other row via it has left.
   */
  async report(from: { region: string; name: RegionName } | null, reports: HallReport[], full = false): Promise<boolean> {
    this.#count();
    if (!this.#def) return false;
    const sql = this.ctx.storage.sql;
    const via = from?.region ?? null;
    if (from && JSON.stringify(this.#children.get(from.region)) !== JSON.stringify(from.name)) {
      this.#children.set(from.region, from.name);
      store.saveChild(sql, from.region, from.name);
      this.#socketsBehind = true;
    }
    const named = new Set(reports.map((r) => r.hall));
    const changes: HallRow[] = [];
    for (const r of reports) {
      const row = admit(this.#rows.get(r.hall), r, via);
      if (row) changes.push(row);
    }
    if (full && via !== null) {
      for (const row of this.#rows.values()) if (row.via === via && !row.gone && !named.has(row.hall)) changes.push(tombstone(row));
    }
    if (changes.length > 0) {
      this.ctx.storage.transactionSync(() => {
        for (const row of changes) store.saveRow(sql, row, true);
      });
      for (const row of changes) this.#rows.set(row.hall, row);
      this.#socketsBehind = true;
    }
    await this.#schedule();
    return true;
  }

  /**
   * A report from a hall on another deployment (worker/regions/upstream.routes.ts), admitted like
   * a local one; the answer carries the region's content when the hall's `held` version is older.
   * False for a region never defined here.
   */
  async reportFromAfar(report: HallReport, held: number): Promise<{ content: UpstreamContent; parent: string | null } | false> {
    if (!(await this.report(null, [{ ...report, remote: true }]))) return false;
    const parent = this.#def!.parent;
    if (report.gone) return { content: null, parent };
    return { content: this.#content.pull(this.#def!.region, report.hall, held), parent };
  }

  /**
   * The content of a region above a hall on another deployment, as `reportFromAfar` gives its own
   * region's (the hall's report reaches this region through the one below, as a local hall's
   * does); and the region above this one. False for a region never defined here.
   */
  async contentFromAfar(hall: string, held: number): Promise<{ content: UpstreamContent; parent: string | null } | false> {
    this.#count();
    if (!this.#def) return false;
    return { content: this.#content.pull(this.#def.region, hall, held), parent: this.#def.parent };
  }

  /** A child region moved to another parent: its halls leave this region (and, through it, those above). */
  async forgetChild(child: string): Promise<void> {
    const sql = this.ctx.storage.sql;
    const leaving = [...this.#rows.values()].filter((r) => r.via === child && !r.gone).map(tombstone);
    this.ctx.storage.transactionSync(() => {
      for (const row of leaving) store.saveRow(sql, row, true);
      store.deleteChild(sql, child);
    });
    for (const row of leaving) this.#rows.set(row.hall, row);
    this.#children.delete(child);
    this.#socketsBehind = true;
    await this.#schedule();
  }

  /** The region's content for every hall below (worker/regions/content.object.ts); null for a region never defined. */
  async content(request: ContentRequest): Promise<Reply | null> {
    this.#count();
    if (!this.#def) return null;
    const now = this.clock();
    const reply =
      request.op === "list"
        ? { status: 200, body: this.#content.list(this.#below(), this.#belowAfar()) }
        : request.op === "add"
          ? this.#content.add(this.#def.region, request.draft, now)
          : request.op === "change"
            ? this.#content.change(request.id, request.change, now)
            : request.op === "remove"
              ? this.#content.remove(request.id)
              : { status: 200, body: { used: this.#content.usesImage(request.hash) } };
    await this.#schedule();
    return reply;
  }

  /** The halls below on this deployment: the region pushes its content to them. */
  #below(): string[] {
    return [...this.#rows.values()].filter((r) => !r.gone && !r.remote).map((r) => r.hall);
  }

  /** The halls below on other deployments: they pull the content with their reports. */
  #belowAfar(): string[] {
    return [...this.#rows.values()].filter((r) => !r.gone && r.remote).map((r) => r.hall);
  }

  /** Whether the tree has defined this region (configure ran). */
  async isDefined(): Promise<boolean> {
    return this.#def !== null;
  }

  /** `GET /api/regions/{region}`, or null for a region never defined. */
  async view(): Promise<RegionView | null> {
    this.#count();
    if (!this.#def) return null;
    return this.#view(this.clock());
  }

  /** The public list: halls open now with their public figures. */
  async publicList(near?: { lat: number; lng: number }): Promise<{ region: string; name: RegionName; halls: PublicHall[] } | null> {
    if (!this.#def) return null;
    return { region: this.#def.region, name: this.#def.name, halls: publicHalls(this.#rows.values(), this.clock(), near) };
  }

  /** Every hall below, for gathering their statistics. */
  async hallsBelow(): Promise<Array<{ hall: string; name: string; region: string | null; afar?: HallReport }> | null> {
    if (!this.#def) return null;
    // A hall on another deployment has no object here: its latest report stands in for its statistics.
    return [...this.#rows.values()].filter((r) => !r.gone).map((r) => ({ hall: r.hall, name: r.name, region: r.region, ...(r.remote ? { afar: r } : {}) }));
  }

  /** The data wall's first paint. */
  async page(token: string | null): Promise<string | null> {
    if (!this.#def) return null;
    const url = `/api/regions/${this.#def.region}/live?view=dashboard${token ? `&token=${encodeURIComponent(token)}` : ""}`;
    return regionDashboard.page(this.#view(this.clock()), this.clock(), { url, seq: this.#meta.version });
  }

  /** `GET /api/regions/{region}/live`: a snapshot, then changes (or, with ?view=dashboard, the wall's fragments). */
  override async fetch(request: Request): Promise<Response> {
    if (!this.#def) return Response.json(refusal("not_found", "unknown region"), { status: 404 });
    const accepted = this.#walls.accept(request, this.#view(this.clock()), this.#meta.version, this.clock());
    await this.#schedule();
    return accepted;
  }

  override async webSocketMessage(ws: WebSocket): Promise<void> {
    ws.send(JSON.stringify({ type: "error", error: 'the region feed takes no messages except "ping"' }));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async alarm(): Promise<void> {
    this.#count();
    this.#alarmAt = null;
    if (this.#flushing) await this.#flushing;
    const now = this.clock();
    if (this.#dueAt(now) !== null && this.#dueAt(now)! <= now) await this.#flush(now);
    else this.#broadcast(now);
    await this.#schedule();
  }

  /** Development only: counts requests for `npm run bench:region` (GET /api/dev/wakes, "region:" keys). */
  #count(): void {
    if (isDevelopment(this.env)) countHandled(`region:${this.ctx.id.name ?? this.ctx.id.toString()}`);
  }

  #view(now: number): RegionView {
    const def = this.#def!;
    const children = [...this.#children].map(([region, name]) => ({ region, name })).sort((a, b) => a.region.localeCompare(b.region));
    return regionView({ region: def.region, name: def.name, parent: def.parent }, children, this.#rows.values(), now);
  }

  /** When the next report to the parent (and push to the walls) is due, throttled. */
  #dueAt(now: number): number | null {
    if (!this.#def) return null;
    const parent = this.#def.parent;
    const owes = this.#socketsBehind || (parent !== null && parent !== this.#meta.sentTo) || (parent !== null && store.pendingHalls(this.ctx.storage.sql).length > 0);
    // A clock that went back (a restart on another machine) does not hold the reports.
    return owes ? (this.#meta.flushedAt > now ? now : Math.max(now, this.#meta.flushedAt + REPORT_EVERY_MS)) : null;
  }

  async #flush(now: number): Promise<void> {
    const sql = this.ctx.storage.sql;
    const def = this.#def!;
    const pending = store.pendingHalls(sql);
    // Cleared before the await: a report that lands meanwhile is pending again for the next flush.
    store.clearPending(sql, pending);
    if (def.parent !== null) {
      const full = def.parent !== this.#meta.sentTo;
      const rows = full ? [...this.#rows.values()].filter((r) => !r.gone) : pending.map((h) => this.#rows.get(h)!).filter(Boolean);
      const reports = rows.map(({ via: _, ...report }) => report);
      try {
        const ok = await regionObject(this.env, def.parent).report({ region: def.region, name: def.name }, reports, full);
        if (!ok) console.error(`region ${def.region}: parent ${def.parent} is not defined`);
      } catch (e) {
        console.error(`region ${def.region}: report to ${def.parent} failed`, e);
        for (const h of pending) sql.exec("UPDATE hall_rows SET pending = 1 WHERE hall = ?", h);
        this.#meta = { ...this.#meta, flushedAt: now + 5 * REPORT_EVERY_MS };
        return;
      }
    }
    this.#meta = { ...this.#meta, flushedAt: now, sentTo: def.parent };
    store.saveMeta(sql, this.#meta);
    this.#broadcast(now);
  }

  /** Sends the walls what changed since their last update, as the region's next version. */
  #broadcast(now: number): void {
    this.#socketsBehind = false;
    if (!this.#walls.watched()) return;
    this.#walls.broadcast(this.#view(now), now, () => {
      this.#meta = { ...this.#meta, version: this.#meta.version + 1 };
      store.saveMeta(this.ctx.storage.sql, this.#meta);
      return this.#meta.version;
    });
  }

  async #schedule(): Promise<void> {
    const now = this.clock();
    const due = this.#dueAt(now);
    // Not held by the throttle: report now, in the background, rather than wake again for an alarm.
    if (due !== null && due <= now && !this.#flushing) {
      const flushing = this.#flush(now).finally(() => {
        this.#flushing = null;
      });
      this.#flushing = flushing;
      this.ctx.waitUntil(flushing.then(() => this.#schedule()));
    }
    let at = due === null || due <= now ? Infinity : due;
    if (this.ctx.getWebSockets().length > 0) {
      // Watched: wake when a hall goes stale or crosses its line, and each minute while anyone waits.
      at = Math.min(at, nextTurnAt(this.#rows.values(), now) ?? Infinity);
      if ([...this.#rows.values()].some((r) => !r.gone && r.oldestQueuedAt !== null)) at = Math.min(at, (Math.floor(now / MINUTE) + 1) * MINUTE);
    }
    // Content owed to halls below: now, in the background, or when a retry falls due.
    const contentDue = this.#def ? this.#content.dueAt(this.#below(), now) : null;
    if (contentDue !== null && contentDue <= now && !this.#delivering) {
      const delivering = this.#content.deliver(this.env, this.#def!.region, this.#below(), now).finally(() => {
        this.#delivering = null;
      });
      this.#delivering = delivering;
      this.ctx.waitUntil(delivering.then(() => this.#schedule()));
    } else if (contentDue !== null && contentDue > now) at = Math.min(at, contentDue);
    if (!Number.isFinite(at) || this.#alarmAt === at) return;
    await this.ctx.storage.setAlarm(machineInstant(this.clock, at));
    this.#alarmAt = at;
  }

  #loadTree(): RegionTree {
    return (this.#tree ??= store.loadTree(this.ctx.storage.sql));
  }

  #loadHallRegions(): Map<string, string> {
    return (this.#hallRegions ??= store.loadHallRegions(this.ctx.storage.sql));
  }
}

/** Another region's object; typed here by the class itself, since worker/regions/stubs.ts imports this file. */
function regionObject(env: Env, region: string): DurableObjectStub<RegionObject> {
  const regions = env.REGION as unknown as DurableObjectNamespace<RegionObject>;
  return regions.get(regions.idFromName(region));
}
