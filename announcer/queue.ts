/**
 * What the announcer says next when calls come faster than it can say them. Pure: no DOM, no
 * clock, no idea how calls were chosen (a zone's feed or the whole hall's); the browser
 * (announcer/browser/announcer.js) and the tests import the same file.
 *
 * A round is one saying of a call in every hall language, in order. The rules:
 * - every call gets its first round, in the order the calls were made;
 * - its further rounds (up to `repeat`) only while no other call waits behind it: at peak each
 *   call is said once, and once the announcer has caught up it repeats again;
 * - a call not yet said is dropped only when it is older than `maxAgeMs`: a backlog is worked
 *   through, never cut short while its calls are still worth saying.
 *
 * At ~9 s a round, a speaker keeps up while calls come less often than one every 9 s;
 * README.md ("Keeping up at peak") has the arithmetic for a hall.
 */

/** A call as the queue sees it; the announcer's own call objects carry more. */
export interface QueuedCall {
  /** When the call was made, on the hall's clock (ms). */
  at: number;
  /** Rounds said so far. */
  rounds: number;
}

export interface QueueRules {
  /** Rounds a call gets when nothing waits behind it (the hall's `announcer.repeat`). */
  repeat: number;
  /** A call not yet said and older than this is no longer announced. */
  maxAgeMs: number;
}

export interface Turn<C> {
  /** Said as often as the rules allow: they leave the queue, spoken. */
  done: C[];
  /** Never said and now too old: they leave the queue unspoken. */
  stale: C[];
  /** The call to say now and its round (1 = first), or null when none is left. */
  next: { call: C; round: number } | null;
}

/**
 * The announcer's next turn over `queue` (calls in the order made, the one being said first).
 *
 * @example
 * nextTurn([{ at: 0, rounds: 1 }, { at: 5000, rounds: 0 }], 9000, { repeat: 2, maxAgeMs: 180_000 })
 * // { done: [{ at: 0, rounds: 1 }], stale: [], next: { call: { at: 5000, rounds: 0 }, round: 1 } }
 */
export function nextTurn<C extends QueuedCall>(queue: readonly C[], now: number, rules: QueueRules): Turn<C> {
  const stale = queue.filter((call) => call.rounds === 0 && now - call.at > rules.maxAgeMs);
  const live = queue.filter((call) => !stale.includes(call));
  const done: C[] = [];
  for (const [i, call] of live.entries()) {
    if (call.rounds === 0) return { done, stale, next: { call, round: 1 } };
    const waiting = i < live.length - 1;
    if (!waiting && call.rounds < rules.repeat && now - call.at <= rules.maxAgeMs) {
      return { done, stale, next: { call, round: call.rounds + 1 } };
    }
    done.push(call);
  }
  return { done, stale, next: null };
}
