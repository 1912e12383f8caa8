import { describe, expect, it } from "vitest";
import { unsafeText } from "./text.js";

describe("text a screen may show", () => {
  it("keeps Chinese, English, emoji, line breaks and tabs", () => {
    expect(unsafeText({ text: { "zh-Hans": "今日办理时间 9:00–17:00\n请提前取号\t谢谢 👍", en: "Open 9–5" }, windows: [{ label: "3号窗口" }] })).toBeNull();
  });

  it.each([
    ["a right-to-left override", "今日\u202e休息", "U+202E (a bidi override or isolate) at character 3"],
    ["a first-strong isolate", "\u2068窗口", "U+2068 (a bidi override or isolate) at character 1"],
    ["a NUL", "王\u0000建国", "U+0000 (a control character) at character 2"],
    ["an escape", "\u001b[31m", "U+001B (a control character) at character 1"],
    ["a C1 control", "a\u0085b", "U+0085 (a control character) at character 2"],
    ["a lone high surrogate", "号\ud83d", "U+D83D (half of a surrogate pair) at character 2"],
    ["a lone low surrogate", "\ude00号", "U+DE00 (half of a surrogate pair) at character 1"],
  ])("refuses %s, naming the field and where", (_name, text, problem) => {
    expect(unsafeText({ text: { "zh-Hans": "好", en: text } })).toEqual({ field: "text.en", problem: `holds ${problem}` });
  });

  it("names a field inside a list, and a field whose name is unsafe", () => {
    expect(unsafeText({ windows: [{ label: "1" }, { label: "2\u202d" }] })).toMatchObject({ field: "windows.1.label" });
    expect(unsafeText({ names: { "zh\u0000": "x" } })).toMatchObject({ field: "names.zh\u0000" });
  });
});
