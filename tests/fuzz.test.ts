/**
 * Bad input, driven from the OpenAPI document so a new route is fuzzed the day it is added:
 * malformed, oversized, wrong-type and unknown-field bodies, bad path and query parameters,
 * missing and wrong tokens, wrong methods, valid commands in impossible orders, and garbage on
 * the live feed's socket. Every reply must be a 4xx JSON `{ error, code }`, never a 5xx, and
 * a refused request must leave the hall exactly as it was.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { readAnnouncerStatus } from "../worker/hall-object/announcers.js";
import { isTooBig } from "../worker/hall-object/limits.js";
import { call, issue, newHall, ORIGIN, suiteSeed } from "./helpers.js";

// In the describe names; replay a failure with TONGBAN_SEED=<seed> npx vitest run tests/fuzz.test.ts.
const SEED = suiteSeed();
const SOAK = (env as { TONGBAN_SOAK?: string }).TONGBAN_SOAK === "1";
const runs = (quick: number) => (SOAK ? quick * 10 : quick);

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string; schema: Schema }>;
  body: Schema | null;
  /** Needs no token (`security: []`): a missing or wrong one is no reason to refuse it. */
  open: boolean;
}

let doc: Schema;
let operations: Operation[];

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[String(schema.$ref).split("/").pop()!]);
  return schema;
}

/** The JSON types a schema accepts ("integer" counts as its own type), or null when it takes anything. */
function jsonTypes(schema: Schema): Set<string> | null {
  const s = resolve(schema);
  if (s.anyOf || s.oneOf) {
    const all = new Set<string>();
    for (const part of s.anyOf ?? s.oneOf) {
      const t = jsonTypes(part);
      if (!t) return null;
      for (const x of t) all.add(x);
    }
    return all;
  }
  if (s.enum) return new Set(s.enum.map((v: unknown) => (v === null ? "null" : typeof v)));
  if (s.type) {
    const types = new Set<string>(Array.isArray(s.type) ? s.type : [s.type]);
    if (s.nullable) types.add("null");
    return types;
  }
  return null;
}

const JSON_TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"] as const;

function valueOf(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return fc.string({ maxLength: 30 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x));
    case "integer":
      return fc.integer();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 });
    default:
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  }
}

/** A value the property's schema refuses: the wrong JSON type, outside its enum, pattern or range. */
function wrongValue(schema: Schema): fc.Arbitrary<unknown> | null {
  const s = resolve(schema);
  const allowed = jsonTypes(s);
  const options: fc.Arbitrary<unknown>[] = [];
  if (allowed) {
    const wrong = JSON_TYPES.filter((t) => !allowed.has(t) && !(t === "integer" && allowed.has("number")));
    if (wrong.length > 0) options.push(fc.constantFrom(...wrong).chain(valueOf));
  }
  if (s.enum) options.push(fc.string({ maxLength: 12 }).filter((x) => !s.enum.includes(x)));
  if (s.type === "string" && s.pattern) {
    const re = new RegExp(s.pattern);
    options.push(fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("", " ", "A".repeat(300), "../x", "<script>", "ä", "%00")).filter((x) => !re.test(x)));
  }
  if (s.type === "string" && s.maxLength !== undefined) options.push(fc.constant("x".repeat(s.maxLength + 1)));
  if ((s.type === "number" || s.type === "integer") && s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
  if ((s.type === "number" || s.type === "integer") && s.maximum !== undefined) options.push(fc.constant(s.maximum + 1));
  if (s.type === "integer") options.push(fc.constant(1.5));
  if (s.type === "array" && s.maxItems !== undefined) options.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => "x")));
  return options.length > 0 ? fc.oneof(...options) : null;
}

interface FuzzRequest {
  why: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Path parameters that name real things in the fuzz hall, so only the fuzzed part is wrong. */
const REAL: Record<string, string> = { window: "5", ticket: "A001", staff: "nobody", code: "123456", hall: "" };

function pathFor(op: Operation, overrides: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(overrides[name] ?? REAL[name] ?? "x"));
}

function authFor(role = "admin"): Record<string, string> {
  return { Authorization: `Bearer dev-${role}` };
}

