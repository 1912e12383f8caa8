/**
 * The default voice pack's audio, not its manifest's numbers: every clip the manifest names, and
 * the chime, is served by the Worker, decodes with Chromium's own decoder (the one the announcer
 * uses), and sounds as long and as loud as the manifest says. No file is in the pack folder that
 * the manifest does not name, and none it names is missing. announcer/voice-pack.test.ts checks
 * the manifest itself (a clip for every word of every call).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch } from "./harness.js";

const PACK = "default";
const PACK_DIR = fileURLToPath(new URL(`../../announcer/voices/${PACK}/`, import.meta.url));
/** Where the Worker serves the pack (scripts/assets.mjs copies announcer/voices to public/static/voices). */
const SERVED = `/static/voices/${PACK}/`;

/**
 * Chromium's decoder (FFmpeg's Vorbis) against SoX's (libvorbis), which measured the manifest.
 * Measured on the default pack: durations agree to the sample, RMS within 0.005 dB (see the
 * summary line the test prints). These leave room for a re-encode, not for a wrong clip.
 */
const DURATION_TOLERANCE_MS = 25;
const RMS_TOLERANCE_DB = 1;
/** scripts/voice-pack.mjs measures up to the last sample above −50 dBFS: the tail padding counts in neither. */
const SILENT_BELOW = 0.00316;

interface Clip {
  /** chime, or language/clip-id */
  name: string;
  file: string;
  durationMs: number;
  samples: number;
  rmsDb: number;
}

const manifest = JSON.parse(readFileSync(join(PACK_DIR, "manifest.json"), "utf8"));
const clips: Clip[] = [
  { name: "chime", ...manifest.chime },
  ...Object.entries(manifest.languages as Record<string, { clips: Record<string, Omit<Clip, "name">> }>).flatMap(([language, { clips }]) =>
    Object.entries(clips).map(([id, clip]) => ({ name: `${language}/${id}`, ...clip })),
  ),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [relative(PACK_DIR, join(dir, e.name)).split(sep).join("/")],
  );
}

/** Channels and sample rate from an Ogg Vorbis file's identification header, or null if it is not one. */
function vorbisHeader(bytes: Buffer): { channels: number; rate: number } | null {
  if (bytes.subarray(0, 4).toString("latin1") !== "OggS") return null;
  const at = bytes.indexOf(Buffer.from("\x01vorbis", "latin1"));
  if (at < 0 || at + 16 > bytes.length) return null;
  return { channels: bytes[at + 11]!, rate: bytes.readUInt32LE(at + 12) };
}

interface Decoded {
  file: string;
  status: number;
  bytes: number;
  error?: string;
  channels?: number;
  sampleRate?: number;
  length?: number;
  samples?: number;
  rmsDb?: number;
}

/** Fetches and decodes every file in the page, as voice-pack.js does, and measures it as scripts/voice-pack.mjs does. */
async function decodeAll(page: Page, files: string[]): Promise<Decoded[]> {
  return page.evaluate(
    async ({ base, files, rate, silentBelow }) => {
      const ctx = new OfflineAudioContext(1, 1, rate);
      const out: Decoded[] = [];
      for (const file of files) {
        const res = await fetch(base + file, { cache: "no-store" });
        const data = await res.arrayBuffer();
        const result: Decoded = { file, status: res.status, bytes: data.byteLength };
        out.push(result);
        if (!res.ok) continue;
        let buffer: AudioBuffer;
        try {
          buffer = await ctx.decodeAudioData(data);
        } catch (e) {
          result.error = String((e as Error)?.message ?? e);
          continue;
        }
        const x = buffer.getChannelData(0);
        let samples = x.length;
        while (samples > 0 && Math.abs(x[samples - 1]!) < silentBelow) samples--;
        let sum = 0;
        for (let i = 0; i < samples; i++) sum += x[i]! * x[i]!;
        const rms = Math.sqrt(sum / Math.max(samples, 1));
        Object.assign(result, {
          channels: buffer.numberOfChannels,
          sampleRate: buffer.sampleRate,
          length: buffer.length,
          samples,
          rmsDb: rms > 0 ? 20 * Math.log10(rms) : -Infinity,
        });
      }
      return out;
    },
    { base: SERVED, files, rate: manifest.sampleRate as number, silentBelow: SILENT_BELOW },
  );
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  // Any page of the Worker's origin, so the page's fetches are same-origin.
  await page.goto(`${baseUrl()}${SERVED}manifest.json`);
});
afterAll(async () => {
  await browser?.close();
});

