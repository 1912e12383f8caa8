#!/usr/bin/env node
/**
 * Renders a voice pack for the call announcer: one short clip per word a call can need, in
 * every language, trimmed of silence so the browser can join them gaplessly with Web Audio, at
 * one loudness, plus the pack's manifest.json. See announcer/VOICE-PACK.md.
 *
 *   node scripts/voice-pack.mjs                      # render announcer/voices/default (npm run voice-pack)
 *   node scripts/voice-pack.mjs --pack hall-1 --languages cmn-Hans,yue-Hant
 *   node scripts/voice-pack.mjs --index --pack wuzhou --source "recorded by …"
 *                                                    # a hall's own recordings: measure them, write the manifest
 *
 * Needs Debian's espeak-ng and sox (apt-get install -y espeak-ng sox libsox-fmt-base). Offline.
 *
 * Mandarin uses espeak-ng's `cmn-latn-pinyin` voice with tone-numbered pinyin written here,
 * not the `cmn` voice with characters: espeak-ng 1.51 as Debian ships it reads 请 through its
 * English rules. Pinyin gives the same phonemes and tones, clip for clip, as the fixed Mandarin
 * dictionary in espeak-ng 1.52 (checked against the npm WASM build), without a GPL WASM in
 * the project's dependencies. 一 before 百 is written yi4 (tone sandhi); espeak applies the
 * third-tone sandhi (五百 wu2bai3) itself. Letters use the `cmn` voice, which says them the way
 * Mandarin speakers do (A ei, W dabuliu). Cantonese reads Traditional characters with `yue`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE_RATE = 22050;
const TARGET_RMS_DB = -20;
const PEAK_CEILING_DB = -1.5;
const CHIME_RMS_DB = -24;
const SILENT_BELOW_DB = -40;
// Chromium's decodeAudioData drops up to 256 frames from the end of an Ogg Vorbis file (measured
// here: the start is exact). Silence after each clip keeps its sound whole; a player stops each
// clip after its manifest `samples`, so the padding never becomes a gap.
const TAIL_PAD = 1024;

const { values: opts } = parseArgs({
  options: {
    pack: { type: "string", default: "default" },
    out: { type: "string", default: path.join(ROOT, "announcer", "voices") },
    languages: { type: "string", default: "cmn-Hans,yue-Hant,en" },
    format: { type: "string", default: "ogg" },
    rate: { type: "string", default: "150" },
    index: { type: "boolean", default: false },
    source: { type: "string", default: "human recordings" },
  },
});

const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
const HANZI = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const PINYIN = ["ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"];
const EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** Clip id → { text: what it says, input: what the synthesiser is given, voice }. Ids match announcer/words.ts. */
function chineseClips(words, letterVoice, voice, input) {
  const clips = {};
  const add = (id, text, given = input(text), v = voice) => (clips[id] = { text, input: given, voice: v });
  add("qing", words.qing);
  for (const l of LETTERS) add(`letter-${l}`, l, l, letterVoice);
  for (let d = 0; d <= 9; d++) add(`digit-${d}`, HANZI[d]);
  add("hao", words.hao);
  add("dao", words.dao);
  for (let d = 0; d <= 9; d++) add(`number-${d}`, HANZI[d]);
  for (let t = 1; t <= 9; t++) add(`number-${t * 10}`, `${t === 1 ? "" : HANZI[t]}十`);
  for (let h = 1; h <= 9; h++) add(`number-${h * 100}`, `${HANZI[h]}百`);
  add("window", words.window);
  add("banli", words.banli);
  return clips;
}

function pinyin(text) {
  const known = { 请: "qing3", 号: "hao4", 到: "dao4", 窗口: "chuang1kou3", 办理: "ban4li3", 十: "shi2", 一百: "yi4bai3" };
  if (known[text]) return known[text];
  return [...text].map((c) => (c === "十" ? "shi2" : c === "百" ? "bai3" : PINYIN[HANZI.indexOf(c)])).join("");
}

