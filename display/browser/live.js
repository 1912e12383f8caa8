// Keeps a page current: one WebSocket to the hall's live feed, HTML fragments swapped in by
// htmx, an on-screen "offline for N s" badge, jittered backoff, and resume with since= so a
// reconnect never shows an older state after a newer one. Any close (a redeploy closes every
// socket) leads to a reconnect; there is no give-up.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tongban-live").textContent);
  var seq = config.seq;
  var socket = null;
  var attempt = 0;
  var offlineSince = null;
  var lastHeard = Date.now();
  var holdUntil = 0;
  var badge = document.getElementById("live-status");
  var MAX_DELAY_MS = 30000;
  var PING_EVERY_MS = 20000;
  var SILENCE_LIMIT_MS = 45000;
  // Reported to the hall on connect, so the manager sees what each paired device runs.
  var VERSION = "live.js/1";
  var leaving = false;
  var failures = 0;

  // The token rides in the subprotocol, not the URL, so request logs never hold it; a token
  // with characters a subprotocol may not carry stays in the query.
  var token = new URL(config.url, location.href).searchParams.get("token");
  var inProtocol = token !== null && /^[A-Za-z0-9._~-]+$/.test(token);

  function feedUrl() {
    var url = new URL(config.url, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("since", String(seq));
    url.searchParams.set("screen", screen.width + "x" + screen.height);
    url.searchParams.set("version", VERSION);
    // A paired device says which page it is on, so the hall can send it to its assigned one.
    if (!token) url.searchParams.set("page", location.pathname + location.search);
    if (inProtocol) url.searchParams.delete("token");
    return url.toString();
  }

  function connect() {
    var ws = inProtocol ? new WebSocket(feedUrl(), ["tongban.v1", "bearer." + token]) : new WebSocket(feedUrl());
    socket = ws;
    ws.onopen = function () {
      attempt = 0;
      failures = 0;
      lastHeard = Date.now();
      setOnline(true);
    };
    ws.onmessage = function (message) {
      lastHeard = Date.now();
      if (message.data === "pong") return;
      var data = JSON.parse(message.data);
      // A paired device goes where its manager sent it: another page, or back to /pair.
      if (data.type === "device.moved" || data.type === "device.revoked") return leave(data.location || "/pair");
      if (data.type !== "html" || data.seq < seq) return;
      seq = data.seq;
      htmx.swap(document.body, data.html, { swapStyle: "none" });
      document.body.setAttribute("data-seq", String(seq));
      document.dispatchEvent(new CustomEvent("tongban:update", { detail: { seq: seq } }));
    };
    ws.onclose = function () {
      if (socket !== ws || leaving) return;
      socket = null;
      setOnline(false);
      if (!token && ++failures % 3 === 0) checkPage();
      // Full jitter: reconnects after a redeploy spread out instead of arriving at once.
      var delay = Math.random() * Math.min(MAX_DELAY_MS, 500 * Math.pow(2, attempt++));
      setTimeout(connect, Math.max(delay, holdUntil - Date.now()));
    };
  }

  function leave(to) {
    // A device shown in a chosen language keeps it on its next page.
    var lang = new URL(location.href).searchParams.get("lang");
    if (lang && to !== "/pair" && to.indexOf("lang=") < 0) to += (to.indexOf("?") < 0 ? "?" : "&") + "lang=" + encodeURIComponent(lang);
    // Already there (a page whose feed does not carry every parameter of its address): stay.
    if (to === location.pathname + location.search) return;
    leaving = true;
    if (socket) socket.close();
    location.replace(to);
  }

  // Let in by a cookie, a page whose socket keeps failing asks whether it is still let in: a
  // device revoked while it was off sees /pair instead of retrying for ever.
  function checkPage() {
    fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (res) {
      if (res.status === 401) location.reload();
    }, function () {});
  }

  function setOnline(online) {
    if (online) {
      offlineSince = null;
      badge.hidden = true;
      document.body.removeAttribute("data-offline");
    } else if (offlineSince === null) {
      offlineSince = Date.now();
      document.body.setAttribute("data-offline", "true");
    }
    render();
  }

  function render() {
    if (offlineSince === null) return;
    var seconds = Math.round((Date.now() - offlineSince) / 1000);
    // The page's language's words, from the server; a page without them is a hall screen's.
    var words = badge.getAttribute("data-offline-for") || "离线 · offline for {seconds} s";
    badge.textContent = words.replace("{seconds}", String(seconds));
    badge.hidden = false;
  }

  setInterval(function () {
    render();
    if (socket && socket.readyState === WebSocket.OPEN) {
      // A socket that stopped hearing anything is dead without knowing it: drop it.
      if (Date.now() - lastHeard > SILENCE_LIMIT_MS) socket.close();
      else if (Date.now() - lastHeard > PING_EVERY_MS) socket.send("ping");
    }
  }, 1000);

  // Test hook: lets the browser suite cut the connection like a flaky network would.
  window.tongbanLive = {
    drop: function (offlineMs) {
      holdUntil = Date.now() + (offlineMs || 0);
      if (socket) socket.close();
    },
    get seq() { return seq; },
  };

  connect();
})();
