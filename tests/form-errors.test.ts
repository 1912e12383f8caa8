/**
 * A refused form names each wrong field with the kind of rule it broke and the bound, so a
 * console can say it in the page's language (display/browser/formErrors.js): every route's
 * validation, walked from /api/openapi.json, and the cases a manager meets.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, newHall, ORIGIN } from "./helpers.js";

type Schema = Record<string, any>;
const PROBLEMS = ["required", "invalid_type", "too_small", "too_big", "invalid_format", "invalid_value", "unknown_field", "invalid"];

let hall: string;
let doc: Schema;

beforeAll(async () => {
  hall = await newHall("form-errors");
  doc = await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json();
});

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[String(schema.$ref).split("/").pop()!]);
  return schema;
}

/** Every problem a refusal lists is well formed: a field, a known kind, and a bound where one applies. */
function expectWellFormed(body: any, where: string) {
  expect(Array.isArray(body.fields), `${where}: ${JSON.stringify(body)}`).toBe(true);
  expect(body.fields.length, where).toBeGreaterThan(0);
  for (const p of body.fields) {
    expect(typeof p.field, where).toBe("string");
    expect(p.field.length, where).toBeGreaterThan(0);
    expect(PROBLEMS, where).toContain(p.problem);
    if (p.problem === "too_small") expect(typeof p.minimum, `${where}: ${JSON.stringify(p)}`).toBe("number");
    if (p.problem === "too_big") expect(typeof p.maximum, `${where}: ${JSON.stringify(p)}`).toBe("number");
    if (p.problem === "too_small" || p.problem === "too_big") expect(typeof p.of, where).toBe("string");
    if (p.problem === "invalid_type") expect(typeof p.expected, where).toBe("string");
  }
  // details still names the same fields, in English, for programs that read it.
  for (const p of body.fields) if (p.problem !== "unknown_field") expect(Object.keys(body.details), where).toContain(p.field);
}

const REAL: Record<string, string> = { window: "5", ticket: "A001", staff: "nobody", code: "123456", id: "x", region: "x" };

