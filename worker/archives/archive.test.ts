import { describe, expect, it } from "vitest";
import { archiveKey, archiveName, dayBounds, keptFrom, MAX_PART_BYTES, MAX_PART_ROWS, parseArchiveName, partOf } from "./archive.js";

const SHANGHAI = "Asia/Shanghai";
const at = (iso: string) => Date.parse(iso);

describe("archive names", () => {
  it("names a day's first part plainly and later parts by number, and reads them back", () => {
    expect(archiveKey("jiangning", "events", "2026-09-01", 1)).toBe("archives/jiangning/events/2026-09-01.ndjson.gz");
    expect(archiveName("2026-09-01", 2)).toBe("2026-09-01.2.ndjson.gz");
    expect(parseArchiveName("2026-09-01.ndjson.gz")).toEqual({ day: "2026-09-01", part: 1 });
    expect(parseArchiveName("2026-09-01.12.ndjson.gz")).toEqual({ day: "2026-09-01", part: 12 });
    for (const bad of ["2026-09-01.1.ndjson.gz", "2026-09-01.0.ndjson.gz", "2026-09-01.ndjson", "../x.ndjson.gz"]) expect(parseArchiveName(bad), bad).toBeNull();
  });
});

describe("whole days", () => {
  it("bounds a hall's local day, midnight to midnight on its own clock", () => {
    expect(dayBounds("2026-09-01", SHANGHAI)).toEqual({ start: at("2026-09-01T00:00:00+08:00"), end: at("2026-09-02T00:00:00+08:00") });
  });

  it("keeps today and the `days` days before it; what is older goes to the archive", () => {
    const now = at("2026-12-01T09:00:00+08:00");
    expect(keptFrom(now, SHANGHAI, 90)).toBe(at("2026-09-02T00:00:00+08:00"));
    expect(keptFrom(at("2026-12-01T00:30:00+08:00"), SHANGHAI, 7)).toBe(at("2026-11-24T00:00:00+08:00"));
  });
});

describe("a part", () => {
  const bounds = dayBounds("2026-09-01", SHANGHAI);
  const row = (i: number, line = `{"seq":${i}}`, when = "2026-09-01T10:00:00+08:00") => ({ at: new Date(at(when)).toISOString(), line, i });

  it("takes the day's rows from the first and stops at the next day", () => {
    const rows = [row(1), row(2), row(3, undefined, "2026-09-02T00:00:00+08:00"), row(4)];
    expect(partOf(rows, bounds).map((r) => r.i)).toEqual([1, 2]);
  });

  it("splits a day too big for one file by rows and by bytes, never leaving a row out", () => {
    const many = Array.from({ length: MAX_PART_ROWS + 10 }, (_, i) => row(i));
    expect(partOf(many, bounds)).toHaveLength(MAX_PART_ROWS);
    const big = "字".repeat(400_000); // 1.2 MB of UTF-8 in 400,000 UTF-16 units
    const heavy = Array.from({ length: 10 }, (_, i) => row(i, big));
    const taken = partOf(heavy, bounds);
    expect(taken.length).toBe(Math.floor(MAX_PART_BYTES / (big.length * 3 + 1)));
    // A single row over the cap still goes, alone, so a day always moves on.
    expect(partOf([row(1, "x".repeat(MAX_PART_BYTES + 1)), row(2)], bounds).map((r) => r.i)).toEqual([1]);
  });
});
