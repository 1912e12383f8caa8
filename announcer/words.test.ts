import { describe, expect, it } from "vitest";
import { callScript, callWords, chineseNumber, clipVocabulary, englishNumber, type Language, type Utterance } from "./words.js";

const A023_AT_5 = { ticket: "A023", window: 5 };

function say(language: Language, ticket: string, window: number): Utterance {
  return callWords({ ticket, window }, [language])[0]!;
}

describe("a call in Mandarin", () => {
  const u = say("cmn-Hans", "A023", 5);

  it("shows the hall's sentence in Simplified characters", () => {
    expect(u.display).toBe("请 A023 号到 5 号窗口办理");
    expect(u.display).toMatch(/请.*号.*办理/);
  });

  it("reads the ticket digit by digit and the window as a number", () => {
    expect(u.speech).toBe("请 A零二三 号到 五号窗口办理");
    expect(say("cmn-Hans", "A023", 12).speech).toBe("请 A零二三 号到 十二号窗口办理");
    expect(say("cmn-Hans", "B123", 2).speech).toBe("请 B一二三 号到 二号窗口办理");
  });

  it("says a four-digit ticket digit by digit, never as a thousand", () => {
    expect(say("cmn-Hans", "C1000", 3).speech).toBe("请 C一零零零 号到 三号窗口办理");
    expect(say("cmn-Hans", "C1000", 3).clips.slice(1, 6)).toEqual(["letter-C", "digit-1", "digit-0", "digit-0", "digit-0"]);
  });

  it("plays exactly these clips for A023 at window 5", () => {
    expect(u.clips).toEqual(["qing", "letter-A", "digit-0", "digit-2", "digit-3", "hao", "dao", "number-5", "hao", "window", "banli"]);
  });

  it("asks a zh-CN voice to speak it", () => {
    expect(u.speechLang).toBe("zh-CN");
  });
});

describe("a call in Cantonese", () => {
  const u = say("yue-Hant", "A023", 5);

  it("shows the sentence in Traditional characters", () => {
    expect(u.display).toBe("請 A023 號到 5 號窗口辦理");
    for (const c of ["請", "號", "辦"]) expect(u.display).toContain(c);
    for (const c of ["请", "号", "办"]) expect(u.display).not.toContain(c);
  });

  it("reads the ticket digit by digit and the window as a number", () => {
    expect(u.speech).toBe("請 A零二三 號到 五號窗口辦理");
    expect(say("yue-Hant", "D0105", 20).speech).toBe("請 D零一零五 號到 二十號窗口辦理");
  });

  it("plays the same clip ids as Mandarin, from its own folder", () => {
    expect(u.clips).toEqual(say("cmn-Hans", "A023", 5).clips);
    expect(u.speechLang).toBe("zh-HK");
  });
});

describe("a call in English", () => {
  it("shows the number and spells it out for a voice", () => {
    const u = say("en", "A023", 5);
    expect(u.display).toBe("Number A023, please go to window 5");
    expect(u.speech).toBe("Number A zero two three, please go to window five");
    expect(u.clips).toEqual(["number", "letter-A", "digit-0", "digit-2", "digit-3", "please-go-to-window", "number-5"]);
  });

  it("says three-digit windows the British way", () => {
    expect(say("en", "Z999", 105).speech).toBe("Number Z nine nine nine, please go to window one hundred and five");
    expect(say("en", "Z999", 121).clips.slice(-4)).toEqual(["number-100", "and", "number-20", "number-1"]);
  });
});