describe("every route's refused validation names the field and the rule it broke", () => {
  it("walks each JSON body in the API document: a bound broken is said with its bound", async () => {
    let checked = 0;
    for (const [path, ops] of Object.entries<Schema>(doc.paths)) {
      for (const [method, op] of Object.entries<Schema>(ops)) {
        const schema = resolve(op.requestBody?.content?.["application/json"]?.schema);
        if (!schema.properties) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "hall" ? hall : (REAL[name] ?? "x")));
        for (const [name, raw] of Object.entries<Schema>(schema.properties)) {
          const prop = resolve(raw);
          const cases: Array<[unknown, string, number]> = [];
          if (prop.type === "string" && prop.maxLength !== undefined) cases.push(["x".repeat(prop.maxLength + 1), "too_big", prop.maxLength]);
          if (prop.type === "string" && prop.minLength > 1) cases.push(["x".repeat(prop.minLength - 1), "too_small", prop.minLength]);
          if ((prop.type === "integer" || prop.type === "number") && prop.minimum !== undefined) cases.push([prop.minimum - 1, "too_small", prop.minimum]);
          if ((prop.type === "integer" || prop.type === "number") && prop.maximum !== undefined) cases.push([prop.maximum + 1, "too_big", prop.maximum]);
          for (const [value, problem, bound] of cases) {
            const where = `${method.toUpperCase()} ${path} ${name}=${JSON.stringify(value).slice(0, 20)}`;
            const res = await call("admin", method.toUpperCase(), url, { [name]: value });
            // A path that names nothing real answers 404, or 400 for the path, before the body.
            if (res.status !== 400 || res.body.error.startsWith("invalid request path")) continue;
            expectWellFormed(res.body, where);
            const mine = res.body.fields.find((p: any) => p.field === name);
            expect(mine, `${where}: ${JSON.stringify(res.body.fields)}`).toMatchObject({ problem, [problem === "too_small" ? "minimum" : "maximum"]: bound });
            checked++;
          }
        }
        if (method === "get" || method === "delete") continue;
        const empty = await call("admin", method.toUpperCase(), url, { [`notAField${checked}`]: 1 });
        if (empty.status === 400 && empty.body.code === "invalid" && empty.body.details["(body)"] === undefined) {
          expectWellFormed(empty.body, `${method.toUpperCase()} ${path} with an unknown field`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  }, 120_000);

  it("a missing field is `required`; a wrong type names the type wanted; a query too", async () => {
    const missing = await call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice" });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([{ field: "text", problem: "required", expected: "object" }]);
    const nulled = await call("manager", "PATCH", `/api/halls/${hall}`, { alarmMinutes: null });
    expect(nulled.body.fields).toEqual([expect.objectContaining({ field: "alarmMinutes", problem: "required" })]);
    const typed = await call("manager", "PATCH", `/api/halls/${hall}`, { alarmMinutes: "ten" });
    expect(typed.body.fields).toEqual([expect.objectContaining({ field: "alarmMinutes", problem: "invalid_type", expected: "number" })]);
    const query = await call("manager", "GET", `/api/halls/${hall}/audit?limit=0`);
    expect(query.status).toBe(400);
    expectWellFormed(query.body, "audit?limit=0");
  });
});

describe("the cases a manager meets", () => {
  it("an empty notice: its text is required (blank text is under one character)", async () => {
    const blank = await call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice", text: { "zh-Hans": "   " } });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toEqual([{ field: "text.zh-Hans", problem: "too_small", of: "string", minimum: 1 }]);
  });

  it("a short password: too_small with the minimum length", async () => {
    const res = await call("manager", "PUT", `/api/halls/${hall}/staff/s1`, { name: "王芳", badge: "S1", password: "short" });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: "password", problem: "too_small", of: "string", minimum: 8 }]);
  });

  it("an out-of-range number: too_big with the maximum; unknown fields are named", async () => {
    const res = await call("manager", "PATCH", `/api/halls/${hall}`, { alarmMinutes: 241, nonsense: true });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        { field: "alarmMinutes", problem: "too_big", of: "number", maximum: 240 },
        { field: "nonsense", problem: "unknown_field" },
      ]),
    );
  });

  it("a duplicate badge: 409 naming the badge", async () => {
    expect((await call("manager", "PUT", `/api/halls/${hall}/staff/w1`, { name: "王芳", badge: "W1" })).status).toBe(201);
    const twin = await call("manager", "PUT", `/api/halls/${hall}/staff/w2`, { name: "李明", badge: "W1" });
    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({ code: "conflict", details: { badge: "W1" } });
    expect(twin.body.fields).toBeUndefined();
  });

  // The hall's own rules, checked after the shape (the core), name the rule so a console says it
  // in its own words rather than a general 这一项不对 (formErrors.js).
  it("a rule of the hall's: a day gone by, a transfer to nowhere, booking days past the appointment days", async () => {
    const past = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic", day: "2001-01-01" });
    expect(past.status).toBe(400);
    expect(past.body.fields).toEqual([{ field: "day", problem: "invalid", rule: "past" }]);
    const ticket = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    const nowhere = await call("counter", "POST", `/api/halls/${hall}/tickets/${ticket.body.ticket.id}/transfer`, {});
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.fields).toEqual([{ field: "category", problem: "invalid", rule: "either" }]);
    const beyond = await call("manager", "PATCH", `/api/halls/${hall}`, { appointmentDays: 5, booking: { days: 10 } });
    expect(beyond.status).toBe(400);
    expect(beyond.body.fields).toEqual([{ field: "booking.days", problem: "invalid", rule: "beyond", maximum: 5 }]);
    for (const body of [past.body, nowhere.body, beyond.body]) expect(Object.keys(body.details)).toEqual(body.fields.map((f: { field: string }) => f.field));
  });
});
