/**
 * Rating the service (满意度评价): from a window evaluator (a counter device), a manager, or the
 * citizen's status page through its signed link; once per finished ticket, as a logged event.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, newHall, ORIGIN, type Role } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

async function ok(role: Role | null, method: string, path: string, body?: unknown) {
  const res = await call(role, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe("ratings", () => {
  async function finished(name: string) {
    const hall = await newHall(name);
    const { statusPath } = await ok("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic" });
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/call`, {});
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/finish`, {});
    return { hall, link: statusPath.slice(3) as string };
  }

  it("rates a finished ticket once: a second rating is 409", async () => {
    const { hall } = await finished("rating-once");
    const first = await call("counter", "POST", `/api/halls/${hall}/tickets/C001/rating`, { score: 4 });
    expect(first.status).toBe(201);
    expect(first.body.ticket).toMatchObject({ number: "C001", status: "done", rating: { score: 4 } });
    const second = await call("manager", "POST", `/api/halls/${hall}/tickets/C001/rating`, { score: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error).toContain("already rated");
    const feed = await runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
      state.storage.sql.exec("SELECT body FROM events WHERE type = 'ticket.rated'").toArray().map((r) => JSON.parse(String(r.body))),
    );
    expect(feed).toMatchObject([{ type: "ticket.rated", score: 4, ticket: { number: "C001", category: "traffic", window: "5", officer: null } }]);
  });

  it("refuses a ticket that is not done (409), an unknown one (404) and scores 0, 6 and 2.5 (400)", async () => {
    const { hall } = await finished("rating-refusals");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/C002/rating`, { score: 5 })).status).toBe(409);
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/C099/rating`, { score: 5 })).status).toBe(404);
    for (const score of [0, 6, 2.5, "5", null]) {
      const res = await call("counter", "POST", `/api/halls/${hall}/tickets/C001/rating`, { score });
      expect(res.status, String(score)).toBe(400);
      expect(res.body.details).toHaveProperty("score");
    }
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/C001/rating`, {})).status).toBe(400);
  });

  it("is not for displays or kiosks (403)", async () => {
    const { hall } = await finished("rating-roles");
    for (const role of ["display", "kiosk"] as const) {
      const res = await call(role, "POST", `/api/halls/${hall}/tickets/C001/rating`, { score: 5 });
      expect(res.status, role).toBe(403);
    }
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/C001/rating`, { score: 5 })).status).toBe(201);
  });

  it("takes the citizen's score through the signed status link, once, and nothing else through it", async () => {
    const { hall, link } = await finished("rating-citizen");
    const rated = await call(null, "POST", `/api/t/${link}/rating`, { score: 5 });
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual({ rating: { ticket: "C001", score: 5, at: expect.any(String) } });
    expect((await call(null, "POST", `/api/t/${link}/rating`, { score: 4 })).status).toBe(409);
    expect((await call(null, "POST", `/api/t/${link}/rating`, { score: 9 })).status).toBe(400);
    expect((await call(null, "POST", `/api/t/${link}/rating`, "{oops")).status).toBe(400);
    const forged = `${link.slice(0, -4)}AAAA`;
    expect((await call(null, "POST", `/api/t/${forged}/rating`, { score: 5 })).status).toBe(404);
    const audit = await ok("manager", "GET", `/api/halls/${hall}/audit`);
    expect(audit.entries[0]).toMatchObject({ action: "rate", role: "citizen", target: expect.stringContaining("ticket:") });
  });

  it("shows stars on the status page once the ticket is done, and thanks once it is rated", async () => {
    const hall = await newHall("rating-page");
    const { statusPath } = await ok("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic" });
    const page = async () => (await SELF.fetch(`${ORIGIN}${statusPath}`)).text();
    expect(await page()).not.toContain("data-rate");
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/call`, {});
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/finish`, {});
    const done = await page();
    expect(done.match(/data-rate="\d"/g)).toEqual(['data-rate="1"', 'data-rate="2"', 'data-rate="3"', 'data-rate="4"', 'data-rate="5"']);
    await ok(null, "POST", `/api/t/${statusPath.slice(3)}/rating`, { score: 4 });
    const thanked = await page();
    expect(thanked).not.toContain("data-rate=");
    expect(thanked).toContain("感谢您的评价");
  });
});
