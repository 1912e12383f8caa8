/**
 * Image uploads (multipart/form-data) to POST …/content: the only bodies allowed past the API's
 * 16 KB limit, up to the 2 MB image plus the form around it. A declared Content-Length over that
 * is refused before a byte is read; a body without one is cut off as it streams.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ZodError } from "zod";
import { checkImage, MAX_IMAGE_BYTES } from "./media.js";
import { errorResponse, fieldErrors, fieldProblems } from "../edge/errors.js";
import type { FieldProblem } from "../edge/refusal.js";
import { ImageFields } from "./schemas.js";

/** Room for the form's other fields and boundaries around the image. */
const FORM_OVERHEAD = 64 * 1024;
const MAX_UPLOAD_BYTES = MAX_IMAGE_BYTES + FORM_OVERHEAD;

const UPLOAD_PATH = /^\/api\/(halls|regions)\/[^/]+\/content$/;

/** A multipart POST to a content list: an image upload. */
export function isUpload(request: Request): boolean {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  return request.method === "POST" && type.startsWith("multipart/form-data") && UPLOAD_PATH.test(new URL(request.url).pathname);
}

const tooLarge = (c: Context) =>
  errorResponse(c, 413, "too_large", `an image may be at most 2 MB (${MAX_IMAGE_BYTES} bytes)`, { file: `at most ${MAX_IMAGE_BYTES} bytes` });

const streamed = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge });

export const uploadLimit: MiddlewareHandler = async function uploadLimit(c, next) {
  const declared = Number(c.req.header("Content-Length") ?? NaN);
  if (declared > MAX_UPLOAD_BYTES) return tooLarge(c);
  return streamed(c, next);
};

export interface ReadUpload {
  bytes: ArrayBuffer;
  type: string;
  fields: ReturnType<typeof ImageFields.parse>;
  commandId?: string;
}

function invalid(c: Context, error: string, details: Record<string, string>, fields?: FieldProblem[]): Response {
  return errorResponse(c, 400, "invalid", error, details, fields);
}

/** The form's image and fields, checked; or the 4xx that names what is wrong. */
export async function readUpload(c: Context): Promise<ReadUpload | Response> {
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    return invalid(c, "the body is not valid multipart/form-data", { "(body)": "malformed form" });
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") return invalid(c, "send the image as a file field named `file`", { file: "required" });
  if (file.size > MAX_IMAGE_BYTES) return tooLarge(c);
  let raw: unknown = {};
  const item = form.get("item");
  if (typeof item === "string" && item.trim() !== "") {
    try {
      raw = JSON.parse(item);
    } catch (e) {
      return invalid(c, `the item field is not valid JSON: ${(e as Error).message}`, { item: "malformed JSON" });
    }
  }
  const parsed = ImageFields.safeParse(raw);
  if (!parsed.success) {
    const details = fieldErrors(parsed.error as unknown as ZodError);
    return invalid(c, `invalid image item: ${Object.entries(details).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ")}`, details, fieldProblems(parsed.error as unknown as ZodError, raw));
  }
  const commandId = form.get("commandId");
  if (commandId !== null && (typeof commandId !== "string" || !/^[A-Za-z0-9._:-]{1,100}$/.test(commandId))) {
    return invalid(c, "commandId: 1 to 100 letters, digits or . _ : -", { commandId: "1 to 100 letters, digits or . _ : -" });
  }
  const bytes = await file.arrayBuffer();
  const checked = checkImage(new Uint8Array(bytes), file.type);
  if ("problem" in checked) return errorResponse(c, checked.status as 400, checked.status === 413 ? "too_large" : "invalid", checked.problem, { file: checked.problem });
  return { bytes, type: checked.type, fields: parsed.data, ...(commandId ? { commandId } : {}) };
}