function englishClips() {
  const clips = {};
  const add = (id, text) => (clips[id] = { text, input: text, voice: "en-gb" });
  add("number", "Number");
  for (const l of LETTERS) add(`letter-${l}`, l);
  for (let d = 0; d <= 9; d++) add(`digit-${d}`, EN_ONES[d]);
  add("please-go-to-window", "please go to window");
  for (let n = 1; n <= 19; n++) add(`number-${n}`, EN_ONES[n]);
  for (let t = 2; t <= 9; t++) add(`number-${t * 10}`, EN_TENS[t]);
  for (let h = 1; h <= 9; h++) add(`number-${h * 100}`, `${EN_ONES[h]} hundred`);
  add("and", "and");
  return clips;
}

const ESPEAK = "espeak-ng";
const LANGUAGES = {
  "cmn-Hans": {
    synthesiser: "espeak-ng, voice cmn-latn-pinyin (tone-numbered pinyin input); letters with voice cmn",
    clips: () => chineseClips({ qing: "请", hao: "号", dao: "到", window: "窗口", banli: "办理" }, "cmn", "cmn-latn-pinyin", pinyin),
  },
  "yue-Hant": {
    synthesiser: "espeak-ng, voice yue (Traditional characters; letters in English)",
    clips: () => chineseClips({ qing: "請", hao: "號", dao: "到", window: "窗口", banli: "辦理" }, "yue", "yue", (t) => t),
  },
  en: { synthesiser: "espeak-ng, voice en-gb", clips: englishClips },
};

/** The sample calls joined for the listen check: A023 to window 5, as announcer/words.ts says it. */
const SAMPLE_CALLS = {
  "cmn-Hans": ["qing", "letter-A", "digit-0", "digit-2", "digit-3", "hao", "dao", "number-5", "hao", "window", "banli"],
  "yue-Hant": ["qing", "letter-A", "digit-0", "digit-2", "digit-3", "hao", "dao", "number-5", "hao", "window", "banli"],
  en: ["number", "letter-A", "digit-0", "digit-2", "digit-3", "please-go-to-window", "number-5"],
};

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** sox in repeatable mode (-R): a fixed Ogg serial number and dither seed, so a re-render changes no bytes. */
function sox(...args) {
  return run("sox", ["-R", ...args]);
}

/**
 * Length and loudness of a clip's sound: up to its last sample above −50 dBFS, so the silence a
 * file is padded with (see TAIL_PAD) counts neither in its length nor in its loudness.
 */
