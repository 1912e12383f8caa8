/**
 * People signed in as themselves: staff passwords and sessions in the hall's SQLite, in tables
 * of their own, never in the state, the events or the logs. The rules (how long a session
 * lasts: worker/sessions/sessions.ts; how long a place waits after wrong tries:
 * worker/sessions/sign-in-limits.ts) are pure; here they are stored, hashed and compared.
 *
 * A password is a salted PBKDF2 hash like a PIN (credentials.ts). A session's secret is 256
 * random bits, so a plain SHA-256 of it is kept: nothing is gained by stretching it.
 */
import { newSession, personName, roleFor, standing, waitWords } from "./sessions.js";
import {
  afterWrongTry,
  FORGET_MS,
  FREE_PER_BADGE,
  FREE_PER_PLACE,
  FULL_BUCKET,
  holdFor,
  NO_STRIKES,
  placeKey,
  placeName,
  takeHash,
  waitLeft,
  type Bucket,
  type Place,
  type Strikes,
} from "./sign-in-limits.js";
import { accessOf } from "../core/staff.js";
import type { HallState, Staff, StaffAccess } from "../core/model.js";
import { refusal, type Refusal } from "../edge/refusal.js";
import { migratePins, type PinRecord } from "./credentials.object.js";
import type { Part } from "../hall-object/part.js";
import { writeAudit } from "../hall-object/storage.js";

export interface SessionView {
  staff: string;
  name: string;
  badge: string;
  access: StaffAccess;
  expiresAt: string;
}

export type SignInReply =
  | { status: 201; body: { session: SessionView }; cookie: string; maxAgeSeconds: number }
  | { status: 401; body: Refusal }
  /** `holdMs`: how long the Worker holds this refusal before answering it (worker/sessions/tarpit.ts); Retry-After counts from its end. */
  | { status: 429; body: Refusal; retryAfterSeconds: number; holdMs: number };

/** Checks a secret against its stored hash: PBKDF2 (credentials.object.ts); tests slow it or count it. */
export type SecretCheck = (secret: string, record: PinRecord) => Promise<boolean>;

/** One message for an unknown badge, a wrong password and an account without one. */
const WRONG = "警号或密码不正确 · wrong badge number or password";

const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

const randomHex = (bytes: number) => hex(crypto.getRandomValues(new Uint8Array(bytes)));

