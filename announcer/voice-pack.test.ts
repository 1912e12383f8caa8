import { describe, expect, it } from "vitest";
import manifest from "./voices/default/manifest.json";
import { CHIME, callWords, clipVocabulary, type Language } from "./words.js";

interface ClipEntry {
  file: string;
  durationMs: number;
  samples: number;
  rmsDb: number;
}

const packLanguages = manifest.languages as Record<string, { synthesiser: string; clips: Record<string, ClipEntry> }>;
const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));

// These check the manifest: its vocabulary, its file names, and that the lengths and loudness it
// claims are sane. tests/browser/voice-pack.test.ts checks the audio holds up those claims: every
// file it names is there, decodes in Chromium, and is as long and as loud as it says.
describe("the default voice pack", () => {
  it.each(["cmn-Hans", "yue-Hant", "en"] as const)("has a clip for every word of every %s call: A–Z, windows 1–999", (language: Language) => {
    const clips = packLanguages[language]?.clips ?? {};
    const missing = new Set<string>();
    for (const letter of LETTERS) {
      for (let window = 1; window <= 999; window++) {
        for (const clip of callWords({ ticket: `${letter}0123456789`, window }, [language])[0]!.clips) {
          if (!clips[clip]) missing.add(clip);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it.each(["cmn-Hans", "yue-Hant", "en"] as const)("holds nothing for %s that no call uses", (language: Language) => {
    expect(Object.keys(packLanguages[language]!.clips).sort()).toEqual(clipVocabulary(language).sort());
  });

  it("keeps each language's clips in its own folder, non-silent and short", () => {
    for (const [language, { clips }] of Object.entries(packLanguages)) {
      for (const [id, clip] of Object.entries(clips)) {
        expect(clip.file).toMatch(new RegExp(`^${language}/${id}\\.(ogg|wav|mp3)$`));
        expect(clip.durationMs).toBeGreaterThan(100);
        expect(clip.durationMs).toBeLessThan(1500);
        expect(clip.rmsDb).toBeGreaterThan(-40);
      }
    }
  });

  it("chimes from a shared clip before any language", () => {
    expect(CHIME).toBe("chime");
    expect(manifest.chime.file).toMatch(/^chime\.(ogg|wav|mp3)$/);
    expect(manifest.chime.durationMs).toBeGreaterThan(300);
    expect(manifest.chime.durationMs).toBeLessThan(1000);
  });

  it("names the synthesiser and the format a player needs", () => {
    expect(manifest.format).toBe(1);
    expect(manifest.sampleRate).toBe(22050);
    expect(manifest.channels).toBe(1);
    expect(packLanguages["cmn-Hans"]!.synthesiser).toContain("cmn-latn-pinyin");
    expect(packLanguages["yue-Hant"]!.synthesiser).toContain("voice yue");
  });
});
