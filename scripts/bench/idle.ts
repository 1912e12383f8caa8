/**
 * The cost of an idle hall: `npm run bench:idle`.
 *
 * BENCH_IDLE_SCREENS (500) main-screen sockets (the HTML view LED screens use) connect to one
 * hall on a fresh `wrangler dev` and behave like display/browser/live.js: after 20 s without a
 * message they send "ping". Nothing else happens for BENCH_IDLE_SECONDS (60) s, but the minute
 * tick: BENCH_IDLE_WAITING (12) tickets wait and three are at windows, so the screens' waits age
 * and the hall renders them once a minute (worker/hall-object/tick.ts); with BENCH_IDLE_WAITING=0
 * nobody waits and the hall should not wake at all. Reported: how
 * often the hall object was constructed (woke) and how many requests, socket messages, closes
 * and alarms its code handled during the idle minute — read from the development-only counter
 * at GET /api/dev/wakes (worker/service/wakes.ts), which does not touch the hall — and the
 * resident memory of the workerd process before the screens, with them, and after the minute.
 * Then one call: whether the hall had to wake for it (it had hibernated) and whether every
 * screen still got the update.
 */
import { api, closeAll, demoHall, devServer, Interrupted, machine, openMany, openSocket, print, progress, sleep, withRetries, workerdMemoryMiB } from "./support.js";

const SCREENS = Number(process.env.BENCH_IDLE_SCREENS ?? 500);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const WAITING = Number(process.env.BENCH_IDLE_WAITING ?? 12);
const SETTLE_SECONDS = 15;
const PING_AFTER_MS = 20_000;

type Counts = Record<string, { wakes: number; handled: number }>;

async function counts(base: string): Promise<{ wakes: number; handled: number }> {
  const all = (await (await fetch(`${base}/api/dev/wakes`)).json()) as Counts;
  return Object.values(all).reduce((a, b) => ({ wakes: a.wakes + b.wakes, handled: a.handled + b.handled }), { wakes: 0, handled: 0 });
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  try {
    await withRetries("idle", () => measure(server.url, server.process.pid!));
  } finally {
    await server.stop();
  }
}

async function measure(base: string, pid: number): Promise<void> {
  const hall = "bench-idle";
  await demoHall(base, hall);
  for (let i = 0; i < WAITING; i++) await api(base, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: i % 2 ? "household" : "traffic" });
  if (WAITING > 0) for (const w of ["1", "2", "3"]) await api(base, "counter", "POST", `/api/halls/${hall}/windows/${w}/call`);
  const seq = (await api(base, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
  await sleep(2000);
  const memoryBefore = workerdMemoryMiB(pid);

  const heard: number[] = [];
  const updated = new Set<number>();
  let pongs = 0;
  let pings = 0;
  let updatesWhileIdle = 0;
  let idle = false;
  const clients = await openMany(SCREENS, 50, (i) => {
    heard[i] = performance.now();
    return openSocket(base, hall, `view=main&since=${seq}`, (data, at) => {
      heard[i] = at;
      if (data === "pong") pongs++;
      else {
        if (idle) updatesWhileIdle++;
        updated.add(i);
      }
    });
  });
  progress(`idle: ${SCREENS} screens connected; settling ${SETTLE_SECONDS} s`);
  // live.js: a ping after 20 s of silence, checked every second.
  const pinger = setInterval(() => {
    const now = performance.now();
    clients.forEach((c, i) => {
      if (now - heard[i]! > PING_AFTER_MS && c.ws.readyState === WebSocket.OPEN) {
        c.ws.send("ping");
        heard[i] = now;
        pings++;
      }
    });
  }, 1000);
  await sleep(SETTLE_SECONDS * 1000);
  const memoryConnected = workerdMemoryMiB(pid);
  const before = await counts(base);
  updated.clear();
  idle = true;
  const samples: number[] = [];
  progress(`idle: nothing happens for ${IDLE_SECONDS} s`);
  for (let s = 0; s < IDLE_SECONDS; s += 10) {
    await sleep(Math.min(10, IDLE_SECONDS - s) * 1000);
    samples.push(workerdMemoryMiB(pid));
  }
  idle = false;
  const after = await counts(base);
  const memoryAfter = workerdMemoryMiB(pid);

  const t0 = performance.now();
  if (WAITING > 0) await api(base, "counter", "POST", `/api/halls/${hall}/windows/4/call`);
  else await api(base, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
  const replyMs = performance.now() - t0;
  for (let i = 0; i < 50 && updated.size < SCREENS; i++) await sleep(100);
  const woken = await counts(base);
  clearInterval(pinger);

  if (clients.some((c) => c.dropped) || after.wakes < before.wakes || woken.wakes < after.wakes) {
    await closeAll(clients);
    throw new Interrupted(`${clients.filter((c) => c.dropped).length} screens dropped by the server`);
  }
  print({
    measurement: "idle.hall",
    screens: SCREENS,
    idleSeconds: IDLE_SECONDS,
    waiting: WAITING,
    wakesWhileIdle: after.wakes - before.wakes,
    handledWhileIdle: after.handled - before.handled,
    updatesWhileIdle,
    pingsSent: pings,
    pongs,
    workerdMiB: { beforeScreens: memoryBefore, withScreens: memoryConnected, afterIdle: memoryAfter, min: Math.min(...samples), max: Math.max(...samples) },
    perScreenKiB: Math.round(((memoryConnected - memoryBefore) * 1024) / SCREENS),
    firstCallAfterIdle: { wokeHall: woken.wakes - after.wakes, replyMs: Math.round(replyMs), screensUpdated: updated.size, dropped: clients.filter((c) => c.dropped).length },
  });
  await closeAll(clients);
}

await main();
