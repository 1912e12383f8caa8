/**
 * Announcers report what they can do over their live socket:
 *
 *   { "type": "announcer.status", "sound": true, "engines": { "cmn-Hans": "voice-pack", "yue-Hant": "speech" }, "queue": 0, "label": "东侧音箱" }
 *
 * `sound`: whether the page may play audio (a browser needs one tap before it does);
 * `engines`: per language or engine name, a short word or flag of what speaks (≤ 12 entries);
 * `queue`: optional, calls waiting to be spoken; `label`: optional, where the announcer stands;
 * `zone`: optional, the zone whose calls it speaks (its page's `?zone=`; absent: every call). The hall keeps each socket's latest report in
 * the socket's attachment, so it survives hibernation and goes away with the socket.
 */

export type EngineValue = string | number | boolean | null;

export interface AnnouncerStatus {
  sound: boolean;
  engines: Record<string, EngineValue>;
  label: string | null;
  /** The zone whose calls it speaks; null: every call in the hall (issue 25 §3: calls nobody speaks are an alarm). */
  zone: string | null;
  /** Calls waiting to be spoken, when the announcer says. */
  queue: number | null;
  /** When the hall received this report (ms since epoch). */
  at: number;
}

/** One connected announcer as the manager console lists it. */
export interface ConnectedAnnouncer extends AnnouncerStatus {
  role: string;
  view: string | null;
  connectedAt: number;
}

/** Attachments are capped at 2 KiB; a report stays well under it. */
const MAX_ENGINES = 12;
const MAX_TEXT = 60;

/** The report in `message`, or a problem naming what is wrong with it. */
export function readAnnouncerStatus(message: Record<string, unknown>, now: number): AnnouncerStatus | { problem: string } {
  if (typeof message.sound !== "boolean") return { problem: "announcer.status needs sound: true or false" };
  const raw = message.engines ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { problem: "engines must be an object" };
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_ENGINES) return { problem: `at most ${MAX_ENGINES} engines` };
  const engines: Record<string, EngineValue> = {};
  for (const [name, value] of entries) {
    const key = name.slice(0, 40);
    if (value === null || typeof value === "boolean" || typeof value === "number") engines[key] = value;
    else if (typeof value === "string") engines[key] = value.slice(0, MAX_TEXT);
    else engines[key] = JSON.stringify(value).slice(0, MAX_TEXT);
  }
  const label = typeof message.label === "string" && message.label.trim() ? message.label.trim().slice(0, 40) : null;
  const zone = typeof message.zone === "string" && message.zone.trim() ? message.zone.trim().slice(0, 40) : null;
  const queue = typeof message.queue === "number" && Number.isFinite(message.queue) ? Math.max(0, Math.floor(message.queue)) : null;
  return { sound: message.sound, engines, label, zone, queue, at: now };
}
