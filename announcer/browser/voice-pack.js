// The voice pack player: recorded clips joined gaplessly with Web Audio. Each clip is fetched
// and decoded once, then every clip of a stretch of speech is scheduled back to back on the
// AudioContext clock, so no timer jitter can open a gap or make two clips overlap.
// The format is announcer/VOICE-PACK.md: each file is padded with silence after its sound, and
// a player must stop each clip after the manifest's `samples` frames.

/** Scheduled this far ahead of the context clock, so the first clip never starts late. */
const LEAD_SECONDS = 0.1;
/** A stretch that has not ended this long after its scheduled end is stopped. */
const END_GRACE_MS = 2000;
/** A file that has not arrived by then is given up on (and fetched again next time). */
const FETCH_TIMEOUT_MS = 10000;

/**
 * A voice pack served under `baseUrl` (e.g. /static/voices/default/), played through `ctx`.
 * @param {AudioContext} ctx the page's one AudioContext
 * @param {string} baseUrl ends with "/"
 * @example
 * const pack = voicePack(ctx, "/static/voices/default/");
 * await pack.load();
 * await pack.play([{ clip: "chime" }, { pause: 0.2 }, { language: "cmn-Hans", clip: "qing" }], 1);
 */
export function voicePack(ctx, baseUrl) {
  let manifest = null;
  let loading = null;
  /** @type {Map<string, Promise<AudioBuffer>>} one decode per clip for the page's life */
  const buffers = new Map();
  /** @type {WeakMap<AudioBuffer, string>} which clip a buffer holds (the test hook reads it) */
  const names = new WeakMap();
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  let silence = null;
  /** Sources of the stretch now playing, to stop them if it hangs. */
  let playing = [];
  const warmed = new Set();

  function load() {
    if (manifest) return Promise.resolve(manifest);
    if (!loading) {
      loading = fetch(`${baseUrl}manifest.json`, { cache: "no-cache", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
        .then((res) => {
          if (!res.ok) throw new Error(`voice pack manifest: HTTP ${res.status}`);
          return res.json();
        })
        .then((m) => (manifest = m))
        .finally(() => (loading = null));
    }
    return loading;
  }

  /** The manifest entry of a clip: the chime, or a language's clip. */
  function entry(item) {
    if (!manifest) return null;
    if (!item.language) return item.clip === "chime" ? manifest.chime || null : null;
    const language = manifest.languages && manifest.languages[item.language];
    return (language && language.clips && language.clips[item.clip]) || null;
  }

  function has(language) {
    return Boolean(manifest && manifest.languages && manifest.languages[language]);
  }

  function buffer(item, meta) {
    const key = item.language ? `${item.language}/${item.clip}` : item.clip;
    let pending = buffers.get(key);
    if (!pending) {
      pending = fetch(baseUrl + meta.file, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
        .then((res) => {
          if (!res.ok) throw new Error(`${key}: HTTP ${res.status}`);
          return res.arrayBuffer();
        })
        .then((data) => ctx.decodeAudioData(data))
        .then((decoded) => {
          names.set(decoded, key);
          return decoded;
        });
      // A failed fetch is retried on the next call instead of failing all day.
      pending.catch(() => buffers.delete(key));
      buffers.set(key, pending);
    }
    return pending;
  }

  /** The sound's length: `samples` frames at the pack's rate, never past what was decoded. */
  function seconds(meta, decoded) {
    const s = manifest.sampleRate ? meta.samples / manifest.sampleRate : meta.durationMs / 1000;
    return Math.min(s, decoded.duration);
  }

  function silent() {
    if (!silence) {
      silence = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
      names.set(silence, "pause");
    }
    return silence;
  }

  /**
   * Plays items back to back: `{ clip: "chime" }`, `{ language, clip }` or `{ pause: seconds }`
   * (silence is scheduled as a silent buffer, so the stretch stays one unbroken chain).
   * Resolves when the last item ends; rejects if a clip is missing or cannot be decoded.
   */
  async function play(items, volume) {
    await load();
    const metas = items.map((item) => (item.pause ? null : entry(item)));
    const missing = items.find((item, i) => !item.pause && !metas[i]);
    if (missing) throw new Error(`the voice pack has no clip ${missing.language || ""}/${missing.clip}`);
    const decoded = await Promise.all(items.map((item, i) => (item.pause ? silent() : buffer(item, metas[i]))));
    stop();
    gain.gain.value = volume;
    let at = ctx.currentTime + LEAD_SECONDS;
    const sources = [];
    items.forEach((item, i) => {
      const source = ctx.createBufferSource();
      source.buffer = decoded[i];
      source.connect(gain);
      const length = item.pause ? Math.min(item.pause, decoded[i].duration) : seconds(metas[i], decoded[i]);
      source.start(at, 0, length);
      at += length;
      sources.push(source);
    });
    playing = sources;
    const last = sources[sources.length - 1];
    if (!last) return;
    await new Promise((resolve) => {
      // A suspended context stops its clock and onended never comes: give up after the grace.
      const timer = setTimeout(resolve, (at - ctx.currentTime) * 1000 + END_GRACE_MS);
      last.onended = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    last.onended = null;
    if (playing === sources) stop();
  }

  /** Stops whatever is scheduled, so a stretch that hung cannot later overlap the next. */
  function stop() {
    for (const source of playing) {
      try {
        source.stop();
      } catch {
        // never started or already stopped
      }
      source.disconnect();
    }
    playing = [];
  }

  return {
    load,
    has,
    play,
    stop,
    /** The clip id a decoded buffer holds ("cmn-Hans/qing", "chime", "pause"), for tests. */
    clipOf: (b) => names.get(b) || null,
    get name() {
      return (manifest && manifest.pack) || null;
    },
    /** Fetches and decodes a language's clips ahead of the first call, one at a time. */
    async warm(language) {
      if (!has(language) || warmed.has(language)) return;
      warmed.add(language);
      if (manifest.chime) await buffer({ clip: "chime" }, manifest.chime).catch(() => {});
      for (const clip of Object.keys(manifest.languages[language].clips)) {
        const item = { language, clip };
        await buffer(item, entry(item)).catch(() => {});
      }
    },
  };
}
