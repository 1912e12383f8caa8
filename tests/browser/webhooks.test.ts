/**
 * Issue 16 end to end: a hall under `wrangler dev` sends its webhooks to a real HTTP receiver on
 * this machine (loopback is allowed in development only), signed as the README says, in order,
 * and retries on its own alarm — not one a test fires — after the receiver answers 500.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { api, baseUrl, demoLikeHall } from "./harness.js";

/** The receiver's check, as in the README: HMAC-SHA256 of `timestamp.body` under the secret. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers["x-tongban-timestamp"]);
  const given = Buffer.from(String(headers["x-tongban-signature"]));
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  status: number;
  at: number;
}

const hits: Hit[] = [];
let failures = 1; // the first delivery is answered 500, then the receiver is fine
const receiver = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    const status = failures-- > 0 ? 500 : 200;
    hits.push({ headers: req.headers, body, json: JSON.parse(body), status, at: Date.now() });
    res.writeHead(status).end(status === 200 ? "ok" : "busy");
  });
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms (${hits.length} requests)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("webhooks under wrangler dev", () => {
  it("POSTs signed deliveries in seq order to a real receiver and retries on the hall's alarm after a 500", async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    const hall = await demoLikeHall("hooks-e2e");
    const created = await api("manager", "POST", `/api/halls/${hall}/webhooks`, {
      url: `http://127.0.0.1:${port}/tongban`,
      events: ["ticket.issued", "ticket.called", "ticket.near"],
    });
    expect(created.status).toBe(201);
    const { secret, id } = created.body.webhook;
    expect((await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" })).status).toBe(201);
    expect((await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" })).status).toBe(201);
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/1/call`)).status).toBe(200);

    // 10 s after the 500 the alarm tries the head again; then the rest follow it.
    await until("five deliveries after one retry", () => hits.filter((h) => h.status === 200).length >= 5, 30_000);
    const [refused, retried] = hits;
    expect(refused!.status).toBe(500);
    expect(retried!.json.id).toBe(refused!.json.id);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(9_000);
    const delivered = hits.filter((h) => h.status === 200).map((h) => h.json);
    expect(delivered.map((d) => [d.type, d.data.ticket.number])).toEqual([
      ["ticket.issued", "A001"],
      ["ticket.near", "A001"],
      ["ticket.issued", "A002"],
      ["ticket.near", "A002"],
      ["ticket.called", "A001"],
    ]);
    for (const h of hits) expect(verify(secret, h.headers, h.body)).toBe(true);
    expect(verify("whsec_not-the-secret", hits[0]!.headers, hits[0]!.body)).toBe(false);

    const near = delivered[1]!;
    expect(near.data.statusUrl).toBe(`${baseUrl()}${near.data.statusPath}`);
    expect((await fetch(near.data.statusUrl)).status).toBe(200);
    const log = await api("manager", "GET", `/api/halls/${hall}/webhooks/${id}/deliveries`);
    expect(log.body.deliveries.at(-1)).toMatchObject({ state: "delivered", attempts: 2, lastStatus: 200 });
    expect(log.body.deliveries.at(-1).tries.map((t: { status: number }) => t.status)).toEqual([200, 500]);
  });
});
