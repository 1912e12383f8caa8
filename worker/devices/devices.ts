/**
 * A hall's devices: the screens, announcers, kiosks and counter terminals paired to it, what
 * each one is (its kind, zone and window), the page it shows and the role it acts with, and
 * which ones have been offline long enough to tell the manager. Pure functions over plain
 * data; worker/devices/hall-devices.object.ts stores the devices and watches their sockets.
 */
import type { HallState } from "../core/model.js";

export const DEVICE_KINDS = ["main-screen", "window-screen", "data-wall", "announcer", "kiosk", "counter", "evaluator"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * Devices a hall keeps paired at most (issue 22 §3): a 200-window centre's window screens,
 * counters and evaluators with its walls, kiosks and announcers fit; one more is refused.
 */
export const MAX_DEVICES = 1000;

/** What a manager decides about a device: changed by PATCH, the page follows. */
export interface Assignment {
  kind: DeviceKind;
  name: string;
  zone: string | null;
  window: string | null;
}

export interface Device extends Assignment {
  id: string;
  pairedAt: string;
}

/** A device as the Devices tab and `GET /devices` show it. */
export interface DeviceHealth extends Device {
  online: boolean;
  onlineSince: string | null;
  lastSeenAt: string | null;
  userAgent: string | null;
  screen: { width: number | null; height: number | null };
  /** Announcers only: whether the page's sound is on, from its last report. */
  sound?: boolean | null;
  version: string | null;
}

export const KIND_WORDS: Record<DeviceKind, { zh: string; en: string }> = {
  "main-screen": { zh: "主屏", en: "Main screen" },
  "window-screen": { zh: "窗口屏", en: "Window screen" },
  "data-wall": { zh: "数据大屏", en: "Data wall" },
  announcer: { zh: "播报器", en: "Announcer" },
  kiosk: { zh: "取号机", en: "Kiosk" },
  counter: { zh: "窗口终端", en: "Counter terminal" },
  evaluator: { zh: "评价器", en: "Window evaluator" },
};

/** Kinds that stand at a window and show or work it. */
const AT_A_WINDOW: readonly DeviceKind[] = ["window-screen", "counter", "evaluator"];
/** Kinds that can show one zone of the hall. */
const ZONED: readonly DeviceKind[] = ["main-screen", "data-wall", "announcer"];
/** Kinds the hall must not lose without the manager knowing: citizens rely on them to be called. */
const WATCHED: readonly DeviceKind[] = ["main-screen", "window-screen", "data-wall", "announcer"];

/** A device offline this long while the hall is open raises an alarm. */
export const OFFLINE_ALARM_MS = 60_000;

/** The role a device acts with: screens and announcers only read; an evaluator reads and rates, as a display token does. */
export function roleOf(kind: DeviceKind): "display" | "kiosk" | "counter" {
  return kind === "kiosk" ? "kiosk" : kind === "counter" ? "counter" : "display";
}

export function isDeviceKind(kind: unknown): kind is DeviceKind {
  return DEVICE_KINDS.includes(kind as DeviceKind);
}

/** The page a device shows, with no token in it. */
export function locationOf(hall: string, a: Assignment): string {
  const h = `/halls/${encodeURIComponent(hall)}`;
  const w = encodeURIComponent(a.window ?? "");
  const zone = a.zone && ZONED.includes(a.kind) ? `?${new URLSearchParams({ zone: a.zone })}` : "";
  switch (a.kind) {
    case "main-screen":
      return `${h}/display${zone}`;
    case "window-screen":
      return `${h}/windows/${w}/screen`;
    case "data-wall":
      return `${h}/dashboard${zone}`;
    case "announcer":
      return `${h}/announcer${zone}`;
    case "kiosk":
      return `${h}/kiosk`;
    case "counter":
      return `${h}/counter/${w}`;
    case "evaluator":
      return `${h}/windows/${w}/evaluator`;
  }
}

/**
 * Whether `page` (the address a device's page reports on its feed, path and query) is the one
 * it is assigned. A device re-assigned while it was switched off comes back on its old page:
 * the hall sends it on. A page that does not say where it is (an older script) is left alone.
 */
export function onAssignedPage(hall: string, a: Assignment, page: string | null): boolean {
  if (page === null) return true;
  const at = new URL(page, "http://hall");
  const want = new URL(locationOf(hall, a), "http://hall");
  return at.pathname === want.pathname && (at.searchParams.get("zone") || null) === (want.searchParams.get("zone") || null);
}

function zonesOf(state: HallState): string[] | null {
  const zones = state.settings.zones;
  return zones && zones.length > 0 ? zones.map((z) => z.id) : null;
}

export type AssignmentProblem = { field: "kind" | "window" | "zone" | "name"; message: string };

/** What is wrong with an assignment in this hall, naming the field; null when it fits. */
export function checkAssignment(state: HallState, a: Assignment): AssignmentProblem | null {
  if (!isDeviceKind(a.kind)) return { field: "kind", message: `未知设备类型 · unknown kind "${String(a.kind)}"; one of ${DEVICE_KINDS.join(", ")}` };
  if (a.name.trim() === "") return { field: "name", message: "请填写设备名称 · give the device a name" };
  if (AT_A_WINDOW.includes(a.kind)) {
    if (a.window === null) return { field: "window", message: `${KIND_WORDS[a.kind].zh}需要指定窗口 · a ${a.kind} needs a window` };
    if (!state.windows.some((w) => w.id === a.window)) return { field: "window", message: `没有这个窗口 · no window "${a.window}" in this hall` };
  }
  const zones = zonesOf(state);
  if (a.zone !== null && !zones?.includes(a.zone)) {
    const known = zones ? `zones: ${zones.join(", ")}` : "it has no zones";
    return { field: "zone", message: `没有这个区域 · no zone "${a.zone}" in this hall; ${known}` };
  }
  return null;
}

/** The assignment after a PATCH: fields not sent stay; a window only stays with a kind that uses it. */
export function reassign(current: Assignment, change: Partial<Assignment>): Assignment {
  const kind = change.kind ?? current.kind;
  const window = change.window !== undefined ? change.window : AT_A_WINDOW.includes(kind) ? current.window : null;
  return { kind, name: change.name ?? current.name, zone: change.zone !== undefined ? change.zone : current.zone, window };
}

/** A zone's devices: assigned to it, or standing at one of its windows. */
export function inZone(device: Assignment, zone: { id: string; windows: Iterable<string> }): boolean {
  return device.zone === zone.id || (device.window !== null && [...zone.windows].includes(device.window));
}

export interface OfflineAlarm {
  device: string;
  /** The device's name and the whole minutes it has been offline, for pages that say it in their own words. */
  name: string;
  minutes: number;
  /** When the alarm is due: clock.js shows it from then on, so the hall needs no timer. */
  dueAt: number;
  due: boolean;
  zh: string;
  en: string;
}

/** A hall with a window open is serving citizens; a closed hall's dark screens are no news. */
export function hallIsOpen(state: HallState): boolean {
  return state.windows.some((w) => w.state === "open");
}

/**
 * Screens and announcers offline for more than a minute while the hall is open: due ones with
 * their minutes, and the others with the instant they become due.
 */
export function offlineAlarms(state: HallState, devices: DeviceHealth[], now: number): OfflineAlarm[] {
  if (!hallIsOpen(state)) return [];
  const alarms: OfflineAlarm[] = [];
  for (const d of devices) {
    if (d.online || !WATCHED.includes(d.kind)) continue;
    const since = Date.parse(d.lastSeenAt ?? d.pairedAt);
    const dueAt = since + OFFLINE_ALARM_MS;
    const due = now >= dueAt;
    const minutes = Math.max(1, Math.floor((now - since) / 60_000));
    alarms.push({
      device: d.id,
      name: d.name,
      minutes,
      dueAt,
      due,
      zh: due ? `${d.name}离线 ${minutes} 分钟` : `${d.name}离线超过 1 分钟`,
      en: due ? `${d.name} offline for ${minutes} min` : `${d.name} offline for over a minute`,
    });
  }
  return alarms;
}
