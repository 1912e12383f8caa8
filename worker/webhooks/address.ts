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
 *
 * A hall inside a government network (self-hosted) sends to servers that are private by nature:
 * there the deployment names them in `TONGBAN_WEBHOOK_ALLOW` (host names, `*.suffix`, IP
 * addresses and CIDR ranges, comma-separated), and then only those destinations are allowed,
 * private or not.
 *
 * @example
 * webhookUrlProblem("https://sms.example.gov.cn/hook", true); // null
 * webhookUrlProblem("http://10.0.0.5/hook", true); // "10.0.0.5 is a private address …"
 * webhookUrlProblem("http://10.20.0.5/hook", true, "10.20.0.0/16, sms.gov.internal"); // null
 */

export const MAX_URL_LENGTH = 2048;

/**
 * Why `text` may not be a webhook's URL, or null when it may. `production` refuses non-public
 * addresses; `allow` (TONGBAN_WEBHOOK_ALLOW), when set, allows exactly the destinations it names.
 */
export function webhookUrlProblem(text: string, production: boolean, allow?: string): string | null {
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
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  const allowed = allowList(allow);
  if (allowed) {
    return allowed.some((rule) => rule(host)) ? null : `${host} is not among the allowed destinations (TONGBAN_WEBHOOK_ALLOW): ${allow!.trim()}`;
  }
  if (!production) return null;
  if (host === "localhost" || host.endsWith(".localhost")) return `${host} is this machine: production halls only send to public addresses`;
  if (LOCAL_NAMES.some((suffix) => host === suffix.slice(1) || host.endsWith(suffix))) {
    return `${host} is a local network name: production halls only send to public addresses`;
  }
  if (!host.startsWith("[") && !host.includes(".")) return `${host} is a single-label (local network) name: production halls only send to public addresses`;
  const why = host.startsWith("[") ? ipv6Problem(host.slice(1, -1)) : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? ipv4Problem(host) : null;
  return why ? `${host} is ${why}: production halls only send to public addresses` : null;
}

/**
 * Names only a local network resolves: mDNS, the home/office names RFC 8375 and routers hand
 * out, and the internal-use suffixes (ICANN's `.internal`, the de-facto `.lan`, `.corp`, `.intranet`).
 */
const LOCAL_NAMES = [".local", ".internal", ".lan", ".home.arpa", ".home", ".localdomain", ".corp", ".intranet", ".private"];

type Rule = (host: string) => boolean;

/** TONGBAN_WEBHOOK_ALLOW as rules, or null when it is unset or empty. */
function allowList(setting: string | undefined): Rule[] | null {
  const entries = (setting ?? "").split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (entries.length === 0) return null;
  return entries.map((entry): Rule => {
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    const address = (cidr ? cidr[1]! : entry).replace(/^\[|\]$/g, "");
    const bits = addressBits(address);
    if (bits) {
      const prefix = cidr ? Number(cidr[2]) : bits.length;
      return (host) => {
        const target = addressBits(host.replace(/^\[|\]$/g, ""));
        return target !== null && target.length === bits.length && target.slice(0, prefix) === bits.slice(0, prefix);
      };
    }
    if (entry.startsWith("*.")) return (host) => host.endsWith(entry.slice(1));
    return (host) => host === entry;
  });
}

/** An IPv4 or IPv6 literal as a string of 32 or 128 bits, or null for a name. */
function addressBits(address: string): string | null {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) {
    const parts = address.split(".").map(Number);
    return parts.every((p) => p <= 255) ? parts.map((p) => p.toString(2).padStart(8, "0")).join("") : null;
  }
  if (!/^[0-9a-f:.]+$/.test(address) || !address.includes(":")) return null;
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groups = groupsOf(text);
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g) || g > 0xffff)) return null;
  return groups.map((g) => g.toString(2).padStart(16, "0")).join("");
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
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d)
  // and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  const mapped = zeroUpTo(5) && g[5] === 0xffff;
  const translated = zeroUpTo(4) && g[4] === 0xffff && g[5] === 0;
  if (mapped || translated || zeroUpTo(6) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    const v4 = embedded();
    return v4 ? `${v4} (inside IPv6)` : null;
  }
  // Tunnels whose far end is an IPv4 address the hall cannot see: 6to4 (2002::/16, RFC 7526
  // deprecates it) and Teredo (2001::/32); and 100::/64, which is discarded (RFC 6666).
  if (g[0] === 0x2002) return "a 6to4 tunnel address";
  if (g[0] === 0x2001 && g[1] === 0) return "a Teredo tunnel address";
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return "a discard-only address";
  if (g[0] === 0x2001 && g[1] === 2 && g[2] === 0) return "a benchmarking address";
  if (g[0] === 0x64 && g[1] === 0xff9b) return "a local NAT64 address";
  if ((g[0]! & 0xfe00) === 0xfc00) return "a unique-local address";
  if ((g[0]! & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g[0]! & 0xffc0) === 0xfec0) return "a site-local address";
  if ((g[0]! & 0xff00) === 0xff00) return "a multicast address";
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "a documentation address";
  return null;
}
