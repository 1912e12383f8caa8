/**
 * The manager console's other panels: connected announcers, staff accounts, appointments,
 * hall settings, the audit log, and the dialog that adjusts one window with a preview.
 * Lists are live regions; forms are not, so an update never wipes what a manager is typing.
 */
import type { HallState } from "../core/types.js";
import { COMMON, PRIORITY, WINDOW_STATE } from "../i18n/catalogue/common.js";
import { PANELS } from "../i18n/catalogue/manage.js";
import { PLAN } from "../i18n/catalogue/plan.js";
import type { Lang } from "../i18n/lang.js";
import { both, chineseTerm, say, secondLang } from "../i18n/words.js";
import { Bi, categoryNames } from "../pages/console-kit.js";
import { oob } from "../pages/layout.js";
import type { Room } from "../pages/views.js";

const ROLE_WORDS = { officer: PANELS.officer, auxiliary: PANELS.auxiliary, lead: PANELS.lead } as const;
/** What a person may do when they sign in; their rank (ROLE_WORDS) is another thing. */
const ACCESS_WORDS = { counter: PANELS.accessCounter, manager: PANELS.accessManager } as const;

export function Announcers({ room, live, lang }: { room: Room | undefined; live: boolean; lang: Lang }) {
  const announcers = room?.announcers ?? [];
  return (
    <section id="manage-announcers" class="announcers" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={announcers.length === 1 ? PANELS.announcersOne : PANELS.announcersMany} vars={{ count: announcers.length }} />
      </h2>
      {announcers.length === 0 ? (
        <p class="muted">
          <Bi lang={lang} m={PANELS.noAnnouncer} />
        </p>
      ) : (
        <ul>
          {announcers.map((a) => (
            <li class={a.sound ? "sound-on" : "sound-off"}>
              <b>{a.label ?? a.view ?? a.role}</b>
              <span class="sound">{both(lang, a.sound ? PANELS.soundOn : PANELS.soundOff, {}, " ")}</span>
              {a.queue !== null && a.queue > 0 && <span class="queue">{both(lang, PANELS.toSpeak, { count: a.queue })}</span>}
              <span class="engines">
                {Object.entries(a.engines)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StaffList({ state, live, lang }: { state: HallState; live: boolean; lang: Lang }) {
  const staff = Object.values(state.staff).sort((a, b) => a.badge.localeCompare(b.badge));
  const onDuty = new Map(state.windows.filter((w) => w.officer?.id).map((w) => [w.officer!.id!, w.number]));
  const head = (m: (typeof PANELS)[keyof typeof PANELS]) => both(lang, m, {}, " ");
  const yes = (on: boolean | undefined) => head(on ? PANELS.set : PANELS.none);
  return (
    <section id="manage-staff" class="panel" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={PANELS.staffTitle} vars={{ count: staff.length }} />
      </h2>
      <table class="list">
        <thead>
          <tr>
            <th>{head(PANELS.name)}</th>
            <th>{head(PANELS.badge)}</th>
            <th>{head(PANELS.role)}</th>
            <th>{head(PANELS.access)}</th>
            <th>PIN</th>
            <th>{head(PANELS.password)}</th>
            <th>{head(PANELS.onDuty)}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr data-staff={s.id}>
              <td>{s.name}</td>
              <td>{s.badge}</td>
              <td>{head(ROLE_WORDS[s.role])}</td>
              <td>{head(ACCESS_WORDS[s.access ?? "counter"])}</td>
              <td>{yes(s.hasPin)}</td>
              <td data-has-password={s.hasPassword ? "true" : "false"}>{yes(s.hasPassword)}</td>
              <td>{onDuty.has(s.id) ? say(lang, COMMON.windowNumber, { number: onDuty.get(s.id)! }) : "—"}</td>
              <td class="row-actions">
                <button type="button" class="small" data-edit-staff={s.id} data-name={s.name} data-badge={s.badge} data-role={s.role} data-access={s.access ?? "counter"}>
                  {head(PANELS.edit)}
                </button>
                <button type="button" class="small danger" data-remove-staff={s.id} data-name={s.name}>
                  {head(PANELS.remove)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StaffForm({ lang }: { lang: Lang }) {
  return (
    <form id="staff-form" class="panel form-grid" novalidate>
      <h2>
        <Bi lang={lang} m={PANELS.staffForm} />
      </h2>
      <label>
        <Bi lang={lang} m={PANELS.name} />
        <input name="name" maxlength={30} required />
        <small class="field-error" data-error-for="name"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.badgeNumber} />
        <input name="badge" maxlength={20} required />
        <small class="field-error" data-error-for="badge"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.role} />
        <select name="role">
          {Object.entries(ROLE_WORDS).map(([v, words]) => (
            <option value={v}>{both(lang, words, {}, " ")}</option>
          ))}
        </select>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.mayUse} />
        <select name="access">
          {Object.entries(ACCESS_WORDS).map(([v, words]) => (
            <option value={v}>{both(lang, words, {}, " ")}</option>
          ))}
        </select>
        <small class="field-error" data-error-for="access"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.newPassword} />
        <input name="password" type="password" autocomplete="new-password" maxlength={200} />
        <small class="field-error" data-error-for="password"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.newPin} />
        <input name="pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength={8} />
        <small class="field-error" data-error-for="pin"></small>
      </label>
      <div class="form-actions">
        <label class="inline">
          <input type="checkbox" name="clearPin" /> {both(lang, PANELS.clearPin)}
        </label>
        <label class="inline">
          <input type="checkbox" name="clearPassword" /> {both(lang, PANELS.clearPassword)}
        </label>
        <button type="reset" class="secondary">
          <Bi lang={lang} m={PANELS.clear} />
        </button>
        <button type="submit" class="primary">
          <Bi lang={lang} m={PANELS.saveStaff} />
        </button>
      </div>
    </form>
  );
}

export function Appointments({ state, live, lang }: { state: HallState; live: boolean; lang: Lang }) {
  const list = Object.values(state.appointments).sort((a, b) => (a.day + a.bookedAt < b.day + b.bookedAt ? -1 : 1));
  const days = [...new Set(list.map((a) => a.day))];
  const head = (m: (typeof PANELS)[keyof typeof PANELS]) => both(lang, m, {}, " ");
  return (
    <section id="manage-appointments" class="panel" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={PANELS.appointmentsTitle} vars={{ count: list.length }} />
      </h2>
      <label class="inline-field">
        <Bi lang={lang} m={PANELS.day} />
        <select id="appointment-day" aria-label={both(lang, PANELS.appointmentDay)}>
          <option value="">{both(lang, PANELS.everyDay)}</option>
          {days.map((d) => (
            <option value={d}>{d === state.day ? say(lang, PANELS.today, { day: d }) : d}</option>
          ))}
        </select>
      </label>
      <table class="list">
        <thead>
          <tr>
            <th>{head(PANELS.code)}</th>
            <th>{head(PANELS.day)}</th>
            <th>{head(PANELS.category)}</th>
            <th>{head(PANELS.note)}</th>
            <th>{head(PANELS.checkedIn)}</th>
            <th>
              <span class="visually-hidden">{head(PANELS.actions)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr data-code={a.code} data-day={a.day}>
              <td class="code">{a.code}</td>
              <td>{a.day}</td>
              <td>{categoryNames(state, a.category)[lang]}</td>
              <td>{a.note ?? ""}</td>
              <td>{a.ticket ? (state.tickets[a.ticket]?.number ?? "✓") : "—"}</td>
              <td>
                {!a.ticket && (
                  <button type="button" class="danger" data-cancel-appointment={a.code} aria-label={both(lang, PANELS.cancelAppointment, { code: a.code })}>
                    <Bi lang={lang} m={PANELS.cancel} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AppointmentForm({ state, lang }: { state: HallState; lang: Lang }) {
  const other = secondLang(lang);
  return (
    <form id="appointment-form" class="panel form-grid" novalidate>
      <h2>
        {/* The API's path names its own {hall}: given back as it is written. */}
        <Bi lang={lang} m={PANELS.book} vars={{ hall: "{hall}" }} />
      </h2>
      <label>
        <Bi lang={lang} m={PANELS.category} />
        <select name="category">
          {state.categories.map((c) => (
            <option value={c.id}>
              {c.names[lang]} · {c.names[other]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.day} />
        <input name="day" type="date" value={state.day} min={state.day} />
        <small class="field-error" data-error-for="day"></small>
      </label>
      <label>
        <Bi lang={lang} m={PANELS.bookingNote} />
        <input name="note" maxlength={60} />
      </label>
      <div class="form-actions">
        <output id="appointment-code" class="big-code"></output>
        <button type="submit" class="primary">
          <Bi lang={lang} m={PANELS.bookAndCode} />
        </button>
      </div>
    </form>
  );
}

/** The hall's call languages as the settings name them; English is named in English everywhere. */
function languageName(lang: Lang, v: string): string {
  if (v === "cmn-Hans") return both(lang, PANELS.mandarin, {}, " ");
  if (v === "yue-Hant") return both(lang, PANELS.cantonese, {}, " ");
  return "English";
}

export function SettingsForm({ state, lang }: { state: HallState; lang: Lang }) {
  const s = state.settings;
  const offered = s.priorities ?? ["elderly", "disabled", "green"];
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
      </fieldset>
      <div class="form-actions wide">
        <button type="submit" class="primary">
          <Bi lang={lang} m={PANELS.saveSettings} />
        </button>
      </div>
    </form>
  );
}

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

/** Adjust one window: its state and categories, with the waits before and after, then apply. */
export function WindowDialog({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <dialog id="window-dialog" class="console-dialog wide-dialog">
      <form method="dialog">
        <h2>
          <Bi lang={lang} m={PANELS.adjustWindow} slots={{ number: <span data-slot="number"></span> }} />
        </h2>
        <div class="state-choice" role="radiogroup">
          {(["open", "paused", "closed"] as const).map((v) => (
            <label class="inline">
              <input type="radio" name="state" value={v} /> {both(lang, WINDOW_STATE[v], {}, " ")}
            </label>
          ))}
        </div>
        <h3>
          <Bi lang={lang} m={PANELS.serves} />
        </h3>
        <div class="category-choice">
          {state.categories.map((c) => (
            <label class="inline">
              <input type="checkbox" name="categories" value={c.id} /> {c.names[lang]} {c.names[secondLang(lang)]}
            </label>
          ))}
        </div>
        <h3>
          <Bi lang={lang} m={PANELS.waitChange} />
        </h3>
        <table class="list preview">
          <tbody id="preview-rows"></tbody>
        </table>
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi lang={lang} m={PANELS.cancel} />
          </button>
          <button type="button" class="primary" data-apply-window>
            <Bi lang={lang} m={PANELS.apply} />
          </button>
        </div>
      </form>
    </dialog>
  );
}
