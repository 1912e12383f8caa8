/**
 * Receivers for the hall's webhooks inside the Workers pool. The hall objects run in the same
 * isolate as the tests (@cloudflare/vitest-plugin 1.x runs the main worker's Durable Objects
 * beside them), so stubbing the global `fetch` catches a hall's outbound deliveries: requests to
 * `http://receiver.test/<name>` reach the receiver named so; anything else goes out as before.
 * (The plugin's old `fetchMock` is gone in 1.x; its docs now point to MSW, which is not a
 * dependency here, and a stub of `fetch` needs nothing more.)
 */
import { vi } from "vitest";

export interface Hit {
  headers: Record<string, string>;
  body: string;
  json: any;
  /** What the receiver answered: a status, or "unreachable" when the connection failed. */
  answer: number | "unreachable";
  /** The machine's clock when it arrived, in ms: what a receiver checks the timestamp against. */
  receivedAt: number;
}

export interface Receiver {
  url: string;
  /** Every request that reached it, answered or not. */
  hits: Hit[];
  /** The requests it answered with 2xx, in arrival order. */
  received: Hit[];
  /** "up" answers 200; a number answers that status; "unreachable" fails the connection. */
  mode: "up" | number | "unreachable";
  /** With a 3xx mode, where it sends the caller (the Location header). */
  location?: string;
  /** Resolves once `n` deliveries were received (2xx), or throws after `ms`. */
  waitFor(n: number, ms?: number): Promise<Hit[]>;
}

const receivers = new Map<string, Receiver>();
const HOST = "http://receiver.test/";

export function installReceivers(): void {
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async function receive(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (!request.url.startsWith(HOST)) return original(input, init);
    const r = receivers.get(request.url.slice(HOST.length));
    const body = await request.text();
    const hit: Hit = { headers: Object.fromEntries(request.headers), body, json: JSON.parse(body), answer: "unreachable", receivedAt: Date.now() };
    if (!r || r.mode === "unreachable") {
      r?.hits.push(hit);
      throw new TypeError("Network connection lost.");
    }
    hit.answer = r.mode === "up" ? 200 : r.mode;
    r.hits.push(hit);
    if (hit.answer >= 200 && hit.answer < 300) r.received.push(hit);
    // As fetch does: a redirect is followed unless the caller asked for "manual" (or "error").
    if (hit.answer >= 300 && hit.answer < 400 && r.location) {
      if (request.redirect === "follow") return receive(r.location, { method: request.method, headers: request.headers, body });
      if (request.redirect === "error") throw new TypeError("redirect refused");
      return new Response(null, { status: hit.answer, headers: { Location: r.location } });
    }
    return new Response(hit.answer === 200 ? "ok" : "down", { status: hit.answer });
  });
}

export function receiver(name: string): Receiver {
  const r: Receiver = {
    url: `${HOST}${name}`,
    hits: [],
    received: [],
    mode: "up",
    async waitFor(n, ms = 3000) {
      const until = Date.now() + ms;
      while (r.received.length < n) {
        if (Date.now() > until) throw new Error(`${name}: ${r.received.length} of ${n} deliveries after ${ms} ms (${r.hits.length} tries)`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return r.received;
    },
  };
  receivers.set(name, r);
  return r;
}

/** How far a timestamp may be from the receiver's clock, as the README tells receivers to check. */
export const FRESH_FOR_SECONDS = 300;

/**
 * Checks a delivery as a receiver following the README would: HMAC-SHA256 of `timestamp.body`
 * under the secret, and a timestamp within 5 minutes of the receiver's clock when it arrived, so a
 * retry signed with the time it was first queued (hours before, after an outage) is refused.
 */
export async function signedBy(secret: string, hit: Hit): Promise<boolean> {
  const timestamp = hit.headers["x-tongban-timestamp"] ?? "";
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - hit.receivedAt / 1000) > FRESH_FOR_SECONDS) return false;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${hit.body}`)));
  const expected = `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  return hit.headers["x-tongban-signature"] === expected;
}
