/**
 * The Worker: the hall API, and (in later rooms) the pages screens and consoles load.
 * State lives in one HallObject per hall; this layer authenticates, validates and routes.
 */
import { createApi } from "./api/halls.js";
import { notFound, onError } from "./api/errors.js";
import { pageRoutes } from "./pages/routes.js";

export { HallObject } from "./hall-object/index.js";
export { PairingObject } from "./pairing-object/index.js";
export { RegionObject } from "./region-object/index.js";

const app = createApi();

pageRoutes(app as never);
app.get("/", (c) => c.redirect("/halls/demo/display?token=dev-display"));
app.notFound(notFound);
app.onError(onError);

export default app;
