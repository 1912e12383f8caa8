/**
 * Audit rows: who did what, when, from which device. A person signed in as themselves is named
 * with their badge; at a window terminal with a token, the officer signed in there is named
 * beside the terminal's token.
 */
import type { Command } from "../core/commands.js";
import { ticketOf } from "../core/ledger.js";
import type { HallState } from "../core/model.js";
import type { Actor } from "./protocol.js";
import type { AuditEntry } from "./storage.js";

export function targetOf(command: Command): string | null {
  if ("ticket" in command) return `ticket:${command.ticket}`;
  // Checked in at a window: the code is the target; the officer and window are read from the command.
  if (command.type === "check_in") return `appointment:${command.code}`;
  if ("window" in command && typeof command.window === "string") return `window:${command.window}`;
  if (command.type === "issue") return `category:${command.category}`;
  if (command.type === "save_staff") return `staff:${command.staff.id}`;
  if (command.type === "remove_staff") return `staff:${command.staff}`;
  if (command.type === "add_content") return `content:${command.item.id}`;
  if (command.type === "change_content" || command.type === "remove_content") return `content:${command.id}`;
  if (command.type === "sync_region_content") return `region:${command.region}`;
  if (command.type === "block_bookings") return `booking-block:${command.day}${command.from ? ` ${command.from}` : ""}${command.category ? ` ${command.category}` : ""}`;
  if (command.type === "unblock_bookings") return `booking-block:${command.block}`;
  if (command.type === "mark_contacted") return `appointment:${command.code}`;
  if (command.type === "book_appointment" || command.type === "cancel_appointment") return `appointment:${command.code}`;
  return null;
}

/** The window a counter's command acts at: named in it, or holding the ticket it names. */
function windowOf(state: HallState, command: Command) {
  if ("window" in command && typeof command.window === "string") return state.windows.find((w) => w.id === command.window);
  if (!("ticket" in command)) return undefined;
  const ref = command.ticket.toUpperCase();
  // ticketOf looks one ticket up; `state.tickets` would build the day's whole record (10,000 at peak) per command.
  return state.windows.find((w) => w.current !== null && (w.current === command.ticket || ticketOf(state, w.current)?.number === ref));
}

/**
 * `state` is the hall the officer is read from: after a sign-in, before anything else, and
 * null when no officer should be named (a refused sign-in).
 */
export function auditEntry(
  command: Command,
  actor: Actor,
  state: HallState | null,
  now: number,
  extra: Partial<Pick<AuditEntry, "action" | "commandId" | "detail">> = {},
): AuditEntry {
  const officer = actor.role === "counter" && state ? windowOf(state, command)?.officer : null;
  // A person signed in as themselves is named once, even at the window where they are on duty.
  const named = officer && officer.badge !== actor.badge ? `${officer.name}（${officer.badge}）· ${actor.name}` : actor.name;
  return {
    at: new Date(now).toISOString(),
    role: actor.role,
    actor: named,
    device: actor.device,
    action: extra.action ?? command.type,
    target: targetOf(command),
    commandId: extra.commandId ?? null,
    detail: extra.detail ?? null,
  };
}
