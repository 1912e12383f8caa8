/**
 * Figures as the pages print them. Waits and service times are whole minutes on every screen and
 * console, "<1" under a minute (a citizen called within seconds is not "0.07 分钟"); the API and
 * the CSV keep their two decimals for whoever computes with them. This is for statistics (rounded);
 * a wait still running is floored like a clock by `wholeMinutes` (worker/core/waits.ts, where the
 * rule is written out).
 *
 * @example
 * minutesShown(0.07) // "<1"
 * minutesShown(3.83) // "4"
 * minutesShown(null) // "—"
 */
export const minutesShown = (m: number | null): string => (m === null ? "—" : m < 1 ? "<1" : String(Math.round(m)));
