/**
 * The call announcer (叫号播音): the page a hall PC runs all day next to the speakers. It speaks
 * every `ticket.called` and `ticket.recalled` from the hall's JSON live feed in the hall's
 * languages, and shows, large, whether sound is on and which engine speaks each language.
 * The speaking is all in the browser (announcer/browser/); this renders the first paint and the
 * page's configuration. It is not an htmx view: the hall sends it nothing but events.
 *
 * Page parameters (besides ?token=): `maxAge` seconds (default 30, 1..600): after a
 * reconnect, calls older than this are not spoken; `pack`: the voice pack under
 * /static/voices/ (default `default`); `label`: where this announcer stands, for the manager;
 * `zone`: speak only the calls at that zone's windows (the browser keeps the list current from
 * the feed's `hall.configured` events).
 */
import { raw } from "hono/html";
import { DEFAULT_ANNOUNCEMENT, type HallState, type Language, type Zone } from "../core/model.js";
import { findZone, zoneProblem } from "../core/zones.js";
import { Page, SOCKET_SCRIPT, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";
import { ANY } from "../access/roles.js";

/** Language names as the status panel shows them. */
export const LANGUAGE_NAMES: Record<Language, { zh: string; en: string }> = {
  "cmn-Hans": { zh: "普通话", en: "Mandarin" },
  "yue-Hant": { zh: "粤语", en: "Cantonese" },
  en: { zh: "英语", en: "English" },
};

const DEFAULT_MAX_AGE_SECONDS = 30;
/** The page reloads itself if its module has not started by then. */
const RELOAD_IF_DEAD_MS = 20_000;

/** What the browser code starts from (the `#tongban-announcer` JSON). */
export interface AnnouncerConfig {
  hall: string;
  /** The hall's JSON live feed, with the page's token. */
  feed: string;
  /** The seq the page was rendered at: the feed resumes after it. */
  seq: number;
  /** The server's clock when rendering (ms), so the PC's clock does not judge a call's age. */
  serverNow: number;
  timezone: string;
  languages: Language[];
  announcer: typeof DEFAULT_ANNOUNCEMENT;
  /** What a hall without announcer settings uses, when a live change removes them. */
  defaults: typeof DEFAULT_ANNOUNCEMENT;
  pack: string;
  maxAgeMs: number;
  label: string | null;
  /** With `?zone=`: the zone whose windows' calls this announcer speaks; null speaks the whole hall's. */
  zone: Zone | null;
}

/** The page's configuration from the hall and the page's parameters. */
export function announcerConfig(state: HallState, now: number, params: URLSearchParams, token: string): AnnouncerConfig {
  const maxAge = Number(params.get("maxAge") ?? DEFAULT_MAX_AGE_SECONDS);
  const pack = params.get("pack") ?? "default";
  const label = (params.get("label") ?? "").trim().slice(0, 40);
  return {
    hall: state.hall,
    feed: `/api/halls/${encodeURIComponent(state.hall)}/live${token ? `?${new URLSearchParams({ token })}` : ""}`,
    seq: state.seq,
    serverNow: now,
    timezone: state.settings.timezone,
    languages: state.settings.languages,
    announcer: { ...DEFAULT_ANNOUNCEMENT, ...state.settings.announcer },
    defaults: DEFAULT_ANNOUNCEMENT,
    pack: /^[a-z0-9][a-z0-9_-]{0,39}$/.test(pack) ? pack : "default",
    maxAgeMs: Number.isFinite(maxAge) ? Math.min(600, Math.max(1, maxAge)) * 1000 : DEFAULT_MAX_AGE_SECONDS * 1000,
    label: label || null,
    zone: findZone(state, params.get("zone") ?? "") ?? null,
  };
}

function StatusPanel({ state, config }: { state: HallState; config: AnnouncerConfig }) {
  return (
    <main class="announcer">
      <header class="an-head">
        <h1 class="an-hall">{state.settings.name}</h1>
        <p class="an-title">
          叫号播音 <span lang="en">Call announcer</span>
          {config.zone && (
            <span class="an-label an-zone" data-zone={config.zone.id}>
              {config.zone.names["zh-Hans"]} <small lang="en">{config.zone.names.en}</small>
            </span>
          )}
          {config.label && <span class="an-label">{config.label}</span>}
        </p>
        <p id="an-link" class="an-link" data-online="false">
          连接中 <span lang="en">Connecting</span>
        </p>
      </header>
      <section id="an-sound" class="an-sound" data-sound="checking">
        <span class="an-sound-mark" aria-hidden="true"></span>
        <span id="an-sound-text" class="an-sound-text">
          检查声音 <span lang="en">Checking sound…</span>
        </span>
      </section>
      <section class="an-engines">
        <h2 class="an-caption">
          播报语言与语音 <span lang="en">Languages and voices</span>
        </h2>
        <ul id="an-engines" class="an-engine-list">
          {config.languages.map((l) => (
            <li class="an-engine" data-language={l} data-engine="checking">
              <span class="an-lang">
                {LANGUAGE_NAMES[l].zh} <small lang="en">{LANGUAGE_NAMES[l].en}</small>
              </span>
              <span class="an-engine-name">
                检测中 <small lang="en">Checking…</small>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section class="an-now">
        <h2 class="an-caption">
          正在播报 <span lang="en">Now announcing</span>
        </h2>
        <div id="an-current" class="an-current idle">
          等待叫号 <span lang="en">Waiting for calls</span>
        </div>
        <p id="an-queue" class="an-queue" data-queue="0">
          等候播报 <b>0</b> <span lang="en">queued</span>
        </p>
      </section>
      <section class="an-recent">
        <h2 class="an-caption">
          最近播报 <span lang="en">Recent calls</span>
        </h2>
        <ol id="an-log" class="an-log"></ol>
      </section>
      <footer id="an-settings" class="an-settings"></footer>
    </main>
  );
}

function Gate() {
  return (
    <div id="an-gate" class="an-gate" hidden>
      <button id="an-gate-button" type="button" class="an-gate-button">
        点击启用语音
        <span lang="en">Click to enable sound</span>
      </button>
      <p class="an-gate-why">
        浏览器需要点击一次（或按任意键）才允许播放声音。
        <span lang="en">The browser plays sound only after a click or a key press on the page.</span>
      </p>
    </div>
  );
}

export const announcerPage: LiveView = {
  roles: ANY,
  check: (state, params) => zoneProblem(state, params),
  page(state, now, params, live: LiveConfig) {
    const token = new URL(live.url, "http://hall").searchParams.get("token") ?? "";
    const config = announcerConfig(state, now, params, token);
    return Page({
      title: [state.settings.name, config.zone?.names["zh-Hans"], "叫号播音"].filter(Boolean).join(" · "),
      styles: ["/static/announcer/announcer.css"],
      // Runs before the announcer's modules (deferred scripts and modules run in page order).
      scripts: [SOCKET_SCRIPT],
      bodyClass: "announcer-body",
      children: (
        <>
          <StatusPanel state={state} config={config} />
          <Gate />
          <script type="application/json" id="tongban-announcer">
            {raw(JSON.stringify(config).replaceAll("<", "\\u003c"))}
          </script>
          <script type="module" src="/static/announcer/announcer.js"></script>
          {/* Unattended all day: if the scripts did not arrive (a server hiccup), try again. */}
          <script>{raw(`setTimeout(function(){if(!window.tongbanAnnouncer)location.reload()},${RELOAD_IF_DEAD_MS})`)}</script>
        </>
      ),
    }).toString();
  },
  // The announcer listens to the JSON feed, never to rendered fragments.
  fragments() {
    return "";
  },
};
