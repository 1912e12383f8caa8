/**
 * What the fault suite and the soak scripts share: a seeded random hall day (kiosks issuing,
 * windows calling, finishing, transferring), and a screen that applies the live feed the way a
 * real one must: strictly in order, resuming with since=, speaking each call once.
 *
 * Plain TypeScript with no runtime imports, so it runs in workerd (the test pool) and in Node
 * (the soak scripts against `wrangler dev`).
 */
import { emptyHall, evolve } from "../worker/core/hall.js";
import type { HallEvent } from "../worker/core/events.js";
import type { HallState } from "../worker/core/model.js";

/** mulberry32: small, fast and seedable, so a failing run can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HallRequest {
  method: string;
  path: string;
  role: "kiosk" | "counter" | "manager";
  body: Record<string, unknown>;
  /** What the command does, for reports: "issue", "call", … */
  kind: string;
}

const CATEGORIES = ["household", "exit-entry", "traffic", "security"];
const WINDOWS = ["1", "2", "3", "4", "5", "6"];

/**
 * A random but plausible day at the demo-like hall: mostly commands that apply, some that a rule
 * refuses (finish at an idle window, call at a busy one). It learns the hall from the replies
 * it is shown, never from the hall itself.
 */
export class RandomDay {
  readonly rnd: () => number;
  /** Ticket id → status, from the latest acknowledged reply naming it. */
  readonly tickets = new Map<string, string>();
  /** Ticket id → number, from acknowledged issue replies. */
  readonly numbers = new Map<string, string>();
  /** Window → the ticket it holds, as far as replies tell. */
  readonly windows = new Map<string, string | null>();
  #n = 0;

  constructor(
    readonly hall: string,
    seed: number,
    readonly runId = `run${seed}`,
  ) {
    this.rnd = random(seed);
  }

