/**
 * The manager console's 回访 tab: every 差评 from the window evaluator or the status page, open
 * ones oldest first, each closed with a note of the call back (display/browser/manage-follow-ups.js
 * fills it from GET /api/halls/{hall}/follow-ups). Halls must call back every 差评.
 */
import { Bi } from "./console-kit.js";

export function FollowUpsPanel() {
  return (
    <section id="follow-ups" class="panel">
      <h2>
        <Bi zh="差评回访" en="Follow-ups: call back every poor rating" />
      </h2>
      <p class="hint">
        <Bi zh="每条差评都须回访，并在 15 个工作日内整改" en="Every 差评 is called back and put right within 15 working days" />
      </p>
      <table class="list follow-ups">
        <thead>
          <tr>
            <th>评价时间 Rated</th>
            <th>号码 Ticket</th>
            <th>窗口 / 民警 Window / officer</th>
            <th>评价 Score</th>
            <th>不满意方面 Reasons</th>
            <th>回访 Follow-up</th>
          </tr>
        </thead>
        <tbody id="follow-up-rows"></tbody>
      </table>
      <p id="follow-ups-none" class="calm-line" hidden>
        <Bi zh="没有待回访的差评" en="No poor rating waits for a call back" />
      </p>
    </section>
  );
}
