/**
 * The hall's paired devices, in their own SQLite table: what each one is, the SHA-256 hash of
 * its credential (never the credential), and what it last told the hall about itself.
 *
 * Presence costs the hall nothing while it sleeps: a device's sockets carry a `device:<id>`
 * tag, so "online" is `getWebSockets(tag)` (which survives hibernation), and `last_seen_at`
 * is written only when something already wakes the hall: a connect, a close, a report, a
 * request. No timers, no alarms.
 */
import type { HallState } from "../core/model.js";
import type { Env } from "../env.js";
import { refusal, type ErrorCode } from "../edge/refusal.js";
import { checkAssignment, locationOf, MAX_DEVICES, onAssignedPage, reassign, type Assignment, type Device, type DeviceHealth } from "./devices.js";
import { pairingStub } from "./pairing-stubs.js";
import type { Part } from "../hall-object/part.js";
import type { Actor } from "../hall-object/protocol.js";
import { writeAudit, type StoredReply } from "../hall-object/storage.js";

export const deviceTag = (id: string) => `device:${id}`;

/** What the devices API asks the hall. */
export type FleetRequest =
  | { op: "pair"; code: string; assignment: Assignment; actor: Actor }
  | { op: "list" }
  | { op: "move"; id: string; change: Partial<Assignment>; actor: Actor }
  | { op: "revoke"; id: string; actor: Actor };

/** Close code for a revoked device's sockets (4000–4999 are the application's own). */
const REVOKED = 4001;

type Row = {
  id: string;
  kind: Device["kind"];
  name: string;
  zone: string | null;
  window: string | null;
  paired_at: string;
  credential_hash: string;
  last_seen_at: number | null;
  online_since: number | null;
  user_agent: string | null;
  screen_w: number | null;
  screen_h: number | null;
  sound: number | null;
  version: string | null;
};

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function deviceOf(r: Row): Device {
  return { id: r.id, kind: r.kind, name: r.name, zone: r.zone, window: r.window, pairedAt: r.paired_at };
}

/** A device request refused, as its route answers it. */
function refused(status: number, code: ErrorCode, error: string, details: Record<string, unknown> = {}): StoredReply {
  return { status, body: refusal(code, error, details) };
}

const noSuchDevice = (id: string) => refused(404, "not_found", `没有这台设备 · no device "${id}" in this hall`, { device: id });

