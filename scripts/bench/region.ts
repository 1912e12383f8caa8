/**
 * Regions at scale: `npm run bench:region`.
 *
 * A province of 14 cities and ~71 counties (halls / 14, at least 1), BENCH_REGION_HALLS halls
 * ("10,100,1000") spread over the counties, on a fresh `wrangler dev`. Every hall issues and calls
 * at a busy hall's rate (BENCH_TICKETS_PER_HOUR, 120: Jiangning's 2,000 a day is ~220 an hour at
 * its peak) for BENCH_REGION_SECONDS (40) s while a province wall watches over its WebSocket.
 * Every second a probe hall issues one more ticket, and the bench times the hall's reply → the
 * province wall's update that shows it: the whole path hall → county → city → province, each throttled.
 *
 * Printed per scale: that latency (p50 / p99), requests per second at the busiest region object
 * and at the province (the development-only counters of GET /api/dev/wakes, "region:" keys),
 * reports per hall command, and Durable Object requests per hall-day (a 9-hour day at this rate).
 */
import { api, devServer, machine, percentiles, print, progress, round, sleep } from "./support.js";
import { demoConfig } from "../../worker/demo/hall.js";

const SCALES = (process.env.BENCH_REGION_HALLS ?? "10,100,1000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_REGION_SECONDS ?? 40);
const TICKETS_PER_HOUR = Number(process.env.BENCH_TICKETS_PER_HOUR ?? 120);
const OPEN_HOURS = 9;
const CITIES = 14;

type Counts = Record<string, { wakes: number; handled: number }>;

async function counts(base: string): Promise<Counts> {
  return (await (await fetch(`${base}/api/dev/wakes`)).json()) as Counts;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function put(base: string, path: string, body: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await api(base, "admin", "PUT", path, body);
    if (res.status === 200 || res.status === 201) return;
    if (attempt >= 3) throw new Error(`PUT ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    await sleep(500);
  }
}

async function measure(base: string, halls: number): Promise<void> {
  const p = `bench-${halls}`;
  const counties = Math.max(1, Math.round(halls / CITIES));
  progress(`${halls} halls: ${CITIES} cities, ${counties} counties…`);
  await put(base, `/api/regions/${p}`, { name: { "zh-Hans": "广西壮族自治区", en: "Guangxi" }, parent: null });
  const cityIds = Array.from({ length: CITIES }, (_, i) => `${p}-c${i}`);
  await pool(cityIds, 7, (c) => put(base, `/api/regions/${c}`, { name: { "zh-Hans": `城市 ${c}` }, parent: p }));
  const countyIds = Array.from({ length: counties }, (_, k) => `${p}-c${k % CITIES}-k${k}`);
  await pool(countyIds, 10, (k) => put(base, `/api/regions/${k}`, { name: { "zh-Hans": `县区 ${k}` }, parent: k.replace(/-k\d+$/, "") }));
  const hallIds = Array.from({ length: halls }, (_, h) => `${p}-h${h}`);
  const t0 = performance.now();
  await pool(hallIds, 20, (h) => put(base, `/api/halls/${h}`, { ...demoConfig(), name: `大厅 ${h}`, region: countyIds[Number(h.split("-h")[1]) % counties] }));
  progress(`  configured ${halls} halls in ${round((performance.now() - t0) / 1000, 1)} s; letting the first reports settle…`);
  await sleep(6000);

  // The province wall: every update, timestamped.
  const issued = new Map<string, number>(hallIds.map((h) => [h, 0]));
  const waiters: Array<{ hall: string; issued: number; at: number; done: (ms: number) => void }> = [];
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/api/regions/${p}/live`, ["tongban.v1", "bearer.dev-display"]);
  ws.addEventListener("message", (e) => {
    const now = performance.now();
    const m = JSON.parse(String(e.data));
    for (const line of m.halls ?? []) {
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i]!;
        if (w.hall === line.hall && line.issuedToday >= w.issued) {
          waiters.splice(i, 1);
          w.done(now - w.at);
        }
      }
    }
  });
  await new Promise((resolve) => ws.addEventListener("open", resolve, { once: true }));

  const before = await counts(base);
  const start = performance.now();
  const until = start + SECONDS * 1000;
  const commandEvery = 3600_000 / (2 * TICKETS_PER_HOUR);
  let commands = 0;
  let failures = 0;
  const busy = hallIds.map(async (h, i) => {
    await sleep((i / halls) * commandEvery);
    for (let n = 0; performance.now() < until; n++) {
      const issue = n % 2 === 0;
      const res = issue
        ? await api(base, "kiosk", "POST", `/api/halls/${h}/tickets`, { category: ["household", "traffic", "exit-entry"][n % 3] })
        : await api(base, "counter", "POST", `/api/halls/${h}/windows/${1 + (n % 6)}/call`);
      commands++;
      if (res.status >= 500) failures++;
      if (issue && res.status === 201) issued.set(h, issued.get(h)! + 1);
      await sleep(Math.min(commandEvery * (0.5 + Math.random()), Math.max(0, until - performance.now())));
    }
  });
  const latencies: number[] = [];
  const issueLatencies: number[] = [];
  let missed = 0;
  const probes = (async () => {
    for (let i = 0; performance.now() < until - 5_000; i++) {
      const hall = hallIds[(i * 7919) % halls]!;
      const sent = performance.now();
      const res = await api(base, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
      commands++;
      // From the hall's reply (the change is committed) to the province's wall showing it.
      const at = performance.now();
      issueLatencies.push(at - sent);
      if (res.status !== 201) continue;
      const count = issued.get(hall)! + 1;
      issued.set(hall, count);
      const seen = new Promise<number | null>((resolve) => {
        waiters.push({ hall, issued: count, at, done: resolve });
        setTimeout(() => resolve(null), 15_000);
      });
      void seen.then((ms) => (ms === null ? missed++ : latencies.push(ms)));
      await sleep(1000);
    }
  })();
  await Promise.all([...busy, probes]);
  const seconds = (performance.now() - start) / 1000;
  await sleep(3000);
  const after = await counts(base);
  ws.close(1000, "bench done");
  // Every ticket the halls issued, as the province counts them once the last reports are in.
  const issuedByHalls = [...issued.values()].reduce((a, b) => a + b, 0);
  let provinceIssued = 0;
  for (let i = 0; i < 20; i++) {
    provinceIssued = (await api(base, "display", "GET", `/api/regions/${p}`)).body.totals.issuedToday;
    if (provinceIssued >= issuedByHalls) break;
    await sleep(1000);
  }

  const delta = (key: string) => (after[key]?.handled ?? 0) - (before[key]?.handled ?? 0);
  const regionKeys = Object.keys(after).filter((k) => k.startsWith(`region:${p}`));
  const rates = regionKeys.map((k) => ({ region: k.slice("region:".length), perSecond: delta(k) / seconds })).sort((a, b) => b.perSecond - a.perSecond);
  const regionRequests = regionKeys.reduce((s, k) => s + delta(k), 0) + delta("region:~tree");
  const hallRequests = hallIds.reduce((s, h) => s + delta(h), 0);
  const perHallHour = (n: number) => (n / halls / seconds) * 3600;
  const stats = percentiles(latencies);
  const kind = (r: string) => (r === p ? "province" : /-k\d+$/.test(r) ? "county" : "city");
  print({
    measurement: "region",
    halls,
    cities: CITIES,
    counties,
    seconds: round(seconds, 1),
    ticketsPerHallHour: TICKETS_PER_HOUR,
    hallCommandsPerSecond: round(commands / seconds, 1),
    serverErrors: failures,
    ticketsIssued: issuedByHalls,
    ticketsAtProvince: provinceIssued,
    probes: latencies.length,
    probesMissed: missed,
    reportToProvinceMs: { p50: round(stats.p50, 0), p99: round(stats.p99, 0), max: round(stats.max, 0) },
    hallIssueMs: { p50: round(percentiles(issueLatencies).p50, 0), p99: round(percentiles(issueLatencies).p99, 0) },
    busiestRegion: rates[0] ? { region: rates[0].region, level: kind(rates[0].region), requestsPerSecond: round(rates[0].perSecond, 2) } : null,
    provinceRequestsPerSecond: round(rates.find((r) => r.region === p)?.perSecond ?? 0, 2),
    regionRequestsPerHallCommand: round(regionRequests / Math.max(1, commands), 2),
    perHallDay: {
      hallObjectRequests: Math.round(perHallHour(hallRequests) * OPEN_HOURS),
      regionObjectRequests: Math.round(perHallHour(regionRequests) * OPEN_HOURS),
    },
  });
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  try {
    for (const halls of SCALES) await measure(server.url, halls);
  } finally {
    await server.stop();
  }
}

await main();
