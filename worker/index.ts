/**
 * The Worker: the hall API, and (in later rooms) the pages screens and consoles load.
 * State lives in one HallObject per hall; this layer authenticates, validates and routes.
 */
import { createApi } from "./routes.js";
import { notFound, onError } from "./edge/errors.js";
import { pageRoutes } from "./pages/routes.js";

export { HallObject } from "./hall-object/index.js";
export { PairingObject } from "./devices/pairing.object.js";
export { RegionObject } from "./regions/region.object.js";

/** The hall's mark: a white 通 on the consoles' blue. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b4ea2"/>' +
  '<text x="32" y="46" font-size="40" text-anchor="middle" fill="#fff" font-family="sans-serif">通</text></svg>';

const app = createApi();

pageRoutes(app as never);
app.get("/", (c) => c.redirect("/halls/demo/display?token=dev-display"));
// Every browser asks for /favicon.ico; a 404 on every page fills a hall's logs (issue 25 §9).
app.get("/favicon.ico", (c) => c.body(FAVICON, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }));
app.notFound(notFound);
app.onError(onError);

export default app;
