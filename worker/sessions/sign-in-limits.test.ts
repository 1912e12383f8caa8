import { describe, expect, it } from "vitest";
import { afterWrongTry, FORGET_MS, FREE_PER_BADGE, FULL_BUCKET, HOLD_FREE, holdFor, HOLD_MAX_MS, MAX_WAIT_MS, NO_STRIKES, placeKey, STRANGER_BURST, takeHash, waitLeft } from "./sign-in-limits.js";
import { Tarpit } from "./tarpit.js";
import { HeldPlaces, MAX_UNTOLD } from "./held-places.js";

const T = Date.parse("2031-03-04T09:00:00+08:00");

const wrongTries = (n: number, at = T) => Array.from({ length: n }).reduce<typeof NO_STRIKES>((s) => afterWrongTry(s, at), NO_STRIKES);

describe("sign-in limits", () => {
  it("three wrong tries of a badge are free; then the wait doubles, up to 15 minutes", () => {
    expect(waitLeft(wrongTries(2), FREE_PER_BADGE, T)).toBe(0);
    expect([3, 4, 5, 6].map((n) => waitLeft(wrongTries(n), FREE_PER_BADGE, T))).toEqual([1000, 2000, 4000, 8000]);
    expect(waitLeft(wrongTries(40), FREE_PER_BADGE, T)).toBe(MAX_WAIT_MS);
    expect(waitLeft(wrongTries(4), FREE_PER_BADGE, T + 1500)).toBe(500);
  });

  it("a day without a wrong try forgets them", () => {
    expect(waitLeft(wrongTries(30), FREE_PER_BADGE, T + FORGET_MS)).toBe(0);
    expect(afterWrongTry(wrongTries(30), T + FORGET_MS)).toEqual({ failures: 1, lastAt: T + FORGET_MS });
  });

  it("strangers spend a burst of hashes, then get four a second", () => {
    let bucket = FULL_BUCKET(T);
    for (let i = 0; i < STRANGER_BURST; i++) {
      const took = takeHash(bucket, T);
      expect(took.ok).toBe(true);
      bucket = took.bucket;
    }
    expect(takeHash(bucket, T)).toMatchObject({ ok: false, waitMs: 250 });
    expect(takeHash(bucket, T + 250).ok).toBe(true);
  });

  it("a place is a device by id, an IPv4 address, or an IPv6 client's /64", () => {
    expect(placeKey({ kind: "device", id: "a1b2c3d4e5f6", name: "2 号窗口终端" })).toBe("device:a1b2c3d4e5f6");
    expect(placeKey({ kind: "client", address: "203.0.113.9" })).toBe("client:203.0.113.9");
    expect(placeKey({ kind: "client", address: "2001:db8:0:1::5" })).toBe(placeKey({ kind: "client", address: "2001:0DB8:0:1:ffff::9" }));
    expect(placeKey({ kind: "client", address: "2001:db8:0:2::5" })).not.toBe(placeKey({ kind: "client", address: "2001:db8:0:1::5" }));
  });

  it("a place refused ten times since its last sign-in is answered at once; from the eleventh each refusal is held longer, up to 2 s", () => {
    expect(Array.from({ length: HOLD_FREE + 1 }, (_, i) => holdFor(i))).toEqual(Array(HOLD_FREE + 1).fill(0));
    expect([11, 12, 13, 14, 15, 100].map(holdFor)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(HOLD_MAX_MS).toBe(2000);
  });
});

describe("the tarpit", () => {
  /** A sleep the test ends by hand: the tarpit's timer without the machine's clock. */
  function handSleep() {
    const sleeping: Array<() => void> = [];
    return { sleep: () => new Promise<void>((resolve) => sleeping.push(resolve)), sleeping, wake: () => sleeping.splice(0).forEach((r) => r()) };
  }

  it("holds at most its bound at once; past it a refusal is answered at once, and a freed place is taken again", async () => {
    const hand = handSleep();
    const tarpit = new Tarpit(3, hand.sleep);
    const held = [tarpit.hold(2000), tarpit.hold(2000), tarpit.hold(2000)];
    expect(tarpit.held).toBe(3);
    expect(await tarpit.hold(2000)).toBe(0);
    expect(hand.sleeping).toHaveLength(3);
    hand.wake();
    expect(await Promise.all(held)).toEqual([2000, 2000, 2000]);
    expect(tarpit.held).toBe(0);
    const again = tarpit.hold(500);
    expect(tarpit.held).toBe(1);
    hand.wake();
    expect(await again).toBe(500);
  });

  it("holds nothing for a refusal earning no hold", async () => {
    const hand = handSleep();
    const tarpit = new Tarpit(3, hand.sleep);
    expect(await tarpit.hold(0)).toBe(0);
    expect(hand.sleeping).toHaveLength(0);
  });
});

describe("places held in the Worker", () => {
  it("refuses a place only while one of its refusals is held, and tells the hall each refused try once", () => {
    const places = new HeldPlaces<string>();
    expect(places.refuseHere("h|client:a")).toBeNull();
    places.begin("h|client:a", "wait 2 s");
    places.begin("h|client:a", "wait 4 s");
    expect(places.refuseHere("h|client:a")).toBe("wait 4 s");
    expect(places.refuseHere("h|client:b")).toBeNull();
    places.end("h|client:a");
    expect(places.refuseHere("h|client:a")).toBe("wait 4 s");
    places.end("h|client:a");
    expect(places.refuseHere("h|client:a")).toBeNull();
    expect(places.takeUntold("h|client:a")).toBe(2);
    expect(places.takeUntold("h|client:a")).toBe(0);
  });

  it("keeps untold counts for at most MAX_UNTOLD places: a spray of addresses loses counts, never memory", () => {
    const places = new HeldPlaces<string>();
    for (let i = 0; i <= MAX_UNTOLD; i++) {
      places.begin(`h|client:${i}`, "wait");
      places.refuseHere(`h|client:${i}`);
      places.end(`h|client:${i}`);
    }
    expect(places.takeUntold("h|client:0")).toBe(0);
    expect(places.takeUntold(`h|client:${MAX_UNTOLD}`)).toBe(1);
  });
});
