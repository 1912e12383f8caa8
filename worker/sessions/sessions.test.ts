import { describe, expect, it } from "vitest";
import { afterRightPassword, afterWrongPassword, lockout, newSession, safeNext, SESSION_MS, standing, waitWords, type Attempts } from "./sessions.js";

const at = Date.parse("2027-03-15T02:00:00Z");

describe("the lock after wrong passwords", () => {
  it("locks on the fifth wrong password in a row, for five minutes", () => {
    let attempts: Attempts = { failures: 0, lockedUntil: 0 };
    for (let i = 0; i < 4; i++) {
      attempts = afterWrongPassword(attempts, at);
      expect(lockout(attempts, at).locked).toBe(false);
    }
    attempts = afterWrongPassword(attempts, at);
    expect(lockout(attempts, at)).toEqual({ locked: true, until: at + 300_000, retryAfterSeconds: 300 });
    expect(lockout(attempts, at + 299_001)).toMatchObject({ locked: true, retryAfterSeconds: 1 });
    expect(lockout(attempts, at + 300_000)).toEqual({ locked: false });
  });

  it("a right password starts the count again", () => {
    const four = [1, 2, 3, 4].reduce<Attempts>((a) => afterWrongPassword(a, at), { failures: 0, lockedUntil: 0 });
    const again = afterWrongPassword(afterRightPassword(), at);
    expect(four.failures).toBe(4);
    expect(lockout(again, at).locked).toBe(false);
  });

  it("says the time left as a person reads it", () => {
    expect(waitWords(300)).toEqual({ zh: "5 分钟", en: "5 min" });
    expect(waitWords(61)).toEqual({ zh: "2 分钟", en: "2 min" });
    expect(waitWords(40)).toEqual({ zh: "40 秒", en: "40 s" });
  });
});

describe("a session", () => {
  it("lasts 12 hours from sign-in, and not after it is revoked", () => {
    const s = newSession(at);
    expect(standing(s, at + SESSION_MS - 1)).toBe("active");
    expect(standing(s, at + SESSION_MS)).toBe("expired");
    expect(standing({ ...s, revokedAt: at + 1 }, at + 2)).toBe("revoked");
  });
});

describe("where a sign-in may go on to", () => {
  it("only a path of the same hall on this site", () => {
    expect(safeNext("demo", "/halls/demo/counter/3")).toBe("/halls/demo/counter/3");
    for (const next of ["//evil.example/halls/demo/", "https://evil.example/", "/halls/other/manage", "/halls/demo/login?next=x", "/halls/demo/\\evil", "/halls/demo/../other/manage", "/halls/demo/%2e%2e/x", null]) {
      expect(safeNext("demo", next), String(next)).toBeNull();
    }
  });
});
