import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops, withoutPort } from "./client-address.js";

/** A request as workerd hands it to the Worker self-hosted: the socket's peer in `cf.clientIp`. */
function selfHosted(peer: string, headers: Record<string, string> = {}): Request {
  const request = new Request("http://hall.example/api/pairing", { headers });
  Object.defineProperty(request, "cf", { value: { clientIp: peer } });
  return request;
}

describe("where a request comes from", () => {
  it("on Cloudflare it is CF-Connecting-IP, which Cloudflare sets", () => {
    expect(clientAddress(new Request("https://hall.example/", { headers: { "CF-Connecting-IP": "198.51.100.4" } }), {})).toBe("198.51.100.4");
    expect(clientAddress(new Request("https://hall.example/"), {})).toBe("unknown");
  });

  it("self-hosted each stranger is their own socket's peer, whatever CF-Connecting-IP or X-Forwarded-For they send", () => {
    const forged = { "CF-Connecting-IP": "10.9.9.9", "X-Forwarded-For": "10.8.8.8" };
    expect(clientAddress(selfHosted("203.0.113.7:51234", forged), {})).toBe("203.0.113.7");
    expect(clientAddress(selfHosted("203.0.113.8:40000", forged), {})).toBe("203.0.113.8");
    expect(clientAddress(selfHosted("[2001:db8::1]:51234", forged), {})).toBe("2001:db8::1");
  });

  it("behind a trusted proxy it is the entry the proxy appended, never what the client wrote before it", () => {
    const viaNginx = (xff: string) => selfHosted("127.0.0.1:60000", { "X-Forwarded-For": xff });
    expect(clientAddress(viaNginx("203.0.113.7"), { TONGBAN_TRUST_PROXY: "1" })).toBe("203.0.113.7");
    expect(clientAddress(viaNginx("10.0.0.1, 203.0.113.7"), { TONGBAN_TRUST_PROXY: "true" })).toBe("203.0.113.7");
    expect(clientAddress(viaNginx("203.0.113.7, 192.0.2.10"), { TONGBAN_TRUST_PROXY: "2" })).toBe("203.0.113.7");
    // Not trusted: the proxy's own address, so a forged header buys nothing.
    expect(clientAddress(viaNginx("203.0.113.7"), {})).toBe("127.0.0.1");
    // Trusted but missing (someone reached workerd directly): the peer.
    expect(clientAddress(selfHosted("192.0.2.55:1234"), { TONGBAN_TRUST_PROXY: "1" })).toBe("192.0.2.55");
  });

  it("reads the setting and the peer's forms", () => {
    expect([undefined, "", "0", "false", "no", "-1", "1.5"].map(trustedHops)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(["1", "true", "2", " 3 "].map(trustedHops)).toEqual([1, 1, 2, 3]);
    expect(withoutPort("[::1]:8787")).toBe("::1");
    expect(withoutPort("::1")).toBe("::1");
    expect(withoutPort("127.0.0.1")).toBe("127.0.0.1");
  });
});
