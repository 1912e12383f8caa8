/**
 * The console's Devices tab (设备): pair a device by the code its /pair page shows, and the
 * fleet at a glance: what each device is, whether it is online, when it was last seen, and
 * buttons to rename, re-assign or revoke it. The list is a live region (it changes when a
 * device connects or drops); the forms are not, so an update never wipes what is being typed.
 */
import type { HallState } from "../core/types.js";
import { DEVICE_KINDS, KIND_WORDS, offlineAlarms, type DeviceHealth } from "../fleet/devices.js";
import { Bi, hhmm } from "./console-kit.js";
import { oob } from "./layout.js";
import type { Room } from "./views.js";

function zonesOf(state: HallState): Array<{ id: string; name: string }> {
  return (state.settings.zones ?? []).map((z) => ({ id: z.id, name: z.names["zh-Hans"] }));
}

function when(at: string | null, state: HallState, now: number): string {
  if (!at) return "从未 never";
  const day = Date.parse(at) > now - 20 * 3600_000;
  return day ? hhmm(at, state.settings.timezone) : at.slice(0, 10);
}

function DeviceRow({ d, state, now }: { d: DeviceHealth; state: HallState; now: number }) {
  const zone = d.zone && (state.settings.zones?.find((z) => z.id === d.zone)?.names["zh-Hans"] ?? d.zone);
  const where = [zone && `区域 ${zone}`, d.window && `${state.windows.find((w) => w.id === d.window)?.number ?? d.window} 号窗口`].filter(Boolean).join(" · ");
  return (
    <tr data-device={d.id} data-online={String(d.online)}>
      <td>
        <b>{d.name}</b>
      </td>
      <td>
        {KIND_WORDS[d.kind].zh} <span class="muted">{KIND_WORDS[d.kind].en}</span>
        {where && <div class="muted">{where}</div>}
      </td>
      <td>
        <span class={`state-pill ${d.online ? "state-open" : "state-closed"}`} data-slot="online">
          {d.online ? "在线 online" : "离线 offline"}
        </span>
        {d.kind === "announcer" && d.sound === false && <div class="worse">声音关 sound off</div>}
      </td>
      <td>{d.online ? `自 ${when(d.onlineSince, state, now)} since` : when(d.lastSeenAt, state, now)}</td>
      <td class="muted">
        {d.screen.width ? `${d.screen.width}×${d.screen.height}` : "—"}
        {d.version && <div>{d.version}</div>}
      </td>
      <td>
        <div class="row-actions">
        <button type="button" class="small" data-edit-device={d.id} data-kind={d.kind} data-name={d.name} data-zone={d.zone ?? ""} data-window={d.window ?? ""}>
          调整 Edit
        </button>
        <button type="button" class="small danger" data-revoke-device={d.id} data-name={d.name}>
          撤销 Revoke
        </button>
        </div>
      </td>
    </tr>
  );
}

export function DevicesList({ state, room, now, live }: { state: HallState; room: Room | undefined; now: number; live: boolean }) {
  const devices = room?.devices ?? [];
  const online = devices.filter((d) => d.online).length;
  return (
    <section id="manage-devices" class="panel" {...oob(live)}>
      <h2>
        <Bi zh={`设备 ${online}/${devices.length} 在线`} en={`Devices: ${online} of ${devices.length} online`} />
      </h2>
      {devices.length === 0 ? (
        <p class="muted">
          <Bi zh="还没有配对的设备：在设备上打开 /pair，再在下面输入它显示的配对码" en="No paired devices yet: open /pair on the device, then type the code it shows below" />
        </p>
      ) : (
        <table class="list devices">
          <thead>
            <tr>
              <th>名称 Name</th>
              <th>类型 Kind</th>
              <th>状态 State</th>
              <th>最近在线 Last seen</th>
              <th>屏幕 Screen</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <DeviceRow d={d} state={state} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Device alarms for the console's alarm list: due ones now, the rest shown by clock.js when due. */
export function DeviceAlarmItems({ state, room, now }: { state: HallState; room: Room | undefined; now: number }) {
  return (
    <>
      {offlineAlarms(state, room?.devices ?? [], now).map((a) => (
        <li data-alert="device-offline" data-device={a.device} {...(a.due ? {} : { "data-show-at": String(a.dueAt), hidden: true })}>
          <Bi zh={a.zh} en={a.en} />
        </li>
      ))}
    </>
  );
}

/** Kind, name, zone and window: the fields pairing and re-assigning share. */
function AssignmentFields({ state }: { state: HallState }) {
  const zones = zonesOf(state);
  return (
    <>
      <label>
        <Bi zh="类型" en="Kind" />
        <select name="kind">
          {DEVICE_KINDS.map((k) => (
            <option value={k}>
              {KIND_WORDS[k].zh} · {KIND_WORDS[k].en}
            </option>
          ))}
        </select>
        <small class="field-error" data-error-for="kind"></small>
      </label>
      <label>
        <Bi zh="名称" en="Name, e.g. 东区主屏" />
        <input name="name" maxlength={40} required placeholder="东区主屏" />
        <small class="field-error" data-error-for="name"></small>
      </label>
      <label>
        <Bi zh="区域（可选）" en="Zone (optional)" />
        {zones.length > 0 ? (
          <select name="zone">
            <option value="">全厅 · whole hall</option>
            {zones.map((z) => (
              <option value={z.id}>{z.name}</option>
            ))}
          </select>
        ) : (
          <input name="zone" maxlength={40} placeholder="全厅 whole hall" />
        )}
        <small class="field-error" data-error-for="zone"></small>
      </label>
      <label>
        <Bi zh="窗口（窗口屏、窗口终端、评价器）" en="Window (window screens, counters, evaluators)" />
        <select name="window">
          <option value="">—</option>
          {state.windows.map((w) => (
            <option value={w.id}>
              {w.number} 号 · {w.label}
            </option>
          ))}
        </select>
        <small class="field-error" data-error-for="window"></small>
      </label>
    </>
  );
}

export function PairForm({ state }: { state: HallState }) {
  return (
    <form id="pair-form" class="panel form-grid" novalidate>
      <h2>
        <Bi zh="配对新设备" en="Pair a device: open /pair on it, then type the code it shows" />
      </h2>
      <label>
        <Bi zh="配对码（6 位数字）" en="Pairing code, 6 digits" />
        <input name="code" inputmode="numeric" autocomplete="off" maxlength={7} required placeholder="000 000" class="big-code" />
        <small class="field-error" data-error-for="code"></small>
      </label>
      <AssignmentFields state={state} />
      <div class="form-actions">
        <button type="submit" class="primary">
          <Bi zh="配对" en="Pair" />
        </button>
      </div>
    </form>
  );
}

/** Rename or re-assign one device; it switches to its new page by itself. */
export function DeviceDialog({ state }: { state: HallState }) {
  return (
    <dialog id="device-dialog" class="console-dialog">
      <form method="dialog" class="form-grid" novalidate>
        <h2>
          <Bi zh="调整设备" en="Rename or re-assign a device: it switches page by itself" />
        </h2>
        <AssignmentFields state={state} />
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi zh="取消" en="Cancel" />
          </button>
          <button type="button" class="primary" data-save-device>
            <Bi zh="保存" en="Save" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
