/**
 * Development only: how many times each hall object was constructed (woke from eviction or
 * hibernation) and how many requests, socket messages, closes and alarms its code handled.
 * `npm run bench` reads them from `GET /api/dev/wakes` to show that an idle hall full of
 * hibernating screens runs no code at all.
 *
 * The counts are module state, so they live per isolate: in `wrangler dev` (and the test pool)
 * the Worker and its Durable Objects share one isolate, and reading the counts does not wake any
 * hall. Outside development nothing is counted and the route answers 404.
 */
const counts = new Map<string, { wakes: number; handled: number }>();

function entry(hall: string) {
  let e = counts.get(hall);
  if (!e) counts.set(hall, (e = { wakes: 0, handled: 0 }));
  return e;
}

export function countWake(hall: string): void {
  entry(hall).wakes++;
}

export function countHandled(hall: string): void {
  entry(hall).handled++;
}

export function wakeCounts(): Record<string, { wakes: number; handled: number }> {
  return Object.fromEntries(counts);
}
