/**
 * The core's "no": a rule refused a command, with a code, a message a person can read, and the
 * fields or things at fault. Errors are values here; the edge maps each code, in one place, to an
 * HTTP status and a JSON body.
 *
 * @example
 * if (w.state !== "open") return reject("conflict", `window ${w.number} is ${w.state}`, { window: w.id });
 */

/** What kind of "no": something named does not exist, the command is malformed, or the hall's state forbids it now. */
export type RejectionCode =
  | "unknown_hall"
  | "unknown_category"
  | "unknown_window"
  | "unknown_ticket"
  | "unknown_staff"
  | "unknown_appointment"
  | "unknown_content"
  | "unknown_block"
  | "invalid"
  | "conflict";

/** The core's "no": a rule refused the command. The edge turns it into HTTP. */
export interface Rejection {
  rejected: true;
  code: RejectionCode;
  message: string;
  details?: Record<string, unknown>;
}

/** A rejection; `details` name the fields or things at fault (`{ window: "5" }`), as the API reports them. */
export function reject(code: RejectionCode, message: string, details?: Record<string, unknown>): Rejection {
  return details ? { rejected: true, code, message, details } : { rejected: true, code, message };
}

/** Whether a rule's or `decide`'s answer is a rejection. */
export function isRejection<T>(x: T | Rejection): x is Rejection {
  return (x as Rejection).rejected === true;
}
