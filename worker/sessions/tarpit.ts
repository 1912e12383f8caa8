/**
 * Where refused sign-in tries wait before their answer (worker/sessions/sign-in-limits.ts
 * `holdFor`): a timer in the Worker, outside the hall object, costing no CPU while it runs. A
 * held reply keeps its request open, so how many are held at once is bounded per isolate; past
 * the bound a refusal is answered at once (still refused, still counted in the audit).
 *
 * @example
 * const tarpit = new Tarpit(2);
 * await tarpit.hold(1000); // 1000: answered a second later
 */

/**
 * Replies held at once in one isolate. Each holds its request and its small reply (a sign-in
 * body is at most a few hundred bytes; bodies over 16 KB are refused before any route), so 512
 * stay far under an isolate's 128 MB memory limit on Cloudflare.
 */
export const MAX_HELD = 512;

export class Tarpit {
  #held = 0;

  constructor(
    readonly max = MAX_HELD,
    private readonly sleep: (ms: number) => Promise<unknown> = (ms) => scheduler.wait(ms),
  ) {}

  /** Replies held now. */
  get held(): number {
    return this.#held;
  }

  /** Waits `ms` unless `max` replies are already held; the ms actually held. */
  async hold(ms: number): Promise<number> {
    if (ms <= 0 || this.#held >= this.max) return 0;
    this.#held++;
    try {
      await this.sleep(ms);
    } finally {
      this.#held--;
    }
    return ms;
  }
}