/** Requests to `op` that must all be refused with a 4xx. */
function badRequests(op: Operation): fc.Arbitrary<FuzzRequest> {
  const options: fc.Arbitrary<FuzzRequest>[] = [];
  const path = pathFor(op);
  const json = { ...authFor(), "Content-Type": "application/json" };
  const isLive = op.path.endsWith("/live");

  if (!op.open) {
    options.push(
      fc.constantFrom<FuzzRequest>(
        { why: "no token", method: op.method, path, headers: {} },
        { why: "unknown token", method: op.method, path, headers: { Authorization: "Bearer dev-root" } },
        { why: "malformed authorization", method: op.method, path, headers: { Authorization: "Basic ZGV2LWFkbWluOg==" } },
      ),
    );
  }

  for (const p of op.params.filter((x) => x.in === "path")) {
    const wrong = wrongValue(p.schema);
    if (!wrong) continue;
    options.push(
      wrong
        .filter((v): v is string => typeof v === "string" && v !== "" && !v.includes("/") && v !== "." && v !== "..")
        .map((v) => ({ why: `bad path ${p.name}=${JSON.stringify(v)}`, method: op.method, path: pathFor(op, { [p.name]: v }), headers: json, ...(op.body ? { body: "{}" } : {}) })),
    );
  }

  const queries = op.params.filter((x) => x.in === "query" && x.name !== "token");
  for (const q of queries) {
    const wrong = wrongValue(q.schema);
    if (!wrong) continue;
    options.push(
      wrong
        .filter((v): v is string => typeof v === "string")
        .map((v) => ({
          why: `bad query ${q.name}=${JSON.stringify(v)}`,
          method: op.method,
          path: `${path}?${new URLSearchParams({ [q.name]: v })}`,
          headers: isLive ? { ...authFor("display"), Upgrade: "websocket" } : authFor(),
        })),
    );
  }
  if (isLive) {
    options.push(
      fc.constantFrom<FuzzRequest>(
        { why: "plain GET on the live feed", method: "GET", path, headers: authFor("display") },
        { why: "foreign origin", method: "GET", path, headers: { ...authFor("display"), Upgrade: "websocket", Origin: "https://evil.example" } },
        { why: "unknown view", method: "GET", path: `${path}?view=nope`, headers: { ...authFor("display"), Upgrade: "websocket" } },
        { why: "window view without a window", method: "GET", path: `${path}?view=window`, headers: { ...authFor("display"), Upgrade: "websocket" } },
        { why: "window view for an unknown window", method: "GET", path: `${path}?view=window&window=99`, headers: { ...authFor("display"), Upgrade: "websocket" } },
      ),
    );
  }

  if (op.body) {
    const schema = resolve(op.body);
    options.push(
      fc.oneof(
        fc.string({ maxLength: 40 }).filter((t) => {
          try {
            JSON.parse(t);
            return false;
          } catch {
            return t.trim() !== "";
          }
        }),
        fc.constantFrom("{", '{"a":', "[", "nul", "{'a':1}", '{"a":1,}', "\u0000"),
      ).map((body) => ({ why: "malformed JSON", method: op.method, path, headers: json, body })),
      fc
        .oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
        .map((v) => ({ why: "a body that is not an object", method: op.method, path, headers: json, body: JSON.stringify(v) })),
      fc
        .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/jsonx")
        .map((type) => ({ why: `Content-Type ${type || "(none)"}`, method: op.method, path, headers: { ...authFor(), ...(type ? { "Content-Type": type } : {}) }, body: '{"category":"household"}' })),
      fc
        .integer({ min: 16 * 1024 + 1, max: 64 * 1024 })
        .map((n) => ({ why: `a ${n}-byte body`, method: op.method, path, headers: json, body: JSON.stringify({ pad: "x".repeat(n) }) })),
    );
    if (schema.additionalProperties === false) {
      const known = new Set(Object.keys(schema.properties ?? {}));
      options.push(
        fc
          .tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== "__proto__"), fc.jsonValue({ maxDepth: 2 }))
          .map(([k, v]) => ({ why: `unknown field ${JSON.stringify(k)}`, method: op.method, path, headers: json, body: JSON.stringify({ [k]: v }) })),
      );
    }
    // One level down: a wrong field inside an object or inside each item of an array.
    for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) {
      const p = resolve(prop);
      const inner = p.type === "array" ? resolve(p.items) : p.type === "object" ? p : null;
      for (const [field, sub] of Object.entries<Schema>(inner?.properties ?? {})) {
        const wrong = wrongValue(sub);
        if (!wrong) continue;
        options.push(
          wrong.map((v) => ({
            why: `${name}.${field}: ${JSON.stringify(v)?.slice(0, 40)}`,
            method: op.method,
            path,
            headers: json,
            body: JSON.stringify({ [name]: p.type === "array" ? [{ [field]: v }] : { [field]: v } }),
          })),
        );
      }
    }
    for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) {
      const wrong = wrongValue(prop);
      if (!wrong) continue;
      options.push(
        fc
          .tuple(wrong, fc.dictionary(fc.constantFrom(...Object.keys(schema.properties)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }))
          .map(([v, others]) => ({ why: `${name}: ${JSON.stringify(v)?.slice(0, 40)}`, method: op.method, path, headers: json, body: JSON.stringify({ ...others, [name]: v }) })),
      );
    }
  }
  return fc.oneof(...options);
}

