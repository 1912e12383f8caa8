/**
 * Global setup for the browser suite: one `wrangler dev` (workerd) on a free loopback port with
 * its own empty storage, shared by every browser test; each test uses its own hall.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { SUITE_CLOCK } from "../suite-clock.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const suiteStarted = Date.now();

/**
 * Where the halls' clock starts on a server started now: SUITE_CLOCK when the suite began, plus
 * the time since, so a restarted server's clock carries on instead of going back.
 */
function suiteClockNow(): string {
  return new Date(Date.parse(SUITE_CLOCK) + (Date.now() - suiteStarted)).toISOString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The processes under `pid` (wrangler's node, then workerd), read from /proc; none elsewhere. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export interface DevServerOptions {
  /** Listen here instead of on a free port, so a restarted server keeps its clients' URLs. */
  port?: number;
  /** Keep the halls' storage in this folder and leave it there on stop, so a second server resumes them. */
  persistTo?: string;
}

export interface DevServer {
  url: string;
  process: ChildProcess;
  /** Everything wrangler dev printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const state = options.persistTo ?? mkdtempSync(join(tmpdir(), "tongban-dev-"));
  const child = spawn(
    "node_modules/.bin/wrangler",
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--inspector-port", "0", "--show-interactive-dev-session=false", "--var", `TONGBAN_CLOCK:${suiteClockNow()}`],
    { env: { ...process.env, WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`wrangler dev did not start in 90 s: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    log: () => log,
    async stop() {
      const tree = child.pid ? descendants(child.pid) : [];
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      // wrangler stops workerd on SIGTERM, after it exits itself: wait for the whole tree, so
      // the port and the storage are free for a restart, and kill what is left after 5 s.
      const deadline = Date.now() + 5000;
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      while (tree.some(running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      for (const pid of tree.filter(running)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone meanwhile
        }
      }
      if (!options.persistTo) rmSync(state, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
