// Web Speech voices: which hall language a voice speaks, which voice to use, and speaking one
// utterance with a watchdog. Browsers name the same language many ways (zh-HK, yue-HK,
// yue-Hant-HK, zh-yue, "Cantonese", 粵語, Microsoft Tracy/HiuGaai/HiuMaan…), some voices are
// broken or remote, and an utterance can hang with no onend: everything here guards for that.

/** Names that say Cantonese outright, whatever the tag. */
const CANTONESE_WORDS = /cantonese|粤语|粵語|广东话|廣東話|广府话|廣府話/i;
/** Vendors' Cantonese voices, trusted only under a Chinese (or missing) tag. */
const CANTONESE_VOICES = /tracy|danny|hiugaai|hiumaan|wanlung|sin-?ji|aasing|香港|hong ?kong/i;
const MANDARIN_WORDS = /mandarin|普通话|普通話|国语|國語|putonghua/i;

/**
 * Which hall language a Web Speech voice speaks, or null.
 * @param {{ lang?: string, name?: string }} voice
 * @returns {"cmn-Hans" | "yue-Hant" | "en" | null}
 * @example voiceLanguage({ lang: "zh-HK", name: "Microsoft Tracy" }) // "yue-Hant"
 */
export function voiceLanguage(voice) {
  const tag = String(voice.lang || "").toLowerCase().replace(/_/g, "-");
  const name = String(voice.name || "");
  const chineseTag = tag === "" || tag === "zh" || tag.startsWith("zh-") || tag.startsWith("yue") || tag.startsWith("cmn");
  if (CANTONESE_WORDS.test(name)) return "yue-Hant";
  if (chineseTag && MANDARIN_WORDS.test(name)) return "cmn-Hans";
  if (/^(yue|zh-yue)(-|$)/.test(tag) || /^zh(-hant)?-(hk|mo)$/.test(tag)) return "yue-Hant";
  if (chineseTag && tag !== "" && CANTONESE_VOICES.test(name)) return "yue-Hant";
  if (tag === "" && CANTONESE_VOICES.test(name)) return "yue-Hant";
  if (/^cmn(-|$)/.test(tag) || /^zh(-|$)/.test(tag)) return "cmn-Hans";
  if (/^en(-|$)/.test(tag)) return "en";
  return null;
}

/**
 * A voice the announcer may use: on this machine (a remote voice fails with the intranet down)
 * and not eSpeak, whose Mandarin reads Chinese characters through its English rules.
 * @param {{ localService?: boolean, voiceURI?: string, name?: string }} voice
 */
export function isUsable(voice) {
  return voice.localService === true && !/espeak/i.test(`${voice.voiceURI || ""} ${voice.name || ""}`);
}

/** How well a voice's tag fits: mainland Mandarin before Singapore and Taiwan, Hong Kong first for Cantonese. */
function fit(voice, language) {
  const tag = String(voice.lang || "").toLowerCase().replace(/_/g, "-");
  let score = voice.default ? 0.5 : 0;
  if (language === "cmn-Hans") {
    if (/^(zh-cn|zh-hans|cmn)/.test(tag)) score += 3;
    else if (/^zh-sg/.test(tag)) score += 2;
    else score += 1;
  } else if (language === "yue-Hant") {
    score += /(hk|yue)/.test(tag) ? 3 : 1;
  } else if (language === "en") {
    score += /^en-gb/.test(tag) ? 3 : /^en-(us|au|ie|nz)/.test(tag) ? 2 : 1;
  }
  return score;
}

/**
 * The best usable local voice for `language`, or null.
 * @param {ArrayLike<SpeechSynthesisVoice>} voices
 * @param {"cmn-Hans" | "yue-Hant" | "en"} language
 */
export function pickVoice(voices, language) {
  let best = null;
  let bestScore = -1;
  for (const voice of Array.from(voices || [])) {
    if (!isUsable(voice) || voiceLanguage(voice) !== language) continue;
    const score = fit(voice, language);
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How long an utterance may take before it counts as hung: a call's 16 characters take a voice
 * about 4 s at rate 1; the allowance is over twice that, because a slow voice is not a broken one.
 */
export function watchdogMs(text, rate) {
  return 3000 + (String(text).length * 400) / Math.max(0.5, rate || 1);
}

// Chrome drops an utterance that nothing references before it ends and never fires onend, so
// the one being spoken is held here.
let speaking = null;

/**
 * Speaks `text` with `voice`; resolves "ended", "error", "timeout", or "exception: <message>"
 * when building or starting the utterance threw (a broken voice, a speech service that is not
 * there). Never rejects, never hangs: every outcome but "ended" sends the words to the pack.
 * @param {SpeechSynthesis} synth
 * @param {SpeechSynthesisVoice} voice
 * @param {string} text
 * @param {{ lang: string, rate: number, volume: number }} options
 * @returns {Promise<"ended" | "error" | "timeout" | `exception: ${string}`>}
 */
export function speak(synth, voice, text, options) {
  return new Promise(function speakOne(resolve) {
    let utterance = null;
    let timer = null;
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (utterance) utterance.onend = utterance.onerror = null;
      if (speaking === utterance) speaking = null;
      if (outcome === "timeout") synth.cancel();
      resolve(outcome);
    };
    try {
      utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = options.lang;
      utterance.voice = voice;
      utterance.rate = options.rate;
      utterance.volume = options.volume;
      utterance.onend = () => finish("ended");
      utterance.onerror = () => finish("error");
      timer = setTimeout(() => finish("timeout"), watchdogMs(text, options.rate));
      speaking = utterance;
      // A queue left "speaking" by a hung utterance would hold this one back forever.
      if (synth.speaking || synth.pending) synth.cancel();
      synth.speak(utterance);
    } catch (error) {
      finish(`exception: ${error && error.message ? error.message : String(error)}`);
    }
  });
}
