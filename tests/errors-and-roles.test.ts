import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../worker/index.js";
import { call, issue, newHall, snapshot } from "./helpers.js";

describe("bad input is a clear 4xx that changes nothing", () => {
  it("400 names the bad field", async () => {
    const hall = await newHall("bad-field");
    const res = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", priority: "vip" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid");
    expect(Object.keys(res.body.details)).toEqual(["priority"]);
    expect(res.body.error).toContain("priority");
  });

  it("400 for malformed JSON, a JSON array, or a body without a JSON content type", async () => {
    const hall = await newHall("bad-json");
    const path = `/api/halls/${hall}/tickets`;
    expect((await call("kiosk", "POST", path, "{category:")).status).toBe(400);
    expect((await call("kiosk", "POST", path, "[1,2]")).status).toBe(400);
    const plain = await call("kiosk", "POST", path, JSON.stringify({ category: "household" }), { "Content-Type": "text/plain" });
    expect(plain.status).toBe(400);
    expect(plain.body.error).toContain("application/json");
  });

  it("400 for unknown fields and bad path parameters", async () => {
    const hall = await newHall("bad-extra");
    const extra = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", priorty: "elderly" });
    expect(extra.status).toBe(400);
    expect(extra.body.error).toContain("priorty");
    const badHall = await call("display", "GET", "/api/halls/Not%20A%20Hall");
    expect(badHall.status).toBe(400);
    expect(badHall.body.details.hall).toBeTruthy();
  });

  it("401 without a token or with an unknown one", async () => {
    const hall = await newHall("no-token");
    const none = await call(null, "GET", `/api/halls/${hall}`);
    expect(none.status).toBe(401);
    const wrong = await call(null, "GET", `/api/halls/${hall}`, undefined, { Authorization: "Bearer guess" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBeTruthy();
  });

  it("403 when a role may not act: a display or kiosk can never call, move or configure", async () => {
    const hall = await newHall("roles");
    await issue(hall, "household");
    const attempts: Array<[any, string, string, unknown]> = [
      ["display", "POST", `/api/halls/${hall}/windows/1/call`, {}],
      ["kiosk", "POST", `/api/halls/${hall}/windows/1/call`, {}],
      ["display", "POST", `/api/halls/${hall}/tickets`, { category: "household" }],
      ["kiosk", "POST", `/api/halls/${hall}/tickets/A001/transfer`, { category: "traffic" }],
      ["counter", "PATCH", `/api/halls/${hall}/windows/1`, { state: "closed" }],
      ["manager", "PUT", `/api/halls/${hall}`, { name: "x", categories: [], windows: [] }],
      ["kiosk", "POST", `/api/halls/${hall}/reset`, {}],
    ];
    const seq = (await snapshot(hall)).seq;
    for (const [role, method, path, body] of attempts) {
      const res = await call(role, method, path, body);
      expect(res.status, `${role} ${method} ${path}`).toBe(403);
      expect(res.body.details.role).toBe(role);
    }
    expect((await snapshot(hall)).seq).toBe(seq);
  });

  it("404 for an unknown window, ticket or category", async () => {
    const hall = await newHall("unknowns");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/99/call`)).status).toBe(404);
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/A999/cancel`)).status).toBe(404);
    const cat = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "passports" });
    expect(cat.status).toBe(404);
    expect(cat.body.details.category).toBe("passports");
    expect((await call("counter", "POST", `/api/halls/${hall}/nothing-here`)).status).toBe(404);
  });

  it("409 when a rule says no, and nothing changes", async () => {
    const hall = await newHall("rules");
    // The two-press rule: a window holding a ticket calls nobody else.
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { callNextFinishes: false })).status).toBe(200);
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const seq = (await snapshot(hall)).seq;
    const second = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(second.status).toBe(409);
    expect(second.body.error).toContain("still has C001");
    const finishElsewhere = await call("counter", "POST", `/api/halls/${hall}/windows/4/finish`);
    expect(finishElsewhere.status).toBe(409);
    const close = await call("manager", "PATCH", `/api/halls/${hall}/windows/5`, { state: "closed" });
    expect(close.status).toBe(409);
    expect((await snapshot(hall)).seq).toBe(seq);
  });

  it("413 for a body over 16 KB", async () => {
    const hall = await newHall("too-big");
    const res = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", pad: "x".repeat(17 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("too_large");
  });
});

describe("tokens in production", () => {
  const request = (vars: Record<string, string | undefined>) =>
    worker.request("/api/halls/demo", { headers: { Authorization: "Bearer dev-admin" } }, { HALL: env.HALL, ...vars });

  it("refuses to serve without real tokens", async () => {
    const res = await request({ TONGBAN_MODE: undefined });
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).error).toContain("TONGBAN_TOKENS");
  });

  it("refuses to serve when a dev- token is configured", async () => {
    const res = await request({ TONGBAN_TOKENS: JSON.stringify({ "dev-admin": "admin" }) });
    expect(res.status).toBe(503);
  });

  it("serves with real tokens, and refuses the dev tokens", async () => {
    const tokens = JSON.stringify({ "k3Jq9-real-display-token-0001": { role: "display", halls: ["demo"] } });
    const dev = await request({ TONGBAN_TOKENS: tokens });
    expect(dev.status).toBe(401);
    const real = await worker.request(
      "/api/halls/elsewhere",
      { headers: { Authorization: "Bearer k3Jq9-real-display-token-0001" } },
      { HALL: env.HALL, TONGBAN_TOKENS: tokens },
    );
    expect(real.status).toBe(403);
  });
});
