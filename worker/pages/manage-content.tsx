/**
 * The manager console's 内容 Content tab: what the screens show between calls. The list is a live
 * region (items are hall state, so it changes with the hall's feed), each item with whether it is
 * on now, a preview at the screen's aspect (16:9 and upright 9:16) from the very slide the main
 * screen plays, and, for the hall's own items, edit, order and delete; a region's item may only be
 * hidden here. display/browser/manage-content.js sends the form and the buttons to the API.
 */
import { contentOf, contentOrder, DEFAULT_IDLE_MINUTES } from "../core/content.js";
import type { ContentItem, Schedule } from "../core/content-types.js";
import { isOn } from "../core/schedule.js";
import type { HallState } from "../core/types.js";
import { Bi } from "./console-kit.js";
import { Slide } from "./content-slides.js";
import { oob } from "./layout.js";

const KIND_WORDS: Record<ContentItem["kind"], [string, string]> = { notice: ["公告", "Notice"], image: ["图片", "Image"], guide: ["办事指南", "Guide"] };
const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

function summary(item: ContentItem): string {
  if (item.kind === "notice") return item.title?.["zh-Hans"] ?? item.text["zh-Hans"];
  if (item.kind === "guide") return item.title["zh-Hans"];
  return item.caption?.["zh-Hans"] ?? `${Math.round(item.media.bytes / 1024)} KB ${item.media.type.replace("image/", "").toUpperCase()}`;
}

/** "12月1日–31日 · 周一至周五 · 09:00–12:00": the schedule as a manager reads it. */
export function scheduleText(s: Schedule): string {
  const parts: string[] = [];
  if (s.from || s.to) parts.push(`${s.from ?? "…"} – ${s.to ?? "…"}`);
  if (s.weekdays) parts.push(`周${s.weekdays.map((d) => WEEKDAYS[d - 1]).join("、")}`);
  if (s.hours) parts.push(s.hours.map((h) => `${h.from}–${h.to}`).join("、"));
  return parts.length ? parts.join(" · ") : "一直播放 · always";
}

function Row({ state, item, now, first, last }: { state: HallState; item: ContentItem; now: number; first: boolean; last: boolean }) {
  const on = !item.hidden && isOn(item.schedule, now, state.settings.timezone);
  const own = item.region === undefined;
  const [zh, en] = KIND_WORDS[item.kind];
  const zones = item.zones?.map((z) => state.settings.zones?.find((k) => k.id === z)?.names["zh-Hans"] ?? z).join("、");
  return (
    <li class={`content-row${on ? " on" : ""}${item.hidden ? " is-hidden" : ""}`} data-content={item.id} data-item={JSON.stringify(item)}>
      <span class={`kind kind-${item.kind}`}>
        <Bi zh={zh} en={en} />
      </span>
      <span class="what">
        <b>{summary(item)}</b>
        <small>
          {scheduleText(item.schedule)} · {item.seconds} 秒{zones ? ` · ${zones}` : ""}
          {!own && ` · 区域发布 ${item.region}`}
        </small>
      </span>
      <span class={`state-pill ${on ? "state-open" : "state-closed"}`}>{item.hidden ? <Bi zh="已隐藏" en="hidden" /> : on ? <Bi zh="播放中" en="on now" /> : <Bi zh="未在播" en="off now" />}</span>
      <span class="row-actions">
        <button type="button" class="small" data-preview-content={item.id}>
          <Bi zh="预览" en="Preview" />
        </button>
        {own && (
          <>
            <button type="button" class="small" data-edit-content={item.id}>
              <Bi zh="编辑" en="Edit" />
            </button>
            <button type="button" class="small" data-move-content={item.id} data-direction="up" disabled={first} aria-label={`上移 ${summary(item)} · move up`}>
              ↑
            </button>
            <button type="button" class="small" data-move-content={item.id} data-direction="down" disabled={last} aria-label={`下移 ${summary(item)} · move down`}>
              ↓
            </button>
          </>
        )}
        <button type="button" class="small" data-hide-content={item.id} data-hidden={item.hidden ? "true" : "false"}>
          {item.hidden ? <Bi zh="显示" en="Show" /> : <Bi zh="隐藏" en="Hide" />}
        </button>
        {own && (
          <button type="button" class="small danger" data-delete-content={item.id}>
            <Bi zh="删除" en="Delete" />
          </button>
        )}
      </span>
      <template class="slide-source">
        <Slide state={state} item={item} now={now} />
      </template>
    </li>
  );
}