async function send(r: FuzzRequest): Promise<{ status: number; type: string; text: string; body: any }> {
  const res = await SELF.fetch(`${ORIGIN}${r.path}`, { method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) });
  const text = await res.text();
  res.webSocket?.accept();
  res.webSocket?.close();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    // checked below
  }
  return { status: res.status, type: res.headers.get("Content-Type") ?? "", text, body };
}

function expectClearRefusal(r: FuzzRequest, reply: Awaited<ReturnType<typeof send>>): void {
  const where = `${r.why}: ${r.method} ${r.path} → ${reply.status} ${reply.text.slice(0, 200)}`;
  expect(reply.status, where).toBeGreaterThanOrEqual(400);
  expect(reply.status, where).toBeLessThan(500);
  expect(reply.type, where).toContain("application/json");
  expect(typeof reply.body?.error, where).toBe("string");
  expect(reply.body.error.length, where).toBeGreaterThan(0);
  expect(typeof reply.body.code, where).toBe("string");
}

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

/** Everything a refused request must not touch: the log, the audit table, stored replies. */
async function fingerprint(hall: string): Promise<string> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
    const one = (q: string) => state.storage.sql.exec<{ n: number }>(q).one().n;
    return JSON.stringify({
      seq: one("SELECT COALESCE(MAX(seq), 0) AS n FROM events"),
      audit: one("SELECT COUNT(*) AS n FROM audit"),
      replies: one("SELECT COUNT(*) AS n FROM commands"),
    });
  });
}

let hall: string;

beforeAll(async () => {
  const res = await SELF.fetch(`${ORIGIN}/api/openapi.json`);
  doc = await res.json();
  operations = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(ops)) {
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.["application/json"]?.schema ?? null;
      const open = op.security.length === 0;
      // Public operations without input (the health check, a new device asking for its pairing
      // code) have nothing to get wrong; tests/devices.test.ts covers pairing.
      if (open && params.length === 0 && !body) continue;
      operations.push({ method: method.toUpperCase(), path, params, body, open });
    }
  }
  hall = await newHall(`fuzz-${SEED}`);
  REAL.hall = hall;
  await issue(hall, "household");
  await issue(hall, "traffic");
  await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
});

