/**
 * Where the Worker keeps files: signage images and the hall's archives. One interface, so the
 * rest of the Worker does not care where the bytes live: R2 (binding MEDIA) on Cloudflare; on a
 * self-hosted workerd, where there is no R2, another implementation behind the same calls.
 * Keys are paths like `halls/{hall}/{sha256}`.
 */
import type { Env } from "../env.js";

export interface StoredFile {
  body: ReadableStream;
  size: number;
  contentType: string;
}

export interface MediaStore {
  put(key: string, bytes: ArrayBuffer | Uint8Array, meta: { contentType: string; cacheControl?: string }): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Whether the file is there, without reading it. */
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** The keys under a prefix with their sizes, in key order. */
  list(prefix: string): Promise<{ key: string; size: number }[]>;
}

/** R2, the store on Cloudflare. */
export function r2Store(bucket: R2Bucket): MediaStore {
  return {
    async put(key, bytes, meta) {
      await bucket.put(key, bytes, { httpMetadata: { contentType: meta.contentType, ...(meta.cacheControl ? { cacheControl: meta.cacheControl } : {}) } });
    },
    async get(key) {
      const object = await bucket.get(key);
      if (!object) return null;
      return { body: object.body, size: object.size, contentType: object.httpMetadata?.contentType ?? "application/octet-stream" };
    },
    async has(key) {
      return (await bucket.head(key)) !== null;
    },
    async delete(key) {
      await bucket.delete(key);
    },
    async list(prefix) {
      const out: { key: string; size: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
        for (const o of page.objects) out.push({ key: o.key, size: o.size });
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return out;
    },
  };
}

/** The store this deployment has, learnt from its bindings only. */
export function mediaStore(env: Env): MediaStore {
  return r2Store(env.MEDIA);
}
