/**
 * A sign-in flood against the hall's other work: `npm run bench:signin`. Prints one JSON object
 * per measurement. Against a fresh `wrangler dev` on loopback: the p50 of issuing tickets one
 * after another, quiet, then while 16 clients send wrong passwords as fast as they are answered,
 * first all from one address, then each from its own (CF-Connecting-IP, as Cloudflare sets it);
 * quiet is measured again right before each flood, and each flood line prints its ratio to it.
 * The target (issue 23): ticket p50 during a 16-way flood within 2× of quiet.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { HallConfig } from "../../worker/core/model.js";
import { startDevServer } from "../../tests/browser/server.js";

/** Every line carries the machine's 1-minute load average: figures from a shared machine are compared like with like. */
const print = (o: Record<string, unknown>) => console.log(JSON.stringify({ ...o, load1: Math.round(loadavg()[0]! * 100) / 100 }));
const TICKETS = 200;
const FLOOD = 16;

const config: HallConfig = {
  name: "sign-in bench",
  timezone: "Asia/Shanghai",
  alarmMinutes: 10,
  targetWaitMinutes: 8,
  languages: ["cmn-Hans"],
  noShowRequeueMinutes: 30,
  orderBonusMinutes: 2,
  notice: "",
  supervisionUrl: null,
  categories: [{ id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "household" }, serviceMinutes: 5, weight: 1 }],
  windows: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), number: i + 1, label: "综合窗口", categories: ["household"], state: "open" as const })),
};

const round = (ms: number) => Math.round(ms * 10) / 10;

function quantiles(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { p50ms: pick(0.5), p95ms: pick(0.95), maxMs: pick(1) };
}

const server = await startDevServer();
const auth = (role: string) => ({ Authorization: `Bearer dev-${role}`, "Content-Type": "application/json" });
try {
  const hall = `${server.url}/api/halls/signin-bench`;
  await fetch(hall, { method: "PUT", headers: auth("admin"), body: JSON.stringify(config) });
  const staff = await fetch(`${hall}/staff/lijun`, { method: "PUT", headers: auth("manager"), body: JSON.stringify({ name: "李军", badge: "C002", access: "counter", password: "correct horse 9" }) });
  if (staff.status !== 201) throw new Error(`staff: ${staff.status} ${await staff.text()}`);

  async function tickets(): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const s = performance.now();
      const res = await fetch(`${hall}/tickets`, { method: "POST", headers: auth("kiosk"), body: JSON.stringify({ category: "household" }) });
      await res.arrayBuffer();
      latencies.push(performance.now() - s);
    }
    return latencies;
  }

  // Warm the object and the routes.
  await tickets();

  for (const places of ["one address", "16 addresses"] as const) {
    // Quiet just before each flood, so a shared machine's load changes the two alike.
    const quiet = quantiles(await tickets());
    print({ measurement: "signin.ticket.quiet", tickets: TICKETS, ...quiet });
    let running = true;
    const replies: Record<number, number> = {};
    const t0 = performance.now();
    const flood = Array.from({ length: FLOOD }, async (_, k) => {
      for (let i = 0; running; i++) {
        const headers: Record<string, string> = { "Content-Type": "application/json", Origin: server.url };
        if (places === "16 addresses") headers["CF-Connecting-IP"] = `203.0.113.${k + 1}`;
        // Half guess the real badge, half spray unknown ones: both cost a hash when heard.
        const badge = i % 2 ? "C002" : `X${k}-${i}`;
        const res = await fetch(`${hall}/sessions`, { method: "POST", headers, body: JSON.stringify({ badge, password: `guess ${k} ${i}` }) });
        await res.arrayBuffer();
        replies[res.status] = (replies[res.status] ?? 0) + 1;
      }
    });
    const during = quantiles(await tickets());
    running = false;
    await Promise.all(flood);
    const seconds = (performance.now() - t0) / 1000;
    print({
      measurement: "signin.ticket.flood",
      flood: FLOOD,
      from: places,
      tickets: TICKETS,
      ...during,
      ratioToQuiet: Math.round((during.p50ms / quiet.p50ms) * 100) / 100,
      signInReplies: replies,
      hashedPerSecond: round(((replies[401] ?? 0) + (replies[201] ?? 0)) / seconds),
      // What reaches the Worker and the hall object: before the tarpit (issue 23 §1) ~60–160 a second.
      signInsPerSecond: round(Object.values(replies).reduce((a, b) => a + b, 0) / seconds),
      seconds: round(seconds),
    });
  }
} finally {
  await server.stop();
}
