/**
 * The console's Devices tab (设备): pair a device by the code its /pair page shows, and the
 * fleet at a glance: what each device is, whether it is online, when it was last seen, and
 * buttons to rename, re-assign or revoke it. The list is a live region (it changes when a
 * device connects or drops); the forms are not, so an update never wipes what is being typed.
 */
import type { HallState } from "../core/model.js";
import { DEVICE_KINDS, KIND_WORDS, offlineAlarms, type DeviceHealth } from "./devices.js";
import { COMMON } from "../i18n/catalogue/common.js";
import { DEVICES } from "../i18n/catalogue/manage-tabs.js";
import type { Lang } from "../i18n/lang.js";
import { both, chineseTerm, say, sayAfter } from "../i18n/words.js";
import { Bi, hhmm } from "../pages/console-kit.js";
import { oob } from "../pages/layout.js";
import type { Room } from "../pages/views.js";

function zonesOf(state: HallState, lang: Lang): Array<{ id: string; name: string }> {
  return (state.settings.zones ?? []).map((z) => ({ id: z.id, name: z.names[lang] }));
}

function when(at: string | null, state: HallState, now: number, lang: Lang): string {
  if (!at) return both(lang, DEVICES.never, {}, " ");
  const day = Date.parse(at) > now - 20 * 3600_000;
  return day ? hhmm(at, state.settings.timezone) : at.slice(0, 10);
}

function DeviceRow({ d, state, now, lang }: { d: DeviceHealth; state: HallState; now: number; lang: Lang }) {
  const zone = d.zone && (state.settings.zones?.find((z) => z.id === d.zone)?.names[lang] ?? d.zone);
  const where = [
    zone && say(lang, DEVICES.zone, { zone }),
    d.window && say(lang, COMMON.windowNumber, { number: state.windows.find((w) => w.id === d.window)?.number ?? d.window }),
  ]
    .filter(Boolean)
    .join(" · ");
  const since = when(d.onlineSince, state, now, lang);
  return (
    <tr data-device={d.id} data-online={String(d.online)}>
      <td>
        <b>{d.name}</b>
      </td>
      <td>
        {say(lang, KIND_WORDS[d.kind])} <span class="muted">{sayAfter(lang, KIND_WORDS[d.kind])}</span>
        {where && <div class="muted">{where}</div>}
      </td>
      <td>
        <span class={`state-pill ${d.online ? "state-open" : "state-closed"}`} data-slot="online">
          {both(lang, d.online ? DEVICES.online : DEVICES.offline, {}, " ")}
        </span>
        {d.kind === "announcer" && d.sound === false && <div class="worse">{both(lang, DEVICES.soundOff, {}, " ")}</div>}
      </td>
      <td>
        {d.online
          ? lang === "en"
            ? say(lang, DEVICES.since, { time: since })
            : both(lang, DEVICES.since, { time: since }, " ")
          : when(d.lastSeenAt, state, now, lang)}
      </td>
      <td class="muted">
        {d.screen.width ? `${d.screen.width}×${d.screen.height}` : "—"}
        {d.version && <div>{d.version}</div>}
      </td>
      <td>
        <div class="row-actions">
        <button type="button" class="small" data-edit-device={d.id} data-kind={d.kind} data-name={d.name} data-zone={d.zone ?? ""} data-window={d.window ?? ""}>
          {both(lang, DEVICES.edit, {}, " ")}
        </button>
        <button type="button" class="small danger" data-revoke-device={d.id} data-name={d.name}>
          {both(lang, DEVICES.revoke, {}, " ")}
        </button>
        </div>
      </td>
    </tr>
  );
}

