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

/**
 * Files on the box's disk, for a self-hosted workerd (deploy/config.mjs): `disk` is a writable
 * `DiskDirectory` service, which answers GET, HEAD, PUT (written to a temporary file and moved
 * into place, so a reader never sees half a file) and DELETE, and lists a directory as JSON.
 * It keeps no metadata, so each file's content type is a small file beside it:
 * `files/{key}` holds the bytes, `types/{key}` the type. The type is written first and the
 * bytes last, so a file that is there always has its type.
 */
export function diskStore(disk: Fetcher): MediaStore {
  const at = (area: "files" | "types", key: string) => `http://media/${area}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const must = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`media store: ${what} answered ${res.status}`);
  };
  async function walk(dir: string, out: { key: string; size: number }[]): Promise<void> {
    const res = await disk.fetch(at("files", dir) + "/");
    if (res.status === 404) return;
    await must(res, `listing ${dir}`);
    const entries = (await res.json()) as { name: string; type: string }[];
    for (const entry of entries) {
      const key = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.type === "directory") await walk(key, out);
      else if (entry.type === "file") {
        const head = await disk.fetch(at("files", key), { method: "HEAD" });
        if (head.ok) out.push({ key, size: Number(head.headers.get("Content-Length") ?? 0) });
      }
    }
  }
  return {
    async put(key, bytes, meta) {
      await must(await disk.fetch(at("types", key), { method: "PUT", body: meta.contentType }), `writing the type of ${key}`);
      await must(await disk.fetch(at("files", key), { method: "PUT", body: bytes as ArrayBuffer }), `writing ${key}`);
    },
    async get(key) {
      const res = await disk.fetch(at("files", key));
      if (res.status === 404 || !res.body) return null;
      await must(res, `reading ${key}`);
      const type = await disk.fetch(at("types", key));
      const contentType = type.ok ? (await type.text()).trim() : "application/octet-stream";
      return { body: res.body, size: Number(res.headers.get("Content-Length") ?? 0), contentType };
    },
    async has(key) {
      return (await disk.fetch(at("files", key), { method: "HEAD" })).ok;
    },
    async delete(key) {
      for (const area of ["files", "types"] as const) {
        const res = await disk.fetch(at(area, key), { method: "DELETE" });
        if (res.status !== 404) await must(res, `deleting ${key}`);
      }
    },
    async list(prefix) {
      const out: { key: string; size: number }[] = [];
      const dir = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
      await walk(dir, out);
      return out.filter((f) => f.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}

/** The store this deployment has, learnt from its bindings only: R2 on Cloudflare, the disk self-hosted. */
export function mediaStore(env: Env): MediaStore {
  if (env.MEDIA) return r2Store(env.MEDIA);
  if (env.MEDIA_DISK) return diskStore(env.MEDIA_DISK);
  throw new Error("no media store: bind MEDIA (R2) on Cloudflare or MEDIA_DISK (a writable disk directory) under workerd");
}
