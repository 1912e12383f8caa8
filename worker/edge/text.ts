/**
 * Characters no text of ours may hold: hall screens, announcers and consoles show and speak what
 * the API stores, so a notice, a name or a category with a bidi override (which turns 「请到 3 号
 * 窗口」 round on a wall), a NUL, another control character or half of a surrogate pair would
 * reach every screen in the hall. Line breaks and tabs are text; the rest is refused at the edge.
 *
 * @example
 * unsafeText({ text: { "zh-Hans": "今日\u202e休息" } });
 * // { field: "text.zh-Hans", problem: "holds U+202E (a bidi override or isolate) at character 3" }
 */

/** C0 controls but tab, LF and CR; DEL and the C1 controls; the bidi embeddings, overrides and isolates. */
// With the u flag a whole surrogate pair is one code point, so [\ud800-\udfff] finds only a lone half.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

/** The first string in `value` (a parsed JSON body) holding a forbidden character: its field and why; or null. */
export function unsafeText(value: unknown, path: string[] = []): { field: string; problem: string } | null {
  if (typeof value === "string") {
    const match = FORBIDDEN.exec(value);
    if (!match) return null;
    const code = match[0].charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const kind =
      code >= 0xd800 && code <= 0xdfff ? "half of a surrogate pair" : code >= 0x202a ? "a bidi override or isolate" : "a control character";
    return { field: path.join(".") || "(body)", problem: `holds ${hex} (${kind}) at character ${match.index + 1}` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (unsafeText(key)) return { field: [...path, key].join("."), problem: "its name holds a control or bidi-override character" };
      const inner = unsafeText(item, [...path, key]);
      if (inner) return inner;
    }
  }
  return null;
}
