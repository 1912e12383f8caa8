/**
 * The manager console's staff accounts: the list (who has a PIN, a password, which window they
 * are on) and the form that adds or changes one. The list is a live region; the form is not, so
 * an update never wipes what a manager is typing. PINs and passwords are sent, never shown.
 */
import type { HallState } from "../core/model.js";
import { servesAtCounters } from "../core/staff.js";
import { COMMON } from "../i18n/catalogue/common.js";
import { PANELS } from "../i18n/catalogue/manage.js";
import type { Lang } from "../i18n/lang.js";
import { both, say } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";
import { oob } from "../pages/layout.js";

const ROLE_WORDS = { officer: PANELS.officer, auxiliary: PANELS.auxiliary, lead: PANELS.lead } as const;
/** What a person may do when they sign in; their rank (ROLE_WORDS) is another thing. */
const ACCESS_WORDS = { counter: PANELS.accessCounter, manager: PANELS.accessManager } as const;

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
              <td>
                {s.name}
                {servesAtCounters(s) && !s.hasPin && !s.hasPassword && (
                  <p class="staff-warning" data-no-secret={s.id}>
                    <b>{say(lang, PANELS.noSecret)}</b> {say(lang, PANELS.noSecretHow)}
                  </p>
                )}
              </td>
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
