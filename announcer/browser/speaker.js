// How the announcer says a call: each language with a local Web Speech voice where the machine
// has a usable one, and with the voice pack where it does not. Voice-pack clips in a row play as
// one gapless stretch on the audio clock. A voice that hangs, errors or throws is set aside for a
// while and its sentences go to the voice pack, so one broken voice never silences the hall.
import { pickVoice, speak } from "./voices.js";
import { callScript } from "./words.js";

/** Silence after the chime, and between languages. */
const AFTER_CHIME_S = 0.25;
export const BETWEEN_UTTERANCES_S = 0.5;
/** A voice that failed (hung, errored) is not tried again for this long. */
const DEMOTE_MS = 10 * 60 * 1000;

/**
 * The hall's languages' engines, chosen and said with.
 * @param {object} options
 * @param {SpeechSynthesis | null} options.synth the machine's Web Speech, where it has one
 * @param {ReturnType<typeof import("./voice-pack.js").voicePack>} options.pack
 * @param {{ languages: string[], chime?: boolean, rate?: number, volume?: number }} options.settings the hall's, kept current by the page
 * @param {(text: string) => void} options.onError
 * @param {() => void} options.onChange the engines or the sentences being said changed
 * @example const voice = speaker({ synth, pack, settings, onError, onChange }); voice.choose(); await voice.say(call, 1);
 */
export function speaker({ synth, pack, settings, onError, onChange }) {
  /** @type {Record<string, "web-speech" | "voice-pack" | "none">} */
  const engines = {};
  /** language → the Web Speech voice's name, or null */
  const voices = {};
  const demotedUntil = {};

  function choose() {
    const list = synth ? synth.getVoices() : [];
    for (const key of Object.keys(engines)) if (!settings.languages.includes(key)) delete engines[key];
    for (const language of settings.languages) {
      const demoted = (demotedUntil[language] || 0) > performance.now();
      const voice = synth && !demoted ? pickVoice(list, language) : null;
      voices[language] = voice ? voice.name : null;
      engines[language] = voice ? "web-speech" : pack.has(language) ? "voice-pack" : "none";
      if (engines[language] === "voice-pack") pack.warm(language);
    }
    onChange();
  }

  /** Speaks one round of a call (the chime first in round 1), each utterance with its language's engine. */
  async function say(call, round) {
    // A voice given up on gets another chance once its time out is over.
    const expired = Object.keys(demotedUntil).filter((l) => demotedUntil[l] <= performance.now());
    if (expired.length) {
      for (const l of expired) delete demotedUntil[l];
      choose();
    }
    const chime = round === 1 && settings.chime !== false;
    const script = callScript({ ticket: call.ticket, window: call.window }, { languages: settings.languages, repeat: 1, chime });
    call.sentences = script.filter((s) => s.kind === "utterance").map((s) => ({ text: s.utterance.display, language: s.utterance.language }));
    onChange();
    // Consecutive voice-pack clips form one stretch scheduled gaplessly on the audio clock.
    let stretch = [];
    const flush = async () => {
      const items = stretch;
      stretch = [];
      if (!items.length) return;
      // A clip that failed to arrive is fetched afresh: one retry before the call counts as failed.
      await pack.play(items, settings.volume).catch(async (error) => {
        onError(String(error));
        await new Promise((r) => setTimeout(r, 1000));
        await pack.play(items, settings.volume);
      });
    };
    const add = (items) => {
      if (stretch.length && !stretch[stretch.length - 1].pause) stretch.push({ pause: BETWEEN_UTTERANCES_S });
      stretch.push(...items);
    };
    for (const step of script) {
      if (step.kind === "chime") {
        // The chime is the pack's; without a pack the call starts with its words.
        if (await pack.load().then((m) => Boolean(m.chime), () => false)) stretch.push({ clip: "chime" }, { pause: AFTER_CHIME_S });
        continue;
      }
      const u = step.utterance;
      const clips = u.clips.map((clip) => ({ language: u.language, clip }));
      if (engines[u.language] === "web-speech") {
        await flush();
        let outcome;
        try {
          const voice = synth.getVoices().find((v) => v.name === voices[u.language]);
          outcome = voice ? await speak(synth, voice, u.speech, { lang: u.speechLang, rate: settings.rate, volume: settings.volume }) : "error";
        } catch (error) {
          outcome = `exception: ${error}`;
        }
        if (outcome === "ended") continue;
        // A hung, failing or throwing voice: this utterance and the next ones go to the voice pack.
        onError(`${u.language} web speech: ${outcome}`);
        demotedUntil[u.language] = performance.now() + DEMOTE_MS;
        choose();
      }
      if (engines[u.language] === "voice-pack") add(clips);
    }
    await flush();
  }

  return { engines, voices, choose, say };
}
