/**
 * What the hall object does that the pure core cannot: hashing and randomness. A citizen's ID
 * number becomes a keyed hash scoped to the hall and the day; a staff PIN becomes a salted
 * PBKDF2 hash in its own table, outside the state and the event log; appointment codes are
 * drawn at random so they cannot be guessed from one another. Wrong PINs lock an account by the
 * PIN lockout rule (worker/sessions/lockout.ts); wrong passwords make their place wait instead.
 */
import { afterRightAttempt, afterWrongAttempt, lockout } from "./lockout.js";

/** Workers caps PBKDF2 at 100,000 iterations. */
const PIN_ITERATIONS = 100_000;

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function unhex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** HMAC-SHA256 of the ID number under the server secret, for this hall and day: 128 bits, hex. */
export async function citizenIdHash(secret: string, hall: string, day: string, idNumber: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`citizen-id|${hall}|${day}|${idNumber}`));
  return hex(mac).slice(0, 32);
}

export interface PinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: Uint8Array.from(salt), iterations }, key, 256);
  return hex(bits);
}

export async function hashPin(pin: string): Promise<PinRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: hex(salt), hash: await derive(pin, salt, PIN_ITERATIONS), iterations: PIN_ITERATIONS };
}

/** Whether `secret` hashes to `record`, compared without an early exit: PINs and passwords alike. */
export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const hash = await derive(pin, unhex(record.salt), record.iterations);
  let diff = hash.length ^ record.hash.length;
  for (let i = 0; i < hash.length; i++) diff |= hash.charCodeAt(i) ^ record.hash.charCodeAt(i);
  return diff === 0;
}

/** A six-digit code, easy to type on a kiosk, not in `taken`. */
export function appointmentCode(taken: Record<string, unknown>): string {
  for (;;) {
    const [n] = crypto.getRandomValues(new Uint32Array(1));
    const code = String(n! % 1_000_000).padStart(6, "0");
    if (!(code in taken)) return code;
  }
}

export function migratePins(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS staff_pins (
      staff TEXT PRIMARY KEY,
      salt TEXT NOT NULL,
      hash TEXT NOT NULL,
      iterations INTEGER NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0
    );
  `);
}

export function writePin(sql: SqlStorage, staff: string, record: PinRecord | null): void {
  if (!record) {
    sql.exec("DELETE FROM staff_pins WHERE staff = ?", staff);
    return;
  }
  sql.exec(
    "INSERT OR REPLACE INTO staff_pins (staff, salt, hash, iterations, failures, locked_until) VALUES (?, ?, ?, ?, 0, 0)",
    staff,
    record.salt,
    record.hash,
    record.iterations,
  );
}

export type PinCheck = { ok: true } | { ok: false; why: "missing" | "wrong" | "locked"; message: string };

type SecretRow = { salt: string; hash: string; iterations: number; failures: number; locked_until: number };

export type OwnSecretCheck = PinCheck | { ok: false; why: "none"; message: string };

/** A PIN as the staff form takes it: 4 to 8 digits. */
const PIN_SHAPED = /^\d{4,8}$/;

/**
 * An officer's own secret at a window (issue 23 §2): their PIN or their password, typed in the
 * terminal's one field. A PIN-shaped entry is tried as the PIN, then as the password; anything
 * else only as the password. An account with neither cannot be put on a window by a counter.
 * Wrong entries count toward the lockout rule (worker/sessions/lockout.ts) on the PIN's row when
 * the account has a PIN, else on the password's: only a holder of a counter credential gets
 * here, never a stranger on the login page, whose tries never lock an account.
 */
export async function checkOwnSecret(sql: SqlStorage, staff: string, typed: string | undefined, now: number): Promise<OwnSecretCheck> {
  const read = (table: "staff_pins" | "staff_passwords") =>
    sql.exec<SecretRow>(`SELECT salt, hash, iterations, failures, locked_until FROM ${table} WHERE staff = ?`, staff).toArray()[0];
  const pin = read("staff_pins");
  const password = read("staff_passwords");
  if (!pin && !password) {
    return { ok: false, why: "none", message: "这个账户没有设置 PIN 或密码，请管理员先设置 · this account has no PIN or password; ask the manager to set one" };
  }
  const counted = pin ? "staff_pins" : "staff_passwords";
  const attempts = { failures: (pin ?? password)!.failures, lockedUntil: (pin ?? password)!.locked_until };
  const lock = lockout(attempts, now);
  // The caller answers a lock with 409 (worker/sessions/lockout.ts).
  if (lock.locked) {
    const minutes = Math.ceil((lock.until - now) / 60_000);
    return { ok: false, why: "locked", message: `错误次数过多，请 ${minutes} 分钟后再试 · too many wrong PINs or passwords; try again in ${minutes} min` };
  }
  if (!typed) return { ok: false, why: "missing", message: "请输入 PIN 或密码 · enter your PIN or password" };
  const right = (pin !== undefined && PIN_SHAPED.test(typed) && (await pinMatches(typed, pin))) || (password !== undefined && (await pinMatches(typed, password)));
  const next = right ? afterRightAttempt() : afterWrongAttempt(attempts, now);
  if (next.failures !== attempts.failures || next.lockedUntil !== attempts.lockedUntil) {
    sql.exec(`UPDATE ${counted} SET failures = ?, locked_until = ? WHERE staff = ?`, next.failures, next.lockedUntil, staff);
  }
  if (right) return { ok: true };
  // The entry that locks the account is refused as wrong; the lock answers from the next try on.
  return { ok: false, why: "wrong", message: "PIN 或密码不正确 · wrong PIN or password" };
}
