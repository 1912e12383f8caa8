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
import type { HallState } from "../core/model.js";
import { CONTENT } from "../i18n/catalogue/content.js";
import type { Lang } from "../i18n/lang.js";
import { both, type Msg } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";
import { Slide } from "./slides.js";
import { oob } from "../pages/layout.js";

const KIND_WORDS: Record<ContentItem["kind"], Msg> = { notice: CONTENT.kindNotice, image: CONTENT.kindImage, guide: CONTENT.kindGuide };
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

function Row({ state, item, now, first, last, lang }: { state: HallState; item: ContentItem; now: number; first: boolean; last: boolean; lang: Lang }) {
  const on = !item.hidden && isOn(item.schedule, now, state.settings.timezone);
  const own = item.region === undefined;
  const zones = item.zones?.map((z) => state.settings.zones?.find((k) => k.id === z)?.names["zh-Hans"] ?? z).join("、");
  return (
    <li class={`content-row${on ? " on" : ""}${item.hidden ? " is-hidden" : ""}`} data-content={item.id} data-item={JSON.stringify(item)}>
      <span class={`kind kind-${item.kind}`}>
        <Bi lang={lang} m={KIND_WORDS[item.kind]} />
      </span>
      <span class="what">
        <b>{summary(item)}</b>
        <small>
          {scheduleText(item.schedule)} · {item.seconds} 秒{zones ? ` · ${zones}` : ""}
          {!own && ` · 区域发布 ${item.region}`}
        </small>
      </span>
      <span class={`state-pill ${on ? "state-open" : "state-closed"}`}>{item.hidden ? <Bi lang={lang} m={CONTENT.hidden} /> : on ? <Bi lang={lang} m={CONTENT.onNow} /> : <Bi lang={lang} m={CONTENT.offNow} />}</span>
      <span class="row-actions">
        <button type="button" class="small" data-preview-content={item.id}>
          <Bi lang={lang} m={CONTENT.preview} />
        </button>
        {own && (
          <>
            <button type="button" class="small" data-edit-content={item.id}>
              <Bi lang={lang} m={CONTENT.edit} />
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
          {item.hidden ? <Bi lang={lang} m={CONTENT.show} /> : <Bi lang={lang} m={CONTENT.hide} />}
        </button>
        {own && (
          <button type="button" class="small danger" data-delete-content={item.id}>
            <Bi lang={lang} m={CONTENT.delete} />
          </button>
        )}
      </span>
      <template class="slide-source">
        <Slide state={state} item={item} now={now} />
      </template>
    </li>
  );
}

export function ContentList({ state, now, live, lang }: { state: HallState; now: number; live: boolean; lang: Lang }) {
  const items = Object.values(contentOf(state).items).sort(contentOrder);
  const own = items.filter((i) => i.region === undefined);
  const idle = state.settings.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  return (
    <section id="content-list" class="panel content-list" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={CONTENT.listTitle} vars={{ count: items.filter((i) => !i.hidden && isOn(i.schedule, now, state.settings.timezone)).length }} />
      </h2>
      <p class="hint">
        <Bi lang={lang} m={idle > 0 ? CONTENT.idleOn : CONTENT.idleOff} vars={{ minutes: idle }} />
      </p>
      {items.length === 0 ? (
        <p class="calm-line">
          <Bi lang={lang} m={CONTENT.noContentYet} />
        </p>
      ) : (
        <ol class="content-rows">
          {items.map((item) => (
            <Row state={state} item={item} now={now} first={own[0] === item} last={own.at(-1) === item} lang={lang} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Field({ lang, name, m, max, type = "text", required = false }: { lang: Lang; name: string; m: Msg; max?: number; type?: string; required?: boolean }) {
  return (
    <label>
      <Bi lang={lang} m={m} />
      <input name={name} type={type} maxlength={max} required={required} />
      <small class="field-error" data-error-for={name.split(".")[0]}></small>
    </label>
  );
}

export function ContentForm({ state, lang }: { state: HallState; lang: Lang }) {
  const zones = state.settings.zones ?? [];
  return (
    <form id="content-form" class="panel form-grid content-form" novalidate>
      <h2>
        <Bi lang={lang} m={CONTENT.addOrChangeAn} />
      </h2>
      <fieldset class="kinds">
        <legend>
          <Bi lang={lang} m={CONTENT.kind} />
        </legend>
        {(["notice", "guide", "image"] as const).map((k) => (
          <label class="inline">
            <input type="radio" name="kind" value={k} checked={k === "notice"} /> <Bi lang={lang} m={KIND_WORDS[k]} />
          </label>
        ))}
      </fieldset>
      <p class="hint wide">
        <Bi lang={lang} m={CONTENT.addEnglishAfter} />
      </p>
      <div class="kind-fields wide" data-kind="notice">
        <Field lang={lang} name="title" m={CONTENT.titleOptional} max={130} />
        <label class="wide">
          <Bi lang={lang} m={CONTENT.noticeText} />
          <textarea name="text" rows={3} maxlength={800}></textarea>
          <small class="field-error" data-error-for="text"></small>
        </label>
        <Field lang={lang} name="textHant" m={CONTENT.traditionalChineseOptional} max={200} />
      </div>
      <div class="kind-fields wide" data-kind="guide" hidden>
        <label>
          <Bi lang={lang} m={CONTENT.category} />
          <select name="category">
            <option value="">—</option>
            {state.categories.map((c) => (
              <option value={c.id}>{c.names["zh-Hans"]}</option>
            ))}
          </select>
          <small class="field-error" data-error-for="category"></small>
        </label>
        <Field lang={lang} name="guideTitle" m={CONTENT.title} max={130} />
        <label class="wide">
          <Bi lang={lang} m={CONTENT.requiredMaterialsOneA} />
          <textarea name="materials" rows={4} maxlength={2000}></textarea>
          <small class="field-error" data-error-for="materials"></small>
        </label>
        <Field lang={lang} name="fee" m={CONTENT.fee} max={130} />
        <Field lang={lang} name="timeLimit" m={CONTENT.timeLimit} max={130} />
        <Field lang={lang} name="where" m={CONTENT.where} max={130} />
      </div>
      <div class="kind-fields wide" data-kind="image" hidden>
        <label>
          <Bi lang={lang} m={CONTENT.imagePngJpegOr} />
          <input name="file" type="file" accept="image/png,image/jpeg,image/webp" />
          <small class="field-error" data-error-for="file"></small>
        </label>
        <Field lang={lang} name="caption" m={CONTENT.captionOptional} max={200} />
      </div>
      <label>
        <Bi lang={lang} m={CONTENT.secondsOnScreen} />
        <input name="seconds" type="number" min={3} max={120} value="10" />
        <small class="field-error" data-error-for="seconds"></small>
      </label>
      <label>
        <Bi lang={lang} m={CONTENT.from} />
        <input name="from" type="date" />
      </label>
      <label>
        <Bi lang={lang} m={CONTENT.to} />
        <input name="to" type="date" />
      </label>
      <label>
        <Bi lang={lang} m={CONTENT.hoursEG09} />
        <input name="hours" maxlength={100} />
      </label>
      <fieldset class="weekdays wide">
        <legend>
          <Bi lang={lang} m={CONTENT.weekdaysNoneEveryDay} />
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
            <Bi lang={lang} m={CONTENT.zonesNoneEveryScreen} />
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
          <Bi lang={lang} m={CONTENT.save} />
        </button>
        <button type="button" data-cancel-edit hidden>
          <Bi lang={lang} m={CONTENT.stopEditing} />
        </button>
      </p>
    </form>
  );
}

/** Idle mode's quiet time, a hall setting (PATCH /api/halls/{hall} { idleMinutes }). */
export function IdleForm({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <form id="idle-form" class="panel idle-form">
      <label class="inline">
        <Bi lang={lang} m={CONTENT.fullScreenAfterThis} />
        <input name="idleMinutes" type="number" min={0} max={240} value={String(state.settings.idleMinutes ?? DEFAULT_IDLE_MINUTES)} />
      </label>
      <button type="submit" class="small">
        <Bi lang={lang} m={CONTENT.save} />
      </button>
      <small class="field-error" data-error-for="idleMinutes"></small>
    </form>
  );
}

/** The preview boxes: the slide as a 16:9 main screen and as an upright 9:16 panel show it. */
export function ContentPreview({ lang }: { lang: Lang }) {
  return (
    <section id="content-preview" class="panel content-preview" aria-label={both(lang, CONTENT.preview)}>
      <h2>
        <Bi lang={lang} m={CONTENT.preview} />
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
