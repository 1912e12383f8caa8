/**
 * The document at /api/openapi.json, as an integrator meets it: every route of the Worker under
 * /api is in it with a stable operationId and a tag, and a client generated from it
 * (openapi-typescript → tests/generated/openapi.d.ts, openapi-fetch) drives a hall, typed.
 * `npm run lint:openapi` (in `npm test`) lints the same document and checks those types are current.
 */
import { SELF } from "cloudflare:test";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import pkg from "../package.json";
import { DOCUMENT_PATH, REFERENCE_PATH } from "../worker/edge/document.routes.js";
import { createApi } from "../worker/routes.js";
import worker from "../worker/index.js";
import type { components, paths } from "./generated/openapi.js";
import { newHall, ORIGIN } from "./helpers.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** Routes under /api that are the description, not the API it describes. */
const NOT_OPERATIONS = new Set([`GET ${DOCUMENT_PATH}`, `GET ${REFERENCE_PATH}`]);

let doc: any;
let operations: Array<{ key: string; op: any }>;

beforeAll(async () => {
  doc = await (await SELF.fetch(`${ORIGIN}${DOCUMENT_PATH}`)).json();
  operations = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );
});

describe("the OpenAPI document", () => {
  it("describes every route the Worker serves under /api", () => {
    const served = new Set(
      worker.routes
        .filter((r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path.startsWith("/media/")))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
        .filter((key) => !NOT_OPERATIONS.has(key)),
    );
    expect(served.size).toBeGreaterThan(50);
    expect([...served].filter((key) => !operations.some((o) => o.key === key)), "served but not in the document").toEqual([]);
    expect(operations.map((o) => o.key).filter((key) => !served.has(key)), "in the document but not served").toEqual([]);
  });

  it("gives every operation a unique camelCase operationId, a summary, its security and tags the document defines", () => {
    const defined = new Map<string, string>(doc.tags.map((t: { name: string; description: string }) => [t.name, t.description]));
    for (const [name, description] of defined) expect(description, `tag ${name}`).toMatch(/\S{3}/);
    const ids = new Map<string, string>();
    for (const { key, op } of operations) {
      expect(op.operationId, key).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(ids.get(op.operationId), `${op.operationId} is ${ids.get(op.operationId)} and ${key}`).toBeUndefined();
      ids.set(op.operationId, key);
      expect(op.tags?.length, key).toBeGreaterThan(0);
      for (const tag of op.tags) expect(defined.has(tag), `${key}: tag ${tag} is not in the document's tags`).toBe(true);
      expect(op.summary, key).toMatch(/\S/);
      expect(Array.isArray(op.security), `${key}: say who may call it ([] for anyone)`).toBe(true);
    }
    expect([...defined.keys()].filter((tag) => !operations.some((o) => o.op.tags.includes(tag))), "tags no operation uses").toEqual([]);
  });

  it("documents every refusal as { error, code, details } JSON", () => {
    for (const { key, op } of operations) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.["application/json"]?.schema, `${key} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("names its licence, its servers and what it is", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.license).toEqual({ name: pkg.license, identifier: pkg.license });
    expect(doc.info.description.length).toBeGreaterThan(200);
    expect(doc.servers.length).toBeGreaterThan(0);
  });

  it("is the document scripts/openapi.ts lints and types: no route is added outside createApi", async () => {
    const dumped = await (await createApi().request(DOCUMENT_PATH)).json();
    expect(doc).toEqual(dumped);
  });

  it("serves WebSocket feeds as 101 and the CSV exports as text/csv", () => {
    for (const { key, op } of operations.filter((o) => o.key.endsWith("/live"))) expect(Object.keys(op.responses), key).toContain("101");
    for (const { key, op } of operations.filter((o) => o.key.endsWith(".csv"))) expect(Object.keys(op.responses[200].content), key).toEqual(["text/csv"]);
  });
});

/**
 * The JSON Schema the document gives one operation's reply, as a validator (zod's
 * fromJSONSchema): a reply that breaks it means the document says something the Worker does not.
 */
function documented(operationId: string, status: number) {
  const op = operations.find((o) => o.op.operationId === operationId)!.op;
  const schema = op.responses[status].content["application/json"].schema;
  const local = JSON.parse(JSON.stringify({ ...schema, $defs: doc.components.schemas }).replaceAll("#/components/schemas/", "#/$defs/"));
  return z.fromJSONSchema(local);
}

function expectDocumented(operationId: string, status: number, body: unknown) {
  const check = documented(operationId, status).safeParse(body);
  expect(check.success, `${operationId} ${status}: ${check.error?.message}`).toBe(true);
}

describe("a client generated from the document", () => {
  const as = (role: string) =>
    createClient<paths>({ baseUrl: ORIGIN, fetch: (request) => SELF.fetch(request), headers: { Authorization: `Bearer dev-${role}` } });

  it("issues a ticket, calls it to a window and reads the hall, typed", async () => {
    const hall = await newHall("openapi-client");
    const kiosk = as("kiosk");
    const counter = as("counter");
    const display = as("display");

    const issued = await kiosk.POST("/api/halls/{hall}/tickets", { params: { path: { hall } }, body: { category: "household", commandId: "press-1" } });
    expect(issued.response.status).toBe(201);
    expectTypeOf(issued.data!.ticket.number).toEqualTypeOf<string>();
    expect(issued.data!.ticket).toMatchObject({ number: "A001", status: "waiting" });
    expectDocumented("issueTicket", 201, issued.data);

    const called = await counter.POST("/api/halls/{hall}/windows/{window}/call", { params: { path: { hall, window: "1" } } });
    expect(called.response.status).toBe(200);
    expectTypeOf(called.data!.ticket).toEqualTypeOf<components["schemas"]["Ticket"] | null>();
    expect(called.data!.ticket).toMatchObject({ number: "A001", status: "called", window: "1" });
    expectDocumented("callNext", 200, called.data);
    const nobody = await counter.POST("/api/halls/{hall}/windows/{window}/call", { params: { path: { hall, window: "2" } } });
    expect(nobody.data).toMatchObject({ ticket: null });
    expectDocumented("callNext", 200, nobody.data);
    expect(documented("callNext", 200).safeParse({ ticket: { ...called.data!.ticket, number: 23 } }).success, "the check has teeth").toBe(false);

    const now = await display.GET("/api/halls/{hall}", { params: { path: { hall } } });
    expect(now.response.status).toBe(200);
    const window1 = now.data!.windows.find((w) => w.id === "1");
    expectTypeOf(window1!.current).toEqualTypeOf<components["schemas"]["Ticket"] | null>();
    expect(window1!.current?.number).toBe("A001");
    expect(now.data!.seq).toBeGreaterThanOrEqual(2);
    expectDocumented("getHallSnapshot", 200, now.data);

    // Refusals are typed too: a display may not call.
    const refused = await display.POST("/api/halls/{hall}/windows/{window}/call", { params: { path: { hall, window: "1" } } });
    expect(refused.response.status).toBe(403);
    expectTypeOf(refused.error!.code).toEqualTypeOf<components["schemas"]["Error"]["code"]>();
    expect(refused.error).toMatchObject({ code: "forbidden" });
    expectDocumented("callNext", 403, refused.error);

    // The document's schemas reach the compiler: a wrong body does not type-check.
    // @ts-expect-error category is a string
    const wrong = await kiosk.POST("/api/halls/{hall}/tickets", { params: { path: { hall } }, body: { category: 5 } });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error?.details).toHaveProperty("category");
  });
});
