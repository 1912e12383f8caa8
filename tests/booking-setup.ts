/** A hall citizens book at, for the booking tests (issue 26): traffic at two windows, a clock set before opening. */
import { env, runInDurableObject } from "cloudflare:test";
import { MORNING, newHall } from "./helpers.js";

/** Tuesday 2031-03-04, 08:00 in Shanghai: before the hall opens, so every half hour of today is still ahead. */
export const TUESDAY_8 = MORNING - 3_600_000;

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
export function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

export async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (o: { clock: () => number }) => {
    o.clock = () => at;
  });
}

/** Traffic (15 minutes) at two windows, nothing else: 60 window-minutes a half hour ÷ 15 × 0.5 = 2 bookings. */
export async function trafficHall(name: string, booking: Record<string, unknown> = {}): Promise<string> {
  await setClock(name, TUESDAY_8);
  return newHall(name, (c) => {
    c.categories = c.categories.map((x) => (x.id === "traffic" ? { ...x, serviceMinutes: 15 } : x));
    c.windows = [
      { id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" },
      { id: "2", number: 2, label: "交管", categories: ["traffic"], state: "open" },
    ];
    (c as any).booking = { opens: "09:00", closes: "11:00", ...booking };
  });
}

