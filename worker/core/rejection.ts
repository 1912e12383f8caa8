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
  /** An `invalid` rejection's fields and the hall's rule each broke, for a console to say in its reader's language. */
  fields?: RuleProblem[];
}

/**
 * The hall's rules a field can break beyond its shape (the API's `fields`, problem `invalid`):
 * `past` a day already gone, `either` needs this or another field, `duplicate` listed twice,
 * `unknown` names nothing in the hall, `beyond` past another setting (`maximum`), `cycle` a region
 * under itself, `date` no such calendar day, `order` an end not after its start, `place` a
 * latitude or longitude out of range.
 */
export type Rule = (typeof RULES)[number];

/** Every `Rule`, for the API document's enum and the edge's checks (a zod `refine` names one in `params.rule`). */
export const RULES = ["past", "either", "duplicate", "unknown", "beyond", "cycle", "date", "order", "place"] as const;

/** One field a hall's rule refused: which field, which rule, and the bound where one applies. */
export interface RuleProblem {
  field: string;
  problem: "invalid";
  rule: Rule;
  maximum?: number;
}

/** A field that broke the hall's rule `rule` (see `Rule`). */
export function broke(field: string, rule: Rule, maximum?: number): RuleProblem {
  return maximum === undefined ? { field, problem: "invalid", rule } : { field, problem: "invalid", rule, maximum };
}

/** A rejection; `details` name the fields or things at fault (`{ window: "5" }`), as the API reports them; `fields` the rules they broke. */
export function reject(code: RejectionCode, message: string, details?: Record<string, unknown>, fields?: RuleProblem[]): Rejection {
  const r: Rejection = details ? { rejected: true, code, message, details } : { rejected: true, code, message };
  if (fields?.length) r.fields = fields;
  return r;
}

/** Whether a rule's or `decide`'s answer is a rejection. */
export function isRejection<T>(x: T | Rejection): x is Rejection {
  return (x as Rejection).rejected === true;
}
