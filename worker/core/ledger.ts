/**
 * The day's tickets, kept so that a change costs the same at ticket 6,000 as at ticket 100.
 *
 * `HallState.tickets` stays what every reader knows: a plain record of today's tickets by id,
 * in issue order, that survives JSON.stringify and structuredClone. But copying that record on
 * every event made a command's cost grow with the day (5 ms per command at ticket 6,000 of a
 * big centre: V8 keeps records that large as dictionaries, slow to copy and to list). So each
 * state holds its tickets in a ledger instead: a persistent vector (a 32-way trie, a change
 * copies one path of three small arrays) by issue position, plus the positions of the active
 * tickets (waiting, called, serving) that the rules read. `tickets` is an enumerable getter
 * that builds the plain record on first read and keeps it; the core itself never reads it.
 *
 * The id → position index and the issue order are shared, append-only, along one line of
 * states: a state that is not the newest of its line copies them before it adds a ticket, so
 * an older state (a rejected command's, a preview's) never sees a later ticket.
 */
import type { HallState, Ticket, Window } from "./model.js";

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Node = Array<Node | Ticket | undefined>;

interface Index {
  ids: string[];
  position: Map<string, number>;
  /** Position of the first ticket with each number ("A023"). */
  numbers: Map<string, number>;
}

interface Ledger {
  index: Index;
  size: number;
  root: Node;
  /** Levels below the root, in bits: 0 holds up to 32 tickets, 5 up to 1,024, 10 up to 32,768. */
  shift: number;
  /** Positions of tickets waiting, called or serving, ascending. */
  active: number[];
  /** The plain record, once someone asked for it. */
  record?: Record<string, Ticket>;
}

const LEDGER = Symbol("tongban.ledger");
const ACTIVE = new Set<Ticket["status"]>(["waiting", "called", "serving"]);

/** Ledgers of states that came as plain data (parsed snapshots, tests), by their record. */
const fromRecords = new WeakMap<object, Ledger>();

function emptyLedger(): Ledger {
  return { index: { ids: [], position: new Map(), numbers: new Map() }, size: 0, root: [], shift: 0, active: [] };
}

function at(ledger: Ledger, position: number): Ticket {
  let node = ledger.root;
  for (let s = ledger.shift; s > 0; s -= BITS) node = node[(position >>> s) & MASK] as Node;
  return node[position & MASK] as Ticket;
}

function put(ledger: Ledger, position: number, ticket: Ticket): Pick<Ledger, "root" | "shift"> {
  let root = ledger.root;
  let shift = ledger.shift;
  while (position >= WIDTH << shift) {
    root = [root];
    shift += BITS;
  }
  const top = root.slice();
  let node = top;
  for (let s = shift; s > 0; s -= BITS) {
    const k = (position >>> s) & MASK;
    const child = node[k] ? (node[k] as Node).slice() : [];
    node[k] = child;
    node = child;
  }
  node[position & MASK] = ticket;
  return { root: top, shift };
}

function positionOf(ledger: Ledger, id: string): number | undefined {
  const p = ledger.index.position.get(id);
  return p !== undefined && p < ledger.size ? p : undefined;
}

/** The index to add to: this line's own, or a copy when a newer state already added to it. */
function ownIndex(ledger: Ledger): Index {
  const { index, size } = ledger;
  if (index.ids.length === size) return index;
  const ids = index.ids.slice(0, size);
  const numbers = new Map<string, number>();
  ids.forEach((id, p) => {
    const n = at(ledger, p).number;
    if (!numbers.has(n)) numbers.set(n, p);
  });
  return { ids, position: new Map(ids.map((id, p) => [id, p])), numbers };
}

