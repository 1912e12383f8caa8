import { describe, expect, it } from "vitest";
import { decide, emptyHall, isRejection } from "../core/hall.js";
import type { Command } from "../core/commands.js";
import type { HallEvent } from "../core/events.js";
import type { HallState } from "../core/model.js";
import { localInstant, scenarioConfig } from "./scenario.js";
import { replayDay, simulateDay, type Scenario } from "./simulate.js";

const oneWindow = (arrivals: Scenario["arrivals"], closes = "17:00"): Scenario => ({
  timezone: "Asia/Shanghai",
  alarmMinutes: 10,
  categories: [{ id: "household", prefix: "A", name: "户政" }],
  windows: [{ id: "1", categories: ["household"], opens: "09:00", closes }],
  arrivals,
});

/** One comprehensive window, household first in its list; traffic and household citizens. */
const mixed: Scenario = {
  timezone: "Asia/Shanghai",
  alarmMinutes: 10,
  categories: [
    { id: "household", prefix: "A", name: "户政" },
    { id: "traffic", prefix: "C", name: "交管" },
  ],
  windows: [{ id: "1", categories: ["household", "traffic"], opens: "09:00", closes: "17:00" }],
  arrivals: [
    { at: "09:00:00", category: "traffic", serviceSeconds: 600 },
    { at: "09:01:00", category: "household", serviceSeconds: 120 },
    { at: "09:02:00", category: "traffic", priority: "elderly", serviceSeconds: 60 },
    { at: "09:03:00", category: "household", serviceSeconds: 300, noShow: true },
  ],
};

const calls = (events: HallEvent[]) => events.flatMap((e) => (e.type === "ticket.called" ? [`${e.ticket.number}@${e.window.id}`] : []));

describe("the simulator on a day small enough to check by hand", () => {
  it("serves three citizens at one window one after the other", () => {
    // A001 09:00 called at once (0:00), served 5 min → 09:05; A002 (09:01) called 09:05, waited
    // 4:00, served 2 min → 09:07; A003 (09:02) called 09:07, waited 5:00, served 1 min → 09:08.
    const report = simulateDay(
      oneWindow([
        { at: "09:00:00", category: "household", serviceSeconds: 300 },
        { at: "09:01:00", category: "household", serviceSeconds: 120 },
        { at: "09:02:00", category: "household", serviceSeconds: 60 },
      ]),
    );
    expect(report.overall).toEqual({
      served: 3,
      meanWaitMinutes: 3,
      p90WaitMinutes: 5,
      maxWaitMinutes: 5,
      issued: 3,
      noShows: 0,
      unserved: 0,
      turnedAway: 0,
    });
    expect(report.categories.household).toMatchObject({ served: 3, meanWaitMinutes: 3, p90WaitMinutes: 5 });
    // Busy 8 of the 480 minutes from 09:00 to 17:00.
    expect(report.windows["1"]).toEqual({ served: 3, utilisation: 0.017 });
  });

  it("follows the call policy: priority first, then the ticket past the alarm line", () => {
    // 09:10 C001 done: A001 has waited 9 min (under the line), C002 is elderly → C002 (8:00).
    // 09:11: A001 has waited 10 min, over the line → A001 (10:00). 09:13: A002 (10:00), absent,
    // marked a no-show after the 60 s grace.
    const { report, events } = replayDay(mixed);
    expect(calls(events)).toEqual(["C001@1", "C002@1", "A001@1", "A002@1"]);
    const reasons = events.flatMap((e) => (e.type === "ticket.called" ? [e.reasonCode] : []));
    expect(reasons).toEqual(["longest_wait", "priority", "overdue", "overdue"]);
    expect(report.overall).toMatchObject({ served: 3, noShows: 1, meanWaitMinutes: 7, p90WaitMinutes: 10, maxWaitMinutes: 10 });
    expect(report.categories.traffic).toMatchObject({ served: 2, meanWaitMinutes: 4, p90WaitMinutes: 8, maxWaitMinutes: 8 });
    expect(report.categories.household).toMatchObject({ served: 1, noShows: 1, meanWaitMinutes: 10 });
    const noShow = events.find((e) => e.type === "ticket.no_show");
    expect(noShow?.at).toBe(new Date(localInstant("2026-03-02", "09:14", "Asia/Shanghai")).toISOString());
  });

  it("plays plain first-come under the fifo policy", () => {
    // 09:10 A001 (9:00), 09:12 C002 (10:00), 09:13 A002 (10:00).
    const { report, events } = replayDay(mixed, { policy: "fifo" });
    expect(calls(events)).toEqual(["C001@1", "A001@1", "C002@1", "A002@1"]);
    expect(report.overall).toMatchObject({ served: 3, meanWaitMinutes: 7.25, maxWaitMinutes: 10 });
  });

  it("lets a window closing mid-service finish, then serve the last citizen or leave them", () => {
    const day = oneWindow(
      [
        { at: "09:04:00", category: "household", serviceSeconds: 600 },
        { at: "09:04:30", category: "household", serviceSeconds: 60 },
      ],
      "09:05",
    );
    const strict = replayDay(day, { serveLastCitizen: false });
    expect(strict.report.overall).toMatchObject({ served: 1, unserved: 1 });
    const closed = strict.events.find((e) => e.type === "window.updated" && e.window.state === "closed");
    expect(closed?.at).toBe(new Date(localInstant("2026-03-02", "09:14", "Asia/Shanghai")).toISOString());
    const lenient = simulateDay(day);
    expect(lenient.overall).toMatchObject({ served: 2, unserved: 0, maxWaitMinutes: 9.5 });
  });

  it("turns citizens away once every window for their category has closed", () => {
    const report = simulateDay(oneWindow([{ at: "17:30", category: "household", serviceSeconds: 60 }]));
    expect(report.overall).toMatchObject({ issued: 0, turnedAway: 1, served: 0, meanWaitMinutes: null });
  });
});

