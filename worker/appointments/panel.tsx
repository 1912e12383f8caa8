/**
 * The manager console's appointments (预约): the bookings by day, each cancellable until its
 * citizen checks in, and the form that books one and shows its code. The list is a live region;
 * the form is not, so an update never wipes what a manager is typing.
 */
import type { HallState } from "../core/model.js";
import { PANELS } from "../i18n/catalogue/manage.js";
import type { Lang } from "../i18n/lang.js";
import { both, say, secondLang } from "../i18n/words.js";
import { Bi, categoryNames } from "../pages/console-kit.js";
import { oob } from "../pages/layout.js";

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
                  <button type="button" class="danger" data-cancel-appointment={a.code} aria-label={`${both(lang, PANELS.cancel, {}, " ")} · ${a.code}`}>
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