function measure(file) {
  const rate = Number(run("soxi", ["-r", file]).trim());
  const channels = Number(run("soxi", ["-c", file]).trim());
  if (channels !== 1) throw new Error(`${file} has ${channels} channels; clips are mono`);
  const raw = execFileSync("sox", [file, "-t", "f32", "-"], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
  const x = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  let samples = x.length;
  while (samples > 0 && Math.abs(x[samples - 1]) < 0.00316) samples--;
  let sum = 0;
  let peak = 0;
  for (let i = 0; i < samples; i++) {
    sum += x[i] * x[i];
    peak = Math.max(peak, Math.abs(x[i]));
  }
  const db = (v) => (v > 0 ? Math.round(20 * Math.log10(v) * 100) / 100 : -Infinity);
  return { rmsDb: db(Math.sqrt(sum / Math.max(samples, 1))), peakDb: db(peak), samples, fileSamples: x.length, rate };
}

/** Trims leading and trailing silence, then brings the clip to the target loudness without clipping. */
function finish(raw, out, tmp, targetRms) {
  const trimmed = path.join(tmp, "trimmed.wav");
  sox(raw, trimmed, "silence", "1", "0.005", "-48d", "reverse", "silence", "1", "0.005", "-48d", "reverse");
  const { rmsDb, peakDb } = measure(trimmed);
  const gain = Math.min(targetRms - rmsDb, PEAK_CEILING_DB - peakDb);
  const quality = opts.format === "ogg" ? ["-C", "3"] : [];
  sox(trimmed, "-r", String(SAMPLE_RATE), "-c", "1", ...quality, out, "fade", "h", "0.002", "-0", "0.006", "gain", gain.toFixed(2), "pad", "0", `${TAIL_PAD}s`);
}

function renderChime(file, tmp) {
  const tones = [[784, 0.28], [659.25, 0.34]].map(([freq, seconds], i) => {
    const tone = path.join(tmp, `tone-${i}.wav`);
    const octave = path.join(tmp, `octave-${i}.wav`);
    const joined = path.join(tmp, `chime-${i}.wav`);
    const synth = (f, out) => sox("-n", "-r", String(SAMPLE_RATE), "-c", "1", out, "synth", String(seconds), "sine", String(f), "fade", "q", "0.006", String(seconds), String(seconds - 0.02));
    synth(freq, tone);
    synth(freq * 2, octave);
    sox("-m", "-v", "1", tone, "-v", "0.25", octave, joined);
    return joined;
  });
  const raw = path.join(tmp, "chime-raw.wav");
  sox(...tones, raw);
  const { rmsDb, peakDb } = measure(raw);
  const gain = Math.min(CHIME_RMS_DB - rmsDb, PEAK_CEILING_DB - peakDb);
  const quality = opts.format === "ogg" ? ["-C", "3"] : [];
  sox(raw, ...quality, file, "gain", gain.toFixed(2), "pad", "0", `${TAIL_PAD}s`);
}

const rates = new Set();

function entry(packDir, file, extra) {
  const m = measure(file);
  rates.add(m.rate);
  return {
    file: path.relative(packDir, file).split(path.sep).join("/"),
    durationMs: Math.round((m.samples / m.rate) * 1000),
    samples: m.samples,
    ...extra,
    rmsDb: m.rmsDb,
    peakDb: m.peakDb,
  };
}

function findClip(dir, id) {
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => path.parse(f).name === id) : [];
  if (found.length > 1) throw new Error(`${dir} has ${found.join(", ")}: one file per clip`);
  return found[0] && path.join(dir, found[0]);
}

