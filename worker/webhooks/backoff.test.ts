import { describe, expect, it } from "vitest";
import { expired, RETRY_FOR_MS, retryAt } from "./backoff.js";

const H = 3600_000;

/** Every try of a delivery whose receiver never answers, from its queueing at 0. */
function triesUntilGivenUp(): number[] {
  const tries = [0];
  for (let failures = 1; ; failures++) {
    const next = retryAt(0, failures, tries.at(-1)!);
    if (next === null) return tries;
    tries.push(next);
  }
}

describe("the retry schedule", () => {
  it("tries again soon at first, then further apart", () => {
    const tries = triesUntilGivenUp();
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
    expect(gaps[0]).toBe(10_000);
    expect(gaps[1]).toBe(30_000);
    for (let i = 1; i < gaps.length - 1; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4 * H);
  });

  it("keeps trying for 24 hours, the last try on the 24-hour mark, then gives up", () => {
    const tries = triesUntilGivenUp();
    expect(tries.at(-1)).toBe(RETRY_FOR_MS);
    expect(tries.length).toBeGreaterThan(12);
    expect(tries.length).toBeLessThan(25);
    expect(retryAt(0, tries.length, RETRY_FOR_MS)).toBeNull();
  });

  it("counts the 24 hours from the event, so a delivery that waited behind another gets what is left", () => {
    expect(retryAt(0, 1, 23 * H + 59 * 60_000 + 55_000)).toBe(RETRY_FOR_MS);
    expect(retryAt(0, 1, RETRY_FOR_MS)).toBeNull();
    expect(expired(0, RETRY_FOR_MS - 1)).toBe(false);
    expect(expired(0, RETRY_FOR_MS)).toBe(true);
  });
});
