/**
 * The deployment that holds this one's regions (issue 24 §4): a hall box or a city data centre
 * names it with `TONGBAN_UPSTREAM` (its base URL) and `TONGBAN_UPSTREAM_TOKEN` (a `reporter`
 * token there, bound to this deployment's halls). A hall whose region this deployment does not
 * hold sends the same throttled, seq-numbered report it would hand a local region object, over
 * HTTPS to `POST /api/halls/{hall}/region-report` upstream, and takes back in the reply the
 * content of its region and of every region above it (worker/regions/upstream.routes.ts), as a
 * local hall is pushed the content of each region it sits below. The link is the only thing that differs: the
 * region admits in seq order either way, so a report sent twice counts once.
 *
 * @example
 * const up = upstreamOf(env); // null: every region is local
 * if (up) await upstreamReport(up, { report, held: 3, placed: false });
 */
import type { ContentItem } from "../core/content-types.js";
import type { Env } from "../env.js";
import type { HallReport } from "./summary.js";

export interface Upstream {
  /** Base URL, without a trailing slash: https://city.example.gov.cn */
  base: string;
  token: string;
  fetch: (request: Request) => Promise<Response>;
}

/** What a hall sends upstream with each report. */
export interface UpstreamReport {
  report: HallReport;
  /** The version of the region's content the hall holds (0 for none): the reply carries a newer list. */
  held: number;
  /** The hall came to (or, with a departure, left) this region since its last report. */
  placed: boolean;
  /** The version of every region's content the hall holds, for the regions above its own. */
  holds?: Record<string, number>;
}

/** The region's content for the hall when it holds an older version; null when it is current. */
export type UpstreamContent = { region: string; version: number; items: ContentItem[] } | null;

/** The upstream's answer to a report. */
export interface UpstreamReply {
  /** The hall's own region's content, as `UpstreamContent`. */
  content: UpstreamContent;
  /** Newer content of the regions above the hall's, as a local hall gets pushed (older upstreams send none). */
  above?: Array<NonNullable<UpstreamContent>>;
  /** The hall's region and every region above it there, nearest first; absent after a departure. */
  path?: string[];
}

/**
 * An attempt gives up after this long, shorter than the reporter's retry (worker/regions/
 * report.object.ts): an upstream that hangs costs no more than one that refuses, and the first
 * retry after the link is back lands within 10 s.
 */
export const UPSTREAM_TIMEOUT_MS = 4_000;

let replaced: Upstream | null = null;

/**
 * Tests only: the upstream every hall of this isolate uses instead of the one the environment
 * names (the suite points it at the Worker itself, and fails its requests to cut the link).
 * `null` gives the environment back.
 */
export function replaceUpstream(upstream: Upstream | null): void {
  replaced = upstream;
}

/** The upstream this deployment reports to, or null when it holds every region it knows. */
export function upstreamOf(env: Env): Upstream | null {
  if (replaced) return replaced;
  const base = env.TONGBAN_UPSTREAM?.trim().replace(/\/+$/, "");
  if (!base || !env.TONGBAN_UPSTREAM_TOKEN) return null;
  return { base, token: env.TONGBAN_UPSTREAM_TOKEN, fetch: (request) => fetch(request) };
}

async function ask(up: Upstream, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${up.token}`);
  if (init.body) headers.set("Content-Type", "application/json");
  return up.fetch(new Request(`${up.base}${path}`, { ...init, headers, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) }));
}

/** Sends one report; the content of regions whose list the hall holds an older version of. Throws when it did not land. */
export async function upstreamReport(up: Upstream, body: UpstreamReport): Promise<UpstreamReply> {
  const res = await ask(up, `/api/halls/${encodeURIComponent(body.report.hall)}/region-report`, { method: "POST", body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`upstream ${up.base} refused the report: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as UpstreamReply;
}

/** Whether the upstream holds `region`, asked for `hall`; "unreachable" when it could not say. */
export async function upstreamHolds(up: Upstream, hall: string, region: string): Promise<boolean | "unreachable"> {
  try {
    const res = await ask(up, `/api/halls/${encodeURIComponent(hall)}/region-report/${encodeURIComponent(region)}`);
    await res.body?.cancel();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    console.error(`upstream ${up.base} answered ${res.status} asking for region ${region}`);
    return "unreachable";
  } catch (e) {
    console.error(`upstream ${up.base} unreachable asking for region ${region}`, e);
    return "unreachable";
  }
}

/** What `GET /api/health` says of the upstream: whether its own health check answered, and how fast. */
export interface UpstreamHealth {
  reachable: boolean;
  /** The upstream's HTTP status, or null when nothing came back (refused, timed out). */
  status: number | null;
  ms: number;
}

/** Asks the upstream's `GET /api/health` (no token), giving up after UPSTREAM_TIMEOUT_MS. */
export async function upstreamHealth(up: Upstream): Promise<UpstreamHealth> {
  const started = Date.now();
  try {
    const res = await up.fetch(new Request(`${up.base}/api/health`, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) }));
    await res.body?.cancel();
    return { reachable: res.status === 200, status: res.status, ms: Date.now() - started };
  } catch {
    return { reachable: false, status: null, ms: Date.now() - started };
  }
}
