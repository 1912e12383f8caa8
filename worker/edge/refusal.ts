/**
 * The one shape of a refusal, `{ error, code, details }`, and the one place a core rejection gets
 * its HTTP status. No hono here: the Durable Objects build their stored replies with it too, so a
 * refusal the hall object keeps for a commandId is the same JSON a route would have sent.
 */
import type { Rejection, RejectionCode } from "../core/rejection.js";

/** Every `code` an error body carries: the edge's own and the core's rejections. */
export type ErrorCode =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "not_configured"
  | "upgrade_required"
  | "too_many"
  | "internal"
  | "upstream_unreachable"
  | "archived"
  | RejectionCode;

/** What each code means, for the OpenAPI document (the `Error` schema's `code`), in the order it lists them. */
export const ERROR_CODES: Record<ErrorCode, string> = {
  invalid: "a field is missing or wrong (400); `details` names it",
  unauthorized: "no credential, or one that is not (or no longer) valid (401)",
  forbidden: "the caller may not do this here (403)",
  not_found: "no such hall, thing or endpoint (404)",
  unknown_hall: "the hall is not configured (404)",
  unknown_category: "no such category in this hall (404)",
  unknown_content: "no such content item in this hall or region (404)",
  unknown_window: "no such window in this hall (404)",
  unknown_ticket: "no such ticket today (404)",
  unknown_staff: "no such staff account (404)",
  unknown_appointment: "no such appointment (404)",
  unknown_block: "no such booking block in this hall (404)",
  conflict: "a hall rule says no, or a commandId was used for another command (409)",
  archived: "what was asked for is no longer in the hall but in its archives (410): `details.archives` names where",
  too_large: "the body is over 16 KB (413)",
  upgrade_required: "a WebSocket endpoint asked without Upgrade: websocket (426)",
  too_many: "too many tries or waiting devices (429): `details.retryAfterSeconds` and Retry-After say when to try again",
  not_configured: "the server lacks a secret it needs (503)",
  internal: "a fault of ours (500): retry with the same commandId",
  upstream_unreachable: "the deployment holding the regions (TONGBAN_UPSTREAM) could not be asked (503): try again",
};

/**
 * One field a validation refused, for a program (or a console) to say it in the reader's own
 * words: which field, what kind of problem, and the bound it broke. `details` keeps the same
 * fields with an English message each.
 */
export interface FieldProblem {
  /** The field's path, dotted: "text", "categories.0.prefix"; "(body)" for the body as a whole. */
  field: string;
  /**
   * `required` (absent or null), `invalid_type` (see `expected`), `too_small` / `too_big` (see
   * `minimum` / `maximum` and `of`), `invalid_format` (see `format`), `invalid_value` (not one of
   * `values`), `unknown_field`, or `invalid` (any other rule of the field).
   */
  problem: "required" | "invalid_type" | "too_small" | "too_big" | "invalid_format" | "invalid_value" | "unknown_field" | "invalid";
  /** What the bound counts: a string's characters, a number's value, an array's items. */
  of?: string;
  minimum?: number;
  maximum?: number;
  /** The type wanted, for `invalid_type`: "string", "number", "int", "boolean", "object", "array". */
  expected?: string;
  /** The format wanted, for `invalid_format`: "regex", "url", "email"… */
  format?: string;
  /** The values allowed, for `invalid_value` (at most 20). */
  values?: unknown[];
  /** For `invalid`: the hall's rule the field broke (core/rejection.ts `Rule`). */
  rule?: string;
}

/** A number outside `minimum`…`maximum`, checked by hand rather than by a schema, as a `FieldProblem`. */
export function outOfRange(field: string, value: number, minimum: number, maximum: number): FieldProblem {
  return value < minimum ? { field, problem: "too_small", of: "number", minimum } : { field, problem: "too_big", of: "number", maximum };
}

/** An error body: what went wrong for a person, a code for programs, and the fields concerned. */
export interface Refusal {
  error: string;
  code: ErrorCode;
  details: Record<string, unknown>;
  /** A refused validation only: each field's problem and bound (details has the same fields in English). */
  fields?: FieldProblem[];
}

/**
 * Every error body is built here, so they all read alike.
 *
 * @example
 * refusal("not_found", `no webhook ${id} in this hall`, { webhook: id })
 * // { error: "no webhook wh_3f9a0c21 in this hall", code: "not_found", details: { webhook: "wh_3f9a0c21" } }
 */
export function refusal(code: ErrorCode, error: string, details: Record<string, unknown> = {}, fields?: FieldProblem[]): Refusal {
  return fields ? { error, code, details, fields } : { error, code, details };
}

/** The HTTP status of each core rejection: the hall's "no" becomes HTTP here and nowhere else. */
export const REJECTION_STATUS: Record<RejectionCode, 400 | 404 | 409> = {
  unknown_hall: 404,
  unknown_category: 404,
  unknown_window: 404,
  unknown_ticket: 404,
  unknown_staff: 404,
  unknown_appointment: 404,
  unknown_content: 404,
  unknown_block: 404,
  invalid: 400,
  conflict: 409,
};

/** A core rejection as the API answers it: its status and its body. */
export function rejected(r: Rejection): { status: 400 | 404 | 409; body: Refusal } {
  return { status: REJECTION_STATUS[r.code], body: refusal(r.code, r.message, r.details, r.fields) };
}
