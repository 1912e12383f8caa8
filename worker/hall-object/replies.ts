/**
 * What the API answers for each command. Built inside the hall object so the stored reply
 * for a commandId is byte-for-byte what the first caller got. A rule's "no" is answered by
 * `rejected` (worker/edge/refusal.ts), where its status is decided.
 */
import { estimateHall } from "../core/estimates.js";
import { snapshotOf } from "../core/snapshot.js";
import type { Command } from "../core/commands.js";
import type { Outcome } from "../core/outcome.js";
import { refusal } from "../edge/refusal.js";
import type { CommandReply } from "./protocol.js";
import { storedReply, type StoredReply } from "./storage.js";

export function replyFor(command: Command, outcome: Outcome, now: number, firstConfiguration: boolean): StoredReply {
  const { result, state } = outcome;
  switch (command.type) {
    case "configure":
      return { status: firstConfiguration ? 201 : 200, body: snapshotOf(state, now) };
    case "update_settings":
      return { status: 200, body: snapshotOf(state, now) };
    case "issue":
    case "join_remote":
    case "check_in": {
      const estimate = estimateHall(state, now).tickets.get(result.ticket!.id);
      return {
        status: 201,
        body: { ticket: result.ticket, ahead: estimate?.ahead ?? 0, estimatedWaitMinutes: estimate?.estimatedWaitMinutes ?? null },
      };
    }
    case "call": {
      const finished = result.finished ? { finished: result.finished } : {};
      if (!result.ticket || !result.choice) return { status: 200, body: { ticket: null, ...finished } };
      return {
        status: 200,
        body: {
          ...finished,
          ticket: result.ticket,
          reason: result.choice.reason,
          reasonZh: result.choice.reasonZh,
          reasonCode: result.choice.code,
          waitedMinutes: result.choice.waitedMinutes,
        },
      };
    }
    case "set_window":
    case "sign_in":
    case "sign_in_staff":
    case "sign_out":
    case "pause":
    case "resume":
      return { status: 200, body: { window: result.window } };
    case "save_staff": {
      const added = outcome.events.some((e) => e.type === "staff.updated" && e.change === "added");
      return { status: added ? 201 : 200, body: { staff: result.staff } };
    }
    case "remove_staff":
      return { status: 200, body: { staff: result.staff } };
    case "book_appointment":
      return { status: 201, body: { appointment: result.appointment } };
    case "cancel_appointment":
      return { status: 200, body: { appointment: result.appointment } };
    case "block_bookings":
      return { status: 201, body: { block: result.block } };
    case "unblock_bookings":
    case "mark_contacted":
      return { status: 200, body: { block: result.block } };
    case "rate":
      return { status: 201, body: { ticket: result.ticket } };
    case "evaluate": {
      // The evaluator faces the citizen: their number and what they said, never the ticket's fields.
      const t = result.ticket!;
      return { status: 201, body: { rating: { ticket: t.number, score: t.rating!.score, reasons: t.rating!.reasons ?? [], at: t.rating!.at } } };
    }
    case "add_content":
      return { status: 201, body: { item: result.item } };
    case "change_content":
    case "remove_content":
      return { status: 200, body: { item: result.item } };
    case "sync_region_content":
      return { status: 200, body: { version: outcome.state.content?.regions[command.region] ?? 0 } };
    case "reset":
    case "rollover":
      return { status: 200, body: { day: state.day, seq: state.seq } };
    default:
      return { status: 200, body: { ticket: result.ticket } };
  }
}

/**
 * A command sent again with the same `commandId`: the reply it got the first time, marked
 * replayed; or, when the id was used for a different command, a 409 — so a retried press applies
 * once and a reused id never applies another command.
 */
export function earlierReply(sql: SqlStorage, commandId: string, fingerprint: string): CommandReply | null {
  const earlier = storedReply(sql, commandId);
  if (!earlier) return null;
  if (earlier.fingerprint === fingerprint) return { status: earlier.status, body: earlier.body, replayed: true };
  return {
    status: 409,
    body: refusal("conflict", `commandId "${commandId}" was already used for a different command; send a fresh commandId for each press`, { commandId }),
  };
}
