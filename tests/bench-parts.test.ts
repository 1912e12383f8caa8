/**
 * bench:year plays its first day in parts, timing real requests in between (issue 22 §4): a day
 * played as tickets 1–40 then 41–80 must be the same day as 1–80 in one go — the same commands,
 * every one answered, the windows' serving carried over from one part to the next.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.js";

const OPEN = Date.parse("2031-11-24T08:30:00+08:00");
const day = { op: "day", day: 0, open: OPEN, everyMs: 60_000, tickets: 80, midnight: null };

async function bench(hall: string, body: Record<string, unknown>) {
  const res = await call("admin", "POST", `/api/dev/bench/${hall}`, body);
  expect(res.status).toBe(200);
  return res.body.body;
}

describe("a bench day played in parts", () => {
  it("plays the same commands as the day in one go, every one answered", async () => {
    await bench("bench-whole", { op: "configure", at: OPEN - 3600_000 });
    const whole = await bench("bench-whole", day);
    await bench("bench-parts", { op: "configure", at: OPEN - 3600_000 });
    const first = await bench("bench-parts", { ...day, to: 40 });
    const second = await bench("bench-parts", { ...day, from: 41 });
    expect(first.commands).toBeLessThan(whole.commands);
    expect(first.commands + second.commands).toBe(whole.commands);
    const refused = (s: Record<string, number>) => Object.entries(s).filter(([status]) => Number(status) >= 400).length;
    expect(refused(first.statuses) + refused(second.statuses)).toBe(0);
    const sum = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
    expect(sum(first.statuses, second.statuses)).toEqual(whole.statuses);
  });
});
