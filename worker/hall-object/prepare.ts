/**
 * The step between a request and the pure core: what needs secrets, randomness or crypto.
 * An ID number becomes a keyed hash, a new PIN or password a salted hash in its own table, an officer's own PIN
 * or password is checked at a window, and an appointment gets a random code. Nothing here keeps a value in clear.
 */
import { mayAct } from "../access/may-act.js";
import { ticketSecret } from "../access/ticket-token.js";
import { localDay } from "../core/day.js";
import { isConfigured } from "../core/hall.js";
import { findTicket } from "../core/ledger.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import type { Env } from "../env.js";
import { refusal, type ErrorCode } from "../edge/refusal.js";
import { auditEntry } from "./audit.js";
import { appointmentCode, checkOwnSecret, citizenIdHash, hashPin, writePin } from "../sessions/credentials.object.js";
import { servesAtCounters } from "../core/staff.js";
import { MANAGERS, type Role } from "../access/roles.js";
import type { Actor, CommandRequest } from "./protocol.js";
import { writePassword } from "../sessions/hall-sessions.object.js";
import { writeAudit, type StoredReply } from "./storage.js";

/** A command made ready for the core, and what to write beside its events; or a refusal. */
export type Prepared =
  | {
      command: Command;
      alsoWrite?: (sql: SqlStorage) => void;
      /** Runs once the command was applied (or refused by the core), with its reply and the hall after it. */
      after?: (reply: StoredReply, state: HallState) => void;
    }
  | { refused: StoredReply };

/** A request refused before the core sees it, with the status and `refusal()` body its caller gets. */
export function refused(status: number, code: ErrorCode, error: string, details: Record<string, unknown> = {}): { refused: StoredReply } {
  return { refused: { status, body: refusal(code, error, details) } };
}

export async function prepare(request: CommandRequest, state: HallState, env: Env, sql: SqlStorage, now: number): Promise<Prepared> {
  const { command, sensitive, actor } = request;
  if (!isConfigured(state)) return { command };
  const outside = ticketOutsideWindows(command, state, actor);
  if (outside) return refused(403, "forbidden", outside, { windows: actor.windows });
  if (command.type === "issue" && sensitive?.citizenId) {
    const secret = ticketSecret(env);
    if (!secret.ok) return refused(503, "not_configured", secret.problem);
    // Scoped to the hall and its day: the log cannot link one person's visits across days.
    const day = localDay(now, state.settings.timezone);
    const idHash = await citizenIdHash(secret.secret, state.hall, day, sensitive.citizenId);
    return { command: { ...command, citizen: { idHash } } };
  }
  if (command.type === "book_appointment" && command.code === "") {
    return { command: { ...command, code: appointmentCode(state.appointments) } };
  }
  if (command.type === "save_staff" && (command.pin !== "keep" || (command.password ?? "keep") !== "keep")) {
    const { pin, password = "keep", staff } = command;
    if (pin === "set" && !sensitive?.pin) return refused(400, "invalid", "a new PIN is missing", { pin: "required" });
    if (password === "set" && !sensitive?.password) return refused(400, "invalid", "a new password is missing", { password: "required" });
    const pinRecord = pin === "set" ? await hashPin(sensitive!.pin!) : null;
    const passwordRecord = password === "set" ? await hashPin(sensitive!.password!) : null;
    const alsoWrite = (s: SqlStorage) => {
      if (pin !== "keep") writePin(s, staff.id, pinRecord);
      if (password !== "keep") writePassword(s, staff.id, passwordRecord, now);
    };
    return { command, alsoWrite };
  }
  if (command.type === "remove_staff") {
    return { command, alsoWrite: (s) => (writePin(s, command.staff, null), writePassword(s, command.staff, null, now)) };
  }
  if (command.type === "sign_in_staff") return ownSecret(command, state, actor, sql, sensitive, now);
  return { command };
}

/**
 * The officer at a window is who they say (issue 23 §2): a counter puts an account on a window
 * only with that person's own PIN or password, or when the caller is that person, signed in with
 * their password. A manager may place anyone from the console without it; the audit row names
 * the manager. Accounts that may not serve at a window are the core's to refuse.
 */
async function ownSecret(
  command: Extract<Command, { type: "sign_in_staff" }>,
  state: HallState,
  actor: Actor,
  sql: SqlStorage,
  sensitive: CommandRequest["sensitive"],
  now: number,
): Promise<Prepared> {
  const staff = state.staff[command.staff];
  if (!staff || !servesAtCounters(staff) || actor.staff === staff.id) return { command };
  const typed = sensitive?.pin ?? sensitive?.password;
  if (!typed && MANAGERS.includes(actor.role as Role)) return { command };
  const check = await checkOwnSecret(sql, staff.id, typed, now);
  if (check.ok) return { command };
  const secretField = staff.hasPin ? "pin" : "password";
  if (check.why === "none") return refused(409, "conflict", check.message, { staff: staff.id, secret: "none set" });
  if (check.why === "missing") return refused(400, "invalid", check.message, { [secretField]: "required for this account: its PIN or password" });
  const detail = JSON.stringify({ staff: command.staff, window: command.window, why: check.why });
  writeAudit(sql, auditEntry(command, actor, null, now, { action: "sign_in_refused", detail }), []);
  // A lock is 409 (worker/sessions/lockout.ts); a password on the login page never locks (worker/sessions/sign-in-limits.ts).
  return check.why === "locked" ? refused(409, "conflict", check.message, { [secretField]: "locked" }) : refused(403, "forbidden", check.message, { [secretField]: "wrong" });
}

/**
 * A counter token bound to some windows acts only on tickets at those windows: it may not
 * cancel, transfer or re-queue a citizen another window is serving or has called. The ticket's
 * window is the place the one check (worker/access/may-act.ts) is asked about; a ticket at no
 * window is at none of the caller's.
 */
function ticketOutsideWindows(command: Command, state: HallState, actor: Actor): string | null {
  if (!actor.windows || !("ticket" in command) || typeof command.ticket !== "string") return null;
  const t = findTicket(state, command.ticket);
  if (!t) return null;
  const verdict = mayAct(actor, { window: t.window ?? "" });
  if (verdict.ok || verdict.reason !== "window") return null;
  return `this counter token is for window ${verdict.windows.join(", ")}; ticket ${t.number} is ${t.window ? `at window ${t.window}` : "not at your window"}`;
}
