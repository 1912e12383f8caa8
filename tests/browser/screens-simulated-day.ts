/**
 * A whole busy day played through the hall core with its own clock, for the data wall's
 * screenshot: a live hall in a test has only minutes of history, and the wall is about hours.
 * 5 June, two days before the college entrance exam: a morning peak, windows paused over lunch,
 * and an ID-card rush in household registration late in the afternoon (Jiangning's example).
 * Arrivals and service times come from a seeded generator, so the picture is the same every run.
 */
import { decide, emptyHall, isRejection } from "../../worker/core/hall.js";
import type { Command } from "../../worker/core/commands.js";
import type { HallEvent } from "../../worker/core/events.js";
import type { HallState } from "../../worker/core/model.js";
import { demoConfig } from "../../worker/demo/hall.js";
import { OFFICERS } from "./screens-fixtures.js";

const MIN = 60_000;
/** 2026-06-05 08:30 in Asia/Shanghai. */
const OPEN = Date.parse("2026-06-05T00:30:00Z");

/** Arrivals per minute by category, by local time. */
function rates(minute: number): Record<string, number> {
  const clock = 8.5 + minute / 60;
  const peak = clock >= 9 && clock < 11 ? 1.6 : clock >= 12 && clock < 13.5 ? 0.5 : 1;
  return {
    household: clock >= 15 ? 0.85 : 0.22 * peak,
    "exit-entry": 0.1 * peak,
    traffic: 0.3 * peak,
    security: 0.04 * peak,
  };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The hall at 15:40 after a day from 08:30, that instant, and the day's event log. */
export function simulatedDay(): { state: HallState; now: number; events: HallEvent[] } {
  const rand = random(20260605);
  let state = emptyHall("simulated-day");
  const events: HallEvent[] = [];
  const run = (now: number, command: Command) => {
    const out = decide(state, command, now);
    if (isRejection(out)) return false;
    state = out.state;
    events.push(...out.events);
    return true;
  };
  run(OPEN - 30 * MIN, {
    type: "configure",
    config: { ...demoConfig(), name: "城东公安服务大厅", languages: ["cmn-Hans", "yue-Hant", "en"], notice: "" },
  });
  for (const [w, officer] of Object.entries(OFFICERS)) run(OPEN - 10 * MIN, { type: "sign_in", window: w, officer });
  const busyUntil = new Map<string, number>();
  const end = 7 * 60 + 10;
  for (let m = 0; m <= end; m++) {
    const now = OPEN + m * MIN;
    // Lunch: windows 2 and 3 pause from 12:00 to 13:30; window 4 pauses for good at 15:00.
    if (m === 210) for (const w of ["2", "3"]) run(now, { type: "set_window", window: w, state: "paused" });
    if (m === 300) for (const w of ["2", "3"]) run(now, { type: "set_window", window: w, state: "open" });
    if (m === 390) run(now, { type: "set_window", window: "4", state: "paused" });
    for (const { id } of state.windows) {
      if (state.windows.find((w) => w.id === id)!.current && now >= (busyUntil.get(id) ?? Infinity)) run(now, { type: "finish", window: id });
      const w = state.windows.find((x) => x.id === id)!;
      if (w.current || w.state !== "open" || !run(now, { type: "call", window: id })) continue;
      const called = state.windows.find((x) => x.id === id)!.current;
      if (!called) continue;
      const mean = state.categories.find((c) => c.id === state.tickets[called]!.category)!.serviceMinutes;
      busyUntil.set(id, now + (0.5 + rand()) * mean * MIN);
    }
    // Arrivals during the minute, after the windows have moved.
    const arrivals = Object.entries(rates(m))
      .filter(([, rate]) => rand() < rate)
      .map(([category]) => ({ category, at: now + 1000 + rand() * 58_000, elderly: rand() < 0.1 }))
      .sort((a, b) => a.at - b.at);
    for (const a of arrivals) run(a.at, { type: "issue", category: a.category, ...(a.elderly ? { priority: "elderly" as const } : {}) });
  }
  return { state, now: OPEN + end * MIN + 20_000, events };
}
