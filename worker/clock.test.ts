import { describe, expect, it } from "vitest";
import { clockOf, machineInstant } from "./clock.js";
import type { Env } from "./env.js";

const env = (vars: Partial<Env>) => vars as Env;

describe("the halls' clock", () => {
  it("is the machine's clock in production, whatever TONGBAN_CLOCK says", () => {
    const clock = clockOf(env({ TONGBAN_CLOCK: "2028-02-29T23:59:50+08:00" }));
    const before = Date.now();
    const read = clock();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it("starts at TONGBAN_CLOCK in development and runs at real speed from there", async () => {
    const start = Date.parse("2028-02-29T15:59:50Z");
    const clock = clockOf(env({ TONGBAN_MODE: "development", TONGBAN_CLOCK: "2028-02-29T23:59:50+08:00" }));
    const first = clock();
    expect(first - start).toBeGreaterThanOrEqual(0);
    expect(first - start).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 20));
    // workerd moves Date.now() only across I/O; a timer is I/O, so the clock has moved by then.
    expect(clock()).toBeGreaterThan(first);
  });

  it("refuses a TONGBAN_CLOCK that is not an instant, rather than run on the wrong day", () => {
    expect(() => clockOf(env({ TONGBAN_MODE: "development", TONGBAN_CLOCK: "tomorrow" }))()).toThrow(/TONGBAN_CLOCK "tomorrow"/);
  });

  it("sets alarms on the machine's clock for the instant the hall's clock reads", () => {
    const ahead = () => Date.now() + 3_600_000;
    const at = Date.parse("2028-03-01T00:00:01+08:00");
    const real = machineInstant(ahead, at);
    expect(Math.abs(at - 3_600_000 - real)).toBeLessThan(1000);
  });
});
