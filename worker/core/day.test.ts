import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactDay, isTimezone, localDay, localDayHour, localParts, nextMidnight } from "./day.js";

const iso = (ms: number) => new Date(ms).toISOString();
const midnightAfter = (utc: string, zone: string) => iso(nextMidnight(Date.parse(utc), zone));

describe("day", () => {
  it("reads the local date in Asia/Shanghai, eight hours ahead of UTC", () => {
    expect(localDay(Date.parse("2026-11-23T15:59:59Z"), "Asia/Shanghai")).toBe("2026-11-23");
    expect(localDay(Date.parse("2026-11-23T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-24");
  });

  it("finds the next local midnight", () => {
    expect(midnightAfter("2026-11-23T09:00:00Z", "Asia/Shanghai")).toBe("2026-11-23T16:00:00.000Z");
    expect(midnightAfter("2026-11-23T16:00:00Z", "Asia/Shanghai")).toBe("2026-11-24T16:00:00.000Z");
    expect(midnightAfter("2026-12-31T20:00:00Z", "Asia/Shanghai")).toBe("2027-01-01T16:00:00.000Z");
  });

  it("finds London's midnight on both sides of the spring change (29 March 2026)", () => {
    // Saturday in GMT: midnight is 00:00 UTC; the clocks go forward at 01:00 UTC on Sunday.
    expect(midnightAfter("2026-03-28T12:00:00Z", "Europe/London")).toBe("2026-03-29T00:00:00.000Z");
    // Sunday is 23 hours long; Monday starts at 00:00 BST = 23:00 UTC.
    expect(midnightAfter("2026-03-29T00:30:00Z", "Europe/London")).toBe("2026-03-29T23:00:00.000Z");
    expect(midnightAfter("2026-03-29T12:00:00Z", "Europe/London")).toBe("2026-03-29T23:00:00.000Z");
  });

  it("finds London's midnight on both sides of the autumn change (25 October 2026)", () => {
    expect(midnightAfter("2026-10-24T12:00:00Z", "Europe/London")).toBe("2026-10-24T23:00:00.000Z");
    // Sunday is 25 hours long: it ends at 00:00 GMT on Monday.
    expect(midnightAfter("2026-10-24T23:00:00Z", "Europe/London")).toBe("2026-10-26T00:00:00.000Z");
    expect(midnightAfter("2026-10-25T12:00:00Z", "Europe/London")).toBe("2026-10-26T00:00:00.000Z");
    expect(localDay(Date.parse("2026-10-24T22:59:59Z"), "Europe/London")).toBe("2026-10-24");
    expect(localDay(Date.parse("2026-10-24T23:00:00Z"), "Europe/London")).toBe("2026-10-25");
  });

  it("starts the day at 01:00 where the clocks skip midnight (Santiago, 6 September 2026)", () => {
    // 24:00 on the 5th (−04) becomes 01:00 on the 6th (−03), i.e. 04:00 UTC.
    expect(midnightAfter("2026-09-05T12:00:00Z", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
    expect(localDay(Date.parse("2026-09-06T04:00:00Z"), "America/Santiago")).toBe("2026-09-06");
  });

  it("always names an instant after now where the local date turns, in zones with odd offsets and changes", () => {
    const zones = [
      "Asia/Shanghai",
      "Europe/London",
      "America/New_York",
      "America/Santiago",
      "America/Havana",
      "Africa/Cairo",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
      "America/St_Johns",
      "Pacific/Chatham",
      "Pacific/Kiritimati",
    ];
    const start = Date.parse("2025-01-01T00:00:00Z");
    const end = Date.parse("2028-01-01T00:00:00Z");
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: start, max: end }), (zone, now) => {
        const m = nextMidnight(now, zone);
        expect(m).toBeGreaterThan(now);
        expect(m - now).toBeLessThanOrEqual(25 * 3600_000);
        expect(localDay(m - 1, zone)).toBe(localDay(now, zone));
        expect(localDay(m, zone)).not.toBe(localDay(now, zone));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("finds every midnight of 2026, hour by hour, through every clock change", () => {
    for (const zone of ["Europe/London", "America/Santiago", "Africa/Cairo", "Australia/Lord_Howe", "Pacific/Chatham"]) {
      const wrong: string[] = [];
      for (let now = Date.parse("2026-01-01T00:17:00Z"); now < Date.parse("2027-01-01T00:00:00Z"); now += 3600_000) {
        const m = nextMidnight(now, zone);
        if (!(m > now && localDay(m - 1, zone) === localDay(now, zone) && localDay(m, zone) !== localDay(now, zone))) {
          wrong.push(`${iso(now)} → ${iso(m)}`);
        }
      }
      expect(wrong, zone).toEqual([]);
    }
  }, 60_000);

  it("knows real IANA zones and refuses made-up ones", () => {
    expect(isTimezone("Asia/Shanghai")).toBe(true);
    expect(isTimezone("Asia/Urumqi")).toBe(true);
    expect(isTimezone("Asia/Beijing")).toBe(false);
    expect(isTimezone("")).toBe(false);
  });

  it("writes the day part of a ticket id without dashes", () => {
    expect(compactDay("2026-11-23")).toBe("20261123");
  });
});

describe("the wall clock around a change of offset", () => {
  const intl = (at: number, timeZone: string) => {
    const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    const p = Object.fromEntries(f.formatToParts(new Date(at)).filter((x) => x.type !== "literal").map((x) => [x.type, Number(x.value)]));
    return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
  };

  it.each([
    ["America/New_York", "2026-03-08T06:00:00Z"],
    ["America/New_York", "2026-11-01T05:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"],
    ["Asia/Shanghai", "1991-04-13T16:00:00Z"],
  ])("reads what Intl reads in %s, second by second through %s", (zone, around) => {
    const start = Date.parse(around) - 3600_000;
    for (let at = start; at < start + 4 * 3600_000; at += 7_919) expect(localParts(at, zone), new Date(at).toISOString()).toEqual(intl(at, zone));
  });
});

describe("the local date and hour, worked out once per quarter-hour", () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const intl = (at: number, timeZone: string) => {
    if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }));
    const p = Object.fromEntries(formats.get(timeZone)!.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    return { day: `${p.year}-${p.month}-${p.day}`, hour: p.hour };
  };
  const zones = ["Asia/Shanghai", "Europe/London", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "Pacific/Apia", "Africa/Monrovia"];
  const check = (at: number, zone: string) => {
    const want = intl(at, zone);
    expect(localDayHour(at, zone), `${zone} ${iso(at)}`).toEqual(want);
    expect(localDay(at, zone), `${zone} ${iso(at)}`).toBe(want.day);
  };

  it("is what Intl reads, at any instant in zones with odd offsets, changes at midnight and seconds in their offset", () => {
    // 1880–2040: before standard time zones kept whole minutes (Monrovia −0:44:30 until 1972).
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse("1880-01-01T00:00:00Z"), max: Date.parse("2040-01-01T00:00:00Z") }), (zone, at) => check(at, zone)),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["America/Santiago", "2026-04-05T03:00:00Z"],
    ["America/Havana", "2026-03-08T05:00:00Z"],
    ["Africa/Monrovia", "1960-06-01T23:00:00Z"],
    ["Pacific/Apia", "2011-12-30T09:00:00Z"],
    ["Asia/Shanghai", "2026-03-01T15:00:00Z"],
  ])("is what Intl reads in %s, second by second around %s", (zone, around) => {
    const start = Date.parse(around) - 2 * 3600_000;
    for (let at = start; at < start + 4 * 3600_000; at += 997) check(at, zone);
  });
});
