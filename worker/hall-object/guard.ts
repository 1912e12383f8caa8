/**
 * The storage guard: every SQLite statement and key-value put of the hall object passes here
 * (the object hands `guarded(ctx)` to its base class, so `this.ctx.storage` and every part's
 * `hall.ctx.storage` are this one), and any row or value over the platform's limit is refused.
 *
 * Cloudflare refuses a SQLite row, string or BLOB, and a key-value value, over 2 MB in a
 * SQLite-backed Durable Object (developers.cloudflare.com/durable-objects/platform/limits/);
 * local workerd accepts them, so without this guard tests and self-hosted halls would run fine
 * where Cloudflare would throw. The guard throws in every environment, names the statement, and
 * writes an alarm line to the console (`"alarm":"storage_limit"`) for the operator.
 */

/** The platform's limit on one SQLite row/string/BLOB and one key-value value: 2 MB. */
export const PLATFORM_VALUE_LIMIT = 2_000_000;

/** What the hall aims to stay under for any one row: half the platform's limit (1 MiB). */
export const ROW_BUDGET = 1024 * 1024;

export class StorageLimitError extends Error {
  readonly code = "storage_limit";
  constructor(
    readonly what: string,
    readonly bytes: number,
  ) {
    super(`refused to store ${what}: ${bytes} bytes is over the platform's ${PLATFORM_VALUE_LIMIT}-byte limit on one row or value`);
  }
}

/** UTF-8 bytes of a bound value; text is encoded only when its length alone cannot tell. */
export function bytesOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") {
    if (value.length * 3 <= PLATFORM_VALUE_LIMIT) return value.length; // a lower bound, enough to know it is under
    return new TextEncoder().encode(value).byteLength;
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return 8;
  return bytesOf(JSON.stringify(value) ?? "");
}

/** Throws (and raises the alarm) when `bytes` is over the platform's limit. */
function check(what: string, bytes: number, hall: string): void {
  if (bytes <= PLATFORM_VALUE_LIMIT) return;
  const error = new StorageLimitError(what, bytes);
  console.error(JSON.stringify({ alarm: "storage_limit", hall, what, bytes, limit: PLATFORM_VALUE_LIMIT }));
  refusedWrites.push({ hall, what, bytes });
  if (refusedWrites.length > 20) refusedWrites.shift();
  throw error;
}

/** The last refused writes in this isolate (newest last), for the console and tests. */
export const refusedWrites: { hall: string; what: string; bytes: number }[] = [];

/** Calls a native object's methods on the object itself, with `override` in place of some. */
function wrap<T extends object>(target: T, override: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(t, p) {
      if (p in override) return override[p as keyof T];
      const v = Reflect.get(t, p, t) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

export function guardedSql(sql: SqlStorage, hall: string): SqlStorage {
  return wrap(sql, {
    exec: (query: string, ...bindings: unknown[]) => {
      // A row is at most what one statement binds into it (each statement here writes one row).
      let bytes = 0;
      for (const b of bindings) bytes += bytesOf(b);
      check(`a row (${query.trim().split(/\s+/).slice(0, 3).join(" ")}…)`, bytes, hall);
      return sql.exec(query, ...bindings);
    },
  });
}

export function guardedStorage(storage: DurableObjectStorage, hall: string): DurableObjectStorage {
  const sql = guardedSql(storage.sql, hall);
  return wrap(storage, {
    sql,
    put: (keyOrEntries: string | Record<string, unknown>, value?: unknown, options?: DurableObjectPutOptions) => {
      const entries = typeof keyOrEntries === "string" ? { [keyOrEntries]: value } : keyOrEntries;
      for (const [key, v] of Object.entries(entries)) check(`the value of "${key}"`, bytesOf(v), hall);
      return typeof keyOrEntries === "string" ? storage.put(keyOrEntries, value, options) : storage.put(keyOrEntries, options);
    },
  } as Partial<Record<keyof DurableObjectStorage, unknown>>);
}

/** The object's state with its storage guarded: hand this to the DurableObject base class. */
export function guarded(ctx: DurableObjectState): DurableObjectState {
  const storage = guardedStorage(ctx.storage, ctx.id.name ?? ctx.id.toString());
  return wrap(ctx, { storage } as Partial<Record<keyof DurableObjectState, unknown>>);
}