describe("scenario days", () => {
  it("read wall-clock times in the scenario's zone, daylight saving included", () => {
    expect(localInstant("2026-03-02", "08:30", "Asia/Shanghai")).toBe(Date.parse("2026-03-02T00:30:00Z"));
    // New York springs forward at 02:00 on 2026-03-08: 01:30 is EST, 12:00 is EDT.
    expect(localInstant("2026-03-08", "01:30", "America/New_York")).toBe(Date.parse("2026-03-08T06:30:00Z"));
    expect(localInstant("2026-03-08", "12:00", "America/New_York")).toBe(Date.parse("2026-03-08T16:00:00Z"));
  });

  it("are refused with the field at fault named", () => {
    expect(() => simulateDay(oneWindow([{ at: "8:31", category: "household", serviceSeconds: 60 }]))).toThrow(
      'scenario arrivals[0].at: "8:31" is not a time of day',
    );
    expect(() => simulateDay(oneWindow([{ at: "08:31", category: "passport", serviceSeconds: 60 }]))).toThrow(
      'scenario arrivals[0].category: unknown category "passport"',
    );
  });
});

describe("the live hall and the simulator", () => {
  it("choose the same tickets for the same inputs", () => {
    // The live hall: officers pressing the buttons at the same instants as the simulated day.
    const t = (hms: string) => localInstant("2026-03-02", hms, "Asia/Shanghai");
    const config = scenarioConfig(mixed, "tongban", () => true);
    const steps: Array<[string, Command]> = [
      ["08:59", { type: "configure", config }],
      ["09:00", { type: "set_window", window: "1", state: "open" }],
      ["09:00", { type: "issue", category: "traffic" }],
      ["09:00", { type: "call", window: "1" }],
      ["09:00", { type: "start", window: "1" }],
      ["09:01", { type: "issue", category: "household" }],
      ["09:02", { type: "issue", category: "traffic", priority: "elderly" }],
      ["09:03", { type: "issue", category: "household" }],
      ["09:10", { type: "finish", window: "1" }],
      ["09:10", { type: "call", window: "1" }],
      ["09:10", { type: "start", window: "1" }],
      ["09:11", { type: "finish", window: "1" }],
      ["09:11", { type: "call", window: "1" }],
      ["09:11", { type: "start", window: "1" }],
      ["09:13", { type: "finish", window: "1" }],
      ["09:13", { type: "call", window: "1" }],
      ["09:14", { type: "no_show", window: "1" }],
    ];
    let state: HallState = emptyHall("simulated");
    const live: HallEvent[] = [];
    for (const [hms, command] of steps) {
      const out = decide(state, command, t(hms));
      if (isRejection(out)) throw new Error(out.message);
      live.push(...out.events);
      state = out.state;
    }
    const simulated = replayDay(mixed).events;
    expect(calls(simulated)).toEqual(calls(live));
    expect(simulated.slice(0, live.length)).toEqual(live);
  });

  it("rebuild the simulated day event for event from its commands", () => {
    const day = generatedDay(7, 300);
    const sim = replayDay(day);
    let state: HallState = emptyHall("simulated");
    const live: HallEvent[] = [];
    for (const { at, command } of sim.commands) {
      const out = decide(state, command, at);
      if (isRejection(out)) continue;
      live.push(...out.events);
      state = out.state;
    }
    expect(live).toEqual(sim.events);
    expect(calls(live).length).toBeGreaterThan(250);
  });
});

