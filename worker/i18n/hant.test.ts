import OpenCC from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue/index.js";
import { HANT } from "./hant.js";
import { hantTable, renderHant } from "./hant-source.js";
import { both, fill, hant, pieces, say, sayAfter, template } from "./words.js";

const toHant = OpenCC.Converter({ from: "cn", to: "hk" });
/** A character Hong Kong's Traditional does not write: OpenCC turns it into another on its own. */
const simplifiedOnly = (c: string) => toHant(c) !== c;

describe("the Traditional catalogue (worker/i18n/hant.ts)", () => {
  it("is what OpenCC cn → hk makes of the catalogues today: run `npm run i18n` after changing one", () => {
    const table = hantTable(toHant);
    expect(HANT).toEqual(table);
    expect(renderHant(HANT)).toContain('"办结并呼叫下一位": "辦結並呼叫下一位"');
  });

  it("leaves no Simplified-only character in any line, and every {placeholder} as it was", () => {
    expect(simplifiedOnly("号")).toBe(true);
    expect(simplifiedOnly("窗")).toBe(false);
    for (const table of Object.values(CATALOGUE)) {
      for (const m of Object.values(table)) {
        const t = hant(m.zh);
        expect([...t].filter(simplifiedOnly), `${m.zh} → ${t}`).toEqual([]);
        expect(pieces(t).filter((_, i) => i % 2), m.zh).toEqual(pieces(m.zh).filter((_, i) => i % 2));
      }
    }
  });

  it("keeps the hall's words: 窗口 stays 窗口 (Taiwan's phrases would make it 視窗), 打印 stays 打印", () => {
    expect(hant("窗口终端")).toBe("窗口終端");
    expect(hant("重新打印")).toBe("重新打印");
  });
});

describe("a message in each language", () => {
  const m = CATALOGUE.COUNTER!.transferred!;
  it("leads with the page's language, the other beneath: English under Chinese, Simplified under English", () => {
    const go = CATALOGUE.STATUS_PAGE!.goTo!;
    expect(say("zh-Hans", go, { number: 5 })).toBe("请到 5 号窗口");
    expect(say("zh-Hant", go, { number: 5 })).toBe("請到 5 號窗口");
    expect(say("en", go, { number: 5 })).toBe("Please go to window 5");
    expect(sayAfter("zh-Hant", go, { number: 5 })).toBe("Please go to window 5");
    expect(sayAfter("en", go, { number: 5 })).toBe("请到 5 号窗口");
    expect(both("zh-Hans", m)).toBe("转入 · Transferred");
    expect(both("en", { zh: "声音开", en: "sound on" }, {}, " ")).toBe("Sound on 声音开");
  });

  it("fills a hall's name in the script of the line it stands in", () => {
    const names = { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household" };
    const line = CATALOGUE.MANAGE!.nobodyServes!;
    expect(both("zh-Hant", line, { name: names })).toBe("戶政：有人等候但無開放窗口 · Household: people waiting, no open window");
    expect(both("en", line, { name: names })).toBe("Household: people waiting, no open window · 户政：有人等候但无开放窗口");
  });

  it("takes its `lead` when English leads the line", () => {
    expect(template("en", { zh: "分钟", en: "min", lead: "min" })).toBe("min");
    expect(template("en", { zh: "分钟", en: "min" }, false)).toBe("min");
  });

  it("refuses to say a line whose value is missing", () => {
    expect(() => fill("en", "window {number}")).toThrow("{number}");
  });
});
