/**
 * The frame every page shares: CJK font stacks that exist on Windows, Linux and Android
 * boxes, htmx, and the live-view script that keeps the page current over the hall's socket.
 */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { COMMON } from "../i18n/catalogue/common.js";
import type { Lang } from "../i18n/lang.js";
import { both, bothTemplate } from "../i18n/words.js";

export interface LiveConfig {
  /** The hall's live feed for this view, e.g. /api/halls/demo/live?view=main&token=… */
  url: string;
  /** The seq the first paint shows; the socket resumes after it. */
  seq: number;
}

/** The one client of the hall's live feed (a classic script defining TongbanSocket), for live.js and the announcer. */
export const SOCKET_SCRIPT = "/static/display/socket.js";

export interface PageProps {
  title: string;
  /** The page's language (`<html lang>`); hall screens are bilingual in zh-Hans, the default. */
  lang?: Lang;
  /** Extra stylesheets and scripts under /static. */
  styles?: string[];
  scripts?: string[];
  live?: LiveConfig;
  bodyClass?: string;
  children?: Child;
}

export function Page(props: PageProps) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={props.lang ?? "zh-Hans"}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="dark light" />
          <title>{props.title}</title>
          <link rel="icon" type="image/svg+xml" href="/favicon.ico" />
          <link rel="stylesheet" href="/static/display/base.css" />
          {(props.styles ?? []).map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          <script src="/static/vendor/htmx.min.js" defer></script>
          {props.live && (
            <>
              <script type="application/json" id="tongban-live">
                {raw(JSON.stringify(props.live).replaceAll("<", "\\u003c"))}
              </script>
              <script src={SOCKET_SCRIPT} defer></script>
              <script src="/static/display/live.js" defer></script>
            </>
          )}
          {(props.scripts ?? []).map((src) => (
            <script src={src} defer></script>
          ))}
        </head>
        <body class={props.bodyClass}>
          {props.children}
          {props.live && (
            <div id="live-status" class="live-status" role="status" aria-live="polite" {...(props.lang ? { "data-offline-for": bothTemplate(props.lang, COMMON.offlineFor) } : {})} hidden>
              {both(props.lang ?? "zh-Hans", COMMON.offline)}
            </div>
          )}
        </body>
      </html>
    </>
  );
}

/** Marks a region for an out-of-band swap when it arrives over the socket. */
export const oob = (live: boolean) => (live ? { "hx-swap-oob": "true" } : {});
