/**
 * The hall's report to its region (worker/regions/summary.ts), throttled: at most one every
 * `REPORT_EVERY_MS` however busy the hall is, a heartbeat every `HEARTBEAT_MS` while someone
 * waits or an officer is signed in (so the region can tell a silent hall from a quiet one), and
 * nothing at all when nothing changed. An alarm-line crossing needs no report: the summary carries
 * the instant the oldest ticket joined the line and each region reads it on its own clock.
 *
 * What was last sent is kept in the hall's SQLite, so waking from hibernation sends nothing new.
 *
 * A region this deployment's tree does not hold, with an upstream set (worker/regions/upstream.ts),
 * is reported to over HTTPS instead of by RPC: the same report, the same throttle, and the
 * content of that region and of every region above it comes back in the reply. While the link is down the hall works on; each try
 * that fails is followed by another `UPSTREAM_RETRY_MS` after it began.
 */
import type { HallState } from "../core/model.js";
import type { Env } from "../env.js";
import type { Hall, Part, Written } from "../hall-object/part.js";
import { departure, fingerprint, hallReport, isActive } from "./summary.js";
import { regionInbox, treeInbox } from "./inboxes.js";
import { upstreamOf, upstreamReport, type Upstream, type UpstreamContent } from "./upstream.js";

/** A busy hall costs its region at most one request per this many ms. */
export const REPORT_EVERY_MS = 2_000;
/** A busy hall with nothing new still says so this often (regions call it stale after 2 min). */
export const HEARTBEAT_MS = 60_000;
/** After a failed delivery, try again this much later. */
const RETRY_MS = 10_000;
/**
 * After a failed report upstream, try again this long after the try began: with the try's own
 * timeout (UPSTREAM_TIMEOUT_MS, 4 s) below it, a link that comes back is used within 5 s, and
 * the region is current within 10 s (issue 24 §4).
 */
export const UPSTREAM_RETRY_MS = 5_000;

/** What `RegionReporter.health` says of the hall's reports (instants on the hall's clock). */
export interface ReportHealth {
  region: string | null;
  /** Its region is on the upstream (TONGBAN_UPSTREAM), not on this deployment. */
  upstream: boolean;
  lastReportAt: number | null;
  lastReportAgeSeconds: number | null;
  failingSince: number | null;
  error: string | null;
}

interface Sent {
  fingerprint: string;
  at: number;
  region: string | null;
  active: boolean;
}

export class RegionReporter implements Part {
  readonly tables = ["region_report"];
  #sent: Sent | null;
  #dirty = false;
  #retryAt: number | null = null;
  #sending: Promise<void> | null = null;
  /** Since when (hall clock) reports have failed, and why, for `GET /api/health?hall=`; null while they land. */
  #failing: { since: number; error: string } | null = null;
  /** Regions this deployment's tree holds, asked once per region while the hall is awake. */
  #local = new Map<string, boolean>();
  private readonly sql: SqlStorage;

  constructor(private readonly hall: Pick<Hall, "ctx" | "env" | "schedule" | "apply">) {
    const sql = hall.ctx.storage.sql;
    this.sql = sql;
    sql.exec("CREATE TABLE IF NOT EXISTS region_report (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL)");
    const row = sql.exec<{ body: string }>("SELECT body FROM region_report WHERE id = 1").toArray()[0];
    this.#sent = row ? (JSON.parse(row.body) as Sent) : null;
  }

  /** The hall changed: a report is due (throttled). */
  committed(_before: HallState, outcome: Written): void {
    if (outcome.events.length > 0) this.#dirty = true;
  }

