/**
 * Live views: pages whose regions the hall object re-renders after every change and sends
 * over the socket as `{ type: "html", seq, html }`, each region marked for an out-of-band swap.
 * A view renders once per change for every screen that shows the same thing, not once per screen.
 * The first paint comes from the same components, so a page and its updates cannot disagree.
 */
import type { Unspoken } from "../core/alarms.js";
import type { HallState } from "../core/model.js";
import type { DeviceHealth } from "../devices/devices.js";
import type { ConnectedAnnouncer } from "../hall-object/announcers.js";
import type { TodayPlan } from "../planning/plan-shifts.js";
import type { ReferenceDay } from "../insights/outlook.js";
import type { LiveConfig } from "./layout.js";
import type { Watcher } from "../access/roles.js";
import { mayAct, type Grant, type Verdict } from "../access/may-act.js";

/** What the hall object knows beyond the state: who is connected to it. */
export interface Room {
  announcers: ConnectedAnnouncer[];
  /** The same weekday last week from the stored statistics, for the staffing advice; null without a record. */
  lastWeek?: ReferenceDay | null;
  /** The hall's paired devices and whether each is connected now. */
  devices?: DeviceHealth[];
  /** Writes the storage guard refused today, not yet acknowledged (worker/hall-object/storage-alarms.ts). */
  storageAlarms?: { at: number; what: string; bytes: number }[];
  /** The plan applied for today, as its shift changes (worker/planning/day-plans.object.ts); null without one. */
  dayPlan?: TodayPlan | null;
  /** Today's calls no announcer spoke, per zone (worker/core/alarms.ts); dropped once one speaks the zone again. */
  unspoken?: Unspoken[];
}

export interface LiveView {
  /** Who may open this view's page and watch its feed: a group from the one roles table (worker/access/roles.ts). */
  roles: readonly Watcher[];
  /** The query parameters that make two screens of this view differ (e.g. the window id). */
  keys?: string[];
  /** Checks the view's parameters against the hall; returns a problem (a 404) or null. */
  check?(state: HallState, params: URLSearchParams): string | null;
  /** Set when the view shows figures that age with the clock (waits, estimates): re-rendered every minute while the hall is busy. */
  ages?: boolean;
  /** Set when the view plays signage content: re-rendered when an item's schedule starts or ends. */
  showsContent?: boolean;
  /** Set when the view shows the room (connected announcers): it re-renders when that changes. */
  showsRoom?: boolean;
  /** Set when the view shows the day plan's reminders (with `showsRoom`): re-rendered as each goes up or comes down. */
  showsPlan?: boolean;
  /** The whole page as first painted. */
  page(state: HallState, now: number, params: URLSearchParams, live: LiveConfig, room?: Room): string;
  /** The view's regions, each with hx-swap-oob, as one HTML string. */
  fragments(state: HallState, now: number, params: URLSearchParams, room?: Room): string;
}

/** The feed URL a page of `view` listens on. */
/** Without a token (a paired device, a signed-in person), the socket is let in by its cookie. */
export function feedUrl(hall: string, view: string, params: URLSearchParams, token: string | null, keys: string[] = []): string {
  const url = new URLSearchParams({ view });
  // A key the page was opened without stays out (a kiosk without ?lang= speaks the hall's language).
  for (const k of keys) if (params.has(k)) url.set(k, params.get(k)!);
  if (token) url.set("token", token);
  return `/api/halls/${encodeURIComponent(hall)}/live?${url}`;
}

/**
 * May `grant` open or watch `view` with these parameters: the view's roles, then the window its
 * parameters name (a counter bound to window 2 sees window 2 only). The page's first paint and
 * the live feed both ask here, through the one access check (worker/access/may-act.ts).
 */
export function mayWatch(view: LiveView, params: URLSearchParams, grant: Grant): Verdict {
  const window = view.keys?.includes("window") ? (params.get("window") ?? undefined) : undefined;
  return mayAct(grant, { window }, view.roles);
}
