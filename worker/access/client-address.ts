/**
 * Where a request comes from, as one address: the place sign-in limits, pairing codes and
 * citizens' bookings are counted by. Never a credential, only a key for counting.
 *
 * - On Cloudflare: `CF-Connecting-IP`, which Cloudflare sets and a client cannot.
 * - Self-hosted under workerd: there is no Cloudflare in front, and a client may send any
 *   `CF-Connecting-IP` it likes, so it is ignored. workerd gives the socket's peer as
 *   `request.cf.clientIp` ("203.0.113.7:51234", "[2001:db8::1]:51234"; a front worker passes
 *   it on with the request). Behind a reverse proxy that peer is the proxy, so with
 *   `TONGBAN_TRUST_PROXY` set to the number of proxies (nginx alone: 1) the address is read that
 *   many entries from the right of `X-Forwarded-For`, the entries those proxies appended; what
 *   a client wrote further left is never believed.
 *
 * @example
 * clientAddress(request, {}) // "203.0.113.7"
 */
import type { Env } from "../env.js";

/** Long enough for any IPv6 text form; a longer header is a made-up one. */
const MAX_ADDRESS = 64;

/** How many proxies in front of workerd to believe: "1"/"true" one, a number that many, else none. */
export function trustedHops(setting: string | undefined): number {
  const text = (setting ?? "").trim().toLowerCase();
  if (text === "true" || text === "yes") return 1;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/** "203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:51234" → "2001:db8::1". */
export function withoutPort(peer: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(peer);
  if (bracketed) return bracketed[1]!;
  const v4 = /^([^:]+):\d+$/.exec(peer);
  return v4 ? v4[1]! : peer;
}

export function clientAddress(request: Request, env: Pick<Env, "TONGBAN_TRUST_PROXY">): string {
  const peer = (request as { cf?: { clientIp?: unknown } }).cf?.clientIp;
  if (typeof peer === "string" && peer !== "") {
    const hops = trustedHops(env.TONGBAN_TRUST_PROXY);
    if (hops > 0) {
      const chain = (request.headers.get("X-Forwarded-For") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const forwarded = chain[chain.length - hops];
      if (forwarded) return withoutPort(forwarded).slice(0, MAX_ADDRESS);
    }
    return withoutPort(peer).slice(0, MAX_ADDRESS);
  }
  return (request.headers.get("CF-Connecting-IP") ?? "unknown").slice(0, MAX_ADDRESS);
}