describe(`bad input is refused with a clear 4xx and changes nothing (seed ${SEED})`, () => {
  it("covers every operation in /api/openapi.json", () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    for (const op of operations) expect(() => badRequests(op), `${op.method} ${op.path}`).not.toThrow();
  });

  it("refuses malformed, oversized, wrong-type and unauthorised requests to every endpoint", async () => {
    const before = await fingerprint(hall);
    const counts: Record<string, number> = {};
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(badRequests(op), async (r) => {
          const reply = await send(r);
          counts[reply.status] = (counts[reply.status] ?? 0) + 1;
          expectClearRefusal(r, reply);
          expect(await fingerprint(hall), `${r.why}: ${r.method} ${r.path} changed the hall`).toBe(before);
        }),
        { numRuns: runs(90), seed: SEED, endOnFailure: true },
      );
    }
    console.log(JSON.stringify({ test: "fuzz.requests", seed: SEED, operations: operations.length, statuses: counts }));
  }, 120_000);

  it("refuses wrong methods and unknown paths with JSON 404s", async () => {
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    for (const op of operations) {
      for (const method of methods.filter((m) => !operations.some((o) => o.path === op.path && o.method === m))) {
        const r: FuzzRequest = { why: "wrong method", method, path: pathFor(op), headers: { ...authFor(), "Content-Type": "application/json" }, ...(method === "GET" ? {} : { body: "{}" }) };
        expectClearRefusal(r, await send(r));
      }
    }
    const unknown = await fc.sample(fc.webPath(), { numRuns: 50, seed: SEED });
    for (const p of unknown) {
      const r: FuzzRequest = { why: "unknown path", method: "POST", path: `/api/halls/${hall}/x${p}`.replace(/\/\/+/g, "/"), headers: authFor() };
      expectClearRefusal(r, await send(r));
    }
    // A few hundred requests, one after another: well over vitest's 5 s default on a busy 2-core box.
  }, 60_000);

  it("answers garbage page addresses, queries and citizen links without a 5xx", async () => {
    const { PAGES } = await import("../worker/pages/routes.js");
    const segment = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("..", "%2e%2e", "%00", "A".repeat(300), "5", hall, "demo", "<x>"));
    const statuses: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PAGES.map((p) => p.path), "/t/:token", "/api/t/:token/live"),
        segment,
        segment,
        fc
          .tuple(
            fc.constantFrom("dev-admin", "dev-display", "dev-kiosk", "dev-counter", "nope"),
            fc.dictionary(fc.constantFrom("view", "since", "window", "ticket", "lang", "token"), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
          )
          .map(([token, more]) => ({ token, ...more })),
        fc.boolean(),
        async (template, a, b, query, upgrade) => {
          const path = template
            .replace(":hall", encodeURIComponent(a))
            .replace(":token", encodeURIComponent(a))
            .replace(":window", encodeURIComponent(b));
          const res = await SELF.fetch(`${ORIGIN}${path}?${new URLSearchParams(query)}`, { headers: upgrade ? { Upgrade: "websocket" } : {} });
          await res.text();
          res.webSocket?.accept();
          res.webSocket?.close();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          expect(res.status, `${path}?${new URLSearchParams(query)}`).toBeLessThan(500);
        },
      ),
      { numRuns: runs(300), seed: SEED, endOnFailure: true },
    );
    console.log(JSON.stringify({ test: "fuzz.pages", seed: SEED, statuses }));
  });

  it("refuses valid commands in impossible orders with 409 or 404, leaving the hall as it was", async () => {
    const order = await newHall(`fuzz-order-${SEED}`);
    // Commands whose body may be empty: valid shapes, sent whether or not the hall is ready for them.
    const bare = operations.filter(
      (op) => op.method !== "GET" && !op.path.endsWith("/reset") && op.method !== "PUT" && (!op.body || !(resolve(op.body).required?.length > 0)),
    );
    expect(bare.map((op) => op.path)).toContain("/api/halls/{hall}/windows/{window}/finish");
    const numbers: string[] = ["A999"];
    const step = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom("household", "traffic", "security").map((category) => ({ issue: category }) as const) },
      {
        weight: 5,
        arbitrary: fc.record({
          op: fc.constantFrom(...bare),
          window: fc.constantFrom("1", "4", "5", "6", "99"),
          ticket: fc.nat(),
          staff: fc.constantFrom("nobody"),
          code: fc.constantFrom("000000"),
        }),
      },
    );
    const statuses: Record<string, number> = {};
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          if ("issue" in s) {
            const res = await call("kiosk", "POST", `/api/halls/${order}/tickets`, { category: s.issue });
            if (res.status === 201) numbers.push(res.body.ticket.number);
            continue;
          }
          const path = pathFor(s.op, { hall: order, window: s.window, ticket: numbers[s.ticket % numbers.length]!, staff: s.staff, code: s.code });
          const before = await fingerprint(order);
          const snapBefore = await call("display", "GET", `/api/halls/${order}`);
          const r: FuzzRequest = { why: "out of order", method: s.op.method, path, headers: { ...authFor(), "Content-Type": "application/json" }, ...(s.op.body ? { body: "{}" } : {}) };
          const reply = await send(r);
          statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
          expect(reply.status, `${r.method} ${r.path}: ${reply.text}`).toBeLessThan(500);
          if (reply.status >= 400) {
            refused++;
            expectClearRefusal(r, reply);
            expect([400, 404, 409], `${r.method} ${r.path}: ${reply.text}`).toContain(reply.status);
            expect(await fingerprint(order), `${r.method} ${r.path} was refused but changed the hall`).toBe(before);
            const snapAfter = await call("display", "GET", `/api/halls/${order}`);
            expect(snapAfter.body.seq).toBe(snapBefore.body.seq);
            expect(snapAfter.body.windows).toEqual(snapBefore.body.windows);
            // The same tickets wait; their call order may move with the clock alone (waits grow).
            const ids = (snap: any) => snap.body.waiting.map((t: any) => t.id).sort();
            expect(ids(snapAfter)).toEqual(ids(snapBefore));
          }
        }
      }),
      { numRuns: runs(30), seed: SEED, endOnFailure: true },
    );
    expect(refused).toBeGreaterThan(20);
    console.log(JSON.stringify({ test: "fuzz.order", seed: SEED, statuses }));
  }, 60_000);

  it("answers the classic wrong orders with 409: finish, start, recall and no-show before a call; requeue a waiting ticket; cancel a finished one", async () => {
    const h = await newHall(`fuzz-classic-${SEED}`);
    const base = `/api/halls/${h}`;
    const seq = async () => (await call("display", "GET", base)).body.seq;
    await issue(h, "traffic");
    let at = await seq();
    for (const action of ["finish", "start", "recall", "no-show"]) {
      const res = await call("counter", "POST", `${base}/windows/5/${action}`);
      expect(res.status, action).toBe(409);
      expect(await seq()).toBe(at);
    }
    expect((await call("counter", "POST", `${base}/tickets/C001/requeue`)).status).toBe(409);
    await call("counter", "POST", `${base}/windows/5/call`);
    await call("counter", "POST", `${base}/windows/5/finish`);
    at = await seq();
    expect((await call("counter", "POST", `${base}/tickets/C001/cancel`)).status).toBe(409);
    expect((await call("counter", "POST", `${base}/tickets/C001/transfer`, { category: "household" })).status).toBe(409);
    expect(await seq()).toBe(at);
  });
});

