/**
 * The instant the halls live at. In production it is the machine's clock. In development,
 * `TONGBAN_CLOCK` (an ISO instant such as "2028-02-29T23:59:50+08:00") starts the clock at that
 * instant the first time the Worker reads it and lets it run at real speed from there, so the
 * suites run on a day and at an hour they choose — the same day every run, or the last seconds
 * before a Shanghai midnight — instead of whatever day the machine happens to be on.
 */
import { isDevelopment, type Env } from "./env.js";

const starts = new Map<string, number>();

/** Real milliseconds to add to `Date.now()` to read the hall's clock (0 outside development). */
function skew(env: Env): number {
  const start = isDevelopment(env) ? env.TONGBAN_CLOCK : undefined;
  if (!start) return 0;
  let offset = starts.get(start);
  if (offset === undefined) {
    const at = Date.parse(start);
    if (Number.isNaN(at)) throw new Error(`TONGBAN_CLOCK "${start}" is not an ISO instant`);
    offset = at - Date.now();
    starts.set(start, offset);
  }
  return offset;
}

/** The hall's clock: milliseconds since the epoch, as the halls' rules read it. */
export function clockOf(env: Env): () => number {
  return function hallNow() {
    return Date.now() + skew(env);
  };
}

/**
 * The machine's instant at which `clock` reads `at`: what an alarm is set to, since the
 * runtime wakes a Durable Object by its own clock, not by the hall's.
 */
export function machineInstant(clock: () => number, at: number): number {
  return at - (clock() - Date.now());
}