function withActive(active: number[], position: number, was: boolean, is: boolean): number[] {
  if (was === is) return active;
  let lo = 0;
  let hi = active.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (active[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  const next = active.slice();
  if (is) next.splice(lo, 0, position);
  else next.splice(lo, 1);
  return next;
}

// Ledgers are built field by field, not by spreading: a command makes one or two, and spreads were
// a tenth of a simulated day's time.
function added(ledger: Ledger, ticket: Ticket): Ledger {
  const known = positionOf(ledger, ticket.id);
  if (known !== undefined) {
    const was = ACTIVE.has(at(ledger, known).status);
    const { root, shift } = put(ledger, known, ticket);
    return { index: ledger.index, size: ledger.size, root, shift, active: withActive(ledger.active, known, was, ACTIVE.has(ticket.status)) };
  }
  const index = ownIndex(ledger);
  const position = ledger.size;
  index.ids.push(ticket.id);
  index.position.set(ticket.id, position);
  if (!index.numbers.has(ticket.number)) index.numbers.set(ticket.number, position);
  const { root, shift } = put(ledger, position, ticket);
  return { index, size: position + 1, root, shift, active: withActive(ledger.active, position, false, ACTIVE.has(ticket.status)) };
}

function ledgerFromRecord(record: Record<string, Ticket>): Ledger {
  const known = fromRecords.get(record);
  if (known) return known;
  let ledger = emptyLedger();
  for (const ticket of Object.values(record)) ledger = added(ledger, ticket);
  ledger.record = record;
  fromRecords.set(record, ledger);
  return ledger;
}

function ledgerOf(state: HallState): Ledger {
  return (state as unknown as { [LEDGER]?: Ledger })[LEDGER] ?? ledgerFromRecord(state.tickets);
}

function record(ledger: Ledger): Record<string, Ticket> {
  if (!ledger.record) {
    const out: Record<string, Ticket> = {};
    for (let p = 0; p < ledger.size; p++) out[ledger.index.ids[p]!] = at(ledger, p);
    ledger.record = out;
    fromRecords.set(out, ledger);
  }
  return ledger.record;
}

function readTickets(this: HallState): Record<string, Ticket> {
  return record(ledgerOf(this));
}

function writeTickets(this: HallState, tickets: Record<string, Ticket>): void {
  Object.defineProperty(this, LEDGER, { value: ledgerFromRecord(tickets), writable: true, configurable: true, enumerable: false });
}

/**
 * A new state: `state`'s fields, `change` over them, and the ledger's tickets. Fields stay in
 * their order (so JSON of a state reads as before) and fields this file does not know pass on.
 */
function derive(state: HallState, change: Partial<Omit<HallState, "tickets">>, ledger: Ledger): HallState {
  const next = {} as Record<string | symbol, unknown>;
  const fields = Object.keys(state);
  // Indexed loops: every event makes a state (see windowById in config.ts).
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i]!;
    if (key === "tickets") Object.defineProperty(next, "tickets", { get: readTickets, set: writeTickets, enumerable: true, configurable: true });
    else next[key] = key in change ? change[key as keyof typeof change] : state[key as keyof HallState];
  }
  const changed = Object.keys(change);
  for (let i = 0; i < changed.length; i++) if (!(changed[i]! in next)) next[changed[i]!] = change[changed[i] as keyof typeof change];
  Object.defineProperty(next, LEDGER, { value: ledger, writable: true, configurable: true, enumerable: false });
  return next as unknown as HallState;
}

/** `state` with `change` applied; its tickets as they were. */
export function withFields(state: HallState, change: Partial<Omit<HallState, "tickets">>): HallState {
  return derive(state, change, ledgerOf(state));
}

/** `state` with `ticket` added or replaced (a new ticket goes last in issue order), and `change`. */
export function withTicket(state: HallState, ticket: Ticket, change: Partial<Omit<HallState, "tickets">> = {}): HallState {
  return derive(state, change, added(ledgerOf(state), ticket));
}

/** `state` with no tickets (a new day), and `change`. */
export function withoutTickets(state: HallState, change: Partial<Omit<HallState, "tickets">>): HallState {
  return derive(state, change, emptyLedger());
}

/** Today's ticket with this id. */
export function ticketOf(state: HallState, id: string): Ticket | undefined {
  const ledger = ledgerOf(state);
  const p = positionOf(ledger, id);
  return p === undefined ? undefined : at(ledger, p);
}

/** Today's first ticket with this number ("A023"). */
export function ticketNumbered(state: HallState, number: string): Ticket | undefined {
  const ledger = ledgerOf(state);
  const p = ledger.index.numbers.get(number);
  return p !== undefined && p < ledger.size ? at(ledger, p) : undefined;
}

/** Tickets waiting, called or serving, in issue order. */
export function activeTickets(state: HallState): Ticket[] {
  const ledger = ledgerOf(state);
  return ledger.active.map((p) => at(ledger, p));
}

/** A ticket by id, or by today's number ("A023", in any case). */
export function findTicket(state: HallState, ref: string): Ticket | undefined {
  return ticketOf(state, ref) ?? ticketNumbered(state, ref.toUpperCase());
}

/** The ticket at a window (called or serving), if any. */
export function ticketAt(state: HallState, w: Window): Ticket | undefined {
  return w.current ? ticketOf(state, w.current) : undefined;
}

/** Every ticket of today, in issue order: for rare questions over the whole day (a code from home), not the call path. */
export function todaysTickets(state: HallState): Ticket[] {
  const ledger = ledgerOf(state);
  const out: Ticket[] = [];
  for (let p = 0; p < ledger.size; p++) out.push(at(ledger, p));
  return out;
}
