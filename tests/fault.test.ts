/**
 * Faults: the hall object evicted mid-run, replies lost and retried, screens' sockets cut again
 * and again. Each test is a seeded random run whose seed is in its name; replay one with
 * `TONGBAN_SEED=<seed> npx vitest run tests/fault.test.ts`. `npm run soak` runs
 * the same tests longer (TONGBAN_SOAK=1, see scripts/soak.vitest.config.ts).
 */
import { env, evictDurableObject, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallEvent } from "../worker/core/events.js";
import type { HallObject } from "../worker/hall-object/index.js";
import { loadState } from "../worker/hall-object/storage.js";
import { checkLog, fold, random, RandomDay, Screen, type HallRequest } from "./fault-support.js";
import { newHall, ORIGIN, runClockFrom, suiteSeed } from "./helpers.js";

const SOAK = (env as { TONGBAN_SOAK?: string }).TONGBAN_SOAK === "1";
const size = (quick: number, soak: number) => (SOAK ? soak : quick);
// In every test's name; replay a failure with TONGBAN_SEED=<seed> npx vitest run tests/fault.test.ts.
const SEED = suiteSeed();

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Evicts the hall object; false when it was not running (already evicted, nothing since). */
async function evict(hall: string): Promise<boolean> {
  try {
    await evictDurableObject(stubOf(hall));
    return true;
  } catch (e) {
    if (String(e).includes("not currently running")) return false;
    throw e;
  }
}

interface Answer {
  status: number;
  body: any;
  replayed: boolean;
}

async function send(request: HallRequest, signal?: AbortSignal): Promise<Answer> {
  const res = await SELF.fetch(`${ORIGIN}${request.path}`, {
    method: request.method,
    headers: { Authorization: `Bearer dev-${request.role}`, "Content-Type": "application/json" },
    body: JSON.stringify(request.body),
    ...(signal ? { signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, replayed: res.headers.get("Idempotent-Replayed") === "true" };
}

/** What a terminal does: retry with the same commandId until the hall answers. */
async function sendUntilAnswered(request: HallRequest, failures: { count: number }): Promise<Answer> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const answer = await send(request);
      if (answer.status < 500) return answer;
    } catch {
      // the hall went away under the request; the retry says whether it applied
    }
    failures.count++;
    await sleep(5);
  }
  throw new Error(`no answer for ${request.kind} ${request.path} after 20 attempts`);
}

async function hallLog(hall: string): Promise<HallEvent[]> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
    state.storage.sql.exec<{ body: string }>("SELECT body FROM events ORDER BY seq").toArray().map((r) => JSON.parse(r.body) as HallEvent),
  );
}

async function auditCounts(hall: string): Promise<Map<string, number>> {
  const rows = await runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
    state.storage.sql.exec<{ id: string; n: number }>("SELECT command_id AS id, COUNT(*) AS n FROM audit WHERE command_id IS NOT NULL GROUP BY command_id").toArray(),
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The state the hall rebuilds when it wakes: its snapshot plus the tail of the log. */
async function wokenState(hall: string) {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => loadState(state.storage.sql, hall));
}

