/**
 * The main screen's signage (issue 15): the content panel that plays the items on now for the
 * screen's zone, and idle mode, when that content fills the screen over a slim bar of waiting
 * counts. display/browser/signage.js rotates the slides and decides idle mode on the client,
 * from the last call's time and the server's clock that this panel carries (`data-now`), never
 * the box's own clock: the hall need not wake for a screen to go idle, and a call takes the
 * screen back in the same swap that brings it.
 */
import { DEFAULT_IDLE_MINUTES, itemsOnNow } from "../core/content.js";
import type { HallSnapshot } from "../core/snapshot.js";
import type { HallState } from "../core/model.js";
import type { ZoneScope } from "../core/zones.js";
import { Slide } from "./slides.js";
import { oob } from "../pages/layout.js";
import { CategoryName } from "../pages/screen-parts.js";

export const SIGNAGE_SCRIPT = "/static/display/signage.js";
export const SLIDES_STYLE = "/static/display/slides.css";

export interface Signage {
  items: ReturnType<typeof itemsOnNow>;
  /** The zone's latest call (ms), or 0 when it has had none today. */
  lastCall: number;
  idleMinutes: number;
  idle: boolean;
}

export function signageOf(hall: HallState, scope: ZoneScope | null, now: number): Signage {
  const items = scope && !scope.known ? [] : itemsOnNow(hall, scope?.zone.id ?? null, now);
  const calls = scope ? hall.recentCalls.filter((c) => scope.windows.has(c.window.id)) : hall.recentCalls;
  const lastCall = calls[0] ? Date.parse(calls[0].at) : 0;
  const idleMinutes = hall.settings.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  const idle = idleMinutes > 0 && items.length > 0 && now - lastCall >= idleMinutes * 60_000;
  return { items, lastCall, idleMinutes, idle };
}

/** The main screen's classes: a content panel when there is content, full screen when idle. */
export function signageClasses(s: Signage): string {
  return `${s.items.length > 0 ? " has-content" : ""}${s.idle ? " idle" : ""}`;
}

/** The slides on now, hidden: signage.js takes new ones from here and keeps those it shows. */
function Playlist({ hall, signage, now, live }: { hall: HallState; signage: Signage; now: number; live: boolean }) {
  return (
    <div
      id="content-playlist"
      hidden
      data-now={String(now)}
      data-last-call={String(signage.lastCall)}
      data-idle-minutes={String(signage.idleMinutes)}
      {...oob(live)}
    >
      {signage.items.map((item) => (
        <Slide state={hall} item={item} now={now} />
      ))}
    </div>
  );
}

/** The panel as first painted: the first slide already on the stage, so nothing waits for script. */
export function ContentPanel({ hall, signage, now }: { hall: HallState; signage: Signage; now: number }) {
  const first = signage.items[0];
  return (
    <section id="content" class="content-panel" aria-label="公告与办事指南 · Notices and guides">
      <div id="content-stage" class="content-stage">
        {first && <Slide state={hall} item={first} now={now} />}
      </div>
      <ol id="content-dots" class="content-dots" aria-hidden="true"></ol>
      <Playlist hall={hall} signage={signage} now={now} live={false} />
    </section>
  );
}

/** What a live update carries of the panel: the playlist only; the stage stays the screen's own. */
export function ContentUpdate({ hall, signage, now }: { hall: HallState; signage: Signage; now: number }) {
  return <Playlist hall={hall} signage={signage} now={now} live={true} />;
}

/** Idle mode's slim bar: how many wait for what, so nobody waiting loses track. */
export function IdleBar({ state, snapshot, live }: { state: HallState; snapshot: HallSnapshot; live: boolean }) {
  return (
    <div id="idle-bar" class="idle-bar" {...oob(live)}>
      <span class="idle-bar-title">
        等候 <span lang="en">Waiting</span>
      </span>
      {snapshot.categories.map((c) => (
        <span id={`idle-${c.id}`} class="idle-count" data-category={c.id}>
          <span class="prefix">{c.prefix}</span>
          <CategoryName state={state} category={c} />
          <b id={`idle-${c.id}-waiting`}>{c.waiting}</b>
          <small>人</small>
        </span>
      ))}
    </div>
  );
}
