import { describe, expect, it } from "vitest";
import { decide, emptyHall, isRejection } from "../core/hall.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import { demoConfig } from "../demo/hall.js";
import { hallFigures } from "../insights/figures.js";
import { hallReport } from "./summary.js";

/** 2026-11-23 08:00 in Asia/Shanghai. */
const T0 = Date.parse("2026-11-23T00:00:00Z");
const MIN = 60_000;

describe("a hall's report to its region", () => {
  it("carries the data wall's own figures, and when the oldest waiting ticket joined the line", () => {
    let state: HallState = emptyHall("report");
    const run = (minute: number, command: Command) => {
      const out = decide(state, command, T0 + minute * MIN);
      if (isRejection(out)) throw new Error(out.message);
      state = out.state;
    };
    run(0, { type: "configure", config: demoConfig() });
    for (let i = 0; i < 6; i++) run(i, { type: "issue", category: i % 2 ? "traffic" : "household" });
    run(7, { type: "call", window: "5" });
    run(9, { type: "call", window: "1" });
    const now = T0 + 12 * MIN;
    const report = hallReport(state, now);
    const wall = hallFigures(state, now);
    expect(report).toMatchObject({
      waiting: wall.totals.waiting,
      // The report's beingServed is everyone at a window, called or in service; the wall's 办理中 only those in service.
      beingServed: wall.totals.called + wall.totals.beingServed,
      windowsOpen: wall.windows.open,
      waitsCounted: wall.totals.waits.count,
      meanWaitMinutes: wall.totals.waits.averageMinutes,
      p90WaitMinutes: wall.totals.waits.p90Minutes,
      issuedToday: wall.totals.issued,
      servedToday: wall.totals.served,
      oldestQueuedAt: T0 + 2 * MIN,
    });
    expect(report.categories).toEqual(
      wall.categories.map((c) => ({ id: c.category.id, names: c.category.names, waiting: c.waiting, estimatedWaitMinutes: c.estimatedWaitMinutes })),
    );
    expect(Math.min(...wall.categories.flatMap((c) => (c.alarmAt === null ? [] : [c.alarmAt])))).toBe(T0 + 12 * MIN);
  });
});
