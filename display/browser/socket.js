// The one browser client of a hall's live feed, shared by the screens and consoles (live.js,
// HTML fragments) and the call announcer (announcer/browser/feed.js, JSON events). One
// WebSocket, resumed with since= so a reconnect neither misses nor repeats anything; ping and a
// silence limit to notice a dead socket; full-jitter backoff, because a redeploy closes every
// socket in a hall at once. There is no give-up: screens and hall PCs run all day.
// A classic script defining window.TongbanSocket (like words.js), not a module: the screens'
// scripts are plain ES5 for old TV boxes, and the announcer's modules can read a global too.
(function () {
  "use strict";
  var MAX_DELAY_MS = 30000;
  var PING_EVERY_MS = 20000;
  // Quiet for 20 s, the page pings each second and the hall answers each ping; nothing heard,
  // not even a pong, for 45 s means a socket dead without knowing it (a NAT timeout, a PC that slept).
  var SILENCE_LIMIT_MS = 45000;
  // performance.now, not Date.now: a box's wall clock is often wrong and jumps when corrected.
  function now() { return performance.now(); }

  /**
   * Connects to the hall's live feed and keeps connected.
   * @param {object} options
   * @param {string} options.url the feed, a path with ?token= (or none: a paired device's cookie)
   * @param {string} options.version what the page runs, reported to the hall (the manager sees it)
   * @param {() => number} options.since the last seq the page holds; each connect resumes after it
   * @param {(data: any) => void} options.onMessage each JSON message the hall sends, but moves
   * @param {(online: boolean) => void} options.onState the socket opened, or closed
   * @param {() => void} [options.onTick] every second, from the client's one interval
   * @param {() => Promise<void>} [options.beforeReconnect] e.g. re-read the server's clock
   * @example var feed = TongbanSocket({ url: config.url, version: "live.js/1", since: function () { return seq; }, onMessage: show, onState: badge });
   */
  window.TongbanSocket = function hallSocket(options) {
    var socket = null;
    var attempt = 0;
    var lastHeard = now();
    var holdUntil = 0;
    var retry = null;
    var leaving = false;

    // The token rides in the subprotocol, not the URL, so request logs never hold it; a token
    // with characters a subprotocol may not carry stays in the query.
    var token = new URL(options.url, location.href).searchParams.get("token");
    var inProtocol = token !== null && /^[A-Za-z0-9._~-]+$/.test(token);

    function feedUrl() {
      var url = new URL(options.url, location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      url.searchParams.set("since", String(options.since()));
      url.searchParams.set("screen", screen.width + "x" + screen.height);
      url.searchParams.set("version", options.version);
      // A paired device says which page it is on, so the hall can send it to its assigned one.
      if (!token) url.searchParams.set("page", location.pathname + location.search);
      if (inProtocol) url.searchParams.delete("token");
      return url.toString();
    }

    function connect() {
      retry = null;
      var ws = inProtocol ? new WebSocket(feedUrl(), ["tongban.v1", "bearer." + token]) : new WebSocket(feedUrl());
      socket = ws;
      ws.onopen = function () {
        attempt = 0;
        lastHeard = now();
        options.onState(true);
      };
      ws.onmessage = function (message) {
        lastHeard = now();
        if (socket !== ws || message.data === "pong") return;
        var data;
        try {
          data = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        // A paired device goes where its manager sent it: another page, or back to /pair.
        if (data.type === "device.moved" || data.type === "device.revoked") return leave(data.location || "/pair");
        options.onMessage(data);
      };
      ws.onclose = function () {
        if (socket !== ws || leaving) return;
        socket = null;
        options.onState(false);
        // Full jitter: a hall's screens and announcers come back spread out, not all at once.
        var delay = Math.random() * Math.min(MAX_DELAY_MS, 500 * Math.pow(2, attempt++));
        schedule(Math.max(delay, holdUntil - now()));
        if (!token && attempt % 3 === 0) checkPage();
      };
    }

    function schedule(ms) {
      if (retry !== null || holdUntil === Infinity) return;
      retry = setTimeout(function () {
        if (!options.beforeReconnect) return connect();
        options.beforeReconnect().then(function () {
          // drop() without an end may have come while the page was getting ready.
          if (holdUntil === Infinity) retry = null;
          else connect();
        });
      }, ms);
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
    // device revoked while it was off goes to /pair instead of retrying for ever.
    function checkPage() {
      fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (res) {
        if (res.status === 401) location.reload();
      }, function () {});
    }

    // One interval for the page's lifetime, lent to the page for its own once-a-second work.
    setInterval(function () {
      if (options.onTick) options.onTick();
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      if (now() - lastHeard > SILENCE_LIMIT_MS) socket.close();
      else if (now() - lastHeard > PING_EVERY_MS) socket.send("ping");
    }, 1000);

    connect();

    return {
      /** Sends a text if connected; false when offline. */
      send: function (text) {
        if (!socket || socket.readyState !== WebSocket.OPEN) return false;
        socket.send(text);
        return true;
      },
      /** Cuts the connection like a flaky network, and stays offline `holdMs` (until resume() when absent). */
      drop: function (holdMs) {
        holdUntil = holdMs === undefined ? Infinity : now() + holdMs;
        if (socket) socket.close();
      },
      /** Closes the socket and opens a new one at once (resuming with since=), without going offline. */
      restart: function () {
        if (!socket) return;
        var old = socket;
        socket = null;
        old.close();
        connect();
      },
      /** Ends a drop(): reconnects now. */
      resume: function () {
        holdUntil = 0;
        if (socket) return;
        if (retry !== null) clearTimeout(retry);
        retry = null;
        schedule(0);
      },
    };
  };
})();