describe(`the ${PACK} voice pack's audio`, () => {
  it("holds exactly the files its manifest names, and serves that manifest", async () => {
    const named = new Set(clips.map((c) => c.file));
    const onDisk = new Set(filesUnder(PACK_DIR).filter((f) => f !== "manifest.json"));
    expect({
      "on disk, not in the manifest": [...onDisk].filter((f) => !named.has(f)).sort(),
      "in the manifest, not on disk": [...named].filter((f) => !onDisk.has(f)).sort(),
    }).toEqual({ "on disk, not in the manifest": [], "in the manifest, not on disk": [] });
    expect(named.size).toBe(clips.length);
    const served = await page.evaluate((url) => fetch(url, { cache: "no-store" }).then((r) => r.json()), `${SERVED}manifest.json`);
    expect(served).toEqual(manifest);
  });

  it("every clip and the chime decodes in Chromium as long and as loud as the manifest says", async () => {
    const decoded = await decodeAll(page, clips.map((c) => c.file));
    const problems: string[] = [];
    let maxMs = 0;
    let maxSamples = 0;
    let measured = 0;
    let maxDb = 0;
    for (const [i, clip] of clips.entries()) {
      const d = decoded[i]!;
      const where = `${clip.file} (${clip.name})`;
      let size = -1;
      let header: ReturnType<typeof vorbisHeader> = null;
      try {
        size = statSync(join(PACK_DIR, clip.file)).size;
        header = clip.file.endsWith(".ogg") ? vorbisHeader(readFileSync(join(PACK_DIR, clip.file))) : null;
      } catch {
        // reported below as missing
      }
      if (size < 0) problems.push(`${where}: not on disk`);
      if (d.status !== 200) {
        problems.push(`${where}: served HTTP ${d.status}`);
        continue;
      }
      if (d.bytes === 0) {
        problems.push(`${where}: empty file`);
        continue;
      }
      if (size >= 0 && d.bytes !== size) problems.push(`${where}: served ${d.bytes} bytes, ${size} on disk (stale public/?)`);
      if (clip.file.endsWith(".ogg")) {
        if (!header) problems.push(`${where}: not an Ogg Vorbis file`);
        else if (header.channels !== manifest.channels || header.rate !== manifest.sampleRate) {
          problems.push(`${where}: ${header.channels} ch ${header.rate} Hz, the pack is ${manifest.channels} ch ${manifest.sampleRate} Hz`);
        }
      }
      if (d.error !== undefined) {
        problems.push(`${where}: does not decode: ${d.error}`);
        continue;
      }
      if (d.channels !== manifest.channels) problems.push(`${where}: ${d.channels} channels decoded, manifest says ${manifest.channels}`);
      measured++;
      const ms = (d.samples! / d.sampleRate!) * 1000;
      const dMs = Math.abs(ms - clip.durationMs);
      const dDb = Math.abs(d.rmsDb! - clip.rmsDb);
      maxMs = Math.max(maxMs, dMs);
      maxSamples = Math.max(maxSamples, Math.abs(d.samples! - clip.samples));
      maxDb = Math.max(maxDb, Number.isFinite(dDb) ? dDb : Infinity);
      if (!(dMs <= DURATION_TOLERANCE_MS)) problems.push(`${where}: sounds for ${ms.toFixed(1)} ms, manifest says ${clip.durationMs} ms`);
      if (!(dDb <= RMS_TOLERANCE_DB)) problems.push(`${where}: RMS ${d.rmsDb!.toFixed(2)} dBFS, manifest says ${clip.rmsDb} dBFS`);
      // A player stops each clip after `samples` frames: the decoded file must hold that many.
      if (d.length! < clip.samples) problems.push(`${where}: decodes to ${d.length} frames, shorter than its ${clip.samples} samples`);
    }
    console.info(`voice pack ${PACK}: ${measured} of ${clips.length} files decoded; largest differences from the manifest ${maxMs.toFixed(2)} ms (${maxSamples} samples), ${maxDb.toFixed(3)} dB`);
    expect(problems).toEqual([]);
  });
});
