import { describe, expect, it } from "vitest";
import { decide, emptyHall, isRejection } from "../core/hall.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import { demoConfig } from "../demo/hall.js";
import { hallFigures, isSurge, waitStats } from "./figures.js";
import { clockText, flashAttrs, qrSvg, secondName, textEms } from "../pages/screen-parts.js";

/** 2026-11-23 08:00 in Asia/Shanghai. */
const T0 = Date.parse("2026-11-23T00:00:00Z");
const MIN = 60_000;

function hallAt(): { state: HallState; run: (minute: number, command: Command) => HallState } {
  let state = emptyHall("figures");
  const run = (minute: number, command: Command) => {
    const out = decide(state, command, T0 + minute * MIN);
    if (isRejection(out)) throw new Error(out.message);
    state = out.state;
    return state;
  };
  run(0, { type: "configure", config: demoConfig() });
  return {
    get state() {
      return state;
    },
    run,
  };
}

describe("the data wall's figures", () => {
  it("measures waits from issue to call, for called tickets only", () => {
    const hall = hallAt();
    hall.run(0, { type: "issue", category: "traffic" });
    hall.run(2, { type: "issue", category: "traffic" });
    hall.run(3, { type: "issue", category: "traffic" });
    hall.run(4, { type: "call", window: "5" }); // C001 waited 4 min
    hall.run(10, { type: "finish", window: "5" });
    hall.run(10, { type: "call", window: "5" }); // C002 waited 8 min
    const stats = waitStats(Object.values(hall.state.tickets));
    expect(stats).toEqual({ count: 2, averageMinutes: 6, p90Minutes: 8 });
    const f = hallFigures(hall.state, T0 + 11 * MIN);
    const traffic = f.categories.find((c) => c.category.id === "traffic")!;
    // C002 is called, not yet at the window: not in service (issue 25 §8).
    expect(traffic).toMatchObject({ waiting: 1, beingServed: 0, servedToday: 1, issuedToday: 3, oldestWaitMinutes: 8 });
    expect(f.totals).toMatchObject({ beingServed: 0, called: 1 });
    hall.run(10.5, { type: "start", window: "5" });
    const serving = hallFigures(hall.state, T0 + 11 * MIN);
    expect(serving.categories.find((c) => c.category.id === "traffic")).toMatchObject({ beingServed: 1 });
    expect(serving.totals).toMatchObject({ beingServed: 1, called: 0 });
    // A transfer and a second call do not restart the wait: it ended at the first call.
    hall.run(11, { type: "transfer", ticket: "C002", category: "household" });
    hall.run(15, { type: "call", window: "4" });
    expect(waitStats(Object.values(hall.state.tickets))).toEqual({ count: 2, averageMinutes: 6, p90Minutes: 8 });
  });

  it("raises the alarm when the oldest waiting ticket reaches the alarm line, and says when it will", () => {
    const hall = hallAt();
    for (const w of ["1", "2", "3", "4", "6"]) hall.run(0, { type: "set_window", window: w, state: "paused" });
    hall.run(1, { type: "issue", category: "household" });
    const before = hallFigures(hall.state, T0 + 10 * MIN).categories.find((c) => c.category.id === "household")!;
    expect(before.alarm).toBe(false);
    expect(before.alarmAt).toBe(T0 + 11 * MIN);
    const after = hallFigures(hall.state, T0 + 11 * MIN).categories.find((c) => c.category.id === "household")!;
    expect(after.alarm).toBe(true);
    expect(after.oldestWaitMinutes).toBe(10);
  });

  it("calls a surge when the last half hour brings twice the day's half-hour average and at least 10 tickets", () => {
    const hall = hallAt();
    hall.run(0, { type: "issue", category: "traffic" });
    for (let i = 0; i < 3; i++) hall.run(30 + i, { type: "issue", category: "household" });
    for (let i = 0; i < 12; i++) hall.run(95 + i, { type: "issue", category: "household" });
    const f = hallFigures(hall.state, T0 + 110 * MIN);
    const household = f.categories.find((c) => c.category.id === "household")!;
    // 15 household tickets over 110/30 half hours: 4.1 per half hour; 12 in the last 30 min.
    expect(household.arrivalsLast30).toBe(12);
    expect(household.surge).toBe(true);
    expect(f.categories.find((c) => c.category.id === "traffic")!.surge).toBe(false);
    expect(isSurge(9, 1)).toBe(false);
    expect(isSurge(10, 5)).toBe(true);
    expect(isSurge(10, 5.5)).toBe(false);
  });

  it("never calls the first half hour of the day a surge of itself", () => {
    const hall = hallAt();
    for (let i = 0; i < 20; i++) hall.run(i, { type: "issue", category: "traffic" });
    expect(hallFigures(hall.state, T0 + 25 * MIN).categories.every((c) => !c.surge)).toBe(true);
  });

  it("counts tickets by local hour, from 8:00 to 17:00 at least", () => {
    const hall = hallAt();
    hall.run(5, { type: "issue", category: "traffic" });
    hall.run(65, { type: "issue", category: "traffic" });
    hall.run(70, { type: "issue", category: "household" });
    const f = hallFigures(hall.state, T0 + 80 * MIN);
    expect(f.hours.map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(f.hours[0]).toMatchObject({ hour: 8, total: 1 });
    expect(f.hours[1]).toMatchObject({ hour: 9, total: 2, counts: { traffic: 1, household: 1 } });
    expect(f.currentHour).toBe(9);
    expect(f.peakHour).toBe(9);
  });

  it("asks the staffing advisor how many windows the last hour's arrivals need", () => {
    const hall = hallAt();
    for (let i = 0; i < 60; i++) hall.run(i, { type: "issue", category: "traffic" });
    const f = hallFigures(hall.state, T0 + 60 * MIN);
    const traffic = f.categories.find((c) => c.category.id === "traffic")!;
    // 60 an hour at 4 min is 4 Erlangs: more than 4 windows, fewer than 60.
    expect(traffic.windowsNeeded).toBeGreaterThan(4);
    expect(traffic.windowsNeeded).toBeLessThan(10);
    expect(f.windows.needed).toBeGreaterThan(4);
    expect(f.windows.open).toBe(6);
  });
});

describe("screen parts", () => {
  it("writes the clock in the hall's time zone", () => {
    expect(clockText(Date.parse("2026-11-23T01:05:09Z"), "Asia/Shanghai")).toEqual({ date: "2026年11月23日 星期一", time: "09:05:09", offset: 480 });
    expect(clockText(Date.parse("2026-11-23T01:05:09Z"), "UTC").offset).toBe(0);
  });

  it("shows zh-Hant under a category when the hall calls in Cantonese, else English when it calls in English", () => {
    const state = hallAt().state;
    const household = state.categories[0]!;
    expect(secondName(state, household)).toEqual({ text: "戶政", lang: "zh-Hant" });
    expect(secondName(state, state.categories[2]!)).toBeNull(); // 交管 is written the same
    const english = { ...state, settings: { ...state.settings, languages: ["cmn-Hans", "en"] as HallState["settings"]["languages"] } };
    expect(secondName(english, household)).toEqual({ text: "Household registration", lang: "en" });
    const mandarin = { ...state, settings: { ...state.settings, languages: ["cmn-Hans"] as HallState["settings"]["languages"] } };
    expect(secondName(mandarin, household)).toBeNull();
  });

  it("flashes a call from its own moment, and not at all once the flash is over", () => {
    const at = "2026-11-23T01:00:00.000Z";
    expect(flashAttrs(at, Date.parse(at))).toEqual({ "data-flash": "on", style: "animation-delay:-0.00s" });
    expect(flashAttrs(at, Date.parse(at) + 2500)).toEqual({ "data-flash": "on", style: "animation-delay:-2.50s" });
    expect(flashAttrs(at, Date.parse(at) + 6000)).toEqual({});
    expect(flashAttrs(null, 0)).toEqual({});
  });

  it("draws a QR code as one path and measures text in ems", () => {
    const svg = qrSvg("https://example.gov.cn/supervise/demo");
    expect(svg).toMatch(/^<svg class="qr"[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(qrSvg("https://example.gov.cn/supervise/demo")).toBe(svg);
    expect(textEms("请取号")).toBe(3);
    expect(textEms("A1")).toBeCloseTo(1.1);
  });
});
