/**
 * People signed in as themselves: staff passwords and sessions in the hall's SQLite, in tables
 * of their own, never in the state, the events or the logs. The rules (how long a session
 * lasts: worker/sessions/sessions.ts; when a lock starts and ends: worker/sessions/lockout.ts, the
 * same rule as a PIN's) are pure; here they are stored, hashed and compared.
 *
 * A password is a salted PBKDF2 hash like a PIN (credentials.ts). A session's secret is 256
 * random bits, so a plain SHA-256 of it is kept: nothing is gained by stretching it.
 */
import { afterRightAttempt, afterWrongAttempt, lockout } from "./lockout.js";
import { newSession, personName, roleFor, standing, waitWords } from "./sessions.js";
import { accessOf } from "../core/staff.js";
import type { HallState, Staff, StaffAccess } from "../core/model.js";
import { refusal, type Refusal } from "../edge/refusal.js";
import { migratePins, pinMatches, type PinRecord } from "./credentials.object.js";
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
  | { status: 401 | 423; body: Refusal; retryAfterSeconds?: number };

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

type PasswordRow = { salt: string; hash: string; iterations: number; failures: number; locked_until: number };

/**
 * The hall's sign-ins. Password checks run one at a time: a check awaits PBKDF2, and were
 * another request let in during that await, fifty guesses sent at once would all read "no
 * failures yet" before any was counted. workerd today finishes the hash before it lets another
 * request in; the queue keeps the count right without relying on that.
 */
export class HallSessions implements Part {
  readonly tables = ["staff_pins", "staff_passwords", "staff_sessions"];
  #queue: Promise<unknown> = Promise.resolve();

  /** Creates the tables of staff PINs (credentials.object.ts), passwords and sessions. */
  constructor(private readonly sql: SqlStorage) {
    migratePins(sql);
    migrateSessions(sql);
  }

  /** `state` and `now` are read when this sign-in's turn comes, not when it was asked for. */
  signIn(state: () => HallState, badge: string, password: string, now: () => number, device: string | null): Promise<SignInReply> {
    const turn = this.#queue.then(() => this.#signIn(state(), badge, password, now(), device));
    this.#queue = turn.catch(() => {});
    return turn;
  }

  async #signIn(state: HallState, badge: string, password: string, now: number, device: string | null): Promise<SignInReply> {
    // Typed on a phone, "m001" is M001; an exact match comes first should two badges differ only in case.
    const everyone = Object.values(state.staff);
    const staff = everyone.find((s) => s.badge === badge) ?? everyone.find((s) => s.badge.toLowerCase() === badge.toLowerCase());
    const row = staff ? this.#password(staff.id) : undefined;
    if (!staff || !row) {
      await pinMatches(password, DECOY);
      this.#audit(now, staff ?? null, device, "session_refused", { why: staff ? "no password" : "unknown badge" });
      return { status: 401, body: refusal("unauthorized", WRONG) };
    }
    const lock = lockout({ failures: row.failures, lockedUntil: row.locked_until }, now);
    if (lock.locked) return this.#locked(lock.retryAfterSeconds, lock.until);
    if (!(await pinMatches(password, row))) {
      const next = afterWrongAttempt({ failures: row.failures, lockedUntil: row.locked_until }, now);
      this.sql.exec("UPDATE staff_passwords SET failures = ?, locked_until = ? WHERE staff = ?", next.failures, next.lockedUntil, staff.id);
      const locked = lockout(next, now);
      this.#audit(now, staff, device, locked.locked ? "session_locked" : "session_refused", { why: "wrong password" });
      if (locked.locked) return this.#locked(locked.retryAfterSeconds, locked.until);
      return { status: 401, body: refusal("unauthorized", WRONG) };
    }
    const reset = afterRightAttempt();
    this.sql.exec("UPDATE staff_passwords SET failures = ?, locked_until = ? WHERE staff = ?", reset.failures, reset.lockedUntil, staff.id);
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

  /** A locked account's reply: 423 here, where a PIN's lock is 409; both kept as clients know them (worker/sessions/lockout.ts). */
  #locked(retryAfterSeconds: number, until: number): SignInReply {
    const words = waitWords(retryAfterSeconds);
    return {
      status: 423,
      body: refusal(
        "locked",
        `密码错误次数过多，账户已锁定，请 ${words.zh}后再试 · too many wrong passwords: the account is locked; try again in ${words.en}`,
        { retryAfterSeconds, lockedUntil: new Date(until).toISOString() },
      ),
      retryAfterSeconds,
    };
  }

  #password(staff: string): PasswordRow | undefined {
    return this.sql
      .exec<PasswordRow>("SELECT salt, hash, iterations, failures, locked_until FROM staff_passwords WHERE staff = ?", staff)
      .toArray()[0];
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
