/** The manager console's connected announcers: each one's sound, what it has left to say, its engines. */
import { PANELS } from "../i18n/catalogue/manage.js";
import type { Lang } from "../i18n/lang.js";
import { both } from "../i18n/words.js";
import { Bi } from "./console-kit.js";
import { oob } from "./layout.js";
import type { Room } from "./views.js";

export function Announcers({ room, live, lang }: { room: Room | undefined; live: boolean; lang: Lang }) {
  const announcers = room?.announcers ?? [];
  return (
    <section id="manage-announcers" class="announcers" {...oob(live)}>
      <h2>
        <Bi lang={lang} m={announcers.length === 1 ? PANELS.announcersOne : PANELS.announcersMany} vars={{ count: announcers.length }} />
      </h2>
      {announcers.length === 0 ? (
        <p class="muted">
          <Bi lang={lang} m={PANELS.noAnnouncer} />
        </p>
      ) : (
        <ul>
          {announcers.map((a) => (
            <li class={a.sound ? "sound-on" : "sound-off"}>
              <b>{a.label ?? a.view ?? a.role}</b>
              <span class="sound">{both(lang, a.sound ? PANELS.soundOn : PANELS.soundOff, {}, " ")}</span>
              {a.queue !== null && a.queue > 0 && <span class="queue">{both(lang, PANELS.toSpeak, { count: a.queue })}</span>}
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