describe(`faults (seed ${SEED})`, () => {
  it(
    "keeps every acknowledged ticket, never reissues a number and keeps seq strictly increasing when the hall is evicted every ~100 commands",
    async () => {
      const hall = await newHall(`fault-evict-${SEED}`);
      const day = new RandomDay(hall, SEED);
      const rnd = random(SEED + 1);
      const commands = size(1500, 10_000);
      const failures = { count: 0 };
      const answers = new Map<string, number>();
      let evictions = 0;
      let nextEviction = 50 + Math.floor(rnd() * 100);
      const started = Date.now();

      const apply = async (request: HallRequest) => {
        const answer = await sendUntilAnswered(request, failures);
        answers.set(request.body.commandId as string, answer.status);
        if (answer.status < 300) day.learn(request, answer.body);
      };

      for (let i = 0; i < commands; ) {
        if (rnd() < 0.03) {
          // A rush at the kiosks: five tickets at once, while the hall is evicted under them.
          const rush = Array.from({ length: 5 }, () => day.issue("traffic"));
          const pending = Promise.all(rush.map(apply));
          await sleep(rnd() * 2);
          if (await evict(hall)) evictions++;
          await pending;
          i += rush.length;
          continue;
        }
        const request = day.next();
        if (i >= nextEviction) {
          const pending = apply(request);
          if (rnd() < 0.5) await sleep(rnd() * 2);
          if (await evict(hall)) evictions++;
          nextEviction = i + 50 + Math.floor(rnd() * 100);
          await pending;
        } else {
          await apply(request);
        }
        i++;
      }

      const log = await hallLog(hall);
      expect(checkLog(log, day)).toEqual([]);
      expect(await wokenState(hall)).toEqual(fold(hall, log));
      const audit = await auditCounts(hall);
      for (const [id, status] of answers) expect(audit.get(id) ?? 0, `audit rows for ${id} (${status})`).toBe(status < 300 ? 1 : 0);
      expect(evictions).toBeGreaterThanOrEqual(Math.floor(commands / 150));
      console.log(
        JSON.stringify({
          test: "evictions",
          seed: SEED,
          commands,
          evictions,
          retries: failures.count,
          events: log.length,
          tickets: day.numbers.size,
          waitingAtEnd: [...day.tickets.values()].filter((s) => s === "waiting").length,
          ms: Date.now() - started,
        }),
      );
    },
    size(60_000, 900_000),
  );

  it(
    "applies every command once when ~10% of replies are lost and the command is retried with the same commandId",
    async () => {
      // The hall's clock first, so it is configured on the clock it runs on: no midnight mid-run,
      // whatever the suite clock, and its first event is not years old (the hall would archive it).
      const hall = `fault-drop-${SEED}`;
      await runClockFrom(hall);
      await newHall(hall);
      const day = new RandomDay(hall, SEED + 2);
      const rnd = random(SEED + 3);
      const commands = size(600, 5000);
      const failures = { count: 0 };
      const answers = new Map<string, number>();
      const counts = { dropped: 0, aborted: 0, replayed: 0, doubled: 0 };

      for (let i = 0; i < commands; i++) {
        const request = day.next();
        const r = rnd();
        let lost: Answer | null = null;
        if (r < 0.05) {
          // The reply is lost on the way back: the hall applied it, the terminal never heard.
          lost = await send(request);
          counts.dropped++;
        } else if (r < 0.1) {
          // The connection drops while the request is in flight: applied or not, nobody knows.
          const abort = new AbortController();
          const pending = send(request, abort.signal).catch(() => null);
          setTimeout(() => abort.abort(), rnd() * 3);
          await pending;
          counts.aborted++;
        } else if (r < 0.12) {
          // A double-pressed button: the same command twice at once.
          const [a, b] = await Promise.all([send(request), send(request)]);
          expect(b.body).toEqual(a.body);
          expect(a.status).toBe(b.status);
          counts.doubled++;
        }
        const answer = await sendUntilAnswered(request, failures);
        if (lost && lost.status < 300) {
          expect(answer.replayed, `retry of ${request.kind} ${request.body.commandId}`).toBe(true);
          expect(answer.body).toEqual(lost.body);
        }
        if (answer.replayed) counts.replayed++;
        answers.set(request.body.commandId as string, answer.status);
        if (answer.status < 300) day.learn(request, answer.body);
      }

      const log = await hallLog(hall);
      expect(checkLog(log, day)).toEqual([]);
      const audit = await auditCounts(hall);
      for (const [id, status] of answers) expect(audit.get(id) ?? 0, `audit rows for ${id}`).toBe(status < 300 ? 1 : 0);
      const issued = [...answers].filter(([id, s]) => s === 201 && id.startsWith(day.runId)).length;
      expect(log.filter((e) => e.type === "ticket.issued")).toHaveLength(issued);
      console.log(JSON.stringify({ test: "lost replies", seed: SEED, commands, ...counts, retries: failures.count }));
    },
    size(60_000, 900_000),
  );

  it(
    "screens whose sockets are cut every ~1 s end with the hall's exact state, apply events in order and speak no call twice",
    async () => {
      // The hall's clock first, so it is configured on the clock it runs on: no midnight mid-run,
      // whatever the suite clock, and its first event is not years old (the hall would archive it).
      const hall = `fault-jitter-${SEED}`;
      await runClockFrom(hall);
      await newHall(hall);
      const day = new RandomDay(hall, SEED + 4);
      const rnd = random(SEED + 5);
      const runMs = size(4000, 120_000);
      const screens = Array.from({ length: size(8, 24) }, () => new FeedClient(hall));
      await Promise.all(screens.map((s) => s.connect()));

      let running = true;
      const killers = screens.map(async (s) => {
        while (running) {
          await sleep(700 + rnd() * 600);
          if (running) s.cut(100 + rnd() * 200);
        }
      });
      const failures = { count: 0 };
      let commands = 0;
      let evictions = 0;
      const deadline = Date.now() + runMs;
      while (Date.now() < deadline) {
        const request = day.next();
        const answer = await sendUntilAnswered(request, failures);
        if (answer.status < 300) day.learn(request, answer.body);
        commands++;
        if (commands % 200 === 0) {
          // The hall itself goes away too: every socket drops at once.
          if (await evict(hall)) evictions++;
        }
      }
      running = false;
      await Promise.all(killers);

      const log = await hallLog(hall);
      const head = log.at(-1)!.seq;
      for (let i = 0; i < 100 && screens.some((s) => !s.online || s.screen.seq < head); i++) await sleep(50);
      const hallState = await wokenState(hall);
      const calls = log.filter((e) => e.type === "ticket.called" || e.type === "ticket.recalled").length;
      for (const s of screens) {
        expect(s.screen.problems).toEqual([]);
        expect(s.screen.duplicates).toBe(0);
        expect(s.screen.seq).toBe(head);
        expect(s.screen.state).toEqual(hallState);
        expect(s.screen.spoken.size).toBe(calls);
      }
      for (const s of screens) s.close();
      const reconnects = screens.reduce((n, s) => n + s.screen.connects, 0);
      console.log(JSON.stringify({ test: "jitter", seed: SEED, runMs, screens: screens.length, commands, evictions, reconnects, events: head, calls }));
    },
    size(60_000, 900_000),
  );
});