async function sha256(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Checked against an unknown badge so it takes as long as a known one's wrong password. */
const DECOY: PinRecord = { salt: "00".repeat(16), hash: "00".repeat(32), iterations: 100_000 };

export function migrateSessions(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS staff_passwords (
      staff TEXT PRIMARY KEY,
      salt TEXT NOT NULL,
      hash TEXT NOT NULL,
      iterations INTEGER NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS staff_sessions (
      id TEXT PRIMARY KEY,
      staff TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS staff_sessions_staff ON staff_sessions (staff);
    CREATE TABLE IF NOT EXISTS sign_in_strikes (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sign_in_strikes_last_at ON sign_in_strikes (last_at);
  `);
}

/** Sets or removes a password; either way the person's sessions end, so an old one cannot outlive it. */
export function writePassword(sql: SqlStorage, staff: string, record: PinRecord | null, now: number): void {
  if (record) {
    sql.exec(
      "INSERT OR REPLACE INTO staff_passwords (staff, salt, hash, iterations, failures, locked_until) VALUES (?, ?, ?, ?, 0, 0)",
      staff,
      record.salt,
      record.hash,
      record.iterations,
    );
  } else {
    sql.exec("DELETE FROM staff_passwords WHERE staff = ?", staff);
  }
  sql.exec("UPDATE staff_sessions SET revoked_at = ? WHERE staff = ? AND revoked_at IS NULL", now, staff);
}

type PasswordRow = { salt: string; hash: string; iterations: number };

/** The audit's row of refused tries for one place in one minute: updated, not repeated. */
interface RefusedRow {
  id: number;
  minute: string;
  detail: { count: number; wrong: number; waiting: number; badges: string[] };
  /** Counted since last written; and when that was (the machine's time: a cost, not a hall fact). */
  dirty: boolean;
  writtenAt: number;
}

/** Badges named in one refused row, at most: a spray of thousands stays one small row. */
const BADGES_PER_ROW = 10;

/**
 * The hall's sign-ins. Every limit (worker/sessions/sign-in-limits.ts) is answered when the try
 * arrives, before any hashing, from a few rows and a counter: a refused try costs the hall
 * object no PBKDF2 and waits behind nothing. A place has one try in flight at a time, so fifty
 * sent at once are one hashed and forty-nine refused; the tries that are heard are hashed one at
 * a time, each reading the strikes when its turn comes.
 */
export class HallSessions implements Part {
  readonly tables = ["staff_pins", "staff_passwords", "staff_sessions", "sign_in_strikes"];
  #queue: Promise<unknown> = Promise.resolve();
  /** Places with a try waiting or being hashed. */
  #inFlight = new Set<string>();
  /** Strangers' hashes (sign-in-limits.ts); kept in memory: a hall woken afresh starts full. */
  #bucket: Bucket | null = null;
  #refused = new Map<string, RefusedRow>();
  /**
   * Tries refused (429) per place since its last sign-in: what the tarpit's hold grows with
   * (sign-in-limits.ts `holdFor`). A wrong password heard between them does not clear it, or a
   * flood from many addresses, each heard now and then, would start its holds again each time.
   * Kept in memory: a hall woken afresh starts every place at none.
   */
  #refusedSince = new Map<string, number>();

  /** Creates the tables of staff PINs (credentials.object.ts), passwords, sessions and strikes. */
  constructor(private readonly sql: SqlStorage) {
    migratePins(sql);
    migrateSessions(sql);
  }

  /**
   * `state` is read when this sign-in's turn comes, not when it was asked for. `refusedInWorker`:
   * the place's tries refused in the Worker since it last told (worker/sessions/held-places.ts),
   * counted here as if they had come.
   */
  signIn(
    state: () => HallState,
    badge: string,
    password: string,
    now: () => number,
    device: string | null,
    place: Place,
    check: SecretCheck,
    refusedInWorker = 0,
  ): Promise<SignInReply> {
    const at = now();
    const key = placeKey(place);
    if (refusedInWorker > 0) {
      this.#refuse(at, place, device, null, "waiting", refusedInWorker);
      this.#refusedSince.set(key, (this.#refusedSince.get(key) ?? 0) + refusedInWorker);
    }
    const badgeKey = `${badge.toLowerCase()}|${key}`;
    const earned = this.#inFlight.has(key) ? 1000 : Math.max(waitLeft(this.#strikes(badgeKey), FREE_PER_BADGE, at), waitLeft(this.#strikes(key), FREE_PER_PLACE, at));
    // The strangers' bucket is asked last, so a try refused for its own place's strikes spends nothing of it.
    const wait = earned || this.#strangerWait(place, at);
    if (wait > 0) {
      this.#refuse(at, place, device, badge, "waiting");
      const refused = (this.#refusedSince.get(key) ?? 0) + 1;
      // A forgotten count only restarts a place's holds; the map stays small during a spray of addresses.
      if (this.#refusedSince.size >= 10_000 && !this.#refusedSince.has(key)) this.#refusedSince.clear();
      this.#refusedSince.set(key, refused);
      const holdMs = holdFor(refused);
      return Promise.resolve(this.#waiting(Math.max(1, Math.ceil((wait - holdMs) / 1000)), holdMs));
    }
    this.#inFlight.add(key);
    const turn = this.#queue.then(() => this.#signIn(state(), badge, password, now(), device, place, check));
    this.#queue = turn.catch(() => {});
    return turn.finally(() => this.#inFlight.delete(key));
  }

  async #signIn(state: HallState, badge: string, password: string, now: number, device: string | null, place: Place, check: SecretCheck): Promise<SignInReply> {
    // Typed on a phone, "m001" is M001; an exact match comes first should two badges differ only in case.
    const everyone = Object.values(state.staff);
    const staff = everyone.find((s) => s.badge === badge) ?? everyone.find((s) => s.badge.toLowerCase() === badge.toLowerCase());
    const row = staff ? this.#password(staff.id) : undefined;
    const key = placeKey(place);
    const badgeKey = `${badge.toLowerCase()}|${key}`;
    // An unknown badge is hashed against a decoy, so it takes as long as a known one's wrong password.
    const right = await check(password, row ?? DECOY);
    if (!staff || !row || !right) {
      this.#strike(badgeKey, now);
      this.#strike(key, now);
      this.#refuse(now, place, device, badge, "wrong");
      return { status: 401, body: refusal("unauthorized", WRONG) };
    }
    this.sql.exec("DELETE FROM sign_in_strikes WHERE key = ? OR last_at < ?", badgeKey, now - FORGET_MS);
    this.#refusedSince.delete(key);
    this.sql.exec("DELETE FROM staff_sessions WHERE expires_at < ?", now);
    const session = newSession(now);
    const id = randomHex(16);
    const secret = randomHex(32);
    this.sql.exec(
      "INSERT INTO staff_sessions (id, staff, secret_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)",
      id,
      staff.id,
      await sha256(secret),
      session.createdAt,
      session.expiresAt,
    );
    this.#audit(now, staff, device, "session_start", null);
    return {
      status: 201,
      body: { session: view(staff, session.expiresAt) },
      cookie: `${state.hall}.${id}.${secret}`,
      maxAgeSeconds: Math.floor((session.expiresAt - now) / 1000),
    };
  }

  /** The person a session cookie's parts belong to, while it is neither expired nor revoked. */
  async person(state: HallState, id: string, secret: string, now: number): Promise<SessionView | null> {
    const row = this.#session(id);
    if (!row || !sameText(await sha256(secret), row.secret_hash)) return null;
    if (standing({ createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at }, now) !== "active") return null;
    const staff = state.staff[row.staff];
    return staff ? view(staff, row.expires_at) : null;
  }

  /** Ends a session; false when there was no live one to end. */
  async signOut(state: HallState, id: string, secret: string, now: number, device: string | null): Promise<boolean> {
    const person = await this.person(state, id, secret, now);
    if (!person) return false;
    this.sql.exec("UPDATE staff_sessions SET revoked_at = ? WHERE id = ?", now, id);
    this.#audit(now, state.staff[person.staff] ?? null, device, "session_end", null);
    return true;
  }

  /** A try that came too soon: 429 with the wait, and no hashing. */
  #waiting(retryAfterSeconds: number, holdMs: number): SignInReply {
    const words = waitWords(retryAfterSeconds);
    return {
      status: 429,
      body: refusal("too_many", `尝试过于频繁，请 ${words.zh}后再试 · too many tries from here: try again in ${words.en}`, { retryAfterSeconds }),
      retryAfterSeconds,
      holdMs,
    };
  }

  /** Strangers share a bucket of hashes; the hall's own devices never wait on it. */
  #strangerWait(place: Place, now: number): number {
    if (place.kind === "device") return 0;
    const took = takeHash(this.#bucket ?? FULL_BUCKET(now), now);
    this.#bucket = took.bucket;
    return took.ok ? 0 : took.waitMs;
  }

  #strikes(key: string): Strikes {
    const row = this.sql.exec<{ failures: number; last_at: number }>("SELECT failures, last_at FROM sign_in_strikes WHERE key = ?", key).toArray()[0];
    return row ? { failures: row.failures, lastAt: row.last_at } : NO_STRIKES;
  }

  #strike(key: string, now: number): void {
    const next = afterWrongTry(this.#strikes(key), now);
    this.sql.exec("INSERT OR REPLACE INTO sign_in_strikes (key, failures, last_at) VALUES (?, ?, ?)", key, next.failures, next.lastAt);
  }

  /**
   * Refused tries are audited one row per place per minute, with a count: a flood of thousands
   * is a few rows a manager can read, not thousands that bury the day's work.
   */
  #refuse(now: number, place: Place, device: string | null, badge: string | null, why: "wrong" | "waiting", times = 1): void {
    const key = placeKey(place);
    const minute = new Date(now).toISOString().slice(0, 16);
    const earlier = this.#refused.get(key);
    if (earlier && earlier.minute === minute) {
      const d = earlier.detail;
      d.count += times;
      d[why] += times;
      if (badge !== null && d.badges.length < BADGES_PER_ROW && !d.badges.includes(badge)) d.badges.push(badge);
      // Written at most once a second during a flood (each write is a storage commit); the
      // audit page writes what is left first (writeRefusals). An eviction loses at most a second's count.
      earlier.dirty = true;
      if (Date.now() - earlier.writtenAt >= 1000) this.#writeRefused(earlier);
      return;
    }
    if (earlier?.dirty) this.#writeRefused(earlier);
    const detail = { count: times, wrong: why === "wrong" ? times : 0, waiting: why === "waiting" ? times : 0, badges: badge === null ? [] : [badge] };
    writeAudit(
      this.sql,
      {
        at: new Date(now).toISOString(),
        role: place.kind === "device" ? "device" : "anonymous",
        actor: placeName(place),
        device,
        action: "session_refused",
        target: null,
        commandId: null,
        detail: JSON.stringify(detail),
      },
      [],
    );
    const id = this.sql.exec<{ id: number }>("SELECT last_insert_rowid() AS id").one().id;
    // One row per place is enough to remember: an older minute's row is never touched again.
    if (this.#refused.size > 1000) (this.writeRefusals(), this.#refused.clear());
    this.#refused.set(key, { id, minute, detail, dirty: false, writtenAt: Date.now() });
  }

  #writeRefused(row: RefusedRow): void {
    this.sql.exec("UPDATE audit SET detail = ? WHERE id = ?", JSON.stringify(row.detail), row.id);
    row.dirty = false;
    row.writtenAt = Date.now();
  }

  /** Writes the counts of refused tries not yet written: run before the audit log is read. */
  writeRefusals(): void {
    for (const row of this.#refused.values()) if (row.dirty) this.#writeRefused(row);
  }

  #password(staff: string): PasswordRow | undefined {
    return this.sql.exec<PasswordRow>("SELECT salt, hash, iterations FROM staff_passwords WHERE staff = ?", staff).toArray()[0];
  }

  #session(id: string) {
    return this.sql
      .exec<{ staff: string; secret_hash: string; created_at: number; expires_at: number; revoked_at: number | null }>(
        "SELECT staff, secret_hash, created_at, expires_at, revoked_at FROM staff_sessions WHERE id = ?",
        id,
      )
      .toArray()[0];
  }

  /** Sign-ins are audited like commands, naming the person; never the password. */
  #audit(now: number, staff: Staff | null, device: string | null, action: string, detail: Record<string, unknown> | null): void {
    writeAudit(
      this.sql,
      {
        at: new Date(now).toISOString(),
        role: staff ? roleFor(accessOf(staff)) : "anonymous",
        actor: staff ? personName(staff) : "未知警号 · unknown badge",
        device,
        action,
        target: staff ? `staff:${staff.id}` : null,
        commandId: null,
        detail: detail ? JSON.stringify(detail) : null,
      },
      [],
    );
  }
}

function view(staff: Staff, expiresAt: number): SessionView {
  return { staff: staff.id, name: staff.name, badge: staff.badge, access: accessOf(staff), expiresAt: new Date(expiresAt).toISOString() };
}
