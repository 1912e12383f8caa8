/**
 * The applied plan's next shift changes, shown ahead of time on the manager console and the
 * data wall: 「即将 10:00 开 3 号窗口」 for every change in the next 30 minutes, then the next
 * one after them. The hall renders these views again as each reminder goes up or comes down
 * (worker/planning/day-plans.object.ts), so they follow the hall's clock with no event.
 */
import type { HallState } from "../core/model.js";
import { reminders } from "./plan-shifts.js";
import { oob } from "../pages/layout.js";
import type { Room } from "../pages/views.js";

interface Props {
  state: HallState;
  now: number;
  room: Room | undefined;
  live: boolean;
}

/**
 * The reminders as items, for a region that holds them beside other things (the data wall's
 * alerts). Changes of windows `state` does not hold (another zone's) are left out.
 */
export function ReminderItems({ state, now, room }: Omit<Props, "live">) {
  const list = room?.dayPlan ? reminders(room.dayPlan.changes, now, state) : [];
  return (
    <>
      {list.map((r) => (
        <p class={`reminder ${r.soon ? "soon" : "next"} ${r.action}`} data-reminder={r.action} data-at={String(r.at)}>
          <b>{r.soon ? "即将" : "下一次"}</b> {r.zh}
          <span lang="en">
            {r.soon ? "Soon" : "Next"}: {r.en}
          </span>
        </p>
      ))}
    </>
  );
}

/** The manager console's strip of reminders, hidden while there are none. */
export function PlanReminders(props: Props) {
  const { state, now, room } = props;
  const any = room?.dayPlan ? reminders(room.dayPlan.changes, now, state).length > 0 : false;
  return (
    <section id="manage-plan-reminders" class="plan-reminders" aria-label="排班提醒 Shift changes" hidden={!any} {...oob(props.live)}>
      <span class="plan-reminders-title">
        排班提醒 <span lang="en">Shift changes</span>
      </span>
      <ReminderItems state={state} now={now} room={room} />
    </section>
  );
}
