// The announcer's status panel: whether sound is on, which engine speaks each language, the
// call being spoken, the queue and the last calls. Read from across a room, so large and plain.

const LANGUAGES = {
  "cmn-Hans": ["普通话", "Mandarin"],
  "yue-Hant": ["粤语", "Cantonese"],
  en: ["英语", "English"],
};

const ENGINES = {
  "web-speech": ["系统语音", "Web Speech"],
  "voice-pack": ["语音包", "Voice pack"],
  none: ["无法播报", "No voice"],
  checking: ["检测中", "Checking…"],
};

const OUTCOMES = {
  spoken: ["已播报", "spoken"],
  old: ["过时未播", "too old, not spoken"],
  duplicate: ["重复未播", "duplicate, not spoken"],
  stale: ["等候过久", "waited too long"],
  failed: ["播报失败", "failed"],
};

/** The script a language's sentence is written in, for the font. */
const SCRIPT = { "cmn-Hans": "zh-Hans", "yue-Hant": "zh-Hant", en: "en" };

const $ = (id) => document.getElementById(id);

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pair([zh, en]) {
  return `${escape(zh)} <small lang="en">${escape(en)}</small>`;
}

/**
 * Draws the panel from the announcer's state.
 * @param {object} s see announcer.js `view()`
 */
export function renderPanel(s) {
  const link = $("an-link");
  link.dataset.online = String(s.online);
  link.innerHTML = s.online
    ? `已连接 <span lang="en">Connected</span>`
    : `离线 <span lang="en">Offline${s.offlineSeconds ? ` ${s.offlineSeconds} s` : ""}</span>`;

  const sound = $("an-sound");
  sound.dataset.sound = s.sound === null ? "checking" : String(s.sound);
  $("an-sound-text").innerHTML =
    s.sound === null
      ? `检查声音 <span lang="en">Checking sound…</span>`
      : s.sound
        ? `声音已开启 <span lang="en">Sound on</span>`
        : `声音未开启 <span lang="en">Sound off: click the page</span>`;

  $("an-engines").innerHTML = s.languages
    .map((language) => {
      const engine = s.engines[language] || "checking";
      const detail = engine === "web-speech" ? s.voices[language] : engine === "voice-pack" ? `${s.pack} pack` : "";
      return `<li class="an-engine" data-language="${escape(language)}" data-engine="${escape(engine)}">
        <span class="an-lang">${pair(LANGUAGES[language] || [language, ""])}</span>
        <span class="an-engine-name">${pair(ENGINES[engine] || [engine, ""])}${
          detail ? `<span class="an-voice">${escape(detail)}</span>` : ""
        }</span></li>`;
    })
    .join("");

  const current = $("an-current");
  current.classList.toggle("idle", !s.current);
  current.innerHTML = s.current
    ? `<span class="an-ticket">${escape(s.current.ticket)}</span><span class="an-arrow" aria-hidden="true">→</span>` +
      `<span class="an-window">${escape(s.current.window)}<small>号窗口</small></span>` +
      (s.current.recall ? `<span class="an-recall">重呼 <small lang="en">Recall</small></span>` : "") +
      `<span class="an-sentences">${s.current.sentences
        .map((t) => `<span lang="${SCRIPT[t.language] || "zh-Hans"}">${escape(t.text)}</span>`)
        .join("")}</span>`
    : `等待叫号 <span lang="en">Waiting for calls</span>`;

  const queue = $("an-queue");
  queue.dataset.queue = String(s.queue);
  queue.innerHTML = `等候播报 <b>${s.queue}</b> <span lang="en">queued</span>`;

  $("an-log").innerHTML = s.log
    .map(
      (e) => `<li class="an-log-entry" data-outcome="${escape(e.outcome)}" data-call-id="${escape(e.callId)}">
        <span class="an-log-time">${escape(e.time)}</span>
        <span class="an-log-call">${escape(e.ticket)} → ${escape(e.window)} 号窗口${e.recall ? " · 重呼" : ""}</span>
        <span class="an-log-outcome">${pair(OUTCOMES[e.outcome] || [e.outcome, ""])}</span></li>`,
    )
    .join("");

  const a = s.settings;
  $("an-settings").innerHTML = [
    `重复 ${a.repeat} 遍 <span lang="en">×${a.repeat}</span>`,
    `语速 ${a.rate.toFixed(1)} <span lang="en">rate</span>`,
    `音量 ${Math.round(a.volume * 100)}% <span lang="en">volume</span>`,
    `提示音 ${a.chime ? "开" : "关"} <span lang="en">chime ${a.chime ? "on" : "off"}</span>`,
    `补播 ${Math.round(s.maxAgeMs / 1000)} 秒内 <span lang="en">missed calls under ${Math.round(s.maxAgeMs / 1000)} s</span>`,
  ]
    .map((t) => `<span>${t}</span>`)
    .join("");

  $("an-gate").hidden = s.sound !== false;
}
