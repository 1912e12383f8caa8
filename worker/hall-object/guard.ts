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

/** Told of each refused write, as it is refused (the hall's console alarm: storage-alarms.ts). */
export type OnRefused = (refused: { what: string; bytes: number }) => void;

/** Throws (and raises the alarm) when `bytes` is over the platform's limit; `what` is named only then. */
function check(named: string | (() => string), bytes: number, hall: string, onRefused?: OnRefused): void {
  if (bytes <= PLATFORM_VALUE_LIMIT) return;
  const what = typeof named === "string" ? named : named();
  const error = new StorageLimitError(what, bytes);
  console.error(JSON.stringify({ alarm: "storage_limit", hall, what, bytes, limit: PLATFORM_VALUE_LIMIT }));
  refusedWrites.push({ hall, what, bytes });
  if (refusedWrites.length > 20) refusedWrites.shift();
  onRefused?.({ what, bytes });
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

/** A statement whose row the guard cannot size: refused in every environment, like an over-limit row. */
export class UnsizedStatementError extends Error {
  readonly code = "storage_unsized";
  constructor(readonly statement: string, why: string) {
    super(`refused to run "${statement.slice(0, 80)}": ${why}, so the storage guard could not see how big its row grows`);
  }
}

/**
 * Splits `text` at `separator` (a character) or a keyword, outside parentheses and quotes.
 * Keywords match whole words, case-insensitively.
 */
function splitTop(text: string, at: (rest: string, before: string) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0) {
      const skip = at(text.slice(i), text[i - 1] ?? " ");
      if (skip > 0) {
        parts.push(text.slice(from, i));
        from = i + skip;
        i = from - 1;
      }
    }
  }
  parts.push(text.slice(from));
  return parts;
}

const char = (c: string) => (rest: string) => (rest[0] === c ? 1 : 0);
const keyword = (word: string) => (rest: string, before: string) => (!/\w/.test(before) && new RegExp(`^${word}\\b`, "i").test(rest) ? word.length : 0);

/** What a row's size is, as SQL: every column's stored length summed (`set` replaces some). */
function rowSize(columns: string[], set: Map<string, string>): string {
  return columns.map((c) => `COALESCE(LENGTH(CAST((${set.get(c.toLowerCase()) ?? `"${c}"`}) AS BLOB)), 0)`).join(" + ");
}

/** A VALUES list the bound values bound: only placeholders and literals, no function or operator. */
const PLAIN_VALUE = /^\s*(\?\d*|-?\d+(\.\d+)?|NULL|'[^']{0,200}')\s*$/i;

/**
 * How the guard sizes each statement's row before it runs (issue 22 §1):
 *
 * - INSERT / REPLACE … VALUES of placeholders and literals: the row is at most its bound values.
 * - UPDATE … SET … [WHERE …]: the row after is its untouched columns plus what SET makes of the
 *   others — `SET v = v || ?` grows the row it is in, which its bound values alone do not show.
 *   So the guard asks SQLite first, with the statement's own expressions and bindings:
 *   `SELECT MAX(size of the row as SET leaves it) FROM t WHERE …`.
 * - Shapes it cannot size that way are refused outright (UnsizedStatementError): an upsert's
 *   `DO UPDATE`, `INSERT … SELECT`, `UPDATE … FROM`, a VALUES expression. None is used today;
 *   a new one fails its first test, and is written as one of the shapes above instead.
 */
class Sizer {
  #columns = new Map<string, string[]>();
  /** Per query text: the SELECTs that size its UPDATEs (none: its bound values bound its row). */
  #plans = new Map<string, string[]>();
  constructor(private readonly sql: SqlStorage) {}

