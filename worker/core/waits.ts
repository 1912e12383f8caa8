/**
 * How long a citizen has waited, and the hall's alarm line (警戒线), stated once. The call policy,
 * the data wall, the manager and counter consoles, the regions and the planner read them from
 * here, so a ticket is over the line on every screen and in every figure at the same instant.
 *
 * Windows needed has its one definition in worker/insights/advisor.ts (`windowsNeeded`, Erlang
 * C against the target and this line); a wait counted for the statistics is issue → first call,
 * in whole seconds (worker/statistics/durations.ts), so stored days merge exactly.
 */

const MINUTE_MS = 60_000;

/**
 * Minutes from `since` (ms) to `now`, exact, never below 0 (a clock set back). Not rounded:
 * the call policy weighs them (minutes × the category's weight, plus an order bonus), and whole
 * minutes would tie citizens who joined the line up to a minute apart. Screens round them down
 * with `wholeMinutes`.
 */
export function minutesWaited(since: number, now: number): number {
  return Math.max(0, (now - since) / MINUTE_MS);
}

/** Minutes a ticket has waited in the line: since it joined it (`queuedAt`; a requeue starts again). */
export function waitedMinutes(ticket: { queuedAt: string }, now: number): number {
  return minutesWaited(Date.parse(ticket.queuedAt), now);
}

/**
 * Minutes as a screen shows a wait still running: rounded down, as a clock reads — 9 min 59 s
 * shows 9′. The alarm line is whole minutes (the API takes only integers), so a running wait
 * shows the line's own figure from the same instant it is over the line, never a minute early
 * or late.
 *
 * The one rule for printing minutes, in two cases: a running wait (a clock) is floored here; a
 * figure over finished visits (a mean, a p90, a service time: a statistic) is rounded to the
 * nearest minute, "<1" below one, by `minutesShown` in worker/pages/figures.ts. Both print whole
 * minutes; the API and the CSV keep two decimals.
 */
export function wholeMinutes(minutes: number): number {
  return Math.floor(minutes);
}

/**
 * Over the alarm line.
 *
 * - A wait still running (a ticket waiting now) is over from the instant it reaches the line:
 *   it can only grow, so that is when the alarm shows and the call policy calls it first.
 * - A finished wait, or a figure made of them (today's mean, a p90, an estimate), is over only
 *   when longer than the line: "nine in ten called within the line" counts a citizen called at
 *   exactly 10 min as within, as the advisor's P(wait > line) does.
 */
export function isOverLine(minutes: number, alarmMinutes: number, wait: "running" | "finished"): boolean {
  return wait === "running" ? minutes >= alarmMinutes : minutes > alarmMinutes;
}

/** The instant a wait that began at `since` (ms) reaches the line: when a running wait turns over. */
export function lineReachedAt(since: number, alarmMinutes: number): number {
  return since + alarmMinutes * MINUTE_MS;
}
