/**
 * Strangers naming halls and regions that do not exist get a 404 and create nothing: no hall or
 * region object is left with a database (issue 23 §3).
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, newHall, ORIGIN } from "./helpers.js";

/** A valid 18-digit ID number (GB 11643 check digit). */
function idNumber(): string {
  const body = "11010519800101001";
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

/** The tables a hall's object holds, the runtime's own `_cf_` ones aside. */
async function tablesOf(hall: string): Promise<string[]> {
  return runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (_o, state: DurableObjectState) =>
    state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master")
      .toArray()
      .map((r) => r.name)
      .filter((n) => !n.startsWith("_cf_")),
  );
}

async function fetchAs(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { Origin: ORIGIN, ...headers }, redirect: "manual" };
  if (body !== undefined) {
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await SELF.fetch(`${ORIGIN}${path}`, init);
  return { status: res.status, type: res.headers.get("Content-Type") ?? "", text: await res.text() };
}

describe("a hall or region nobody configured", () => {
  it("answers every request without credentials with a 404 and keeps no tables", async () => {
    const halls = Array.from({ length: 20 }, (_, n) => `junk-${n}`);
    for (const hall of halls) {
      const signIn = await fetchAs("POST", `/api/halls/${hall}/sessions`, { badge: "M001", password: "not-the-password" });
      expect(signIn.status).toBe(404);
      expect(JSON.parse(signIn.text).error).toContain(hall);
    }
    const api: [string, string, unknown?][] = [
      ["GET", "/api/halls/junk-a/booking-slots?date=2031-03-04&category=household"],
      ["POST", "/api/halls/junk-a/bookings", { category: "household", date: "2031-03-04", from: "10:00", idNumber: idNumber(), mobile: "13812345678" }],
    ];
    for (const [method, path, body] of api) {
      const r = await fetchAs(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.type, path).toContain("application/json");
      expect(JSON.parse(r.text).error, path).toBeTruthy();
    }
    for (const path of ["/halls/junk-a/login", "/halls/junk-a/book", "/halls/junk-a/login?lang=en"]) {
      const page = await fetchAs("GET", path);
      expect(page.status, path).toBe(404);
      expect(page.type, path).toContain("text/html");
      expect(page.text, path).toContain("junk-a");
    }
    for (const hall of [...halls, "junk-a"]) expect(await tablesOf(hall), hall).toEqual([]);

    const list = await fetchAs("GET", "/api/regions/junk-r/halls");
    expect(list.status).toBe(404);
    expect(JSON.parse(list.text).error).toContain("junk-r");
    const page = await fetchAs("GET", "/regions/junk-r/halls");
    expect(page.status).toBe(404);
    expect(page.text).toContain("junk-r");
    // A region's object would make its tables on waking: it must not wake at all.
    const wakes = (await call(null, "GET", "/api/dev/wakes")).body as Record<string, unknown>;
    expect(Object.keys(wakes)).toContain("junk-a");
    expect(Object.keys(wakes)).not.toContain("region:junk-r");
  });

  it("is created by its configuration, as before", async () => {
    const hall = await newHall("born-here");
    expect(await tablesOf(hall)).toContain("events");
    expect((await call("display", "GET", `/api/halls/${hall}`)).status).toBe(200);
  });
});
