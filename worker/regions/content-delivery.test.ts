import { describe, expect, it } from "vitest";
import { dueHalls, nextDueAt, retryDelay, type Delivery } from "./content-delivery.js";

const sent = (...ds: Delivery[]) => new Map(ds.map((d) => [d.hall, d]));

describe("a region's content deliveries", () => {
  it("sends the list to every hall below that does not hold this version", () => {
    const s = sent({ hall: "a", version: 3, failures: 0, retryAt: 0 }, { hall: "b", version: 2, failures: 0, retryAt: 0 });
    expect(dueHalls(["a", "b", "c"], s, 3, 1000)).toEqual([{ hall: "b", removal: false }, { hall: "c", removal: false }]);
  });

  it("waits out a failed hall's backoff, then tries again", () => {
    const s = sent({ hall: "a", version: 0, failures: 2, retryAt: 20_000 });
    expect(dueHalls(["a"], s, 1, 10_000)).toEqual([]);
    expect(nextDueAt(["a"], s, 1, 10_000)).toBe(20_000);
    expect(dueHalls(["a"], s, 1, 20_000)).toEqual([{ hall: "a", removal: false }]);
    expect([1, 2, 3, 20].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 600_000]);
  });

  it("tells a hall that left to drop the region's items, once", () => {
    expect(dueHalls([], sent({ hall: "gone", version: 4, failures: 0, retryAt: 0 }), 4, 0)).toEqual([{ hall: "gone", removal: true }]);
    expect(dueHalls([], sent({ hall: "gone", version: 0, failures: 0, retryAt: 0 }), 4, 0)).toEqual([]);
  });

  it("has nothing to send before the region publishes anything", () => {
    expect(dueHalls(["a"], new Map(), 0, 0)).toEqual([]);
    expect(nextDueAt(["a"], new Map(), 0, 0)).toBeNull();
  });
});
