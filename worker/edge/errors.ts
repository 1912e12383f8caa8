/**
 * Every error leaves as JSON a person can read: `{ error, code, details }`. Bad input is a 4xx
 * naming the field; only a fault of ours is a 500.
 */
import { z } from "@hono/zod-openapi";
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { ERROR_CODES, refusal, type ErrorCode, type FieldProblem } from "./refusal.js";
import { unsafeText } from "./text.js";
import { RULES, type Rule } from "../core/rejection.js";

export type { ErrorCode } from "./refusal.js";

export const ErrorBody = z
  .object({
    error: z.string().openapi({ description: "What went wrong, for a person to read", example: "window 5 is paused" }),
    code: z
      .enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]])
      .openapi({
        description: `For programs: ${Object.entries(ERROR_CODES)
          .map(([code, text]) => `\`${code}\` ${text}`)
          .join("; ")}.`,
        example: "conflict",
      }),
    details: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The fields or values concerned, e.g. the bad field and what is wrong with it", example: { window: "5" } }),
    fields: z
      .array(
        z
          .object({
            field: z.string().openapi({ description: 'The field\'s dotted path, "(body)" for the whole body', example: "password" }),
            problem: z
              .enum(["required", "invalid_type", "too_small", "too_big", "invalid_format", "invalid_value", "unknown_field", "invalid"])
              .openapi({ description: "What kind of rule the field broke", example: "too_small" }),
            of: z.string().optional().openapi({ description: "What a bound counts: string (characters), number, array (items)", example: "string" }),
            minimum: z.number().optional().openapi({ example: 8 }),
            maximum: z.number().optional(),
            expected: z.string().optional().openapi({ description: "The type wanted, for invalid_type", example: "number" }),
            format: z.string().optional().openapi({ description: "The format wanted, for invalid_format", example: "regex" }),
            values: z.array(z.string()).optional().openapi({ description: "The values allowed, for invalid_value, as text" }),
            rule: z
              .enum(RULES)
              .optional()
              .openapi({
                description:
                  "For invalid: the rule the field broke — past (a day already gone), either (needs this or another field), duplicate (listed twice), unknown (names nothing in the hall), beyond (past another setting, see maximum), cycle (a region under itself), date (no such calendar day), order (an end not after its start), place (latitude or longitude out of range)",
                example: "past",
              }),
          })
          .openapi("FieldProblem"),
      )
      .optional()
      .openapi({ description: "A refused validation only (`invalid`): each field's problem and bound, so a client can say it in its own language" }),
  })
  .openapi("Error");

/** A refusal sent now: the status and the `refusal()` body. */
export function errorResponse(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 426 | 429 | 500 | 503,
  code: ErrorCode,
  error: string,
  details: Record<string, unknown> = {},
  fields?: FieldProblem[],
): Response {
  return c.json(refusal(code, error, details, fields), status);
}

/** Zod issues as `{ "categories.0.prefix": "one capital letter A-Z" }`. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "(body)";
    const message =
      issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : issue.message;
    details[path] ??= message;
  }
  return details;
}

const PROBLEMS: Record<string, FieldProblem["problem"]> = {
  invalid_type: "invalid_type",
  too_small: "too_small",
  too_big: "too_big",
  invalid_format: "invalid_format",
  invalid_value: "invalid_value",
};

/** The value at a dotted path of what was sent, to tell a missing field from a wrong one. */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * Zod issues as `FieldProblem`s, one per field (the first issue of each), in the order zod found
 * them: `{ field: "password", problem: "too_small", of: "string", minimum: 8 }`.
 */
export function fieldProblems(error: ZodError, data: unknown): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  const add = (problem: FieldProblem) => {
    if (!seen.has(problem.field)) seen.set(problem.field, problem);
  };
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "(body)";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add({ field: field === "(body)" ? key : `${field}.${key}`, problem: "unknown_field" });
      continue;
    }
    const value = valueAt(data, issue.path);
    if (issue.code === "invalid_type" && (value === undefined || value === null)) {
      add({ field, problem: "required", expected: issue.expected });
      continue;
    }
    const problem: FieldProblem = { field, problem: PROBLEMS[issue.code] ?? "invalid" };
    if (issue.code === "too_small" || issue.code === "too_big") {
      problem.of = issue.origin;
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      // An exclusive bound (> 0) says the same as an inclusive one a step over for whole numbers; keep zod's number.
      if (Number.isFinite(bound)) problem[issue.code === "too_small" ? "minimum" : "maximum"] = bound;
    }
    if (issue.code === "invalid_type") problem.expected = issue.expected;
    if (issue.code === "invalid_format") problem.format = issue.format;
    if (issue.code === "invalid_value") problem.values = issue.values.slice(0, 20).map(String);
    // A refine names the rule it checks (`params: { rule }`), so a console can say it in its own words.
    const rule = issue.code === "custom" ? (issue.params?.rule as Rule | undefined) : undefined;
    if (rule !== undefined && (RULES as readonly string[]).includes(rule)) problem.rule = rule;
    add(problem);
  }
  return [...seen.values()];
}

export function validationResponse(c: Context, target: string, error: ZodError, data?: unknown): Response {
  const details = fieldErrors(error);
  const summary = Object.entries(details)
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
  const where = target === "json" ? "body" : target === "param" ? "path" : target;
  return errorResponse(c, 400, "invalid", `invalid request ${where}: ${summary}`, details, fieldProblems(error, data));
}

/**
 * Reads the JSON body once, up front: an empty body is `{}`, anything else must be JSON with
 * a JSON content type. Hono's validators then read the cached value.
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") {
      return errorResponse(c, 400, "invalid", "send the body as JSON with Content-Type: application/json", {
        "Content-Type": type || "(none)",
      });
    }
    try {
      value = JSON.parse(text);
    } catch (e) {
      return errorResponse(c, 400, "invalid", `the body is not valid JSON: ${(e as Error).message}`, { "(body)": "malformed JSON" });
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return errorResponse(c, 400, "invalid", "the body must be a JSON object", { "(body)": "expected an object" });
  }
  const unsafe = unsafeText(value);
  if (unsafe) {
    return errorResponse(c, 400, "invalid", `${unsafe.field} ${unsafe.problem}: control and bidi-override characters are not allowed in text`, {
      [unsafe.field]: unsafe.problem,
    });
  }
  // Hono's validators only read JSON bodies sent with a JSON content type; ours is parsed already.
  const headers = new Headers(c.req.raw.headers);
  headers.set("Content-Type", "application/json");
  // `cf` goes along: self-hosted, workerd's `cf.clientIp` is where the request came from (access/client-address.ts).
  c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, ...(c.req.raw.cf ? { cf: c.req.raw.cf } : {}) });
  // Hono types its body cache loosely; it holds promises of the parsed body.
  c.req.bodyCache = { text: Promise.resolve(JSON.stringify(value)), json: Promise.resolve(value) } as never;
  return next();
};

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) {
    const status = err.status as 400 | 401 | 403 | 404 | 413;
    if (status === 413) return errorResponse(c, 413, "too_large", "the body is over the 16 KB limit");
    return errorResponse(c, status, status === 400 ? "invalid" : "forbidden", err.message || "request refused");
  }
  console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, err);
  return errorResponse(c, 500, "internal", "the request failed inside the hall; retry it with the same commandId to be sure it applies once");
};

export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, 404, "not_found", `no such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`);

/** `errorResponse` for a handler that returns its refusal as the route's reply type. */
export const fail = (...args: Parameters<typeof errorResponse>) => errorResponse(...args) as never;
