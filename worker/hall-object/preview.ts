/**
 * "What would this do?": a manager's window changes decided on a copy of the hall, then the
 * estimated waits before and after. Nothing is persisted or broadcast.
 */
import { decide, isRejection } from "../core/hall.js";
import { snapshotOf } from "../core/snapshot.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import { rejected } from "../edge/refusal.js";
import type { StoredReply } from "./storage.js";

export interface CategoryPreview {
  id: string;
  names: Record<string, string>;
  waiting: number;
  /** Minutes a newcomer would wait now, and after the change; null when nobody serves it. */
  before: number | null;
  after: number | null;
  /** Open windows serving it before and after. */
  windowsBefore: number;
  windowsAfter: number;
}

export interface Preview {
  seq: number;
  categories: CategoryPreview[];
  windows: Array<{ id: string; number: number; state: string; categories: string[] }>;
}

const openServing = (state: HallState, category: string) =>
  state.windows.filter((w) => w.state === "open" && w.categories.includes(category)).length;

export function previewChanges(state: HallState, commands: Command[], now: number): StoredReply {
  let after = state;
  for (const command of commands) {
    const outcome = decide(after, command, now);
    if (isRejection(outcome)) return rejected(outcome);
    after = outcome.state;
  }
  const was = snapshotOf(state, now);
  const will = snapshotOf(after, now);
  const preview: Preview = {
    seq: state.seq,
    categories: was.categories.map((c, i) => ({
      id: c.id,
      names: c.names,
      waiting: c.waiting,
      before: c.estimatedWaitMinutes,
      after: will.categories[i]?.estimatedWaitMinutes ?? null,
      windowsBefore: openServing(state, c.id),
      windowsAfter: openServing(after, c.id),
    })),
    windows: after.windows.map(({ id, number, state: open, categories }) => ({ id, number, state: open, categories })),
  };
  return { status: 200, body: preview };
}
