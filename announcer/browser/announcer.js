// The call announcer: speaks every call from the hall's live feed, one at a time, in the hall's
// languages, with a local Web Speech voice where the machine has one and the voice pack where it
// does not. It never speaks a call twice (a set of spoken callIds survives reloads), speaks a
// missed call after a reconnect only while it is recent, and tells the hall whether sound is on.
// The words come from announcer/words.ts, the same module the screens use; what to say next at
// peak (each call once while others wait, repeats when caught up) from announcer/queue.ts.
// This file is the queue of calls and the page around it; how a call is said is speaker.js,
// what was said spoken.js, the feed feed.js, the panel panel.js.
import { hallFeed, serverClock } from "./feed.js";
import { renderPanel } from "./panel.js";
import { nextTurn } from "./queue.js";
import { BETWEEN_UTTERANCES_S, speaker } from "./speaker.js";
import { spokenCalls } from "./spoken.js";
import { voicePack } from "./voice-pack.js";

const config = JSON.parse(document.getElementById("tongban-announcer").textContent);

/**
 * A queued call not started within this is no longer announced (sound was off, say). Only this
 * drops a call: a backlog at peak is worked through, each call said once (announcer/queue.ts).
 */
const MAX_WAIT_MS = 3 * 60 * 1000;
const LOG_SHOWN = 8;
/** Silence between one call and the next. */
const BETWEEN_CALLS_MS = 700;

const clock = serverClock(config.serverNow);
const synth = "speechSynthesis" in window ? window.speechSynthesis : null;
const ctx = new AudioContext();
const pack = voicePack(ctx, `/static/voices/${config.pack}/`);

const settings = { languages: config.languages, ...config.announcer };
const voice = speaker({ synth, pack, settings, onError: recordError, onChange: changed });
const { engines, voices } = voice;
let enginesReady = false;
let sound = null;
let online = false;
let offlineSince = performance.now();
/** Calls in the order made, the one being said first; each leaves once said or too old. */
const queue = [];
let current = null;
let busy = false;
const log = [];
const errors = [];

/** With `?zone=`, the ids of the zone's windows: only their calls are spoken. Null: every call. */
let zoneWindows = config.zone ? new Set(config.zone.windows) : null;
/** A live change of zones: the zone's windows now (none once the zone is removed). */
function followZones(zones) {
  if (!config.zone) return;
  const zone = (zones || []).find((z) => z.id === config.zone.id);
  zoneWindows = new Set(zone ? zone.windows : []);
}

// Resume before the first call not yet spoken, so a reload mid-queue still speaks it.
const spoken = spokenCalls(config.hall, () => {
  const next = queue.find((call) => call !== current && call.rounds === 0);
  return next ? next.seq - 1 : feed.seq;
});

const clockFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: config.timezone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** The last problems, for the test hook and a technician at the console. */
function recordError(text) {
  errors.push(text);
  if (errors.length > 20) errors.shift();
}

function note(call, outcome) {
  log.unshift({
    callId: call.callId,
    ticket: call.ticket,
    window: call.window,
    recall: call.recall,
    outcome,
    rounds: call.rounds || 0,
    time: clockFormat.format(new Date(call.at)),
  });
  log.length = Math.min(log.length, LOG_SHOWN);
}

function receive(event) {
  spoken.saveSoon();
  if (event.type === "hall.configured") {
    settings.languages = event.config.languages;
    Object.assign(settings, config.defaults, event.config.announcer);
    followZones(event.config.zones);
    voice.choose();
    return;
  }
  if (event.type !== "ticket.called" && event.type !== "ticket.recalled") return;
  // Another zone's call: its own announcer speaks it, where its citizen waits.
  if (zoneWindows && !zoneWindows.has(event.window.id)) return;
  const call = {
    callId: event.callId,
    seq: event.seq,
    atText: event.at,
    at: Date.parse(event.at),
    ticket: event.ticket.number,
    window: event.window.number,
    recall: event.type === "ticket.recalled",
    rounds: 0,
  };
  if (spoken.has(call) || queue.some((q) => q.callId === call.callId)) {
    note(call, "duplicate");
  } else if (clock.now() - call.at > config.maxAgeMs) {
    note(call, "old");
  } else {
    queue.push(call);
  }
  changed();
  pump();
}

/** Takes the calls the queue is done with (said, or too old) out of it; returns what is next. */
function settle() {
  const turn = nextTurn(queue, clock.now(), { repeat: settings.repeat ?? 2, maxAgeMs: MAX_WAIT_MS });
  for (const call of turn.stale) leave(call, "stale");
  for (const call of turn.done) leave(call, "spoken");
  if (turn.stale.length || turn.done.length) changed();
  return turn;
}

function leave(call, outcome) {
  const i = queue.indexOf(call);
  if (i >= 0) queue.splice(i, 1);
  note(call, outcome);
}

