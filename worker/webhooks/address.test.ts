import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "./address.js";

const refusedInProduction = [
  "http://127.0.0.1/hook",
  "http://127.1/hook",
  "http://0x7f.0.0.1/hook",
  "http://2130706433/hook",
  "http://0.0.0.0/hook",
  "http://10.0.0.5/hook",
  "http://172.16.0.1/hook",
  "http://172.31.255.255/hook",
  "http://192.168.0.1/hook",
  "http://169.254.169.254/latest/meta-data",
  "http://100.64.0.1/hook",
  "http://100.127.255.254/hook",
  "http://224.0.0.1/hook",
  "http://255.255.255.255/hook",
  "http://[::]/hook",
  "http://[::1]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://[::ffff:192.168.1.1]/hook",
  "http://[64:ff9b::10.0.0.1]/hook",
  "http://[fc00::1]/hook",
  "http://[fd12:3456:789a::1]/hook",
  "http://[fe80::1]/hook",
  "http://[febf::1]/hook",
  "http://[ff02::1]/hook",
  "http://localhost/hook",
  "http://LOCALHOST./hook",
  "http://api.localhost:8080/hook",
  "http://printer.local/hook",
  "http://metadata.google.internal/hook",
  // Issue 23 §3: each of these passed the filter before.
  "http://[::ffff:0:a00:1]/hook", // IPv4-translated 10.0.0.1
  "http://[2002:a00:1::1]/hook", // 6to4 around 10.0.0.1
  "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", // Teredo
  "http://[100::1]/hook", // discard-only
  "http://nas.lan/hook",
  "http://router.home.arpa/hook",
  "http://intranet/hook", // a single-label name only a local resolver answers
];

const publicAddresses = [
  "https://sms.example.gov.cn/tongban/near",
  "http://hooks.example.com:8080/in?key=abc",
  "http://8.8.8.8/hook",
  "http://172.32.0.1/hook",
  "http://100.128.0.1/hook",
  "http://192.169.0.1/hook",
  "http://[2400:3200::1]/hook",
  "http://[::ffff:8.8.8.8]/hook",
  "https://localhost.example.com/hook",
];

describe("where a webhook may send", () => {
  it("takes http and https only", () => {
    expect(webhookUrlProblem("ftp://hooks.example.com/", false)).toContain("only http and https");
    expect(webhookUrlProblem("javascript:alert(1)", false)).toContain("only http and https");
    expect(webhookUrlProblem("file:///etc/passwd", false)).toContain("only http and https");
    expect(webhookUrlProblem("hooks.example.com/in", false)).toContain("not a URL");
    expect(webhookUrlProblem("https://hooks.example.com/in", false)).toBeNull();
  });

  it("refuses a user name or password in the URL", () => {
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/", false)).toContain("no user name or password");
    expect(webhookUrlProblem("https://token@hooks.example.com/", false)).toContain("no user name or password");
    expect(webhookUrlProblem("https://:pw@hooks.example.com/", false)).toContain("no user name or password");
  });

  it.each(refusedInProduction)("in production refuses %s, and allows it in development", (url) => {
    expect(webhookUrlProblem(url, true)).toMatch(/only send to public addresses/);
    expect(webhookUrlProblem(url, false)).toBeNull();
  });

  it.each(publicAddresses)("in production allows %s", (url) => {
    expect(webhookUrlProblem(url, true)).toBeNull();
  });

  it("says what kind of address it refused", () => {
    expect(webhookUrlProblem("http://10.1.1.1/", true)).toContain("private");
    expect(webhookUrlProblem("http://127.0.0.1/", true)).toContain("loopback");
    expect(webhookUrlProblem("http://169.254.1.1/", true)).toContain("link-local");
    expect(webhookUrlProblem("http://100.64.1.1/", true)).toContain("CGNAT");
    expect(webhookUrlProblem("http://[fd00::1]/", true)).toContain("unique-local");
    expect(webhookUrlProblem("http://[::ffff:10.0.0.1]/", true)).toContain("private address (inside IPv6)");
  });

  it("with TONGBAN_WEBHOOK_ALLOW, sends exactly where it names, private addresses included", () => {
    const allow = "10.20.0.0/16, sms.gov.internal, *.hooks.gov.cn, [fd00:1::]/32, 192.168.7.9";
    for (const url of ["http://10.20.3.4/in", "http://sms.gov.internal/in", "https://a.hooks.gov.cn/in", "http://[fd00:1:2::5]/in", "http://192.168.7.9:8080/in"]) {
      expect(webhookUrlProblem(url, true, allow), url).toBeNull();
    }
    for (const url of ["http://10.21.0.1/in", "https://sms.example.gov.cn/in", "http://hooks.gov.cn.evil.com/in", "http://[fd00:2::1]/in", "http://192.168.7.10/in", "http://[::ffff:10.20.0.1]/in"]) {
      expect(webhookUrlProblem(url, true, allow), url).toMatch(/not among the allowed destinations \(TONGBAN_WEBHOOK_ALLOW\)/);
    }
    // Empty is unset: the public-only rule.
    expect(webhookUrlProblem("http://10.20.3.4/in", true, " ")).toMatch(/private address/);
  });
});
