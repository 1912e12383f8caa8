/**
 * Places whose refusal is being held in this isolate's tarpit (worker/sessions/tarpit.ts). A try
 * from such a place meanwhile is a script's next try, sent before it was answered: it is refused
 * here, in the Worker, with the refusal being held, and never reaches the hall object. The hall
 * stays the authority: it learns how many were refused here with the place's next try that
 * reaches it, and counts them in its audit row and in the place's holds. Per isolate and in
 * memory (on Cloudflare each isolate has its own; lost on restart): only a first line.
 *
 * @example
 * const places = new HeldPlaces();
 * places.begin("hall|client:203.0.113.9", refusal);
 * places.refuseHere("hall|client:203.0.113.9"); // refusal, and one more to tell the hall
 */

/** Places with refused tries not yet told to their hall, at most: a spray of addresses loses counts, never memory. */
export const MAX_UNTOLD = 10_000;

export class HeldPlaces<R> {
  #held = new Map<string, { replies: number; refusal: R }>();
  #untold = new Map<string, number>();

  /** A refusal of `key` is being held from now. */
  begin(key: string, refusal: R): void {
    const held = this.#held.get(key);
    if (held) (held.replies++, (held.refusal = refusal));
    else this.#held.set(key, { replies: 1, refusal });
  }

  /** That refusal has been answered. */
  end(key: string): void {
    const held = this.#held.get(key);
    if (held && --held.replies <= 0) this.#held.delete(key);
  }

  /** The refusal for a try from `key` while one of its refusals is held here (counted for the hall); null when none is. */
  refuseHere(key: string): R | null {
    const held = this.#held.get(key);
    if (!held) return null;
    if (this.#untold.size >= MAX_UNTOLD && !this.#untold.has(key)) this.#untold.clear();
    this.#untold.set(key, (this.#untold.get(key) ?? 0) + 1);
    return held.refusal;
  }

  /** Tries of `key` refused here since the hall was last told; they are told now. */
  takeUntold(key: string): number {
    const n = this.#untold.get(key) ?? 0;
    this.#untold.delete(key);
    return n;
  }
}