  #pick<T>(items: T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!;
  }

  #withStatus(status: string): string[] {
    return [...this.tickets].filter(([, s]) => s === status).map(([id]) => id);
  }

  /** A ticket from the kiosk. */
  issue(category = this.#pick(CATEGORIES)): HallRequest {
    const priority = this.rnd() < 0.1 ? "elderly" : "normal";
    const body = { category, priority, commandId: `${this.runId}-${++this.#n}` };
    return { method: "POST", path: `/api/halls/${this.hall}/tickets`, role: "kiosk", body, kind: "issue" };
  }

  next(): HallRequest {
    const r = this.rnd();
    if (r < 0.25) return this.issue();
    const commandId = `${this.runId}-${++this.#n}`;
    const base = `/api/halls/${this.hall}`;
    const busy = WINDOWS.filter((w) => this.windows.get(w));
    const busyOrAny = () => (busy.length > 0 && this.rnd() < 0.8 ? this.#pick(busy) : this.#pick(WINDOWS));
    const at = (w: string, action: string): HallRequest => ({
      method: "POST",
      path: `${base}/windows/${w}/${action}`,
      role: "counter",
      body: { commandId },
      kind: action,
    });
    if (r < 0.55) return at(this.#pick(WINDOWS), "call");
    if (r < 0.62) return at(busyOrAny(), "start");
    if (r < 0.8) return at(busyOrAny(), "finish");
    if (r < 0.85) return at(busyOrAny(), "no-show");
    if (r < 0.89) return at(busyOrAny(), "recall");
    const noShows = this.#withStatus("no_show");
    if (r < 0.92 && noShows.length > 0) {
      return { method: "POST", path: `${base}/tickets/${this.#pick(noShows)}/requeue`, role: "counter", body: { commandId }, kind: "requeue" };
    }
    const waiting = this.#withStatus("waiting");
    if (r < 0.96 && waiting.length > 0) {
      const body = { category: this.#pick(CATEGORIES), commandId };
      return { method: "POST", path: `${base}/tickets/${this.#pick(waiting)}/transfer`, role: "counter", body, kind: "transfer" };
    }
    if (waiting.length > 0) {
      return { method: "POST", path: `${base}/tickets/${this.#pick(waiting)}/cancel`, role: "counter", body: { reason: "fault run", commandId }, kind: "cancel" };
    }
    return at(this.#pick(WINDOWS), "call");
  }

  /** Learns from an acknowledged reply (2xx). */
  learn(request: HallRequest, body: any): void {
    const ticket = body?.ticket;
    // A call at a busy window finishes the ticket there first (one press per citizen).
    if (body?.finished) this.tickets.set(body.finished.id, body.finished.status);
    const window = request.path.match(/\/windows\/([^/]+)\//)?.[1];
    if (request.kind === "call" && window) this.windows.set(window, ticket?.id ?? null);
    if (!ticket) return;
    this.tickets.set(ticket.id, ticket.status);
    if (request.kind === "issue") this.numbers.set(ticket.id, ticket.number);
    if (["finish", "no-show", "cancel", "transfer"].includes(request.kind)) {
      for (const [w, held] of this.windows) if (held === ticket.id) this.windows.set(w, null);
    }
  }
}

/** What the hall's log must show after any run, however it was interrupted. */
export function checkLog(events: HallEvent[], day: RandomDay): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`event ${i} has seq ${e.seq}, expected ${i + 1}`);
  });
  const issued = events.filter((e): e is Extract<HallEvent, { type: "ticket.issued" }> => e.type === "ticket.issued");
  const byId = new Map<string, number>();
  for (const e of issued) byId.set(e.ticket.id, (byId.get(e.ticket.id) ?? 0) + 1);
  for (const [id, n] of byId) if (n > 1) problems.push(`ticket ${id} issued ${n} times`);
  const numbers = issued.map((e) => `${e.ticket.id.split("-")[0]}:${e.ticket.number}`);
  if (new Set(numbers).size !== numbers.length) problems.push("a number was issued twice on one day");
  let state: HallState = emptyHall(day.hall);
  for (const e of events) state = evolve(state, e);
  for (const [id, number] of day.numbers) {
    const t = state.tickets[id];
    if (!t) problems.push(`acknowledged ticket ${id} (${number}) is missing`);
    else if (t.number !== number) problems.push(`ticket ${id} is ${t.number}, acknowledged as ${number}`);
  }
  for (const [id, status] of day.tickets) {
    const t = state.tickets[id];
    if (t && t.status !== status) problems.push(`ticket ${id} is ${t.status}, the last acknowledged reply said ${status}`);
  }
  return problems;
}

/** The hall from its whole log, as a screen that saw every event would hold it. */
export function fold(hall: string, events: HallEvent[]): HallState {
  let state = emptyHall(hall);
  for (const e of events) state = evolve(state, e);
  return state;
}

/**
 * A screen (and announcer) on the JSON feed: applies each event once, in order, and keeps the
 * whole hall by folding the events with the core's own `evolve`. It starts from since=0, so
 * the hall sends the full log rather than a snapshot.
 */
export class Screen {
  state: HallState;
  /** Call ids spoken, and any spoken twice. */
  readonly spoken = new Set<string>();
  readonly problems: string[] = [];
  duplicates = 0;
  connects = 0;

  constructor(readonly hall: string) {
    this.state = emptyHall(hall);
  }

  get seq(): number {
    return this.state.seq;
  }

  /** One message from the current socket. */
  receive(text: string): void {
    if (text === "pong") return;
    const message = JSON.parse(text) as HallEvent | { type: "snapshot" | "error" };
    if (message.type === "snapshot") {
      this.problems.push(`a snapshot arrived at seq ${this.seq}; the feed should have sent events`);
      return;
    }
    if (message.type === "error") return;
    const event = message as HallEvent;
    if (event.seq <= this.seq) {
      this.duplicates++;
      return;
    }
    if (event.seq !== this.seq + 1) {
      this.problems.push(`gap: at seq ${this.seq} received ${event.seq}`);
      return;
    }
    this.state = evolve(this.state, event);
    if (event.type === "ticket.called" || event.type === "ticket.recalled") {
      if (this.spoken.has(event.callId)) this.problems.push(`call ${event.callId} would be spoken twice`);
      this.spoken.add(event.callId);
    }
  }
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), n: sorted.length };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
