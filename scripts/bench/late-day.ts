/**
 * The live hall late in a busy day: `npm run bench:late-day`. One JSON line per measurement.
 *
 * A fresh `wrangler dev` hall like a 61-window centre (every window serving all 7 categories)
 * takes BENCH_LATE_TICKETS tickets (default 3,000) over the API: a kiosk issues, then the next
 * window finishes its citizen and calls the next one, each request awaited, 80 citizens waiting
 * throughout. Reply times (client-side, loopback) are medians over the 100 tickets (300
 * commands) from ticket 100 and from the last 100.
 */
import { performance } from "node:perf_hooks";
import { api, devServer, machine, percentiles, print, progress } from "./support.js";

const CATEGORIES = ["household", "exit-entry", "traffic", "security", "border", "drugs", "vehicles"];
const WINDOWS = 61;
const TICKETS = Number(process.env.BENCH_LATE_TICKETS ?? 3000);
const QUEUE = 80;
const SPAN = 100;

const config = {
  name: "bench centre",
  timezone: "Asia/Shanghai",
  alarmMinutes: 10,
  targetWaitMinutes: 8.2,
  languages: ["cmn-Hans"],
  noShowRequeueMinutes: 30,
  orderBonusMinutes: 2,
  notice: "",
  supervisionUrl: null,
  categories: CATEGORIES.map((id, i) => ({ id, prefix: String.fromCharCode(65 + i), names: { "zh-Hans": id, "zh-Hant": id, en: id }, serviceMinutes: 5, weight: 1 })),
  windows: Array.from({ length: WINDOWS }, (_, i) => ({ id: String(i + 1), number: i + 1, label: "综合窗口", categories: CATEGORIES, state: "open" })),
};

print(machine());
const server = await devServer();
try {
  const hall = `late-${Date.now().toString(36)}`;
  const put = await api(server.url, "admin", "PUT", `/api/halls/${hall}`, config);
  if (put.status !== 201 && put.status !== 200) throw new Error(`configure: ${put.status} ${JSON.stringify(put.body)}`);
  const issue = (i: number) => api(server.url, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: CATEGORIES[i % CATEGORIES.length] });
  for (let i = 0; i < QUEUE; i++) await issue(i);
  const spans = new Map<number, number[]>([[100, []], [TICKETS - SPAN + 1, []]]);
  for (let i = QUEUE + 1; i <= TICKETS; i++) {
    const w = String((i % WINDOWS) + 1);
    const span = [...spans].find(([from]) => i >= from && i < from + SPAN)?.[1];
    for (const send of [() => issue(i), () => api(server.url, "counter", "POST", `/api/halls/${hall}/windows/${w}/finish`), () => api(server.url, "counter", "POST", `/api/halls/${hall}/windows/${w}/call`)]) {
      const t0 = performance.now();
      const res = await send();
      if (res.status >= 500) throw new Error(`ticket ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      span?.push(performance.now() - t0);
    }
    if (i % 500 === 0) progress(`${i} tickets`);
  }
  const [early, late] = [...spans.values()].map((xs) => percentiles(xs));
  print({ measurement: "api.command.late_day", tickets: TICKETS, windows: WINDOWS, waiting: QUEUE, atTicket100: early, [`atTicket${TICKETS}`]: late });
} finally {
  await server.stop();
}
