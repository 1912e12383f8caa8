/**
 * The manager console's other panels: connected announcers, staff accounts, appointments,
 * hall settings, the audit log, and the dialog that adjusts one window with a preview.
 * Lists are live regions; forms are not, so an update never wipes what a manager is typing.
 */
import type { HallState } from "../core/types.js";
import { Bi, categoryZh, PRIORITY_WORDS } from "./console-kit.js";
import { oob } from "./layout.js";
import type { Room } from "./views.js";

const ROLE_WORDS = { officer: "民警 officer", auxiliary: "辅警 auxiliary", lead: "带班领导 shift lead" } as const;
/** What a person may do when they sign in; their rank (ROLE_WORDS) is another thing. */
const ACCESS_WORDS = { counter: "窗口终端 counter", manager: "管理台 manager" } as const;

export function Announcers({ room, live }: { room: Room | undefined; live: boolean }) {
  const announcers = room?.announcers ?? [];
  return (
    <section id="manage-announcers" class="announcers" {...oob(live)}>
      <h2>
        <Bi zh={`播报器 ${announcers.length} 台在线`} en={`${announcers.length} announcer${announcers.length === 1 ? "" : "s"} connected`} />
      </h2>
      {announcers.length === 0 ? (
        <p class="muted">
          <Bi zh="没有播报器连接：叫号不会被念出" en="No announcer is connected: calls will not be spoken" />
        </p>
      ) : (
        <ul>
          {announcers.map((a) => (
            <li class={a.sound ? "sound-on" : "sound-off"}>
              <b>{a.label ?? a.view ?? a.role}</b>
              <span class="sound">{a.sound ? "声音开 sound on" : "声音关 sound off: tap the announcer page"}</span>
              {a.queue !== null && a.queue > 0 && <span class="queue">待播 {a.queue} · {a.queue} to speak</span>}
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

export function StaffList({ state, live }: { state: HallState; live: boolean }) {
  const staff = Object.values(state.staff).sort((a, b) => a.badge.localeCompare(b.badge));
  const onDuty = new Map(state.windows.filter((w) => w.officer?.id).map((w) => [w.officer!.id!, w.number]));
  return (
    <section id="manage-staff" class="panel" {...oob(live)}>
      <h2>
        <Bi zh={`人员账户（${staff.length}）`} en="Staff accounts: officers sign in at window terminals with these" />
      </h2>
      <table class="list">
        <thead>
          <tr>
            <th>姓名 Name</th>
            <th>警号 Badge</th>
            <th>岗位 Role</th>
            <th>权限 Access</th>
            <th>PIN</th>
            <th>密码 Password</th>
            <th>在岗 On duty</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr data-staff={s.id}>
              <td>{s.name}</td>
              <td>{s.badge}</td>
              <td>{ROLE_WORDS[s.role]}</td>
              <td>{ACCESS_WORDS[s.access ?? "counter"]}</td>
              <td>{s.hasPin ? "已设 set" : "无 none"}</td>
              <td data-has-password={s.hasPassword ? "true" : "false"}>{s.hasPassword ? "已设 set" : "无 none"}</td>
              <td>{onDuty.has(s.id) ? `${onDuty.get(s.id)} 号窗口` : "—"}</td>
              <td class="row-actions">
                <button type="button" class="small" data-edit-staff={s.id} data-name={s.name} data-badge={s.badge} data-role={s.role} data-access={s.access ?? "counter"}>
                  编辑 Edit
                </button>
                <button type="button" class="small danger" data-remove-staff={s.id} data-name={s.name}>
                  删除 Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StaffForm() {
  return (
    <form id="staff-form" class="panel form-grid" novalidate>
      <h2>
        <Bi zh="添加或修改人员" en="Add or change a staff account" />
      </h2>
      <label>
        <Bi zh="姓名" en="Name" />
        <input name="name" maxlength={30} required />
        <small class="field-error" data-error-for="name"></small>
      </label>
      <label>
        <Bi zh="警号" en="Badge number" />
        <input name="badge" maxlength={20} required />
        <small class="field-error" data-error-for="badge"></small>
      </label>
      <label>
        <Bi zh="岗位" en="Role" />
        <select name="role">
          {Object.entries(ROLE_WORDS).map(([v, words]) => (
            <option value={v}>{words}</option>
          ))}
        </select>
      </label>
      <label>
        <Bi zh="登录权限" en="May sign in to" />
        <select name="access">
          {Object.entries(ACCESS_WORDS).map(([v, words]) => (
            <option value={v}>{words}</option>
          ))}
        </select>
        <small class="field-error" data-error-for="access"></small>
      </label>
      <label>
        <Bi zh="登录密码（至少 8 位，可留空）" en="Sign-in password, 8+ characters (blank keeps it)" />
        <input name="password" type="password" autocomplete="new-password" maxlength={200} />
        <small class="field-error" data-error-for="password"></small>
      </label>
      <label>
        <Bi zh="PIN（4–8 位数字，可留空）" en="PIN, 4–8 digits (optional; blank keeps it)" />
        <input name="pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength={8} />
        <small class="field-error" data-error-for="pin"></small>
      </label>
      <div class="form-actions">
        <label class="inline">
          <input type="checkbox" name="clearPin" /> 清除 PIN · remove the PIN
        </label>
        <label class="inline">
          <input type="checkbox" name="clearPassword" /> 清除密码 · remove the password
        </label>
        <button type="reset" class="secondary">
          <Bi zh="清空" en="Clear" />
        </button>
        <button type="submit" class="primary">
          <Bi zh="保存人员" en="Save staff account" />
        </button>
      </div>
    </form>
  );
}

export function Appointments({ state, live }: { state: HallState; live: boolean }) {
  const list = Object.values(state.appointments).sort((a, b) => (a.day + a.bookedAt < b.day + b.bookedAt ? -1 : 1));
  const days = [...new Set(list.map((a) => a.day))];
  return (
    <section id="manage-appointments" class="panel" {...oob(live)}>
      <h2>
        <Bi zh={`预约（${list.length}）`} en="Appointments: citizens check in at the kiosk with the code" />
      </h2>
      <label class="inline-field">
        <Bi zh="日期" en="Day" />
        <select id="appointment-day" aria-label="预约日期 · day">
          <option value="">全部 · every day</option>
          {days.map((d) => (
            <option value={d}>{d === state.day ? `${d}（今天 today）` : d}</option>
          ))}
        </select>
      </label>
      <table class="list">
        <thead>
          <tr>
            <th>预约码 Code</th>
            <th>日期 Day</th>
            <th>业务 Category</th>
            <th>备注 Note</th>
            <th>签到 Checked in</th>
            <th>
              <span class="visually-hidden">操作 Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr data-code={a.code} data-day={a.day}>
              <td class="code">{a.code}</td>
              <td>{a.day}</td>
              <td>{categoryZh(state, a.category)}</td>
              <td>{a.note ?? ""}</td>
              <td>{a.ticket ? (state.tickets[a.ticket]?.number ?? "✓") : "—"}</td>
              <td>
                {!a.ticket && (
                  <button type="button" class="danger" data-cancel-appointment={a.code} aria-label={`取消预约 ${a.code} · cancel`}>
                    <Bi zh="取消" en="Cancel" />
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

export function AppointmentForm({ state }: { state: HallState }) {
  return (
    <form id="appointment-form" class="panel form-grid" novalidate>
      <h2>
        <Bi zh="新建预约" en="Book an appointment (a booking system uses POST /api/halls/{hall}/appointments)" />
      </h2>
      <label>
        <Bi zh="业务" en="Category" />
        <select name="category">
          {state.categories.map((c) => (
            <option value={c.id}>{c.names["zh-Hans"]} · {c.names.en}</option>
          ))}
        </select>
      </label>
      <label>
        <Bi zh="日期" en="Day" />
        <input name="day" type="date" value={state.day} min={state.day} />
        <small class="field-error" data-error-for="day"></small>
      </label>
      <label>
        <Bi zh="备注（预约系统编号，勿填个人信息）" en="Note: the booking's reference, no personal data" />
        <input name="note" maxlength={60} />
      </label>
      <div class="form-actions">
        <output id="appointment-code" class="big-code"></output>
        <button type="submit" class="primary">
          <Bi zh="生成预约码" en="Book and get a code" />
        </button>
      </div>
    </form>
  );
}

const LANGUAGE_WORDS = { "cmn-Hans": "普通话 Mandarin", "yue-Hant": "粤语 Cantonese", en: "English" } as const;

export function SettingsForm({ state }: { state: HallState }) {
  const s = state.settings;
  const offered = s.priorities ?? ["elderly", "disabled", "green"];
  return (
    <form id="settings-form" class="panel form-grid settings" novalidate>
      <h2>
        <Bi zh="大厅设置" en="Hall settings: saved at once to every screen, kiosk and terminal" />
      </h2>
      <label class="wide">
        <Bi zh="滚动通知" en="Notice line on the hall screens" />
        <textarea name="notice" rows={2} maxlength={300}>
          {s.notice}
        </textarea>
        <small class="field-error" data-error-for="notice"></small>
      </label>
      <label class="wide">
        <Bi zh="码上监督二维码地址" en="Supervision (码上监督) address shown as a QR code; blank for none" />
        <input name="supervisionUrl" value={s.supervisionUrl ?? ""} maxlength={500} />
        <small class="field-error" data-error-for="supervisionUrl"></small>
      </label>
      <label>
        <Bi zh="警戒线（分钟）" en="Alarm line, minutes" />
        <input name="alarmMinutes" type="number" min={1} max={240} value={String(s.alarmMinutes)} />
        <small class="field-error" data-error-for="alarmMinutes"></small>
      </label>
      <label>
        <Bi zh="目标平均等候（分钟）" en="Target mean wait, minutes" />
        <input name="targetWaitMinutes" type="number" min={0.5} max={240} step={0.1} value={String(s.targetWaitMinutes)} />
        <small class="field-error" data-error-for="targetWaitMinutes"></small>
      </label>
      <label>
        <Bi zh="过号可重排（分钟，0 为不可）" en="No-show may re-queue within, minutes (0: never)" />
        <input name="noShowRequeueMinutes" type="number" min={0} max={240} value={String(s.noShowRequeueMinutes)} />
        <small class="field-error" data-error-for="noShowRequeueMinutes"></small>
      </label>
      <fieldset>
        <legend>
          <Bi zh="叫号语言" en="Call languages" />
        </legend>
        {Object.entries(LANGUAGE_WORDS).map(([v, words]) => (
          <label class="inline">
            <input type="checkbox" name="languages" value={v} checked={s.languages.includes(v as never)} /> {words}
          </label>
        ))}
        <small class="field-error" data-error-for="languages"></small>
      </fieldset>
      <fieldset>
        <legend>
          <Bi zh="取号机提供的优先类别" en="Priorities the kiosk offers (appointments come by check-in)" />
        </legend>
        {(["elderly", "disabled", "green"] as const).map((p) => (
          <label class="inline">
            <input type="checkbox" name="priorities" value={p} checked={offered.includes(p)} /> {PRIORITY_WORDS[p].zh} {PRIORITY_WORDS[p].en}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          <Bi zh="排班" en="Day plan" />
        </legend>
        <label class="inline">
          <input type="checkbox" name="autoOpen" checked={s.autoOpen === true} /> 自动开窗：按已采用的排班方案到点开放、暂停窗口 · Auto-open: follow the applied plan at each shift change
        </label>
      </fieldset>
      <div class="form-actions wide">
        <button type="submit" class="primary">
          <Bi zh="保存设置" en="Save settings" />
        </button>
      </div>
    </form>
  );
}

export function AuditPanel() {
  return (
    <section id="audit" class="panel">
      <h2>
        <Bi zh="审计日志" en="Audit log: who did what, when, from which device" />
      </h2>
      <table class="list audit">
        <thead>
          <tr>
            <th>时间 When</th>
            <th>操作人 Who</th>
            <th>角色 Role</th>
            <th>操作 Action</th>
            <th>对象 Target</th>
            <th>设备 Device</th>
          </tr>
        </thead>
        <tbody id="audit-rows"></tbody>
      </table>
      <button type="button" class="secondary" data-audit-more hidden>
        <Bi zh="更早" en="Older entries" />
      </button>
    </section>
  );
}

/** Adjust one window: its state and categories, with the waits before and after, then apply. */
export function WindowDialog({ state }: { state: HallState }) {
  return (
    <dialog id="window-dialog" class="console-dialog wide-dialog">
      <form method="dialog">
        <h2>
          <Bi zh={<>调整 <span data-slot="number"></span> 号窗口</>} en="Adjust a window: preview, then apply" />
        </h2>
        <div class="state-choice" role="radiogroup">
          {(["open", "paused", "closed"] as const).map((v) => (
            <label class="inline">
              <input type="radio" name="state" value={v} /> {v === "open" ? "开放 Open" : v === "paused" ? "暂停 Paused" : "关闭 Closed"}
            </label>
          ))}
        </div>
        <h3>
          <Bi zh="办理业务（勾选）" en="Categories it serves" />
        </h3>
        <div class="category-choice">
          {state.categories.map((c) => (
            <label class="inline">
              <input type="checkbox" name="categories" value={c.id} /> {c.names["zh-Hans"]} {c.names.en}
            </label>
          ))}
        </div>
        <h3>
          <Bi zh="预计等候变化" en="Estimated wait for a newcomer, now → after" />
        </h3>
        <table class="list preview">
          <tbody id="preview-rows"></tbody>
        </table>
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi zh="取消" en="Cancel" />
          </button>
          <button type="button" class="primary" data-apply-window>
            <Bi zh="应用" en="Apply" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