/** A seeded day: three categories, a traffic window and two comprehensive ones. */
function generatedDay(seed: number, citizens: number): Scenario {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const hms = (s: number) => [s / 3600, (s / 60) % 60, s % 60].map((v) => String(Math.floor(v)).padStart(2, "0")).join(":");
  const categories = ["household", "traffic", "exit-entry"];
  return {
    timezone: "Asia/Shanghai",
    alarmMinutes: 10,
    categories: [
      { id: "household", prefix: "A" },
      { id: "traffic", prefix: "C", weight: 1.2 },
      { id: "exit-entry", prefix: "B" },
    ],
    windows: [
      { id: "1", categories: ["household", "exit-entry", "traffic"], opens: "08:30", closes: "17:30" },
      { id: "2", categories: ["exit-entry", "household", "traffic"], opens: "09:00", closes: "12:00" },
      { id: "3", categories: ["traffic"], opens: "08:30", closes: "17:30" },
    ],
    arrivals: Array.from({ length: citizens }, () => ({
      at: hms(8.5 * 3600 + Math.floor(random() * 8 * 3600)),
      category: categories[Math.floor(random() * 3)]!,
      priority: random() < 0.1 ? ("elderly" as const) : undefined,
      serviceSeconds: 60 + Math.floor(random() * 300),
      noShow: random() < 0.05,
    })).map(({ priority, ...a }) => (priority ? { ...a, priority } : a)),
  };
}

describe("a window on a rota of shifts", () => {
  const rota = (shifts: Scenario["windows"][number]["shifts"], arrivals: Scenario["arrivals"]): Scenario => ({
    ...oneWindow(arrivals),
    windows: [
      { id: "1", categories: ["household"], shifts },
      { id: "2", categories: ["household"], opens: "09:00", closes: "17:00" },
    ],
  });

  it("finishes its citizen at the end of a shift, pauses, and calls again when the next begins", () => {
    // Window 1 serves A001 09:50–10:20, past its 10:00 end, then pauses; window 2 serves A002,
    // A003 and A004 (10:25–10:35); A005 (10:26) waits for window 1's next shift at 10:30.
    const { events, report } = replayDay(
      rota(
        [
          { opens: "09:00", closes: "10:00" },
          { opens: "10:30", closes: "12:00" },
        ],
        [
          { at: "09:50", category: "household", serviceSeconds: 1800 },
          { at: "09:55", category: "household", serviceSeconds: 600 },
          { at: "10:10", category: "household", serviceSeconds: 60 },
          { at: "10:25", category: "household", serviceSeconds: 600 },
          { at: "10:26", category: "household", serviceSeconds: 60 },
        ],
      ),
    );
    const windowStates = events.flatMap((e) => (e.type === "window.updated" && e.window.id === "1" ? [`${e.window.state}@${e.at.slice(11, 16)}`] : []));
    expect(windowStates).toEqual(["open@01:00", "paused@02:20", "open@02:30", "closed@04:00"]);
    expect(calls(events)).toEqual(["A001@1", "A002@2", "A003@2", "A004@2", "A005@1"]);
    expect(report.overall).toMatchObject({ served: 5, unserved: 0, turnedAway: 0 });
  });

  it("is closed all day with no shifts, so a category only it serves is turned away", () => {
    const day: Scenario = { ...mixed, windows: [{ id: "1", categories: ["household", "traffic"], shifts: [] }, { id: "2", categories: ["traffic"], opens: "09:00", closes: "17:00" }] };
    const { report } = replayDay(day);
    expect(report.categories.household).toMatchObject({ issued: 0, turnedAway: 2 });
    expect(report.categories.traffic).toMatchObject({ served: 2 });
    expect(report.windows["1"]).toEqual({ served: 0, utilisation: 0 });
  });

  it("refuses shifts that overlap, or a window given both hours and shifts", () => {
    const overlapping = rota(
      [
        { opens: "09:00", closes: "11:00" },
        { opens: "10:30", closes: "12:00" },
      ],
      [],
    );
    expect(() => replayDay(overlapping)).toThrow("scenario windows[0].shifts[1]: 10:30–12:00 overlaps the shift before it (09:00–11:00)");
    const both = { ...overlapping, windows: [{ id: "1", categories: ["household"], opens: "09:00", closes: "17:00", shifts: [] }] };
    expect(() => replayDay(both)).toThrow("give either opens/closes or shifts, not both");
  });
});
