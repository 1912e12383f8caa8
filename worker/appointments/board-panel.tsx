/**
 * The 预约 tab's capacity board (issue 26 §5): for a day and service, each half hour's places
 * against bookings by the booking page's own rule (worker/appointments/booking.ts slotsOf, read
 * through GET /booking-board), full and blocked half hours marked; the form that blocks a day or
 * a half hour; the blocks; the bookings kept on them to call (the mobile whole, a tel: link);
 * the recent no-shows and who the no-show rule stops from booking. display/browser/manage-bookings.js
 * fills the tables; this is their frame and the form.
 */
import type { HallState } from "../core/model.js";
import { BOARD } from "../i18n/catalogue/booking-board.js";
import type { Lang } from "../i18n/lang.js";
import { both, say } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";
import { bookingDays, bookingRules, horizonOf } from "./booking.js";

export function BookingBoard({ state, lang }: { state: HallState; lang: Lang }) {
  const days = bookingDays(state.day, bookingRules(state), horizonOf(state));
  const head = (m: (typeof BOARD)[keyof typeof BOARD]) => both(lang, m, {}, " ");
  return (
    <section id="booking-board" class="panel booking-board">
      <h2>
        <Bi lang={lang} m={BOARD.title} />
      </h2>
      <p class="hint">{say(lang, BOARD.hint)}</p>
      <div class="board-choice">
        <label class="inline-field">
          <Bi lang={lang} m={BOARD.day} />
          <select id="board-day">
            {days.map((d) => (
              <option value={d}>{d}</option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <Bi lang={lang} m={BOARD.service} />
          <select id="board-category">
            {state.categories.map((c) => (
              <option value={c.id}>{c.names[lang]}</option>
            ))}
          </select>
        </label>
        <p class="legend">
          <span class="key full">{say(lang, BOARD.keyFull)}</span> <span class="key blocked">{say(lang, BOARD.keyBlocked)}</span>
        </p>
      </div>
      <table class="list board-slots">
        <thead>
          <tr>
            <th>{head(BOARD.slot)}</th>
            <th class="num">{head(BOARD.capacity)}</th>
            <th class="num">{head(BOARD.booked)}</th>
            <th>{head(BOARD.state)}</th>
          </tr>
        </thead>
        <tbody id="board-slots"></tbody>
      </table>

      <form id="block-form" class="form-grid block-form" novalidate>
        <h3>
          <Bi lang={lang} m={BOARD.blockTitle} />
        </h3>
        <label>
          <Bi lang={lang} m={BOARD.slot} />
          <select name="from">
            <option value="">{both(lang, BOARD.whole)}</option>
          </select>
          <small class="field-error" data-error-for="from"></small>
        </label>
        <label>
          <Bi lang={lang} m={BOARD.service} />
          <select name="category">
            <option value="" selected>
              {both(lang, BOARD.allServices)}
            </option>
            {state.categories.map((c) => (
              <option value={c.id}>{c.names[lang]}</option>
            ))}
          </select>
          <small class="field-error" data-error-for="category"></small>
        </label>
        <label>
          <Bi lang={lang} m={BOARD.reason} />
          <input name="reason" maxlength={200} required placeholder={say(lang, BOARD.reasonExample)} />
          <small class="field-error" data-error-for="reason"></small>
        </label>
        <small class="field-error" data-error-for="date"></small>
        <div class="form-actions">
          <button type="submit" class="danger">
            <Bi lang={lang} m={BOARD.block} />
          </button>
        </div>
      </form>

      <h3>
        <Bi lang={lang} m={BOARD.blocksTitle} />
      </h3>
      <ul id="board-blocks" class="board-blocks"></ul>
      <p id="board-blocks-none" class="calm-line">
        <Bi lang={lang} m={BOARD.noBlocks} />
      </p>

      <h3>
        <Bi lang={lang} m={BOARD.callTitle} />
      </h3>
      <table class="list board-calls">
        <thead>
          <tr>
            <th>{head(BOARD.name)}</th>
            <th>{head(BOARD.code)}</th>
            <th>{head(BOARD.slot)}</th>
            <th>{head(BOARD.service)}</th>
            <th>{head(BOARD.mobile)}</th>
            <th>{head(BOARD.contacted)}</th>
          </tr>
        </thead>
        <tbody id="board-calls"></tbody>
      </table>
      <p id="board-calls-none" class="calm-line">
        <Bi lang={lang} m={BOARD.noCalls} />
      </p>

      <h3>
        <Bi lang={lang} m={BOARD.noShowsTitle} />
      </h3>
      <table class="list board-no-shows">
        <thead>
          <tr>
            <th>{head(BOARD.day)}</th>
            <th>{head(BOARD.slot)}</th>
            <th>{head(BOARD.code)}</th>
            <th>{head(BOARD.service)}</th>
            <th>{head(BOARD.mobile)}</th>
          </tr>
        </thead>
        <tbody id="board-no-shows"></tbody>
      </table>
      <p id="board-no-shows-none" class="calm-line">
        <Bi lang={lang} m={BOARD.noNoShows} />
      </p>

      <h3>
        <Bi lang={lang} m={BOARD.peopleTitle} />
      </h3>
      <table class="list board-people">
        <thead>
          <tr>
            <th>{head(BOARD.person)}</th>
            <th>{head(BOARD.mobile)}</th>
            <th class="num">{head(BOARD.noShowCount)}</th>
            <th>{head(BOARD.until)}</th>
          </tr>
        </thead>
        <tbody id="board-people"></tbody>
      </table>
      <p id="board-people-none" class="calm-line">
        <Bi lang={lang} m={BOARD.noPeople} />
      </p>
    </section>
  );
}
