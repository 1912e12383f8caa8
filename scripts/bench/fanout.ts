/**
 * Call-to-screen over the live feed: `npm run bench:fanout`.
 *
 * N WebSocket clients (100, 500, 1,000; BENCH_FANOUT=100,500 to choose) watch one hall on a
 * fresh `wrangler dev`; a counter calls a ticket every BENCH_CALL_MS (250) ms, finishing the
 * window's previous ticket first, as an officer does. For each call: the time from sending the
 * `call` request to the `ticket.called` event arriving at every client, p50/p95/p99/max over
 * all clients and calls, and how many deliveries never came. Then the same N screens on the
 * main screen's HTML view (what LED screens receive), twice side by side: whole views on every
 * update (`updates=whole`) and only the regions that changed (the default), timing the first
 * fragment after each call; one line per round, then one line of ratios (changed ÷ whole) per N.
 * `bytesPerUpdate` is what one client receives per call (the finish and the call before it),
 * before compression; `bytesPerCallUpdate` the call's own update alone (HTML rounds). A first round
 * with one screen gives the `call` reply time the others are held against (`callReplyVsOneScreen`).
 * Clients and server share the machine's cores, so the figures include the clients' own work:
 * each row prints both sides' CPU per call (`clientCpuMsPerCall`, `serverCpuMsPerCall`, workerd's
 * processes). BENCH_FANOUT_ROUNDS=json,whole,changed picks rounds. Chromium's call-to-screen is
 * `npm run bench:screens`.
 */
import { api, closeAll, demoHall, devServer, Interrupted, machine, openMany, openSocket, percentiles, print, progress, sleep, withRetries, workerdCpuMs, type Client } from "./support.js";

const SIZES = (process.env.BENCH_FANOUT ?? "100,500,1000").split(",").map(Number);
const CALL_MS = Number(process.env.BENCH_CALL_MS ?? 250);
const WINDOWS = ["1", "2", "3", "4", "6"];
/** Which rounds to run at each count (BENCH_FANOUT_ROUNDS=json,whole,changed): all three by default. */
const ROUNDS = new Set((process.env.BENCH_FANOUT_ROUNDS ?? "json,whole,changed").split(","));
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

interface Round {
  clients: number;
  calls: number;
  view: "json" | "html";
  updates?: "whole" | "changed";
}

interface Measured {
  p99ms: number;
  bytesPerUpdate: number;
  callReplyP50ms: number;
}

