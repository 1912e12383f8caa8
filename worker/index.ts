/**
 * The Worker: the hall API, and (in later rooms) the pages screens and consoles load.
 * State lives in one HallObject per hall; this layer authenticates, validates and routes.
 */
import { bodyLimit } from "hono/body-limit";
import { createApi } from "./api/halls.js";
import { errorResponse, jsonBody, notFound, onError } from "./api/errors.js";

export { HallObject } from "./hall-object/index.js";

/** Request bodies over this are refused with 413 before they are read. */
const MAX_BODY_BYTES = 16 * 1024;

const app = createApi();

app.use(
  "/api/*",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, "too_large", `the body is over the ${MAX_BODY_BYTES / 1024} KB limit`),
  }),
);
app.use("/api/*", jsonBody);
app.get("/", (c) => c.redirect("/api/halls/demo"));
app.get("/api/health", (c) => c.json({ ok: true }));
app.notFound(notFound);
app.onError(onError);

export default app;
