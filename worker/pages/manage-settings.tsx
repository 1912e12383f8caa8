/**
 * The manager console's hall settings: the notice, the supervision link, the alarm line and
 * target wait, re-queueing, call languages, the kiosk's priorities, the plan's auto-open and the
 * retention of replies, events and audit rows.
 */
import { planRulesOf } from "../planning/rules.js";
import { DEFAULT_CALLED_ALARM_MINUTES } from "../core/alarms.js";
import type { HallState } from "../core/model.js";
import { MAX_AUDIT_DAYS, MAX_EVENT_DAYS, MAX_REPLY_HOURS, MIN_AUDIT_DAYS, MIN_EVENT_DAYS, MIN_REPLY_HOURS, retentionOf } from "../core/retention.js";
import { PRIORITY } from "../i18n/catalogue/common.js";
import { PANELS } from "../i18n/catalogue/manage.js";
import { PLAN } from "../i18n/catalogue/plan.js";
import type { Lang } from "../i18n/lang.js";
import { both, chineseTerm } from "../i18n/words.js";
import { Bi } from "./console-kit.js";

/** The hall's call languages as the settings name them; English is named in English everywhere. */
function languageName(lang: Lang, v: string): string {
  if (v === "cmn-Hans") return both(lang, PANELS.mandarin, {}, " ");
  if (v === "yue-Hant") return both(lang, PANELS.cantonese, {}, " ");
  return "English";
}

export function SettingsForm({ state, lang }: { state: HallState; lang: Lang }) {
  const s = state.settings;
  const offered = s.priorities ?? ["elderly", "disabled", "green"];
  const retention = retentionOf(s);
  const rules = planRulesOf(s.planRules);
  return (
    <form id="settings-form" class="panel form-grid settings" novalidate>
      <h2>
        <Bi lang={lang} m={PANELS.settingsTitle} />
      </h2>
      <label class="wide">
        <Bi lang={lang} m={PANELS.notice} />
        <textarea name="notice" rows={2} maxlength={300}>
          {s.notice}
        </textarea>
        <small class="field-error" data-error-for="notice"></small>
      </label>
      <label class="wide">
        <Bi lang={lang} m={PANELS.supervision} vars={{ term: chineseTerm(lang, PANELS.supervisionTerm) }} />
        <input name="supervisionUrl" value={s.supervisionUrl ?? ""} maxlength={500} />
        <small class="field-error" data-error-for="supervisionUrl"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.alarmLine} />
        <input name="alarmMinutes" type="number" min={1} max={240} value={String(s.alarmMinutes)} />
        <small class="field-error" data-error-for="alarmMinutes"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.calledAlarm} />
        <input name="calledAlarmMinutes" type="number" min={1} max={60} value={String(s.calledAlarmMinutes ?? DEFAULT_CALLED_ALARM_MINUTES)} />
        <small class="field-error" data-error-for="calledAlarmMinutes"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.targetWait} />
        <input name="targetWaitMinutes" type="number" min={0.5} max={240} step={0.1} value={String(s.targetWaitMinutes)} />
        <small class="field-error" data-error-for="targetWaitMinutes"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.requeue} />
        <input name="noShowRequeueMinutes" type="number" min={0} max={240} value={String(s.noShowRequeueMinutes)} />
        <small class="field-error" data-error-for="noShowRequeueMinutes"></small>
      </label>
      <fieldset>
        <legend>
          <Bi lang={lang} m={PANELS.callLanguages} />
        </legend>
        {["cmn-Hans", "yue-Hant", "en"].map((v) => (
          <label class="inline">
            <input type="checkbox" name="languages" value={v} checked={s.languages.includes(v as never)} /> {languageName(lang, v)}
          </label>
        ))}
        <small class="field-error" data-error-for="languages"></small>
      </fieldset>
      <fieldset>
        <legend>
          <Bi lang={lang} m={PANELS.kioskPriorities} />
        </legend>
        {(["elderly", "disabled", "green"] as const).map((p) => (
          <label class="inline">
            <input type="checkbox" name="priorities" value={p} checked={offered.includes(p)} /> {both(lang, PRIORITY[p], {}, " ")}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          <Bi lang={lang} m={PLAN.settingsLegend} />
        </legend>
        <label class="inline">
          <input type="checkbox" name="autoOpen" checked={s.autoOpen === true} /> {both(lang, PLAN.autoOpenSetting, {}, " · ")}
        </label>
        {/* Issue 25 §7: the rules every day plan keeps (worker/planning/rules.ts). */}
        <label class="inline">
          {both(lang, PLAN.minShiftSetting, {}, " · ")}
          <input name="minShiftHours" type="number" min={1} max={8} step={0.5} value={String(rules.minShiftMinutes / 60)} />
          <small class="field-error" data-error-for="planRules.minShiftHours"></small>
        </label>
        <label class="inline">
          {both(lang, PLAN.maxShiftsSetting, {}, " · ")}
          <input name="maxShifts" type="number" min={1} max={4} step={1} value={String(rules.maxShifts)} />
          <small class="field-error" data-error-for="planRules.maxShifts"></small>
        </label>
        <label class="inline">
          <input type="checkbox" name="keepCategories" checked={rules.keepCategories} /> {both(lang, PLAN.keepCategoriesSetting, {}, " · ")}
        </label>
      </fieldset>
      {/* Issue 22 §2: retention (worker/core/retention.ts); the hall refuses a value out of range with a 400 naming the field. */}
      <fieldset class="wide">
        <legend>
          <Bi lang={lang} m={PANELS.retentionLegend} />
        </legend>
        <label>
          <Bi lang={lang} m={PANELS.replyHours} />
          <input name="replyHours" type="number" min={MIN_REPLY_HOURS} max={MAX_REPLY_HOURS} value={String(retention.replyHours)} />
          <small class="field-error" data-error-for="replyHours"></small>
        </label>
        <label>
          <Bi lang={lang} m={PANELS.eventDays} />
          <input name="eventDays" type="number" min={MIN_EVENT_DAYS} max={MAX_EVENT_DAYS} value={String(retention.eventDays)} />
          <small class="field-error" data-error-for="eventDays"></small>
        </label>
        <label>
          <Bi lang={lang} m={PANELS.auditDays} />
          <input name="auditDays" type="number" min={MIN_AUDIT_DAYS} max={MAX_AUDIT_DAYS} value={String(retention.auditDays)} />
          <small class="field-error" data-error-for="auditDays"></small>
        </label>
        <p class="hint wide">
          <Bi lang={lang} m={PANELS.archivesWhere} />
        </p>
      </fieldset>
      <div class="form-actions wide">
        <button type="submit" class="primary">
          <Bi lang={lang} m={PANELS.saveSettings} />
        </button>
      </div>
    </form>
  );
}
