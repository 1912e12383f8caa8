/**
 * The one check of caller × hall × window × region: whether whoever is asking (a token, a paired
 * device, a signed-in person, a citizen's ticket link) may act on this hall, at this window, in
 * this region, with a role from the group the route, page or view names (worker/access/roles.ts).
 *
 * It answers with a value, never a response: the API's middleware (worker/access/allow.ts), the
 * pages (worker/access/page-access.ts), the live feed and the hall object's page and ticket
 * checks each word the refusal their own way, with the status their callers have always seen.
 *
 * @example
 * mayAct(principal, { hall: "gx-wuzhou-1", window: "3" }, STAFF);
 * // { ok: false, reason: "window", window: "3", windows: ["2"] } for a counter bound to window 2
 */
import type { Watcher } from "./roles.js";

/**
 * What the check reads of a caller: what its token, device or sign-in grants. A bound that is
 * absent is no bound: without `halls` every hall, without `windows` every window.
 */
export interface Grant {
  /** A role, or "citizen" for a ticket link; the live feed hands the object a plain string. */
  role: string;
  /** Halls it may touch; "*" for all. */
  halls?: "*" | string[];
  /** For a counter: the windows it may act at. */
  windows?: string[];
}

/** Where the caller wants to act. Each part given is checked; each left out is not. */
export interface Place {
  hall?: string;
  window?: string;
  /**
   * A region, and whether the caller's regions reach it. The region tree answers that
   * (worker/access/region-scope.ts), asynchronously, so the caller asks it first.
   */
  region?: { id: string; within: boolean };
}

/** Why a caller may not act here, with what the refusal names. */
export type Refusal =
  | { reason: "hall"; hall: string }
  | { reason: "role"; role: string; allowed: readonly Watcher[] }
  | { reason: "window"; window: string; windows: string[] }
  | { reason: "region"; region: string };

export type Verdict = { ok: true } | ({ ok: false } & Refusal);

/**
 * Whether `grant` may act at `place` with one of `roles` (no role check without them). Checked
 * in the order refusals have always been reported: hall, role, window, region.
 */
export function mayAct(grant: Grant, place: Place, roles?: readonly Watcher[]): Verdict {
  if (place.hall !== undefined && !mayUseHall(grant, place.hall)) return { ok: false, reason: "hall", hall: place.hall };
  if (roles && !roles.includes(grant.role as Watcher)) return { ok: false, reason: "role", role: grant.role, allowed: roles };
  const windows = boundWindows(grant);
  if (place.window !== undefined && windows && !windows.includes(place.window)) {
    return { ok: false, reason: "window", window: place.window, windows };
  }
  if (place.region && !place.region.within) return { ok: false, reason: "region", region: place.region.id };
  return { ok: true };
}

/** Whether the grant covers `hall`. */
export function mayUseHall(grant: Grant, hall: string): boolean {
  return grant.halls === undefined || grant.halls === "*" || grant.halls.includes(hall);
}

/** A counter token bound to windows (`"windows": ["3"]` in TONGBAN_TOKENS) acts only there. */
export function mayUseWindow(grant: Grant, window: string): boolean {
  const windows = boundWindows(grant);
  return windows === null || windows.includes(window);
}

/**
 * The windows a caller is bound to, or null when it may act at any. Only a counter is bound:
 * `windows` on another role's token binds nothing.
 */
function boundWindows(grant: Grant): string[] | null {
  return grant.role === "counter" && grant.windows !== undefined ? grant.windows : null;
}
