/** Drives the Worker from outside, as kiosks, terminals and screens do. */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { demoConfig } from "../worker/demo/hall.js";
import type { HallConfig } from "../worker/core/model.js";

export const ORIGIN = "http://hall.test";

export type Role = "admin" | "manager" | "counter" | "kiosk" | "display" | "reporter";

export async function call(
  role: Role | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (role) (init.headers as Record<string, string>).Authorization = `Bearer dev-${role}`;
  if (body !== undefined) {
    (init.headers as Record<string, string>)["Content-Type"] ??= "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const res = await SELF.fetch(`${ORIGIN}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // leave as text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A weekday morning (Tuesday 09:00 in Shanghai) later than any instant the suites are run at. */
export const MORNING = Date.parse("2031-03-04T09:00:00+08:00");

/**
 * Runs a hall's clock from `at` at real speed, so a long test meets no local midnight whatever
 * TONGBAN_CLOCK the suite runs at (npm run test:days). An eviction resets the clock.
 */
export async function runClockFrom(hall: string, at = MORNING): Promise<void> {
  const started = Date.now();
  await runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (o: { clock: () => number }) => {
    o.clock = () => at + (Date.now() - started);
  });
}

/** A hall configured like the demo hall, under its own name so tests do not share state. */
export async function newHall(name: string, change: (c: HallConfig) => void = () => {}): Promise<string> {
  const config = demoConfig();
  config.name = `test ${name}`;
  change(config);
  const res = await call("admin", "PUT", `/api/halls/${name}`, config);
  if (res.status !== 201) throw new Error(`could not configure ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return name;
}

export async function issue(hall: string, category: string, extra: Record<string, unknown> = {}) {
  const res = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category, ...extra });
  if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function snapshot(hall: string) {
  const res = await call("display", "GET", `/api/halls/${hall}`);
  if (res.status !== 200) throw new Error(`snapshot failed: ${res.status}`);
  return res.body;
}

export interface Feed {
  socket: WebSocket;
  messages: any[];
  /** Resolves when at least `n` messages have arrived. */
  waitFor(n: number, ms?: number): Promise<any[]>;
  close(): void;
}

export async function openFeed(hall: string, query = "", headers: Record<string, string> = {}): Promise<Feed> {
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?token=dev-display${query}`, {
    headers: { Upgrade: "websocket", ...headers },
  });
  if (res.status !== 101 || !res.webSocket) throw new Error(`no websocket: ${res.status} ${await res.text()}`);
  const socket = res.webSocket;
  const messages: any[] = [];
  const waiters: Array<() => void> = [];
  socket.addEventListener("message", (e) => {
    messages.push(JSON.parse(e.data as string));
    for (const w of waiters.splice(0)) w();
  });
  socket.accept();
  return {
    socket,
    messages,
    async waitFor(n, ms = 2000) {
      const deadline = Date.now() + ms;
      while (messages.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${messages.length}: ${JSON.stringify(messages.map((m) => m.type))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages;
    },
    close() {
      socket.close(1000, "test done");
    },
  };
}

/**
 * The seed a randomised suite runs with: TONGBAN_SEED when set (vitest.config.ts passes it
 * through, so `TONGBAN_SEED=123 npx vitest run tests/fuzz.test.ts` replays a run), otherwise a
 * fresh one. Suites put it in their describe names, so every failure names its seed.
 */
export function suiteSeed(): number {
  const given = (env as { TONGBAN_SEED?: string }).TONGBAN_SEED;
  if (given === undefined || given === "") return Date.now() % 1_000_000;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`TONGBAN_SEED must be an integer, not ${JSON.stringify(given)}`);
  return seed;
}
