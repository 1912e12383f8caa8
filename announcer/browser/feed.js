// The announcer's own small client for the hall's JSON live feed: one WebSocket, resume with
// since= so nothing is missed or delivered twice, ping and a silence limit to notice a dead
// socket, and full-jitter backoff (a redeploy closes every socket in a hall at once). There is
// no give-up: a hall PC runs all day. Also the hall's clock, for judging how old a call is.

const MAX_DELAY_MS = 30000;
const PING_EVERY_MS = 20000;
const SILENCE_LIMIT_MS = 45000;
const SYNC_TIMEOUT_MS = 3000;
/** Reported to the hall on connect, so the manager sees what each paired announcer runs. */
const VERSION = "announcer/1";

/**
 * The hall's time as the server keeps it. The hall PC's own clock may be minutes off, and may
 * jump when it is corrected, so the page counts from the server's time at first paint with the
 * monotonic performance clock, and asks the server again whenever it reconnects (performance
 * time stands still while a PC sleeps; a sleep always drops the socket).
 * @param {number} serverNow the server's time (ms) when it rendered the page
 * @example const clock = serverClock(config.serverNow); clock.now() - Date.parse(event.at)
 */
export function serverClock(serverNow) {
  let base = serverNow;
  let perfBase = performance.now();
  return {
    now: () => base + (performance.now() - perfBase),
    /**
     * Re-reads the server's time. `ask(signal)` resolves to the server's time in ms (NaN when
     * unknown); it counts as read halfway through the round trip.
     * @param {(signal: AbortSignal) => Promise<number>} ask
     */
    async sync(ask) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), SYNC_TIMEOUT_MS);
      try {
        const sent = performance.now();
        const server = await ask(controller.signal);
        const received = performance.now();
        if (!Number.isFinite(server)) return;
        base = server;
        perfBase = (sent + received) / 2;
      } catch {
        // offline: keep counting; the socket will not open either
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Connects to the JSON live feed at `url` (a path with ?token=) and keeps connected.
 * @param {object} options
 * @param {string} options.url
 * @param {number} options.since the last seq already handled
 * @param {(event: any) => void} options.onEvent each event once, in seq order
 * @param {(snapshot: any) => void} options.onSnapshot the hall answered a resume with a snapshot
 * @param {(message: any) => void} [options.onMessage] anything else the hall sends (errors)
 * @param {(online: boolean) => void} options.onState
 * @param {() => Promise<void>} [options.beforeReconnect] e.g. re-sync the clock
 */
export function hallFeed(options) {
  let seq = options.since;
  let socket = null;
  let attempt = 0;
  let lastHeard = performance.now();
  let holdUntil = 0;
  let retry = null;

  // The token rides in the subprotocol, not the URL, so request logs never hold it; a token
  // with characters a subprotocol may not carry stays in the query.
  const token = new URL(options.url, location.href).searchParams.get("token");
  const inProtocol = token !== null && /^[A-Za-z0-9._~-]+$/.test(token);

  function feedUrl() {
    const url = new URL(options.url, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("since", String(seq));
    url.searchParams.set("screen", `${screen.width}x${screen.height}`);
    url.searchParams.set("version", VERSION);
    // A paired device says which page it is on, so the hall can send it to its assigned one.
    if (!token) url.searchParams.set("page", location.pathname + location.search);
    if (inProtocol) url.searchParams.delete("token");
    return url.toString();
  }

  function connect() {
    retry = null;
    const ws = inProtocol ? new WebSocket(feedUrl(), ["tongban.v1", `bearer.${token}`]) : new WebSocket(feedUrl());
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      lastHeard = performance.now();
      options.onState(true);
    };
    ws.onmessage = (message) => {
      lastHeard = performance.now();
      if (socket !== ws || message.data === "pong") return;
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      // A paired announcer PC goes where its manager sent it: another page, or back to /pair.
      if (data.type === "device.moved" || data.type === "device.revoked") {
        // Already there (a page whose feed does not carry every parameter of its address): stay.
        if (data.location === location.pathname + location.search) return;
        holdUntil = Infinity;
        ws.close();
        location.replace(data.location || "/pair");
        return;
      }
      if (data.type === "snapshot" && typeof data.seq === "number") {
        seq = data.seq;
        options.onSnapshot(data);
      } else if (typeof data.seq === "number" && typeof data.type === "string") {
        if (data.seq <= seq) return;
        seq = data.seq;
        options.onEvent(data);
      } else if (options.onMessage) {
        options.onMessage(data);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      options.onState(false);
      // Full jitter: a hall's announcers and screens come back spread out, not all at once.
      const delay = Math.random() * Math.min(MAX_DELAY_MS, 500 * 2 ** attempt++);
      schedule(Math.max(delay, holdUntil - performance.now()));
      // Let in by a cookie, a page whose socket keeps failing asks whether it is still let in: a
      // device revoked while it was off goes to /pair instead of retrying for ever.
      if (!token && attempt % 3 === 0) {
        fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(
          (res) => res.status === 401 && location.reload(),
          () => {},
        );
      }
    };
  }

  function schedule(ms) {
    if (retry !== null || holdUntil === Infinity) return;
    retry = setTimeout(async () => {
      if (options.beforeReconnect) await options.beforeReconnect();
      if (holdUntil === Infinity) {
        retry = null;
        return;
      }
      connect();
    }, ms);
  }

  const ticker = setInterval(() => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    // A socket that hears nothing is dead without knowing it (a NAT timeout, a sleeping PC).
    if (performance.now() - lastHeard > SILENCE_LIMIT_MS) socket.close();
    else if (performance.now() - lastHeard > PING_EVERY_MS) socket.send("ping");
  }, 1000);

  connect();

  return {
    get seq() {
      return seq;
    },
    get online() {
      return Boolean(socket && socket.readyState === WebSocket.OPEN);
    },
    /** Sends a JSON message if connected; false when offline. */
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    /** Cuts the connection like a flaky network, and stays offline `holdMs` (until resume() when absent). */
    drop(holdMs) {
      holdUntil = holdMs === undefined ? Infinity : performance.now() + holdMs;
      if (socket) socket.close();
    },
    /** Ends a drop(): reconnects now. */
    resume() {
      holdUntil = 0;
      if (socket) return;
      if (retry !== null) clearTimeout(retry);
      retry = null;
      schedule(0);
    },
    close() {
      clearInterval(ticker);
      holdUntil = Infinity;
      if (retry !== null) clearTimeout(retry);
      if (socket) socket.close();
    },
  };
}