describe("window numbers in Chinese", () => {
  it.each([
    [1, "一", ["number-1"]],
    [2, "二", ["number-2"]],
    [9, "九", ["number-9"]],
    [10, "十", ["number-10"]],
    [11, "十一", ["number-10", "number-1"]],
    [12, "十二", ["number-10", "number-2"]],
    [20, "二十", ["number-20"]],
    [21, "二十一", ["number-20", "number-1"]],
    [99, "九十九", ["number-90", "number-9"]],
    [100, "一百", ["number-100"]],
    [101, "一百零一", ["number-100", "number-0", "number-1"]],
    [105, "一百零五", ["number-100", "number-0", "number-5"]],
    [110, "一百一十", ["number-100", "number-1", "number-10"]],
    [115, "一百一十五", ["number-100", "number-1", "number-10", "number-5"]],
    [120, "一百二十", ["number-100", "number-20"]],
    [200, "二百", ["number-200"]],
    [999, "九百九十九", ["number-900", "number-90", "number-9"]],
  ])("reads window %i as %s", (n, text, clips) => {
    expect(chineseNumber(n)).toEqual({ text, clips });
  });

  it("says a window's number the same way in Mandarin and Cantonese", () => {
    expect(say("cmn-Hans", "A001", 110).speech).toContain("一百一十号窗口");
    expect(say("yue-Hant", "A001", 110).speech).toContain("一百一十號窗口");
  });
});

describe("window numbers in English", () => {
  it.each([
    [1, "one"],
    [13, "thirteen"],
    [20, "twenty"],
    [47, "forty-seven"],
    [100, "one hundred"],
    [110, "one hundred and ten"],
    [999, "nine hundred and ninety-nine"],
  ])("reads window %i as %s", (n, text) => {
    expect(englishNumber(n).text).toBe(text);
  });
});

describe("what the announcer refuses", () => {
  it.each([0, -1, 1000, 2.5, Number.NaN])("refuses window %s", (window) => {
    expect(() => callWords({ ticket: "A023", window }, ["cmn-Hans"])).toThrow(RangeError);
  });

  it.each(["a023", "A23", "AB023", "023", "A02x", ""])("refuses ticket %j", (ticket) => {
    expect(() => callWords({ ticket, window: 5 }, ["cmn-Hans"])).toThrow(RangeError);
  });

  it("refuses a language it does not speak", () => {
    expect(() => callWords(A023_AT_5, ["fr" as Language])).toThrow(RangeError);
  });

  it("refuses a repeat count of zero", () => {
    expect(() => callScript(A023_AT_5, { languages: ["cmn-Hans"], repeat: 0 })).toThrow(RangeError);
  });
});

describe("the whole call as the hall configures it", () => {
  const spoken = (steps: ReturnType<typeof callScript>) =>
    steps.map((s) => (s.kind === "chime" ? "chime" : `${s.round}:${s.utterance.language}`));

  it("by default chimes once, then Mandarin and Cantonese twice", () => {
    expect(spoken(callScript(A023_AT_5, { languages: ["cmn-Hans", "yue-Hant"] }))).toEqual([
      "chime", "1:cmn-Hans", "1:yue-Hant", "2:cmn-Hans", "2:yue-Hant",
    ]);
  });

  it("speaks the languages in the hall's order", () => {
    expect(callWords(A023_AT_5, ["yue-Hant", "cmn-Hans", "en"]).map((u) => u.language)).toEqual(["yue-Hant", "cmn-Hans", "en"]);
  });

  it("speaks Mandarin only, three times, without a chime, when the hall says so", () => {
    expect(spoken(callScript(A023_AT_5, { languages: ["cmn-Hans"], repeat: 3, chime: false }))).toEqual([
      "1:cmn-Hans", "2:cmn-Hans", "3:cmn-Hans",
    ]);
  });

  it("speaks Mandarin then English once", () => {
    const steps = callScript(A023_AT_5, { languages: ["cmn-Hans", "en"], repeat: 1 });
    expect(spoken(steps)).toEqual(["chime", "1:cmn-Hans", "1:en"]);
  });
});

describe("the clip vocabulary", () => {
  it.each(["cmn-Hans", "yue-Hant", "en"] as const)("holds exactly the clips %s calls can use", (language) => {
    const used = new Set<string>();
    for (let window = 1; window <= 999; window++) {
      for (const clip of say(language, `${String.fromCharCode(65 + (window % 26))}0123456789`, window).clips) used.add(clip);
    }
    expect([...used].sort()).toEqual([...clipVocabulary(language)].sort());
    expect(new Set(clipVocabulary(language)).size).toBe(clipVocabulary(language).length);
  });
});
