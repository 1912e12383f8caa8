// The front door of a self-hosted Tongban under workerd (deploy/config.mjs wires it): what
// Cloudflare's assets layer does on the edge, done here. GET and HEAD under /static/ are files
// from public/ (the STATIC disk service), with a Content-Type from the name (workerd's disk
// service sends none) and the caching Cloudflare gives assets: revalidate every time, 304 on a
// matching ETag. Everything else, and any file that is not there, goes to the Worker (APP)
// unchanged, WebSocket upgrades included.
const TYPES = {
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  ico: "image/x-icon",
  woff2: "font/woff2",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  wav: "audio/wav",
  txt: "text/plain; charset=utf-8",
  map: "application/json; charset=utf-8",
};

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if ((request.method === "GET" || request.method === "HEAD") && url.pathname.startsWith("/static/") && !url.pathname.endsWith("/")) {
      const file = await env.STATIC.fetch(new Request(new URL(url.pathname, "http://static"), { method: request.method }));
      const length = file.headers.get("Content-Length");
      // A directory answers with a JSON listing and no length: that is not a file to serve.
      if (file.ok && length !== null) {
        const extension = url.pathname.slice(url.pathname.lastIndexOf(".") + 1).toLowerCase();
        const modified = file.headers.get("Last-Modified") ?? "";
        const etag = `"${length}-${Date.parse(modified) || 0}"`;
        const headers = new Headers({
          "Content-Type": TYPES[extension] ?? "application/octet-stream",
          "Cache-Control": "public, max-age=0, must-revalidate",
          ETag: etag,
        });
        if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
        headers.set("Content-Length", length);
        return new Response(request.method === "HEAD" ? null : file.body, { status: 200, headers });
      }
    }
    return env.APP.fetch(request);
  },
};