/** Says the next round the queue asks for, then asks again. */
async function pump() {
  if (busy) return;
  const turn = settle();
  if (sound !== true || !turn.next) return;
  const { call, round } = turn.next;
  busy = true;
  current = call;
  if (round === 1) spoken.remember(call);
  changed();
  try {
    await voice.say(call, round);
    call.rounds = round;
  } catch (error) {
    recordError(String(error));
    leave(call, call.rounds > 0 ? "spoken" : "failed");
  } finally {
    current = null;
    busy = false;
  }
  // Done calls leave now, so the log says "spoken" as the last word ends, not after the pause.
  const after = settle();
  changed();
  setTimeout(pump, after.next?.call === call ? BETWEEN_UTTERANCES_S * 1000 : BETWEEN_CALLS_MS);
}

function changed() {
  renderPanel(view());
  statusSoon();
}

/** Calls not yet said, besides the one being said: the queue the hall sees. */
function waiting() {
  return queue.filter((call) => call !== current && call.rounds === 0).length;
}

function view() {
  return {
    online,
    offlineSeconds: online ? 0 : Math.round((performance.now() - offlineSince) / 1000),
    sound,
    languages: settings.languages,
    engines,
    voices,
    pack: pack.name || config.pack,
    current: current && { ticket: current.ticket, window: current.window, recall: current.recall, sentences: current.sentences || [] },
    queue: waiting(),
    log,
    settings,
    maxAgeMs: config.maxAgeMs,
  };
}

// --- telling the hall --------------------------------------------------------------------------

let lastStatus = "";
let statusTimer = null;
function status() {
  const message = { type: "announcer.status", sound: sound === true, engines: { ...engines }, queue: waiting() };
  if (config.label) message.label = config.label;
  // The hall counts calls no announcer speaks, per zone (issue 25 §3): say which zone this one speaks.
  if (config.zone) message.zone = config.zone.id;
  return message;
}
function statusSoon() {
  if (statusTimer === null) statusTimer = setTimeout(() => sendStatus(false), 150);
}
function sendStatus(force) {
  statusTimer = null;
  if (sound === null || !enginesReady) return;
  const message = status();
  const text = JSON.stringify(message);
  if ((force || text !== lastStatus) && feed.send(message)) lastStatus = text;
}

// --- sound: browsers keep audio off until someone clicks the page ------------------------------

async function checkSound() {
  if (ctx.state !== "running") {
    // resume() stays pending without a user gesture; a short wait tells the two apart.
    await Promise.race([ctx.resume().catch(() => {}), new Promise((r) => setTimeout(r, 500))]);
  }
  setSound(ctx.state === "running");
}

function setSound(on) {
  if (sound === on) return;
  sound = on;
  changed();
  pump();
}

/** Any click or key on the page is the gesture the browser waits for (a PC may have no mouse). */
function unlock() {
  if (ctx.state !== "running") ctx.resume().then(() => setSound(ctx.state === "running"), () => {});
}
ctx.addEventListener("statechange", () => setSound(ctx.state === "running"));
document.addEventListener("pointerdown", unlock);
document.addEventListener("keydown", unlock);

// --- start -------------------------------------------------------------------------------------

const feed = hallFeed({
  url: config.feed,
  since: spoken.since(config.seq),
  onEvent: receive,
  // Too far behind: the hall sent its state instead; its calls are old news, speak none.
  onSnapshot: (snapshot) => {
    followZones(snapshot.state?.zones);
    spoken.saveSoon();
  },
  onMessage: (message) => {
    if (message.type === "error") recordError(`hall: ${message.error}`);
  },
  onState(up) {
    online = up;
    if (!up) offlineSince = performance.now();
    changed();
    if (up) sendStatus(true);
  },
  beforeReconnect: () => clock.sync(serverNowFromPage),
});

/** The server's time, from this very page rendered afresh (wrangler dev sends no Date header). */
async function serverNowFromPage(signal) {
  const res = await fetch(location.href, { cache: "no-store", signal });
  const match = /"serverNow":(\d+)/.exec(await res.text());
  return match ? Number(match[1]) : NaN;
}

setInterval(() => {
  if (!online) renderPanel(view());
}, 1000);

// Engines are chosen once the pack's manifest is in (or failed), so the hall never hears of a
// "none" that is only a manifest still loading; voices that load late re-choose them.
function loadPack() {
  return pack.load().then(
    () => true,
    (error) => {
      recordError(String(error));
      // Without its manifest the pack cannot speak; try again until it can.
      setTimeout(() => loadPack().then((ok) => ok && voice.choose()), 15000);
      return false;
    },
  );
}
loadPack().then(() => {
  enginesReady = true;
  voice.choose();
  if (synth) synth.addEventListener("voiceschanged", voice.choose);
});
checkSound();

/** For the browser suite and for a technician at the console. */
window.tongbanAnnouncer = {
  drop: (holdMs) => feed.drop(holdMs),
  resume: () => feed.resume(),
  get seq() {
    return feed.seq;
  },
  get sound() {
    return sound;
  },
  get engines() {
    return { ...engines };
  },
  get queue() {
    return waiting();
  },
  get busy() {
    return busy;
  },
  get log() {
    return log.slice();
  },
  get errors() {
    return errors.slice();
  },
  get status() {
    return lastStatus ? JSON.parse(lastStatus) : null;
  },
  clipOf: (buffer) => pack.clipOf(buffer),
};