  /** The largest row `query` would leave, in bytes. */
  size(query: string, bindings: unknown[]): number {
    if (/\bALTER\s+TABLE\b/i.test(query)) {
      this.#columns.clear();
      this.#plans.clear();
    }
    let plan = this.#plans.get(query);
    if (!plan) {
      const statements = splitTop(query, char(";")).map((q) => q.trim()).filter(Boolean);
      plan = statements.flatMap((statement) => this.#plan(statement));
      if (plan.length > 0 && statements.length > 1) throw new UnsizedStatementError(query, "an UPDATE among several statements cannot be sized with their bindings");
      if (this.#plans.size < 500) this.#plans.set(query, plan);
    }
    let largest = bindings.reduce<number>((n, b) => n + bytesOf(b), 0);
    for (const select of plan) largest = Math.max(largest, this.sql.exec<{ n: number | null }>(select, ...bindings).one().n ?? 0);
    return largest;
  }

  #plan(statement: string): string[] {
    const head = statement.slice(0, 16).toUpperCase();
    if (head.startsWith("UPDATE")) return this.#update(statement);
    if (!head.startsWith("INSERT") && !head.startsWith("REPLACE")) return [];
    if (/\bDO\s+UPDATE\b/i.test(statement)) throw new UnsizedStatementError(statement, "an upsert's DO UPDATE can grow the row it finds");
    const values = splitTop(statement, keyword("VALUES"));
    if (values.length !== 2) throw new UnsizedStatementError(statement, "an INSERT without VALUES copies rows");
    const tuple = values[1]!.trim().replace(/\s+ON\s+CONFLICT[\s\S]*$/i, "");
    const inner = tuple.startsWith("(") && tuple.endsWith(")") ? tuple.slice(1, -1) : null;
    if (inner === null || !splitTop(inner, char(",")).every((v) => PLAIN_VALUE.test(v))) {
      throw new UnsizedStatementError(statement, "its VALUES hold an expression (only placeholders and literals are sized)");
    }
    return [];
  }

  /** The SELECT that sizes an UPDATE's rows as they will be, with the UPDATE's own bindings. */
  #update(statement: string): string[] {
    const m = /^UPDATE\s+(?:OR\s+\w+\s+)?("?)(\w+)\1\s+SET\s+([\s\S]*)$/i.exec(statement);
    if (!m) throw new UnsizedStatementError(statement, "it is not UPDATE <table> SET … [WHERE …]");
    const table = m[2]!;
    const [assignments, where, ...more] = splitTop(m[3]!, keyword("WHERE"));
    const outside = (word: string) => [assignments!, where ?? ""].some((part) => splitTop(part, keyword(word)).length > 1);
    if (more.length > 0 || ["FROM", "RETURNING", "ORDER", "LIMIT"].some(outside)) {
      throw new UnsizedStatementError(statement, "UPDATE … FROM, RETURNING, ORDER BY or LIMIT");
    }
    const set = new Map<string, string>();
    for (const a of splitTop(assignments!, char(","))) {
      const eq = /^\s*"?(\w+)"?\s*=([\s\S]*)$/.exec(a);
      if (!eq) throw new UnsizedStatementError(statement, `"${a.trim()}" is not <column> = <expression>`);
      set.set(eq[1]!.toLowerCase(), eq[2]!);
    }
    const columns = this.#columnsOf(table);
    if (columns.length === 0) return []; // no such table: the UPDATE fails on its own
    return [`SELECT MAX(${rowSize(columns, set)}) AS n FROM "${table}"${where === undefined ? "" : ` WHERE ${where}`}`];
  }

  #columnsOf(table: string): string[] {
    let columns = this.#columns.get(table);
    if (!columns) {
      columns = this.sql.exec<{ name: string }>(`PRAGMA table_info("${table}")`).toArray().map((c) => c.name);
      this.#columns.set(table, columns);
    }
    return columns;
  }
}

export function guardedSql(sql: SqlStorage, hall: string, onRefused?: OnRefused): SqlStorage {
  const sizer = new Sizer(sql);
  return wrap(sql, {
    exec: (query: string, ...bindings: unknown[]) => {
      check(() => `a row (${query.trim().split(/\s+/).slice(0, 3).join(" ")}…)`, sizer.size(query, bindings), hall, onRefused);
      return sql.exec(query, ...bindings);
    },
  });
}

export function guardedStorage(storage: DurableObjectStorage, hall: string, onRefused?: OnRefused): DurableObjectStorage {
  const sql = guardedSql(storage.sql, hall, onRefused);
  return wrap(storage, {
    sql,
    put: (keyOrEntries: string | Record<string, unknown>, value?: unknown, options?: DurableObjectPutOptions) => {
      const entries = typeof keyOrEntries === "string" ? { [keyOrEntries]: value } : keyOrEntries;
      for (const [key, v] of Object.entries(entries)) check(`the value of "${key}"`, bytesOf(v), hall, onRefused);
      return typeof keyOrEntries === "string" ? storage.put(keyOrEntries, value, options) : storage.put(keyOrEntries, options);
    },
  } as Partial<Record<keyof DurableObjectStorage, unknown>>);
}

/** The object's state with its storage guarded: hand this to the DurableObject base class. */
export function guarded(ctx: DurableObjectState, onRefused?: OnRefused): DurableObjectState {
  const storage = guardedStorage(ctx.storage, ctx.id.name ?? ctx.id.toString(), onRefused);
  return wrap(ctx, { storage } as Partial<Record<keyof DurableObjectState, unknown>>);
}
