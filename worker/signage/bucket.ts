/**
 * The screens' images in the media store (worker/media/store.ts: R2 on Cloudflare), content-addressed: a hall's under
 * `halls/{hall}/{sha256}`, a region's under `regions/{region}/{sha256}`, served from
 * `/media/{hall}/{sha256}` and `/media/regions/{region}/{sha256}`. The same bytes are the same
 * object and the same address, so a retried upload stores nothing twice and a screen may keep an
 * image in its cache for ever (`immutable`); a new image is a new address.
 *
 * No token: screens load them as <img>, which sends no Authorization header; what a screen shows
 * is public to everyone in the hall anyway, and an address is only known to whoever has the bytes
 * or the hall's content list (SHA-256 cannot be guessed).
 */
import type { ImageType } from "../core/content-types.js";
import type { MediaStore } from "../media/store.js";

export type MediaOwner = { hall: string } | { region: string };

export function mediaKey(owner: MediaOwner, hash: string): string {
  return "hall" in owner ? `halls/${owner.hall}/${hash}` : `regions/${owner.region}/${hash}`;
}

/** Where screens load the image from. */
export function mediaSrc(owner: MediaOwner, hash: string): string {
  return "hall" in owner ? `/media/${owner.hall}/${hash}` : `/media/regions/${owner.region}/${hash}`;
}

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** The image's content id: SHA-256 of its bytes, hex. */
export async function imageHash(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function putImage(store: MediaStore, owner: MediaOwner, hash: string, bytes: ArrayBuffer, type: ImageType): Promise<void> {
  await store.put(mediaKey(owner, hash), bytes, { contentType: type, cacheControl: IMMUTABLE });
}

/** The image as screens get it: its type, ETag and cache headers; 304 when the screen has it already. */
export async function serveImage(store: MediaStore, owner: MediaOwner, hash: string, ifNoneMatch: string | null): Promise<Response | null> {
  const etag = `"${hash}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": IMMUTABLE,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
  });
  if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return (await store.has(mediaKey(owner, hash))) ? new Response(null, { status: 304, headers }) : null;
  }
  const object = await store.get(mediaKey(owner, hash));
  if (!object) return null;
  headers.set("Content-Type", object.contentType);
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { status: 200, headers });
}
