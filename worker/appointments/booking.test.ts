import { describe, expect, it } from "vitest";
import type { Category, HallSettings } from "../core/model.js";
import { BOOKING_DEFAULTS, bookingDays, bookingRules, maskMobile, noShowBlock, slotsOf, usualDay } from "./booking.js";

const traffic: Category = { id: "traffic", prefix: "C", names: { "zh-Hans": "交管", "zh-Hant": "交管", en: "Traffic" }, serviceMinutes: 15, weight: 1 };
const household: Category = { ...traffic, id: "household", prefix: "A", serviceMinutes: 10 };
const settings = { timezone: "Asia/Shanghai" } as HallSettings;
const hall = (booking?: HallSettings["booking"]) => ({ categories: [traffic, household], settings: { ...settings, ...(booking ? { booking } : {}) } });

describe("booking days", () => {
  it("offers the next seven open days from a Friday, skipping the weekend", () => {
    // 2031-03-07 is a Friday.
    expect(bookingDays("2031-03-07", BOOKING_DEFAULTS)).toEqual(["2031-03-07", "2031-03-10", "2031-03-11", "2031-03-12", "2031-03-13", "2031-03-14", "2031-03-17"]);
  });

  it("skips the hall's closed dates, and offers nothing when booking is off", () => {
    const rules = bookingRules(hall({ days: 2, closedDates: ["2031-03-10"] }));
    expect(bookingDays("2031-03-07", rules)).toEqual(["2031-03-07", "2031-03-11"]);
    expect(bookingDays("2031-03-07", bookingRules(hall({ days: 0 })))).toEqual([]);
  });
});

describe("capacity per half hour", () => {
  it("without a plan: the usual opening, windows serving the service shared among what they serve, × the share", () => {
    const windows = usualDay({
      settings: { ...settings, booking: { opens: "09:00", closes: "10:00" } },
      windows: [
        { categories: ["traffic"], state: "open" },
        { categories: ["traffic", "household"], state: "open" },
        { categories: ["traffic"], state: "closed" },
      ] as never,
    });
    // 30 min + 15 min (half of the shared window) = 45 window-minutes ÷ 15 per citizen × 0.5 = 1.5 → 1.
    expect(slotsOf(hall(), windows, "traffic", new Map())).toEqual([
      { from: "09:00", to: "09:30", capacity: 1, booked: 0, open: true, blocked: null, block: null },
      { from: "09:30", to: "10:00", capacity: 1, booked: 0, open: true, blocked: null, block: null },
    ]);
  });

  it("from a plan's shifts: a window open half a slot gives half its minutes; booked places are taken off", () => {
    const plan = [
      { categories: ["traffic"], shifts: [{ opens: "09:00", closes: "10:00" }] },
      { categories: ["traffic"], shifts: [{ opens: "09:30", closes: "11:00" }] },
    ];
    const slots = slotsOf(hall({ share: 1 }), plan, "traffic", new Map([["09:30", 4]]));
    expect(slots.map((s) => [s.from, s.capacity, s.booked, s.open])).toEqual([
      ["09:00", 2, 0, true],
      ["09:30", 4, 4, false],
      ["10:00", 2, 0, true],
      ["10:30", 2, 0, true],
    ]);
  });

  it("closes the half hours that have begun today", () => {
    const plan = [{ categories: ["traffic"], shifts: [{ opens: "09:00", closes: "10:00" }] }];
    expect(slotsOf(hall({ share: 1 }), plan, "traffic", new Map(), 9 * 60 + 10).map((s) => s.open)).toEqual([false, true]);
  });

  it("a blocked half hour keeps its capacity and bookings but is not offered; a whole-day block closes every half hour of its service", () => {
    const plan = [{ categories: ["traffic", "household"], shifts: [{ opens: "09:00", closes: "10:30" }] }];
    const block = (id: string, from: string | null, category: string | null, reason: string) => ({ id, day: "2031-03-10", from, category, reason, blockedAt: "", contacted: [] });
    const blocked = {
      ...hall({ share: 1 }),
      bookingBlocks: { a: block("a", "09:30", "traffic", "消防演练"), b: block("b", null, "household", "系统升级") },
    };
    const traffic = slotsOf(blocked, plan, "traffic", new Map([["09:30", 1]]), 0, "2031-03-10");
    expect(traffic.map((s) => [s.from, s.capacity, s.booked, s.open, s.blocked])).toEqual([
      ["09:00", 1, 0, true, null],
      ["09:30", 1, 1, false, "消防演练"],
      ["10:00", 1, 0, true, null],
    ]);
    expect(slotsOf(blocked, plan, "household", new Map(), 0, "2031-03-10").map((s) => [s.open, s.blocked])).toEqual([
      [false, "系统升级"],
      [false, "系统升级"],
      [false, "系统升级"],
    ]);
    // Another day is not touched.
    expect(slotsOf(blocked, plan, "household", new Map(), 0, "2031-03-11").every((s) => s.open && s.blocked === null)).toBe(true);
  });

  it("has no slots for a service no window serves, or an unknown one", () => {
    const plan = [{ categories: ["traffic"], shifts: [{ opens: "09:00", closes: "10:00" }] }];
    expect(slotsOf(hall(), plan, "household", new Map())).toEqual([]);
    expect(slotsOf(hall(), plan, "nothing", new Map())).toEqual([]);
  });
});

describe("the no-show block", () => {
  it("blocks at three no-shows in 180 days, until the oldest of them ages out", () => {
    const noShows = ["2026-11-01", "2026-11-20", "2026-12-01"];
    expect(noShowBlock(noShows, "2026-12-07", BOOKING_DEFAULTS)).toEqual({ until: "2027-04-30", count: 3 });
    expect(noShowBlock(noShows, "2027-04-29", BOOKING_DEFAULTS)).toEqual({ until: "2027-04-30", count: 3 });
    expect(noShowBlock(noShows, "2027-04-30", BOOKING_DEFAULTS)).toBeNull();
  });

  it("does not block at two, nor count no-shows older than the window", () => {
    expect(noShowBlock(["2026-11-20", "2026-12-01"], "2026-12-07", BOOKING_DEFAULTS)).toBeNull();
    expect(noShowBlock(["2026-01-01", "2026-11-20", "2026-12-01"], "2026-12-07", BOOKING_DEFAULTS)).toBeNull();
  });
});

it("masks a mobile number as managers see it", () => {
  expect(maskMobile("13812345678")).toBe("138****5678");
});

describe("booking days stop at the appointment horizon", () => {
  it("offers no open day past appointmentDays calendar days, though booking.days would reach further", () => {
    // From Friday 2031-03-07 seven open days run to 2031-03-17; a 7-day horizon ends 2031-03-14.
    expect(bookingDays("2031-03-07", BOOKING_DEFAULTS, 7)).toEqual(["2031-03-07", "2031-03-10", "2031-03-11", "2031-03-12", "2031-03-13", "2031-03-14"]);
  });
});