export function ContentList({ state, now, live }: { state: HallState; now: number; live: boolean }) {
  const items = Object.values(contentOf(state).items).sort(contentOrder);
  const own = items.filter((i) => i.region === undefined);
  const idle = state.settings.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  return (
    <section id="content-list" class="panel content-list" {...oob(live)}>
      <h2>
        <Bi zh={`播放内容（${items.filter((i) => !i.hidden && isOn(i.schedule, now, state.settings.timezone)).length} 条播放中）`} en="What the screens show between calls" />
      </h2>
      <p class="hint">
        <Bi
          zh={idle > 0 ? `本区域 ${idle} 分钟无叫号时，内容全屏播放；叫号立即恢复` : "空闲全屏已关闭（设置 idleMinutes）"}
          en={idle > 0 ? `Full screen after ${idle} min without a call; a call takes the screen back at once` : "Idle mode is off"}
        />
      </p>
      {items.length === 0 ? (
        <p class="calm-line">
          <Bi zh="还没有内容" en="No content yet" />
        </p>
      ) : (
        <ol class="content-rows">
          {items.map((item) => (
            <Row state={state} item={item} now={now} first={own[0] === item} last={own.at(-1) === item} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Field({ name, zh, en, max, type = "text", required = false }: { name: string; zh: string; en: string; max?: number; type?: string; required?: boolean }) {
  return (
    <label>
      <Bi zh={zh} en={en} />
      <input name={name} type={type} maxlength={max} required={required} />
      <small class="field-error" data-error-for={name.split(".")[0]}></small>
    </label>
  );
}

export function ContentForm({ state }: { state: HallState }) {
  const zones = state.settings.zones ?? [];
  return (
    <form id="content-form" class="panel form-grid content-form" novalidate>
      <h2>
        <Bi zh="添加或修改内容" en="Add or change an item" />
      </h2>
      <fieldset class="kinds">
        <legend>
          <Bi zh="类型" en="Kind" />
        </legend>
        {(["notice", "guide", "image"] as const).map((k) => (
          <label class="inline">
            <input type="radio" name="kind" value={k} checked={k === "notice"} /> <Bi zh={KIND_WORDS[k][0]} en={KIND_WORDS[k][1]} />
          </label>
        ))}
      </fieldset>
      <p class="hint wide">
        <Bi zh="中英文可用“ | ”分开：居民身份证 | Resident ID card" en="Add English after “ | ”" />
      </p>
      <div class="kind-fields wide" data-kind="notice">
        <Field name="title" zh="标题（可选）" en="Title (optional)" max={130} />
        <label class="wide">
          <Bi zh="公告内容" en="Notice text" />
          <textarea name="text" rows={3} maxlength={800}></textarea>
          <small class="field-error" data-error-for="text"></small>
        </label>
        <Field name="textHant" zh="繁体（可选）" en="Traditional Chinese (optional)" max={200} />
      </div>
      <div class="kind-fields wide" data-kind="guide" hidden>
        <label>
          <Bi zh="业务" en="Category" />
          <select name="category">
            <option value="">—</option>
            {state.categories.map((c) => (
              <option value={c.id}>{c.names["zh-Hans"]}</option>
            ))}
          </select>
          <small class="field-error" data-error-for="category"></small>
        </label>
        <Field name="guideTitle" zh="事项名称" en="Title" max={130} />
        <label class="wide">
          <Bi zh="所需材料（每行一项）" en="Required materials, one a line" />
          <textarea name="materials" rows={4} maxlength={2000}></textarea>
          <small class="field-error" data-error-for="materials"></small>
        </label>
        <Field name="fee" zh="收费" en="Fee" max={130} />
        <Field name="timeLimit" zh="办理时限" en="Time limit" max={130} />
        <Field name="where" zh="办理地点" en="Where" max={130} />
      </div>
      <div class="kind-fields wide" data-kind="image" hidden>
        <label>
          <Bi zh="图片（PNG、JPEG、WebP，不超过 2 MB）" en="Image: PNG, JPEG or WebP, up to 2 MB" />
          <input name="file" type="file" accept="image/png,image/jpeg,image/webp" />
          <small class="field-error" data-error-for="file"></small>
        </label>
        <Field name="caption" zh="说明（可选）" en="Caption (optional)" max={200} />
      </div>
      <label>
        <Bi zh="每次播放（秒）" en="Seconds on screen" />
        <input name="seconds" type="number" min={3} max={120} value="10" />
        <small class="field-error" data-error-for="seconds"></small>
      </label>
      <label>
        <Bi zh="开始日期" en="From" />
        <input name="from" type="date" />
      </label>
      <label>
        <Bi zh="结束日期" en="To" />
        <input name="to" type="date" />
      </label>
      <label>
        <Bi zh="时段（如 09:00-12:00, 14:00-17:30）" en="Hours, e.g. 09:00-12:00, 14:00-17:30" />
        <input name="hours" maxlength={100} />
      </label>
      <fieldset class="weekdays wide">
        <legend>
          <Bi zh="星期（不选为每天）" en="Weekdays (none: every day)" />
        </legend>
        {WEEKDAYS.map((d, i) => (
          <label class="inline">
            <input type="checkbox" name="weekdays" value={String(i + 1)} /> 周{d}
          </label>
        ))}
      </fieldset>
      <small class="field-error wide" data-error-for="schedule"></small>
      {zones.length > 0 && (
        <fieldset class="zones wide">
          <legend>
            <Bi zh="区域（不选为全部屏幕）" en="Zones (none: every screen)" />
          </legend>
          {zones.map((z) => (
            <label class="inline">
              <input type="checkbox" name="zones" value={z.id} /> {z.names["zh-Hans"]}
            </label>
          ))}
        </fieldset>
      )}
      <p class="form-actions wide">
        <button type="submit" class="primary">
          <Bi zh="保存" en="Save" />
        </button>
        <button type="button" data-cancel-edit hidden>
          <Bi zh="取消修改" en="Stop editing" />
        </button>
      </p>
    </form>
  );
}

/** Idle mode's quiet time, a hall setting (PATCH /api/halls/{hall} { idleMinutes }). */
export function IdleForm({ state }: { state: HallState }) {
  return (
    <form id="idle-form" class="panel idle-form">
      <label class="inline">
        <Bi zh="无叫号多少分钟后全屏播放（0 为不全屏）" en="Full screen after this many minutes without a call (0: never)" />
        <input name="idleMinutes" type="number" min={0} max={240} value={String(state.settings.idleMinutes ?? DEFAULT_IDLE_MINUTES)} />
      </label>
      <button type="submit" class="small">
        <Bi zh="保存" en="Save" />
      </button>
      <small class="field-error" data-error-for="idleMinutes"></small>
    </form>
  );
}

/** The preview boxes: the slide as a 16:9 main screen and as an upright 9:16 panel show it. */
export function ContentPreview() {
  return (
    <section id="content-preview" class="panel content-preview" aria-label="预览 · Preview">
      <h2>
        <Bi zh="预览" en="Preview" />
      </h2>
      <div class="previews">
        <figure>
          <div class="slide-box landscape" data-preview="landscape"></div>
          <figcaption>16:9 · 1920×1080</figcaption>
        </figure>
        <figure>
          <div class="slide-box portrait" data-preview="portrait"></div>
          <figcaption>9:16 · 1080×1920</figcaption>
        </figure>
      </div>
    </section>
  );
}
