/**
 * The hall's one Durable Object alarm, shared by every capability that must wake the hall on
 * its own: the new day at local midnight, the region report, the minute tick of the screens'
 * estimates, and whatever comes next (webhook retries, the day plan's window changes, signage
 * schedules). Each capability is a `Waker`: asked when the hall must next be awake for it, it
 * may do what is due now (briefly, or in the background through `waitUntil`) and answers with
 * the next instant on the hall's clock, or null for never. The alarm is set to the earliest.
 *
 * Wakers are asked after every command, page, socket and alarm, so none needs its own timer.
 */
import type { HallState } from "../core/model.js";
import { machineInstant } from "../clock.js";

export interface Waker {
  /** Runs what is due at `now`, and says when the hall must next wake for this (hall clock). */
  plan(state: HallState, now: number): number | null;
}

export class HallAlarm {
  #at: number | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly clock: () => number,
  ) {}

  /** The alarm fired: whatever was set is spent. */
  fired(): void {
    this.#at = null;
  }

  /** Asks every waker (the hall's parts that have one), then sets the alarm to the earliest instant any of them needs. */
  async schedule(state: HallState, wakers: readonly Partial<Waker>[]): Promise<void> {
    const now = this.clock();
    let at = Infinity;
    for (const w of wakers) at = Math.min(at, w.plan?.(state, now) ?? Infinity);
    if (at === Infinity || this.#at === at) return;
    await this.storage.setAlarm(machineInstant(this.clock, at));
    this.#at = at;
  }
}