/** What the hall answers anything on the feed with, except "ping" and an announcer's report. */
const TAKES_NO_MESSAGES = 'the live feed takes no messages except "ping" and announcer.status';

/**
 * The error the hall must answer a frame with on an open socket, or null when it answers
 * nothing: "ping" (the runtime answers that with "pong") and an announcer report it takes.
 */
function errorFor(frame: string | ArrayBuffer): string | null {
  if (frame === "ping") return null;
  let data: unknown = null;
  try {
    data = typeof frame === "string" ? JSON.parse(frame) : null;
  } catch {
    // not JSON: not a message the feed takes
  }
  const report = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (report?.type !== "announcer.status") return TAKES_NO_MESSAGES;
  const status = readAnnouncerStatus(report, 0);
  return "problem" in status ? status.problem : null;
}

describe(`garbage on the live feed's socket (seed ${SEED})`, () => {
  const frame = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .record({ type: fc.constant("announcer.status"), sound: fc.jsonValue({ maxDepth: 1 }), engines: fc.jsonValue({ maxDepth: 2 }), label: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ["type"] })
      .map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 300 }).map((a) => a.buffer as ArrayBuffer),
    fc.constantFrom("x".repeat(4097), "ping ", "PING", "", "\u0000"),
  );

  it("answers each unknown frame with an error naming what the feed takes and each bad report with its problem, or closes with 1009 (too big) or 1008 (too many), and changes nothing", async () => {
    const before = await fingerprint(hall);
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 15 }), async (frames) => {
        const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?since=999999`, { headers: { Upgrade: "websocket", ...authFor("display") } });
        expect(res.status).toBe(101);
        const ws = res.webSocket!;
        const received: string[] = [];
        let closed: { code: number; reason: string } | null = null;
        ws.addEventListener("message", (e) => void received.push(e.data as string));
        ws.addEventListener("close", (e) => (closed = { code: e.code, reason: e.reason }));
        ws.accept();
        for (const f of frames) ws.send(f);
        ws.send("ping");
        const firstTooBig = frames.findIndex((f) => isTooBig(f));
        const tooBig = firstTooBig >= 0;
        // The hall answers in order, and reads nothing after a frame too big for it.
        const expected = (tooBig ? frames.slice(0, firstTooBig) : frames)
          .map(errorFor)
          .filter((e) => e !== null)
          .map((error) => ({ type: "error", error }));
        const errors = () => received.filter((m) => m !== "pong").map((m) => JSON.parse(m)).filter((m) => m.type === "error");
        // "pong" comes from the runtime, not the hall, so it can overtake the hall's answers and its close.
        for (let i = 0; i < 100 && !closed && (tooBig || !received.includes("pong") || errors().length < expected.length); i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        const end = closed as { code: number; reason: string } | null;
        const answers = `answers to ${JSON.stringify(frames.map((f) => (typeof f === "string" ? f.slice(0, 80) : `<${f.byteLength} bytes>`)))}`;
        if (end) {
          expect([1008, 1009], `closed with ${end.code} ${end.reason}`).toContain(end.code);
          if (tooBig) expect(end.code).toBe(1009);
          expect(errors(), answers).toEqual(expected);
        } else {
          expect(tooBig).toBe(false);
          expect(received).toContain("pong");
          for (const m of received.filter((x) => x !== "pong")) {
            const parsed = JSON.parse(m);
            expect(["snapshot", "error", "html"]).toContain(parsed.type);
          }
          expect(errors(), answers).toEqual(expected);
          ws.close(1000);
        }
        const key = end ? `closed ${end.code}` : "open";
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        expect(await fingerprint(hall)).toBe(before);
      }),
      { numRuns: runs(60), seed: SEED, endOnFailure: true },
    );
    console.log(JSON.stringify({ test: "fuzz.frames", seed: SEED, outcomes }));
  }, 60_000);
});