export function DevicesList({ state, room, now, live, lang }: { state: HallState; room: Room | undefined; now: number; live: boolean; lang: Lang }) {
  const devices = room?.devices ?? [];
  const online = devices.filter((d) => d.online).length;
  const head = (m: (typeof DEVICES)[keyof typeof DEVICES]) => both(lang, m, {}, " ");
  return (
    <section id="manage-devices" class="panel" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={DEVICES.title} vars={{ online, total: devices.length }} />
      </h2>
      {devices.length === 0 ? (
        <p class="muted">
          <Bi lang={lang} m={DEVICES.none} />
        </p>
      ) : (
        <table class="list devices">
          <thead>
            <tr>
              <th>{head(DEVICES.name)}</th>
              <th>{head(DEVICES.kind)}</th>
              <th>{head(DEVICES.state)}</th>
              <th>{head(DEVICES.lastSeen)}</th>
              <th>{head(DEVICES.screen)}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <DeviceRow d={d} state={state} now={now} lang={lang} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Device alarms for the console's alarm list: due ones now, the rest shown by clock.js when due. */
export function DeviceAlarmItems({ state, room, now, lang }: { state: HallState; room: Room | undefined; now: number; lang: Lang }) {
  return (
    <>
      {offlineAlarms(state, room?.devices ?? [], now).map((a) => (
        <li data-alert="device-offline" data-device={a.device} {...(a.due ? {} : { "data-show-at": String(a.dueAt), hidden: true })}>
          <Bi lang={lang} m={a.due ? DEVICES.offlineFor : DEVICES.offlineOverAMinute} vars={{ name: a.name, minutes: a.minutes }} />
        </li>
      ))}
    </>
  );
}

/** Kind, name, zone and window: the fields pairing and re-assigning share. */
function AssignmentFields({ state, lang }: { state: HallState; lang: Lang }) {
  const zones = zonesOf(state, lang);
  return (
    <>
      <label>
        <Bi lang={lang} m={DEVICES.kind} />
        <select name="kind">
          {DEVICE_KINDS.map((k) => (
            <option value={k}>{both(lang, KIND_WORDS[k])}</option>
          ))}
        </select>
        <small class="field-error" data-error-for="kind"></small>
      </label>
      <label>
        <Bi lang={lang} m={DEVICES.nameExample} vars={{ example: chineseTerm(lang, DEVICES.example) }} />
        <input name="name" maxlength={40} required placeholder={say(lang, DEVICES.example)} />
        <small class="field-error" data-error-for="name"></small>
      </label>
      <label>
        <Bi lang={lang} m={DEVICES.zoneOptional} />
        {zones.length > 0 ? (
          <select name="zone">
            <option value="">{both(lang, DEVICES.wholeHall)}</option>
            {zones.map((z) => (
              <option value={z.id}>{z.name}</option>
            ))}
          </select>
        ) : (
          <input name="zone" maxlength={40} placeholder={both(lang, DEVICES.wholeHall, {}, " ")} />
        )}
        <small class="field-error" data-error-for="zone"></small>
      </label>
      <label>
        <Bi lang={lang} m={DEVICES.windowField} />
        <select name="window">
          <option value="">—</option>
          {state.windows.map((w) => (
            <option value={w.id}>{say(lang, DEVICES.windowOption, { number: w.number, label: w.label })}</option>
          ))}
        </select>
        <small class="field-error" data-error-for="window"></small>
      </label>
    </>
  );
}

export function PairForm({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <form id="pair-form" class="panel form-grid" novalidate>
      <h2>
        <Bi lang={lang} m={DEVICES.pairTitle} />
      </h2>
      <label>
        <Bi lang={lang} m={DEVICES.code} />
        <input name="code" inputmode="numeric" autocomplete="off" maxlength={7} required placeholder="000 000" class="big-code" />
        <small class="field-error" data-error-for="code"></small>
      </label>
      <AssignmentFields state={state} lang={lang} />
      <div class="form-actions">
        <button type="submit" class="primary">
          <Bi lang={lang} m={DEVICES.pair} />
        </button>
      </div>
    </form>
  );
}

/** Rename or re-assign one device; it switches to its new page by itself. */
export function DeviceDialog({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <dialog id="device-dialog" class="console-dialog">
      <form method="dialog" class="form-grid" novalidate>
        <h2>
          <Bi lang={lang} m={DEVICES.dialogTitle} />
        </h2>
        <AssignmentFields state={state} lang={lang} />
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi lang={lang} m={DEVICES.cancel} />
          </button>
          <button type="button" class="primary" data-save-device>
            <Bi lang={lang} m={DEVICES.save} />
          </button>
        </div>
      </form>
    </dialog>
  );
}
