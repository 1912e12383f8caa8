/**
 * The minute tick: waits, estimates and "minutes at the window" age with the clock, so the views
 * that show them (`ages` in worker/pages/views.ts: the main screen, data wall, window terminal,
 * kiosk and status page) are rendered again at least once a minute while the hall is busy —
 * someone waiting or being served — and someone watches, even when no event happens. A quiet
 * hall, or a busy one nobody watches, is not woken.
 */
import { activeTickets } from "../core/ledger.js";
import type { HallState } from "../core/model.js";
import type { Part, Written } from "./part.js";

export const TICK_MS = 60_000;

/** Someone waits or is at a window: the figures on screen change with the clock. */
export function isBusy(state: HallState): boolean {
  return activeTickets(state).length > 0;
}

export class MinuteTick implements Part {
  readonly tables = [];
  /** When the ageing views were last rendered, on the hall's clock (0 after a wake: due now). */
  #last = 0;

  constructor(
    private readonly watched: () => boolean,
    private readonly render: () => void,
  ) {}

  /** Events are about to be sent, which renders every view: the next tick is a minute from now. */
  committed(_before: HallState, outcome: Written, now: number): void {
    if (outcome.events.length > 0) this.#last = now;
  }

  plan(state: HallState, now: number): number | null {
    if (!isBusy(state) || !this.watched()) return null;
    if (now - this.#last >= TICK_MS) {
      this.render();
      this.#last = now;
    }
    return this.#last + TICK_MS;
  }
}
