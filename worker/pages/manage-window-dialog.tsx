import type { HallState } from "../core/model.js";
import { WINDOW_STATE } from "../i18n/catalogue/common.js";
import { PANELS } from "../i18n/catalogue/manage.js";
import type { Lang } from "../i18n/lang.js";
import { both, secondLang } from "../i18n/words.js";
import { Bi } from "./console-kit.js";

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
