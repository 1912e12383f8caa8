/** The manager console's audit log: who did what, when, from which device; its rows come from GET /api/halls/{hall}/audit. */
import { PANELS } from "../i18n/catalogue/manage.js";
import type { Lang } from "../i18n/lang.js";
import { both } from "../i18n/words.js";
import { Bi } from "./console-kit.js";

export function AuditPanel({ lang }: { lang: Lang }) {
  const head = (m: (typeof PANELS)[keyof typeof PANELS]) => both(lang, m, {}, " ");
  return (
    <section id="audit" class="panel">
      <h2>
        <Bi lang={lang} m={PANELS.auditTitle} />
      </h2>
      <table class="list audit">
        <thead>
          <tr>
            <th>{head(PANELS.when)}</th>
            <th>{head(PANELS.who)}</th>
            <th>{head(PANELS.auditRole)}</th>
            <th>{head(PANELS.action)}</th>
            <th>{head(PANELS.target)}</th>
            <th>{head(PANELS.device)}</th>
          </tr>
        </thead>
        <tbody id="audit-rows"></tbody>
      </table>
      <button type="button" class="secondary" data-audit-more hidden>
        <Bi lang={lang} m={PANELS.older} />
      </button>
    </section>
  );
}