async function measureRound(base: string, hall: string, server: number, { clients: n, calls, view, updates }: Round, one?: Measured): Promise<Measured> {
  for (let i = 0; i < calls + 5; i++) await api(base, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: i % 2 ? "household" : "traffic" });
  const head = (await api(base, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
  // Arrival times per client: ticket id → ms (json), or seq → ms for the first fragment at or after it (html).
  const arrivals: Array<Map<string, number>> = [];
  // Bytes each client received after its first message (the whole view, or the backlog's start).
  const bytes: number[] = [];
  // Per client, each HTML fragment's seq, arrival time and size.
  const fragments: Array<Array<[number, number, number]>> = [];
  // One JSON socket tells which seq each call got, so HTML fragments can be matched to calls.
  const callSeq = new Map<string, number>();
  const oracle = openSocket(base, hall, `since=${head}`, (data) => {
    const m = JSON.parse(data);
    if (m.type === "ticket.called") callSeq.set(m.ticket.id, m.seq);
  });
  await oracle.opened;
  const c0 = performance.now();
  const clients: Client[] = await openMany(n, 50, (i) => {
    arrivals[i] = new Map();
    fragments[i] = [];
    bytes[i] = 0;
    let first = true;
    const counted = (data: string) => {
      if (!first) bytes[i]! += Buffer.byteLength(data);
      first = false;
    };
    return view === "json"
      ? openSocket(base, hall, `since=${head}`, (data, at) => {
          if (data === "pong") return;
          bytes[i]! += Buffer.byteLength(data);
          const m = JSON.parse(data);
          if (m.type === "ticket.called") arrivals[i]!.set(m.ticket.id, at);
        })
      : openSocket(base, hall, `view=main&since=${head}&updates=${updates ?? "changed"}`, (data, at) => {
          counted(data);
          const m = JSON.parse(data);
          if (m.type === "html") fragments[i]!.push([m.seq, at, Buffer.byteLength(data)]);
        });
  });
  const connectMs = performance.now() - c0;
  progress(`fanout: ${n} ${view} clients connected in ${Math.round(connectMs)} ms`);
  await sleep(500);

  const sent = new Map<string, number>();
  const replies: number[] = [];
  // CPU time of the clients (this process) and of the server (workerd) over the calls and the drain after them.
  const clientCpu0 = process.cpuUsage();
  const serverCpu0 = workerdCpuMs(server);
  for (let i = 0; i < calls; i++) {
    const tick = performance.now();
    const w = WINDOWS[i % WINDOWS.length]!;
    await api(base, "counter", "POST", `/api/halls/${hall}/windows/${w}/finish`);
    const t0 = performance.now();
    const res = await api(base, "counter", "POST", `/api/halls/${hall}/windows/${w}/call`);
    replies.push(performance.now() - t0);
    if (!res.body?.ticket) throw new Interrupted(`call at ${w} found nobody: ${JSON.stringify(res.body)}`);
    sent.set(res.body.ticket.id, t0);
    await sleep(Math.max(0, CALL_MS - (performance.now() - tick)));
  }
  await sleep(2000);
  const clientCpu = process.cpuUsage(clientCpu0);
  const clientCpuMsPerCall = Math.round((clientCpu.user + clientCpu.system) / 1000 / calls * 10) / 10;
  const serverCpuMsPerCall = Math.round((workerdCpuMs(server) - serverCpu0) / calls * 10) / 10;
  if (oracle.dropped || clients.some((c) => c.dropped)) {
    oracle.ws.close(1000, "bench done");
    await closeAll(clients);
    throw new Interrupted(`${clients.filter((c) => c.dropped).length} sockets dropped by the server`);
  }

  const latencies: number[] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    for (const [ticket, t0] of sent) {
      if (view === "json") {
        const at = arrivals[i]!.get(ticket);
        if (at === undefined) missing++;
        else latencies.push(at - t0);
      } else {
        const seq = callSeq.get(ticket);
        const at = seq === undefined ? undefined : fragments[i]!.find(([s]) => s >= seq)?.[1];
        if (at === undefined) missing++;
        else latencies.push(at - t0);
      }
    }
  }
  const stats = percentiles(latencies);
  const bytesPerUpdate = Math.round(bytes.reduce((a, b) => a + b, 0) / n / calls);
  // The call's own update alone (the finish before it is an update of its own), on the first screen.
  const callUpdates = [...sent.keys()].map((ticket) => fragments[0]?.find(([s]) => s === callSeq.get(ticket))?.[2]).filter((b) => b !== undefined);
  const bytesPerCallUpdate = callUpdates.length ? Math.round(callUpdates.reduce((a, b) => a + b, 0) / callUpdates.length) : undefined;
  const callReplyP50ms = percentiles(replies).p50;
  print({
    measurement: view === "json" ? "fanout.call-to-client" : "fanout.call-to-fragment",
    ...(view === "html" ? { updates: updates ?? "changed" } : {}),
    clients: n,
    calls,
    callEveryMs: CALL_MS,
    deliveries: stats.n,
    missing,
    p50ms: stats.p50,
    p95ms: stats.p95,
    p99ms: stats.p99,
    maxMs: stats.max,
    bytesPerUpdate,
    ...(view === "html" ? { bytesPerCallUpdate } : {}),
    callReplyP50ms,
    // The target: within 2× of a hall with one screen.
    ...(one ? { callReplyVsOneScreen: ratio(callReplyP50ms, one.callReplyP50ms) } : {}),
    // Where the time goes: the clients share the server's cores, so their CPU is part of every figure.
    clientCpuMsPerCall,
    serverCpuMsPerCall,
    connectMs: Math.round(connectMs),
  });
  oracle.ws.close(1000, "bench done");
  await closeAll(clients);
  return { p99ms: stats.p99, bytesPerUpdate, callReplyP50ms };
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  const hall = "bench-fanout";
  try {
    await demoHall(server.url, hall);
    const calls = (clients: number) => (clients >= 1000 ? 30 : 40);
    const pid = server.process.pid!;
    const run = (r: Round, one?: Measured) => withRetries(`fanout ${r.clients} ${r.view} ${r.updates ?? ""}`, () => measureRound(server.url, hall, pid, r, one));
    // First a hall with one screen: every other round's `call` reply is held against its.
    const one = await run({ clients: 1, calls: 40, view: "html" });
    for (const clients of SIZES) {
      if (ROUNDS.has("json")) await run({ clients, calls: calls(clients), view: "json" }, one);
    }
    for (const clients of SIZES) {
      const whole = ROUNDS.has("whole") ? await run({ clients, calls: calls(clients), view: "html", updates: "whole" }, one) : null;
      const changed = ROUNDS.has("changed") ? await run({ clients, calls: calls(clients), view: "html", updates: "changed" }, one) : null;
      if (!whole || !changed) continue;
      print({
        measurement: "fanout.changed-vs-whole",
        clients,
        p99Ratio: ratio(changed.p99ms, whole.p99ms),
        bytesRatio: ratio(changed.bytesPerUpdate, whole.bytesPerUpdate),
        // The reply at N screens against a hall with one: the target is within 2×.
        callReplyVsOneScreen: ratio(changed.callReplyP50ms, one.callReplyP50ms),
      });
    }
  } finally {
    await server.stop();
  }
}

await main();
