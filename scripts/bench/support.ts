/**
 * What every bench script needs: a fresh `wrangler dev` on loopback, the API as a device
 * sees it, WebSocket screens, percentiles, the workerd process's memory, and the machine.
 * Every measurement is printed as one JSON line on stdout; progress goes to stderr.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { startDevServer, type DevServer, type DevServerOptions } from "../../tests/browser/server.js";
import { demoConfig } from "../../worker/demo/hall.js";

export { percentiles, round } from "../../tests/fault-support.js";

export const print = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);
export const progress = (m: string) => process.stderr.write(`${m}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function devServer(options: DevServerOptions = {}): Promise<DevServer> {
  progress("starting wrangler dev…");
  return startDevServer(options);
}

export async function api(base: string, role: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A hall configured like the demo hall. */
export async function demoHall(base: string, hall: string): Promise<void> {
  const res = await api(base, "admin", "PUT", `/api/halls/${hall}`, { ...demoConfig(), name: `bench ${hall}` });
  if (res.status !== 201 && res.status !== 200) throw new Error(`configure ${hall}: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface Client {
  ws: WebSocket;
  opened: Promise<void>;
  /** Set when the socket closed before the bench closed it (wrangler dev reloads on file changes). */
  dropped: boolean;
}

/**
 * A socket on the live feed, the token in the `bearer.` subprotocol (as a browser page can);
 * `query` adds since= or view=.
 */
export function openSocket(base: string, hall: string, query: string, onMessage: (data: string, at: number) => void): Client {
  const url = `${base.replace(/^http/, "ws")}/api/halls/${hall}/live${query ? `?${query}` : ""}`;
  const ws = new WebSocket(url, ["tongban.v1", "bearer.dev-display"]);
  ws.addEventListener("message", (e) => onMessage(String(e.data), performance.now()));
  const opened = new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error(`socket to ${url} failed`)), { once: true });
  });
  const client: Client = { ws, opened, dropped: false };
  ws.addEventListener("close", (e) => {
    if (e.code !== 1000 || e.reason !== "bench done") client.dropped = true;
  });
  return client;
}

/** Opens `n` sockets, `batch` at a time, so the handshakes do not all land at once. */
export async function openMany(n: number, batch: number, open: (i: number) => Client): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += batch) {
    const group = Array.from({ length: Math.min(batch, n - i) }, (_, j) => open(i + j));
    await Promise.all(group.map((c) => c.opened));
    clients.push(...group);
  }
  return clients;
}

/** Thrown when the server dropped sockets mid-measurement; the caller measures again. */
export class Interrupted extends Error {}

/**
 * Runs `measure` again (up to `attempts` times) when wrangler dev reloaded under it: it rebuilds
 * and drops every socket whenever a watched source file changes, which is not what is measured.
 */
export async function withRetries<T>(name: string, measure: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await measure();
    } catch (e) {
      if (!(e instanceof Interrupted) || i >= attempts) throw e;
      progress(`${name}: ${e.message}; measuring again (${i + 1}/${attempts})`);
      await sleep(3000);
    }
  }
}

export async function closeAll(clients: Client[]): Promise<void> {
  for (const c of clients) c.ws.close(1000, "bench done");
  await sleep(500);
}

/** Resident memory (MiB) of the workerd processes under a wrangler dev process. */
export function workerdMemoryMiB(root: number): number {
  let total = 0;
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const walk = (pid: number) => {
    for (const child of children(pid)) {
      try {
        const cmd = readFileSync(`/proc/${child}/cmdline`, "utf8");
        if (cmd.includes("workerd")) {
          const rss = readFileSync(`/proc/${child}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
          if (rss) total += Number(rss[1]) / 1024;
        }
      } catch {
        // gone
      }
      walk(child);
    }
  };
  walk(root);
  return Math.round(total * 10) / 10;
}

/** CPU time (ms, user + system) the workerd processes under a wrangler dev process have used so far. */
export function workerdCpuMs(root: number): number {
  const tick = 1000 / 100; // Linux's USER_HZ: /proc/PID/stat counts CPU time in 1/100 s
  let total = 0;
  const walk = (pid: number) => {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return;
    }
    for (const child of children) {
      try {
        if (readFileSync(`/proc/${child}/cmdline`, "utf8").includes("workerd")) {
          // Fields after the command's closing parenthesis: utime is the 12th, stime the 13th.
          const fields = readFileSync(`/proc/${child}/stat`, "utf8").split(") ")[1]!.split(" ");
          total += (Number(fields[11]) + Number(fields[12])) * tick;
        }
      } catch {
        // gone
      }
      walk(child);
    }
  };
  walk(root);
  return total;
}

/** The machine the figures come from. */
export function machine(): Record<string, unknown> {
  const read = (path: string) => {
    try {
      return JSON.parse(readFileSync(path, "utf8")).version as string;
    } catch {
      return null;
    }
  };
  let workerd: string | null = null;
  try {
    const dir = "node_modules/wrangler/node_modules/@cloudflare";
    const pkg = readdirSync(dir).find((d) => d.startsWith("workerd-"));
    if (pkg) workerd = execFileSync(`${dir}/${pkg}/bin/workerd`, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // unknown
  }
  return {
    measurement: "machine",
    nproc: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    wrangler: read("node_modules/wrangler/package.json"),
    workerd,
  };
}