function main() {
  const packDir = path.resolve(opts.out, opts.pack);
  const languages = opts.languages.split(",").map((l) => l.trim()).filter(Boolean);
  for (const l of languages) if (!LANGUAGES[l]) throw new Error(`unknown language ${l}; known: ${Object.keys(LANGUAGES).join(", ")}`);
  if (!["ogg", "wav"].includes(opts.format)) throw new Error("--format is ogg or wav");
  for (const tool of opts.index ? ["sox", "soxi"] : [ESPEAK, "sox", "soxi"]) {
    if (spawnSync(tool, ["--version"]).error) throw new Error(`${tool} is missing: apt-get install -y espeak-ng sox libsox-fmt-base`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "voice-pack-"));
  const espeakVersion = opts.index ? null : run(ESPEAK, ["--version"]).split("Data at")[0].trim();
  const soxVersion = run("sox", ["--version"]).trim().replace(/^sox:\s*/, "");
  fs.mkdirSync(packDir, { recursive: true });

  const manifest = {
    format: 1,
    pack: opts.pack,
    sampleRate: SAMPLE_RATE,
    channels: 1,
    generatedBy: opts.index ? `scripts/voice-pack.mjs --index (${opts.source})` : "scripts/voice-pack.mjs",
    loudness: opts.index ? null : { targetRmsDb: TARGET_RMS_DB, peakCeilingDb: PEAK_CEILING_DB, chimeRmsDb: CHIME_RMS_DB },
    tailPaddingSamples: opts.index ? null : TAIL_PAD,
    chime: null,
    languages: {},
  };

  let chime = findClip(packDir, "chime");
  if (!opts.index) {
    if (chime) fs.rmSync(chime);
    chime = path.join(packDir, `chime.${opts.format}`);
    renderChime(chime, tmp);
  }
  if (!chime) throw new Error(`no chime in ${packDir}`);
  manifest.chime = entry(packDir, chime, { synthesiser: opts.index ? opts.source : `${soxVersion} synth: G5 then E5, sine + soft octave` });

  const problems = [];
  for (const language of languages) {
    const spec = LANGUAGES[language];
    const dir = path.join(packDir, language);
    if (!opts.index) fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const clips = {};
    for (const [id, clip] of Object.entries(spec.clips())) {
      let file = findClip(dir, id);
      if (!opts.index) {
        const raw = path.join(tmp, "raw.wav");
        run(ESPEAK, ["-v", clip.voice, "-s", opts.rate, "-w", raw, clip.input]);
        file = path.join(dir, `${id}.${opts.format}`);
        finish(raw, file, tmp, TARGET_RMS_DB);
      }
      if (!file) {
        problems.push(`${language}/${id} is missing`);
        continue;
      }
      const meta = opts.index ? { text: clip.text } : { text: clip.text, input: clip.input, voice: clip.voice };
      clips[id] = entry(packDir, file, meta);
      if (clips[id].rmsDb < SILENT_BELOW_DB) problems.push(`${language}/${id} is silent (RMS ${clips[id].rmsDb} dB)`);
    }
    const synthesiser = opts.index ? opts.source : `${espeakVersion}; ${spec.synthesiser}; trimmed and normalised with ${soxVersion}`;
    manifest.languages[language] = { synthesiser, speakingRate: opts.index ? null : Number(opts.rate), clips };
  }

  // Web Audio resamples every clip to its context's rate on decode, so mixed rates still join; say so.
  manifest.sampleRate = rates.size === 1 ? [...rates][0] : null;
  if (rates.size > 1) console.warn(`clips have different sample rates: ${[...rates].join(", ")} Hz`);
  fs.writeFileSync(path.join(packDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  report(packDir, manifest, tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
}

/** Prints every clip's duration and loudness, the pack's size, and joins a sample call per language. */
function report(packDir, manifest, tmp) {
  let bytes = fs.statSync(path.join(packDir, manifest.chime.file)).size;
  let count = 1;
  console.log(`chime: ${manifest.chime.durationMs} ms, RMS ${manifest.chime.rmsDb} dB`);
  for (const [language, { clips }] of Object.entries(manifest.languages)) {
    const ids = Object.keys(clips);
    const durations = ids.map((id) => clips[id].durationMs);
    for (const id of ids) bytes += fs.statSync(path.join(packDir, clips[id].file)).size;
    count += ids.length;
    console.log(`\n${language}: ${ids.length} clips, ${Math.min(...durations)}–${Math.max(...durations)} ms`);
    console.log(ids.map((id) => `${id} ${clips[id].durationMs}ms ${clips[id].rmsDb}dB`).join(" · "));
    const sample = SAMPLE_CALLS[language].filter((id) => clips[id]);
    if (sample.length !== SAMPLE_CALLS[language].length) continue;
    const joined = path.join(os.tmpdir(), `tongban-call-${manifest.pack}-${language}.wav`);
    // Joined as a player joins them: each clip cut at its `samples`, the next one straight after.
    const files = [manifest.chime, ...sample.map((id) => clips[id])].map((c, i) => {
      const cut = path.join(tmp, `join-${i}.wav`);
      sox(path.join(packDir, c.file), cut, "trim", "0", `${c.samples}s`);
      return cut;
    });
    sox(...files, joined);
    const m = measure(joined);
    console.log(`sample call A023 → window 5: ${((m.samples / m.rate) * 1000).toFixed(0)} ms with chime, RMS ${m.rmsDb} dB → ${joined}`);
  }
  console.log(`\n${manifest.pack}: ${count} files, ${(bytes / 1024).toFixed(0)} KiB of audio in ${packDir}`);
}

main();