export class HallDevices implements Part {
  readonly tables = ["devices"];

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    /** Re-renders the views that show the room (the Devices tab, the data wall's alarms). */
    private readonly changed: () => void,
  ) {
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        zone TEXT,
        window TEXT,
        paired_at TEXT NOT NULL,
        credential_hash TEXT NOT NULL,
        last_seen_at INTEGER,
        online_since INTEGER,
        user_agent TEXT,
        screen_w INTEGER,
        screen_h INTEGER,
        sound INTEGER,
        version TEXT
      );
    `);
  }

  handle(state: HallState, request: FleetRequest, now: number): StoredReply | Promise<StoredReply> {
    switch (request.op) {
      case "pair":
        return this.pair(state, request.code, request.assignment, request.actor, now);
      case "list":
        return { status: 200, body: { devices: this.list() } };
      case "move":
        return this.move(state, request.id, request.change, request.actor, now);
      case "revoke":
        return this.revoke(request.id, request.actor, now);
    }
  }

  /** Pairs the device showing `code` as `assignment`: 201 with the device, or a refusal that changed nothing. */
  async pair(state: HallState, code: string, assignment: Assignment, actor: Actor, now: number): Promise<StoredReply> {
    const problem = checkAssignment(state, assignment);
    if (problem) return refused(400, "invalid", problem.message, { [problem.field]: problem.message });
    // Before the code is claimed, so a refused pairing leaves the code usable once one is revoked.
    const paired = this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM devices").one().n;
    if (paired >= MAX_DEVICES) {
      return refused(409, "conflict", `本大厅已配对 ${MAX_DEVICES} 台设备，已达上限；请先移除一台 · this hall already has ${MAX_DEVICES} paired devices, the most it keeps; revoke one first`, {
        cap: "devices",
        limit: MAX_DEVICES,
      });
    }
    const id = hex(crypto.getRandomValues(new Uint8Array(6)));
    const credential = hex(crypto.getRandomValues(new Uint8Array(32)));
    const location = locationOf(state.hall, assignment);
    const pairing = pairingStub(this.env);
    // Guesses count per hall and person (a signed-in badge, else the token's name): one hall's
    // guesser does not hold up a namesake in another hall (issue 23 §3).
    const guesser = JSON.stringify([state.hall, actor.badge ?? actor.name]);
    const verdict = await pairing.claim(code, guesser, { hall: state.hall, device: id, credential, location });
    if (!verdict.ok && verdict.why === "too_many") {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      return refused(429, "too_many", `配对码错误次数过多，请 ${seconds} 秒后再试 · too many wrong pairing codes; try again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
    if (!verdict.ok) return refused(404, "not_found", "配对码无效或已过期 · no such pairing code, or it expired", { code });
    const device: Device = { id, ...assignment, pairedAt: new Date(now).toISOString() };
    const sql = this.ctx.storage.sql;
    const credentialHash = await sha256(credential);
    this.ctx.storage.transactionSync(() => {
      sql.exec(
        "INSERT INTO devices (id, kind, name, zone, window, paired_at, credential_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        device.kind,
        device.name,
        device.zone,
        device.window,
        device.pairedAt,
        credentialHash,
      );
      this.#audit("pair_device", id, actor, now, assignment);
    });
    this.changed();
    return { status: 201, body: { device } };
  }

  /** Re-assigns a device; its open pages go to their new address. */
  move(state: HallState, id: string, change: Partial<Assignment>, actor: Actor, now: number): StoredReply {
    const row = this.#row(id);
    if (!row) return noSuchDevice(id);
    const before = deviceOf(row);
    const after = reassign(before, change);
    const problem = checkAssignment(state, after);
    if (problem) return refused(400, "invalid", problem.message, { [problem.field]: problem.message });
    this.ctx.storage.transactionSync(() => {
      this.ctx.storage.sql.exec("UPDATE devices SET kind = ?, name = ?, zone = ?, window = ? WHERE id = ?", after.kind, after.name, after.zone, after.window, id);
      this.#audit("move_device", id, actor, now, after);
    });
    const location = locationOf(state.hall, after);
    if (location !== locationOf(state.hall, before)) this.#tell(id, { type: "device.moved", location });
    this.changed();
    return { status: 200, body: { device: { ...before, ...after } } };
  }

  /** Forgets a device: its credential is refused from now on and its open pages go back to /pair. */
  revoke(id: string, actor: Actor, now: number): StoredReply {
    const row = this.#row(id);
    if (!row) return noSuchDevice(id);
    this.ctx.storage.transactionSync(() => {
      this.ctx.storage.sql.exec("DELETE FROM devices WHERE id = ?", id);
      this.#audit("revoke_device", id, actor, now, deviceOf(row));
    });
    this.#tell(id, { type: "device.revoked", location: "/pair" });
    for (const ws of this.ctx.getWebSockets(deviceTag(id))) {
      try {
        ws.close(REVOKED, "device revoked");
      } catch {
        // already closing
      }
    }
    this.changed();
    return { status: 200, body: { device: deviceOf(row) } };
  }

  /** The device whose credential this is, or null; counts as having seen it. */
  async verify(id: string, credential: string, now: number): Promise<Device | null> {
    const row = this.#row(id);
    if (!row) return null;
    const presented = await sha256(credential);
    let diff = presented.length ^ row.credential_hash.length;
    for (let i = 0; i < presented.length; i++) diff |= presented.charCodeAt(i) ^ row.credential_hash.charCodeAt(i);
    if (diff !== 0) return null;
    this.ctx.storage.sql.exec("UPDATE devices SET last_seen_at = ? WHERE id = ?", now, id);
    return deviceOf(row);
  }

  /**
   * A device's page opened its live feed: remember what it said about itself, and send it on
   * when it is not the page it is assigned (it was re-assigned while switched off).
   */
  connected(ws: WebSocket, id: string, hall: string, request: Request, now: number): void {
    const row = this.#row(id);
    if (!row) return;
    const params = new URL(request.url).searchParams;
    const [w, h] = (params.get("screen") ?? "").split("x").map((n) => Number.parseInt(n, 10));
    const size = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n > 0 && n < 100_000 ? n : null);
    const alreadyOnline = this.#online(id, ws).length > 0;
    this.ctx.storage.sql.exec(
      "UPDATE devices SET last_seen_at = ?, online_since = ?, user_agent = ?, screen_w = ?, screen_h = ?, version = ? WHERE id = ?",
      now,
      alreadyOnline ? row.online_since : now,
      (request.headers.get("User-Agent") ?? "").slice(0, 300) || null,
      size(w),
      size(h),
      (params.get("version") ?? "").slice(0, 40) || null,
      id,
    );
    if (!onAssignedPage(hall, deviceOf(row), params.get("page"))) send(ws, { type: "device.moved", location: locationOf(hall, deviceOf(row)) });
    this.changed();
  }

  /** One of a device's sockets closed: it was seen until now. */
  closed(id: string, now: number): void {
    this.ctx.storage.sql.exec("UPDATE devices SET last_seen_at = ? WHERE id = ?", now, id);
    this.changed();
  }

  /** An announcer device reported its status. */
  reported(id: string, sound: boolean, now: number): void {
    this.ctx.storage.sql.exec("UPDATE devices SET last_seen_at = ?, sound = ? WHERE id = ?", now, sound ? 1 : 0, id);
  }

  /** Every device with its health now, in pairing order. */
  list(): DeviceHealth[] {
    const rows = this.ctx.storage.sql.exec<Row>("SELECT * FROM devices ORDER BY paired_at, id").toArray();
    return rows.map((r) => {
      const online = this.#online(r.id).length > 0;
      const health: DeviceHealth = {
        ...deviceOf(r),
        online,
        onlineSince: online ? iso(r.online_since) : null,
        lastSeenAt: iso(r.last_seen_at),
        userAgent: r.user_agent,
        screen: { width: r.screen_w, height: r.screen_h },
        version: r.version,
      };
      if (r.kind === "announcer") health.sound = r.sound === null ? null : r.sound === 1;
      return health;
    });
  }

  #online(id: string, except?: WebSocket): WebSocket[] {
    return this.ctx.getWebSockets(deviceTag(id)).filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN);
  }

  #row(id: string): Row | null {
    return this.ctx.storage.sql.exec<Row>("SELECT * FROM devices WHERE id = ?", id).toArray()[0] ?? null;
  }

  #tell(id: string, message: object): void {
    for (const ws of this.#online(id)) send(ws, message);
  }

  #audit(action: string, id: string, actor: Actor, now: number, detail: Assignment): void {
    const { kind, name, zone, window } = detail;
    writeAudit(
      this.ctx.storage.sql,
      {
        at: new Date(now).toISOString(),
        role: actor.role,
        actor: actor.name,
        device: actor.device,
        action,
        target: `device:${id}`,
        commandId: null,
        detail: JSON.stringify({ kind, name, zone, window }),
      },
      [],
    );
  }
}

function send(ws: WebSocket, message: object): void {
  try {
    ws.send(JSON.stringify(message));
  } catch {
    // closing under us
  }
}
