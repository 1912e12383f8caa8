/**
 * The manager console's audit tab: the audit log (who did what, when, from which device; rows
 * from GET /api/halls/{hall}/audit), then the hall's archives of older days (GET
 * /api/halls/{hall}/archives, issue 22 §2), where a manager looks for what the hall no longer holds.
 */
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

/** The archives, filled by manage.js when the tab opens: where the live logs start, then one row a file. */
export function ArchivesPanel({ lang }: { lang: Lang }) {
  const head = (m: (typeof PANELS)[keyof typeof PANELS]) => both(lang, m, {}, " ");
  return (
    <section id="archives" class="panel" aria-labelledby="archives-title">
      <h2 id="archives-title">
        <Bi lang={lang} m={PANELS.archivesTitle} />
      </h2>
      <p id="archives-live" class="hint" hidden>
        <Bi lang={lang} m={PANELS.archivesLive} slots={{ events: <b data-live="events"></b>, audit: <b data-live="audit"></b> }} />
      </p>
      <p id="archives-empty" class="hint" hidden>
        <Bi lang={lang} m={PANELS.archivesEmpty} />
      </p>
      <div class="table-scroll">
        <table
          class="list archives"
          hidden
          data-kind-events={head(PANELS.archiveEvents)}
          data-kind-audit={head(PANELS.archiveAudit)}
          data-download={head(PANELS.archiveDownload)}
        >
          <thead>
            <tr>
              <th>{head(PANELS.archiveKind)}</th>
              <th>{head(PANELS.archiveDay)}</th>
              <th class="num">{head(PANELS.archiveRows)}</th>
              <th class="num">{head(PANELS.archiveSize)}</th>
              <th>{head(PANELS.archiveFile)}</th>
            </tr>
          </thead>
          <tbody id="archive-rows"></tbody>
        </table>
      </div>
    </section>
  );
}
