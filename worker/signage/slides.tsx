/**
 * Signage slides: a notice, an image or a procedure guide (办事指南) as the main screen plays it
 * and the console previews it. Sized in container units (cq*), so the same markup fills the
 * screen's content panel, the whole screen in idle mode, or a small 16:9 or 9:16 preview box.
 * Every text goes through hono/jsx, which escapes it: no markup from a notice reaches a screen.
 */
import { nextChange } from "../core/schedule.js";
import type { ContentItem, Texts } from "../core/content-types.js";
import type { HallState } from "../core/model.js";

/** zh-Hans first, then zh-Hant and English when given (and different). */
function Lines({ texts, class: cls }: { texts: Texts; class: string }) {
  const hant = texts["zh-Hant"] && texts["zh-Hant"] !== texts["zh-Hans"] ? texts["zh-Hant"] : null;
  return (
    <>
      <span class={`${cls} zh`}>{texts["zh-Hans"]}</span>
      {hant && (
        <span class={`${cls} second`} lang="zh-Hant">
          {hant}
        </span>
      )}
      {texts.en && (
        <span class={`${cls} second`} lang="en">
          {texts.en}
        </span>
      )}
    </>
  );
}

/** A size step by how much text there is, so a long notice still fits at ten metres. */
function sizeOf(chars: number): "short" | "medium" | "long" {
  return chars <= 40 ? "short" : chars <= 100 ? "medium" : "long";
}

function Label({ zh, en, extra }: { zh: string; en: string; extra?: string | undefined }) {
  return (
    <p class="slide-label">
      <span>{zh}</span> <span lang="en">{en}</span>
      {extra && <span class="slide-label-extra">{extra}</span>}
    </p>
  );
}

function NoticeSlide({ item }: { item: Extract<ContentItem, { kind: "notice" }> }) {
  return (
    <>
      <Label zh="公告" en="Notice" />
      {item.title && (
        <h3 class="slide-title">
          <Lines texts={item.title} class="title" />
        </h3>
      )}
      <p class={`slide-text ${sizeOf(item.text["zh-Hans"].length)}`}>
        <Lines texts={item.text} class="text" />
      </p>
    </>
  );
}

function ImageSlide({ item }: { item: Extract<ContentItem, { kind: "image" }> }) {
  return (
    <>
      <img class="slide-picture" src={item.media.src} alt={item.caption?.["zh-Hans"] ?? "图片公告 · picture notice"} decoding="async" />
      {item.caption && (
        <p class="slide-caption">
          <Lines texts={item.caption} class="caption" />
        </p>
      )}
    </>
  );
}

function GuideSlide({ state, item }: { state: HallState; item: Extract<ContentItem, { kind: "guide" }> }) {
  const category = item.category ? state.categories.find((c) => c.id === item.category) : undefined;
  const facts: Array<[string, string, Texts | undefined]> = [
    ["收费", "Fee", item.fee],
    ["办理时限", "Time limit", item.timeLimit],
    ["办理地点", "Where", item.where],
  ];
  const long = item.materials.length > 6 ? " many" : "";
  return (
    <>
      <Label zh="办事指南" en="Service guide" extra={category?.names["zh-Hans"]} />
      <h3 class="slide-title">
        <Lines texts={item.title} class="title" />
      </h3>
      <div class="guide-body">
        <div class={`guide-materials${long}`}>
          <h4>
            所需材料 <span lang="en">Required materials</span>
          </h4>
          <ol>
            {item.materials.map((m) => (
              <li>
                <Lines texts={m} class="material" />
              </li>
            ))}
          </ol>
        </div>
        <dl class="guide-facts">
          {facts
            .filter(([, , t]) => t !== undefined)
            .map(([zh, en, t]) => (
              <div>
                <dt>
                  {zh} <span lang="en">{en}</span>
                </dt>
                <dd>
                  <Lines texts={t!} class="fact" />
                </dd>
              </div>
            ))}
        </dl>
      </div>
    </>
  );
}

/**
 * One slide. `data-key` changes whenever the item does, so a screen keeps the element (and its
 * loaded image) of an unchanged item; `data-until` is when its schedule next turns it off, so a
 * screen cut off from the hall drops it on time by itself.
 */
export function Slide({ state, item, now }: { state: HallState; item: ContentItem; now: number }) {
  const until = nextChange(item.schedule, now, state.settings.timezone);
  return (
    <article
      class={`slide slide-${item.kind}`}
      data-id={item.id}
      data-key={`${item.id}@${item.updatedAt}`}
      data-seconds={String(item.seconds)}
      data-until={until === null ? "" : String(until)}
    >
      {item.kind === "notice" ? <NoticeSlide item={item} /> : item.kind === "image" ? <ImageSlide item={item} /> : <GuideSlide state={state} item={item} />}
    </article>
  );
}
