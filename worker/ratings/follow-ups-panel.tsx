/**
 * The manager console's 回访 tab: every 差评 from the window evaluator or the status page, open
 * ones oldest first, each closed with a note of the call back (display/browser/manage-follow-ups.js
 * fills it from GET /api/halls/{hall}/follow-ups). Halls must call back every 差评.
 */
import { FOLLOW_UPS } from "../i18n/catalogue/manage-tabs.js";
import type { Lang } from "../i18n/lang.js";
import { both, chineseTerm } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";

export function FollowUpsPanel({ lang }: { lang: Lang }) {
  const head = (m: (typeof FOLLOW_UPS)[keyof typeof FOLLOW_UPS]) => both(lang, m, {}, " ");
  return (
    <section id="follow-ups" class="panel">
      <h2>
        <Bi lang={lang} m={FOLLOW_UPS.title} />
      </h2>
      <p class="hint">
        <Bi lang={lang} m={FOLLOW_UPS.hint} vars={{ term: chineseTerm(lang, FOLLOW_UPS.poorRating) }} />
      </p>
      <table class="list follow-ups">
        <thead>
          <tr>
            <th>{head(FOLLOW_UPS.rated)}</th>
            <th>{head(FOLLOW_UPS.ticket)}</th>
            <th>{head(FOLLOW_UPS.windowOfficer)}</th>
            <th>{head(FOLLOW_UPS.score)}</th>
            <th>{head(FOLLOW_UPS.reasons)}</th>
            <th>{head(FOLLOW_UPS.phone)}</th>
            <th>{head(FOLLOW_UPS.followUp)}</th>
          </tr>
        </thead>
        <tbody id="follow-up-rows"></tbody>
      </table>
      <p id="follow-ups-none" class="calm-line" hidden>
        <Bi lang={lang} m={FOLLOW_UPS.none} />
      </p>
    </section>
  );
}
