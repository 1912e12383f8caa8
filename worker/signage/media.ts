/**
 * What an uploaded image really is, read from its first bytes, never from its name or the type
 * the browser claims: PNG, JPEG and WebP are shown on the screens; SVG (which can carry script)
 * and everything else are refused.
 */
import type { ImageType } from "../core/content-types.js";

/** Screens show images up to this size (the issue's 2 MB). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export const IMAGE_TYPES: readonly ImageType[] = ["image/png", "image/jpeg", "image/webp"];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The image type the bytes are, or null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  return null;
}

/** Text that looks like markup (SVG, HTML) after an optional BOM and whitespace. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && i < 512 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  return bytes[i] === 0x3c; // "<"
}

/**
 * Why these bytes may not be shown, or null with the type they are. `claimed` is the type the
 * upload said it was (a browser's guess from the file name), checked against the bytes.
 */
export function checkImage(bytes: Uint8Array, claimed: string): { type: ImageType } | { problem: string; status: 400 | 413 | 415 } {
  if (bytes.length === 0) return { problem: "the file is empty", status: 400 };
  if (bytes.length > MAX_IMAGE_BYTES) return { problem: `the image is ${bytes.length} bytes, over the 2 MB (${MAX_IMAGE_BYTES} bytes) limit`, status: 413 };
  const claim = claimed.split(";")[0]!.trim().toLowerCase();
  const type = sniffImage(bytes);
  if (!type) {
    if (claim === "image/svg+xml" || looksLikeMarkup(bytes)) return { problem: "SVG and other markup are not accepted (they can carry script): upload PNG, JPEG or WebP", status: 415 };
    return { problem: `the bytes are not a PNG, JPEG or WebP image${claim ? ` (it said ${claim})` : ""}`, status: 415 };
  }
  const alias = claim === "image/jpg" || claim === "image/pjpeg" ? "image/jpeg" : claim;
  if (alias && alias !== "application/octet-stream" && alias !== type) return { problem: `the file says it is ${claim} but its bytes are ${type}`, status: 400 };
  return { type };
}

/** An image sent with an `add_content` command (multipart upload), checked again by the hall. */
export interface ImageUpload {
  bytes: ArrayBuffer;
  type: string;
}