/** A screen in the test pool: resumes with since= after every cut, as display/browser/live.js does. */
class FeedClient {
  readonly screen: Screen;
  #socket: WebSocket | null = null;
  #closed = false;

  constructor(readonly hall: string) {
    this.screen = new Screen(hall);
  }

  get online(): boolean {
    return this.#socket !== null;
  }

  async connect(): Promise<void> {
    if (this.#closed) return;
    let res: Response;
    try {
      res = await SELF.fetch(`${ORIGIN}/api/halls/${this.hall}/live?since=${this.screen.seq}`, {
        headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": "tongban.v1, bearer.dev-display" },
      });
    } catch {
      setTimeout(() => void this.connect(), 50);
      return;
    }
    const ws = res.webSocket;
    if (res.status !== 101 || !ws) {
      setTimeout(() => void this.connect(), 50);
      return;
    }
    this.#socket = ws;
    this.screen.connects++;
    ws.addEventListener("message", (e) => {
      if (this.#socket === ws) this.screen.receive(e.data as string);
    });
    ws.addEventListener("close", () => {
      if (this.#socket !== ws) return;
      this.#socket = null;
      setTimeout(() => void this.connect(), 20);
    });
    ws.accept();
  }

  /** Cuts the socket and stays offline for `offlineMs`. */
  cut(offlineMs: number): void {
    const ws = this.#socket;
    if (!ws) return;
    this.#socket = null;
    ws.close(1000, "cut");
    setTimeout(() => void this.connect(), offlineMs);
  }

  close(): void {
    this.#closed = true;
    this.#socket?.close(1000, "done");
    this.#socket = null;
  }
}
