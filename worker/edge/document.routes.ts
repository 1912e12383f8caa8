/**
 * The API's own description: `GET /api/openapi.json`, generated from the routes' schemas, and
 * `GET /api/docs`, an interactive reference to it. Halls run on intranets, so the reference is
 * Scalar's standalone bundle served from the Worker's assets (scripts/assets.mjs copies it to
 * /static/vendor/scalar/), with its web fonts, telemetry and AI agent off: the page asks nothing
 * of any other origin.
 */
import { registerSecuritySchemes, TAGS } from "./openapi.js";
import { HallApp } from "./app.js";

export const DOCUMENT_PATH = "/api/openapi.json";
export const REFERENCE_PATH = "/api/docs";
/** Where scripts/assets.mjs puts Scalar's standalone browser build. */
export const REFERENCE_SCRIPT = "/static/vendor/scalar/standalone.js";

const DESCRIPTION = `Tongban (通办) runs the calling and display system of a government service hall: tickets, windows, screens, the announcer, statistics.

- **One hall per id.** Every change is an event with a sequence number; the live feeds carry them in order.
- **JSON in and out.** Errors are \`{ error, code, details }\`: a 400 names the bad field in \`details\`, and a refused request changes nothing. A 500 (\`internal\`) is a fault of ours: retry with the same \`commandId\`.
- **Idempotent commands.** Every command takes an optional \`commandId\`: repeating it returns the first reply (with \`Idempotent-Replayed: true\`) and applies once, so a double-pressed button never skips a citizen.
- **Callers.** A role token (\`Authorization: Bearer …\`), a signed-in person's \`tongban_session\` cookie or a paired device's \`tongban_device\` cookie; roles are admin, manager, counter, kiosk and display. Each operation says which roles may call it.
- **Citizens** hold only the signed link on their ticket; it lets them watch and rate that one ticket.

Generate a typed client from this document with openapi-typescript and openapi-fetch (see the README's "For integrators").`;

const objectConfig = {
  openapi: "3.1.0",
  info: {
    title: "Tongban hall API",
    version: "1",
    description: DESCRIPTION,
    license: { name: "MIT", identifier: "MIT" },
  },
  // Relative: the API is on whichever origin serves this document (a hall's intranet server).
  servers: [{ url: "/", description: "The Tongban server that serves this document" }],
  tags: TAGS.map((t) => ({ ...t })),
};

/**
 * Text colours of Scalar's light theme darkened to WCAG AA (4.5:1) on its backgrounds (#fff,
 * #f6f6f6, #e7e7e7): its greys and HTTP-method colours are 1.7–4.0:1 as shipped.
 */
const READABLE_COLOURS = `.light-mode {
  --scalar-color-2: #505050;
  --scalar-color-3: #595959;
  --scalar-sidebar-color-2: #505050;
  --scalar-color-accent: #005a9c;
  --scalar-color-blue: #005a9c;
  --scalar-color-green: #006b3c;
  --scalar-color-orange: #a33d00;
  --scalar-color-yellow: #7a5c00;
  --scalar-color-red: #b00020;
  --scalar-color-purple: #5b2ca0;
}`;

/** Scalar's options: nothing from another origin (no web fonts, telemetry, agent or proxy). */
const REFERENCE_CONFIG = {
  url: DOCUMENT_PATH,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  documentDownloadType: "json",
  defaultOpenAllTags: false,
  theme: "default",
  forceDarkModeState: "light",
  hideDarkModeToggle: true,
  customCss: READABLE_COLOURS,
  metaData: { title: "Tongban API reference · 通办接口参考" },
};

function referencePage(): string {
  const config = JSON.stringify(REFERENCE_CONFIG).replaceAll("<", "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tongban API reference · 通办接口参考</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${REFERENCE_SCRIPT}"></script>
    <script>Scalar.createApiReference("#app", ${config});</script>
  </body>
</html>`;
}

export function documentRoutes(app: HallApp): void {
  registerSecuritySchemes(app);
  app.doc31(DOCUMENT_PATH, objectConfig);
  app.get(REFERENCE_PATH, (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(referencePage());
  });
}
