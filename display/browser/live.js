// Keeps a page current over the hall's live feed (socket.js): HTML fragments swapped in by
// htmx, an on-screen "offline for N s" badge, and a seq that only moves forward, so a reconnect
// never shows an older state after a newer one.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tongban-live").textContent);
  var seq = config.seq;
  // The rendering the page holds, as the hall named it (none yet: the first page comes whole).
  var rev = null;
  var offlineSince = null;
  var badge = document.getElementById("live-status");

  var feed = window.TongbanSocket({
    url: config.url,
    // Reported to the hall on connect, so the manager sees what each paired device runs.
    version: "live.js/2",
    since: function () { return seq; },
    onMessage: function (data) {
      if (data.type !== "html" || data.seq < seq) return;
      // An update carries only the regions that changed since the rendering it names (base); a
      // page holding another one (it missed an update) reconnects and gets the whole view.
      if (data.base !== undefined && data.base !== rev) return feed.restart();
      rev = data.rev;
      seq = data.seq;
      htmx.swap(document.body, data.html, { swapStyle: "none" });
      document.body.setAttribute("data-seq", String(seq));
      document.dispatchEvent(new CustomEvent("tongban:update", { detail: { seq: seq } }));
    },
    onState: setOnline,
    onTick: render,
  });

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

  // Test hook: lets the browser suite cut the connection like a flaky network would, for
  // offlineMs or, without it, until resume().
  window.tongbanLive = {
    drop: function (offlineMs) {
      feed.drop(offlineMs);
    },
    resume: function () {
      feed.resume();
    },
    get seq() { return seq; },
    get rev() { return rev; },
  };
})();