  /** When the next report is due on the hall's clock, or null when none is. */
  dueAt(state: HallState, now: number): number | null {
    const region = state.settings.region ?? null;
    if (region === null && (this.#sent?.region ?? null) === null) return null;
    if (this.#retryAt !== null) return Math.max(now, this.#retryAt);
    if (this.#dirty || this.#sent === null) return Math.max(now, (this.#sent?.at ?? 0) + REPORT_EVERY_MS);
    if (this.#sent.active) return Math.max(now, this.#sent.at + HEARTBEAT_MS);
    return null;
  }

  /**
   * Sends the report now when it is due (in the background: the command's reply does not wait
   * for the region), and says when the hall must wake for the next one, or null for never.
   */
  plan(state: HallState, now: number): number | null {
    const due = this.dueAt(state, now);
    if (due === null) return null;
    if (due > now) return due;
    if (!this.#sending) {
      this.#sending = this.sendIfDue(this.hall.env, state, now).finally(() => {
        this.#sending = null;
      });
      this.hall.ctx.waitUntil(this.#sending.then(() => this.hall.schedule()));
    }
    return null;
  }

  /** Sends the report if it is due and says something new (or is a heartbeat). */
  async sendIfDue(env: Env, state: HallState, now: number): Promise<void> {
    const due = this.dueAt(state, now);
    if (due === null || due > now) return;
    const report = hallReport(state, now);
    const print = fingerprint(report);
    const sent = this.#sent;
    const heartbeat = sent !== null && sent.active && now >= sent.at + HEARTBEAT_MS;
    // Cleared before the awaits: a change that lands while the report is on its way is due next.
    this.#dirty = false;
    const up = upstreamOf(env);
    let retry = RETRY_MS;
    try {
      if (sent?.region && sent.region !== report.region) {
        const away = await this.#upstreamFor(env, up, sent.region);
        retry = away ? UPSTREAM_RETRY_MS : retry;
        const gone = departure(report, sent.region);
        if (away) await this.#reportUpstream(away, state, gone, true);
        else await regionInbox(env, sent.region).report(null, [gone]);
      }
      if ((sent?.region ?? null) !== report.region) await treeInbox(env).placeHall(report.hall, report.region);
      if (report.region && (sent?.region !== report.region || sent.fingerprint !== print || heartbeat)) {
        const away = await this.#upstreamFor(env, up, report.region);
        retry = away ? UPSTREAM_RETRY_MS : retry;
        if (away) await this.#reportUpstream(away, state, report, sent?.region !== report.region);
        else await regionInbox(env, report.region).report(null, [report]);
      }
    } catch (e) {
      console.error("region report failed", state.hall, e);
      this.#dirty = true;
      this.#retryAt = now + retry;
      this.#failing = { since: this.#failing?.since ?? now, error: String(e instanceof Error ? e.message : e).slice(0, 300) };
      return;
    }
    this.#retryAt = null;
    this.#failing = null;
    if (sent !== null && sent.fingerprint === print && sent.region === report.region && !heartbeat) return;
    this.#sent = { fingerprint: print, at: now, region: report.region, active: isActive(report) };
    this.sql.exec("INSERT OR REPLACE INTO region_report (id, body) VALUES (1, ?)", JSON.stringify(this.#sent));
  }

  /**
   * How the hall's reports fare, for a monitor (`GET /api/health?hall=`): where they go, when the
   * last one landed and how long ago on the hall's clock, and since when they fail. A failure is
   * known only to the awake hall: after a restart it shows again at the next try.
   */
  async health(state: HallState, now: number): Promise<ReportHealth> {
    const region = state.settings.region ?? null;
    const upstream = region !== null && (await this.#upstreamFor(this.hall.env, upstreamOf(this.hall.env), region)) !== null;
    const at = this.#sent?.region === region ? (this.#sent?.at ?? null) : null;
    return {
      region,
      upstream,
      lastReportAt: at,
      lastReportAgeSeconds: at === null ? null : Math.max(0, Math.round((now - at) / 1000)),
      failingSince: this.#failing?.since ?? null,
      error: this.#failing?.error ?? null,
    };
  }

  /** The upstream when `region` is not this deployment's (and an upstream is set), else null. */
  async #upstreamFor(env: Env, up: Upstream | null, region: string): Promise<Upstream | null> {
    if (!up) return null;
    let local = this.#local.get(region);
    if (local === undefined) this.#local.set(region, (local = await treeInbox(env).knowsRegion(region)));
    return local ? null : up;
  }

  /**
   * One report upstream; the content that comes back, of the hall's region and those above it,
   * is applied like pushed lists, and the lists of upstream regions no longer above the hall go.
   */
  async #reportUpstream(up: Upstream, state: HallState, report: ReturnType<typeof hallReport>, placed: boolean): Promise<void> {
    const region = report.region!;
    const holds = state.content?.regions ?? {};
    const held = holds[region] ?? 0;
    const reply = await upstreamReport(up, { report, held, placed, holds });
    const lists: Array<NonNullable<UpstreamContent>> = [];
    if (report.gone) {
      // Gone from the region: its items go here too, as a pushed removal would take them; those of
      // the regions above go with the next report's path, or now when no remote region is next.
      const next = state.settings.region ?? null;
      const stays = next !== null && (await this.#upstreamFor(this.hall.env, up, next)) !== null;
      for (const r of Object.keys(holds)) if (r === region || (!stays && (await this.#upstreamFor(this.hall.env, up, r)))) lists.push({ region: r, version: 0, items: [] });
    } else {
      if (reply.content) lists.push(reply.content);
      lists.push(...(reply.above ?? []));
      // An older upstream sends no path: then only the hall's own region is known to be above it.
      const path = new Set(reply.path ?? [region]);
      for (const r of Object.keys(holds)) if (!path.has(r) && (await this.#upstreamFor(this.hall.env, up, r))) lists.push({ region: r, version: 0, items: [] });
    }
    for (const list of lists) this.hall.apply({ type: "sync_region_content", ...list }, { role: "system", name: `region ${list.region}`, device: null });
  }
}
