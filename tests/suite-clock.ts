/**
 * The instant both suites' halls start at (worker/clock.ts): a fixed weekday morning, so a run
 * on the 1st of a month, in February or at 23:59 Shanghai time reads the same day as any other.
 * `TONGBAN_CLOCK=2028-02-29T23:59:50+08:00 npm test` runs the suites at another instant.
 */
export const SUITE_CLOCK = process.env.TONGBAN_CLOCK || "2027-03-15T10:00:00+08:00";
