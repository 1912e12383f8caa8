/**
 * Where a hall may send its webhooks. Any http(s) URL without credentials in it; in production
 * not a loopback, private, link-local, CGNAT, unique-local or otherwise non-public address
 * literal, nor a `localhost` name, so a manager's token cannot aim the hall at the machine or
 * network it runs in. The WHATWG URL parser has already turned `127.1`, `0x7f.0.0.1` and
 * `2130706433` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`, so only the
 * canonical forms need checking. A name that resolves to a private address cannot be caught here
 * (a Worker has no DNS lookup); Cloudflare's edge does not reach private networks anyway, and
 * redirects are never followed (worker/webhooks/hall-webhooks.object.ts), so a public name cannot bounce
 * the hall inside either.
 *
 * @example
 * webhookUrlProblem("https://sms.example.gov.cn/hook", true); // null
 * webhookUrlProblem("http://10.0.0.5/hook", true); // "10.0.0.5 is a private address …"
 */

export const MAX_URL_LENGTH = 2048;

/** Why `text` may not be a webhook's URL, or null when it may. `production` refuses non-public addresses. */
export function webhookUrlProblem(text: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not a URL: give an absolute http:// or https:// address";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https URLs are sent to, not ${url.protocol.replace(/:$/, "")}`;
  if (url.username !== "" || url.password !== "") {
    return "no user name or password in the URL: the signature (X-Tongban-Signature) proves the hall sent it; put a receiver's own key in the path or query if it needs one";
  }
  if (!production) return null;
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return `${host} is this machine: production halls only send to public addresses`;
  if (host.endsWith(".local") || host.endsWith(".internal")) return `${host} is a local network name: production halls only send to public addresses`;
  const why = host.startsWith("[") ? ipv6Problem(host.slice(1, -1)) : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? ipv4Problem(host) : null;
  return why ? `${host} is ${why}: production halls only send to public addresses` : null;
}

/** What kind of non-public IPv4 address this is, or null for a public one. */
export function ipv4Problem(address: string): string | null {
  const [a, b, c] = address.split(".").map(Number) as [number, number, number, number];
  if (a === 0) return "a \"this network\" address";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "a private address";
  if (a === 127) return "a loopback address";
  if (a === 169 && b === 254) return "a link-local address";
  if (a === 100 && b >= 64 && b <= 127) return "a carrier-grade NAT (CGNAT) address";
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return "a reserved address";
  if (a === 198 && (b === 18 || b === 19)) return "a benchmarking address";
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return "a documentation address";
  if (a >= 224) return "a multicast or reserved address";
  return null;
}

/** The eight 16-bit groups of a canonical IPv6 literal (without brackets). */
function groupsOf(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

/** What kind of non-public IPv6 address this is, or null for a public one. */
export function ipv6Problem(address: string): string | null {
  const g = groupsOf(address);
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const embedded = () => ipv4Problem(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  if (zeroUpTo(8)) return "the unspecified address";
  if (zeroUpTo(7) && g[7] === 1) return "a loopback address";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if ((zeroUpTo(5) && g[5] === 0xffff) || zeroUpTo(6) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    const v4 = embedded();
    return v4 ? `${v4} (inside IPv6)` : null;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) return "a local NAT64 address";
  if ((g[0]! & 0xfe00) === 0xfc00) return "a unique-local address";
  if ((g[0]! & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g[0]! & 0xffc0) === 0xfec0) return "a site-local address";
  if ((g[0]! & 0xff00) === 0xff00) return "a multicast address";
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "a documentation address";
  return null;
}
