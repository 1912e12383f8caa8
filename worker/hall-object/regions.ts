/**
 * A view's regions: its fragments (top-level elements, each swapped out of band by htmx) cut
 * apart, so a screen can be sent only the regions that changed since the rendering it holds.
 *
 * The fragments come from hono/jsx, which escapes `<` and `>` in text and attribute values, so
 * every `<` outside a script or style element starts a tag, a closing tag or a comment.
 */

/** A top-level element of a view's fragments: its id (or its place, without one) and its HTML. */
export interface Region {
  key: string;
  html: string;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RAW_TEXT = new Set(["script", "style"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/y;
const ID = /\sid="([^"]*)"/;

/** The top-level elements of `html`, in order; text before an element goes with it, text after the last with the last. */
export function splitRegions(html: string): Region[] {
  const regions: Region[] = [];
  let depth = 0;
  let start = 0;
  for (let i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i)) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const tag = TAG.exec(html);
    if (!tag) {
      i++;
      continue;
    }
    const [whole, closing, rawName, selfClosing] = tag;
    const name = rawName!.toLowerCase();
    let end = i + whole.length;
    if (closing) depth--;
    else if (RAW_TEXT.has(name) && !selfClosing) {
      const after = html.toLowerCase().indexOf(`</${name}`, end);
      end = after < 0 ? html.length : html.indexOf(">", after) + 1;
    } else if (!VOID.has(name) && !selfClosing) depth++;
    if (depth <= 0) {
      // A top-level element ends here.
      depth = 0;
      const piece = html.slice(start, end);
      const first = piece.indexOf("<");
      const opening = piece.slice(first, piece.indexOf(">", first) + 1);
      regions.push({ key: ID.exec(opening)?.[1] ?? `#${regions.length}`, html: piece });
      start = end;
    }
    i = end;
  }
  const rest = html.slice(start);
  if (rest !== "") {
    if (regions.length > 0) regions[regions.length - 1]!.html += rest;
    else regions.push({ key: "#0", html: rest });
  }
  return regions;
}

/**
 * What a screen keeps running by itself, set from the clock at each rendering: an animation's
 * phase (the notice's scroll, a new call's flash, so a region sent again does not restart it),
 * and the clock's server time and seconds (clock.js ticks it each second from `data-now`). It is
 * not content: a region whose only difference is these is not sent again and keeps running on
 * the screen as it was, so a call within the same minute does not re-send the clock (the next
 * minute's does, and re-syncs it).
 */
const RUNNING = /animation-delay:-[0-9.]+s|(?<=<div id="clock"[^>]*) data-now="\d+"|(?<=<span class="clock-time">\d\d:\d\d):\d\d/g;

const sameWhenStill = (a: string, b: string) => a.replace(RUNNING, "") === b.replace(RUNNING, "");

/**
 * What a screen needs to turn region `before` into `after`: "" when they are the same, else the
 * smallest elements with an id that changed, each marked for an out-of-band swap (an element
 * without an id is looked into, since htmx can only swap what it can find by id); null when only
 * the whole of `after` will do (its own tag or its list of children changed).
 */
function changedWithin(before: string, after: string): string | null {
  if (before === after || sameWhenStill(before, after)) return "";
  const a = element(before);
  const b = element(after);
  if (!a || !b || a.open !== b.open || a.close !== b.close) return null;
  if (a.children.length !== b.children.length || a.children.some((x, i) => x.key !== b.children[i]!.key)) return shifted(a, b);
  let changed = "";
  for (let i = 0; i < b.children.length; i++) {
    const [x, y] = [a.children[i]!, b.children[i]!];
    const deeper = changedWithin(x.html, y.html);
    if (deeper !== null) {
      changed += deeper;
      continue;
    }
    // Sent alone by its id; text before it is its parent's, so it must not have changed.
    if (y.key.startsWith("#") || leadingText(x.html) !== leadingText(y.html)) return null;
    changed += y.html.slice(leadingText(y.html).length).replace(/^<[a-zA-Z][a-zA-Z0-9-]*/, '$& hx-swap-oob="true"');
  }
  return changed;
}

const leadingText = (html: string) => html.slice(0, Math.max(0, html.indexOf("<")));

const tagName = (html: string) => /<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html)?.[1] ?? "div";

/**
 * A list with an id whose children all have ids, where new children came in at the top and the
 * oldest fell off the end (the recent calls after a call): the new children added at the top,
 * the fallen ones deleted, by id, instead of the whole list; null when the change is any other.
 */
function shifted(a: { open: string; children: Region[] }, b: { open: string; children: Region[] }): string | null {
  const list = ID.exec(a.open)?.[1];
  if (!list || [...a.children, ...b.children].some((c) => c.key.startsWith("#") || leadingText(c.html) !== "")) return null;
  const added = b.children.findIndex((c) => c.key === a.children[0]?.key);
  if (added < 1) return null;
  const kept = b.children.length - added;
  if (kept > a.children.length) return null;
  let changed = "";
  for (let i = 0; i < kept; i++) {
    const [x, y] = [a.children[i]!, b.children[added + i]!];
    if (x.key !== y.key) return null;
    const deeper = changedWithin(x.html, y.html);
    changed += deeper ?? y.html.replace(/^<[a-zA-Z][a-zA-Z0-9-]*/, '$& hx-swap-oob="true"');
  }
  const parent = tagName(a.open);
  const fresh = b.children.slice(0, added).map((c) => c.html).join("");
  const gone = a.children.slice(kept).map((c) => `<${tagName(c.html)} id="${c.key}" hx-swap-oob="delete"></${tagName(c.html)}>`).join("");
  return `<${parent} hx-swap-oob="afterbegin:#${list}">${fresh}</${parent}>${gone}${changed}`;
}

/** An element's opening tag (with any text before it), its children and its closing tag (with any text after). */
function element(html: string): { open: string; children: Region[]; close: string } | null {
  const start = html.indexOf("<");
  const gt = html.indexOf(">", start);
  const end = html.lastIndexOf("</");
  if (start < 0 || gt < 0 || end <= gt) return null;
  return { open: html.slice(0, gt + 1), children: splitRegions(html.slice(gt + 1, end)), close: html.slice(end) };
}

/**
 * The regions of `next` that differ from `previous`, as one HTML string (empty when none did),
 * or null when the two do not have the same regions in the same order: then only the whole
 * rendering will do.
 */
export function changedRegions(previous: readonly Region[], next: readonly Region[]): string | null {
  if (previous.length !== next.length) return null;
  let changed = "";
  for (let i = 0; i < next.length; i++) {
    if (previous[i]!.key !== next[i]!.key) return null;
    changed += changedWithin(previous[i]!.html, next[i]!.html) ?? next[i]!.html;
  }
  return changed;
}
