import { describe, expect, it } from "vitest";
import { hallLang, langIn, langOfRange, negotiate, pageLang } from "./lang.js";

describe("a page's language from Accept-Language", () => {
  it("is Traditional for Taiwan, Hong Kong, Macau, an explicit Hant script and Cantonese", () => {
    for (const header of ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-CN", "zh-hant-hk", "yue", "yue-HK", "zh-yue", "ZH-tw"]) {
      expect(negotiate(header), header).toBe("zh-Hant");
    }
  });

  it("is Simplified for zh, the mainland, Singapore, an explicit Hans script and regions it does not know", () => {
    for (const header of ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK", "zh-XX", "zh_CN"]) expect(negotiate(header), header).toBe("zh-Hans");
  });

  it("is English for any English", () => {
    for (const header of ["en", "en-US", "en-GB,en;q=0.9", "EN-au"]) expect(negotiate(header), header).toBe("en");
  });

  it("is the hall's Simplified without a header, for an empty or unreadable one and for languages it does not speak", () => {
    for (const header of [null, undefined, "", " ", ",,,", "fr-FR", "de, ja;q=0.9", ";q=1", "*"]) expect(negotiate(header), String(header)).toBe("zh-Hans");
  });

  it("takes the highest q first, not the first listed", () => {
    expect(negotiate("en;q=0.5, zh-TW;q=0.9")).toBe("zh-Hant");
    expect(negotiate("zh-CN;q=0.2, en-US;q=0.8, zh-HK;q=0.7")).toBe("en");
    expect(negotiate("zh-TW;q=0.4,zh-CN")).toBe("zh-Hans");
  });

  it("keeps the header's order between equal q-values, and counts a missing q as 1", () => {
    expect(negotiate("zh-HK, en")).toBe("zh-Hant");
    expect(negotiate("en, zh-HK")).toBe("en");
    expect(negotiate("en;q=0.8, zh-HK;q=0.8")).toBe("en");
    expect(negotiate("en;q=0.8, zh-HK")).toBe("zh-Hant");
  });

  it("skips languages it does not speak to reach one it does", () => {
    expect(negotiate("fr-FR,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(negotiate("ja-JP, ko;q=0.9, zh-TW;q=0.1")).toBe("zh-Hant");
  });

  it("never takes a range refused with q=0, nor one whose q is malformed", () => {
    expect(negotiate("en;q=0, zh-TW;q=0.1")).toBe("zh-Hant");
    expect(negotiate("zh-TW;q=0.000, en;q=0.3")).toBe("en");
    expect(negotiate("en;q=2, zh-TW;q=0.5")).toBe("zh-Hant");
    expect(negotiate("en;q=abc, zh-HK;q=0.5")).toBe("zh-Hant");
    expect(negotiate("en;q=0.1234, zh-HK;q=0.5")).toBe("zh-Hant");
    expect(negotiate("en; Q = 0.9 , zh-HK;q=0.5")).toBe("en");
  });

  it("reads parameters beside q and a wildcard as the hall's own language", () => {
    expect(negotiate("en;level=1;q=0.4, zh-HK;q=0.3")).toBe("en");
    expect(negotiate("fr, *;q=0.5, en;q=0.3")).toBe("zh-Hans");
  });

  it("stops reading a header with hundreds of ranges after the first 32", () => {
    expect(negotiate([...Array.from({ length: 40 }, () => "fr"), "en"].join(","))).toBe("zh-Hans");
  });

  it("names one of its languages for each range, or none", () => {
    expect(langOfRange("zh-Hant-TW")).toBe("zh-Hant");
    expect(langOfRange("sr-Latn")).toBeNull();
  });
});

describe("?lang= against Accept-Language", () => {
  it("wins when it names one of the three languages", () => {
    expect(pageLang("en", "zh-TW")).toBe("en");
    expect(pageLang("zh-Hant", "en-US")).toBe("zh-Hant");
    expect(pageLang("zh-Hans", "zh-HK")).toBe("zh-Hans");
  });

  it("is ignored when it names another, and the header decides", () => {
    for (const asked of ["fr", "zh-TW", "EN", "", null, undefined]) expect(pageLang(asked, "zh-HK"), String(asked)).toBe("zh-Hant");
  });

  it("is what a view reads, Simplified without one", () => {
    expect(langIn(new URLSearchParams("window=5&lang=en"))).toBe("en");
    expect(langIn(new URLSearchParams("window=5&lang=fr"))).toBe("zh-Hans");
    expect(langIn(new URLSearchParams("window=5"))).toBe("zh-Hans");
  });
});

describe("the hall's own devices", () => {
  it("write the hall's first call language, whatever else it speaks", () => {
    expect(hallLang(["cmn-Hans", "yue-Hant"])).toBe("zh-Hans");
    expect(hallLang(["yue-Hant", "cmn-Hans"])).toBe("zh-Hant");
    expect(hallLang(["en", "cmn-Hans"])).toBe("en");
  });

  it("read ?lang= first, the hall's language without one", () => {
    expect(langIn(new URLSearchParams("lang=en"), "zh-Hant")).toBe("en");
    expect(langIn(new URLSearchParams("window=5"), "zh-Hant")).toBe("zh-Hant");
  });
});
