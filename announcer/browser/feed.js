// The hall's JSON live feed as the announcer reads it: events once each, in seq order, over the
// one client of the feed that screens and consoles use too (display/browser/socket.js, loaded
// by the page before this module as window.TongbanSocket). Also the hall's clock, for judging
// how old a call is.

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
  const socket = window.TongbanSocket({
    url: options.url,
    version: VERSION,
    since: () => seq,
    onMessage(data) {
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
    },
    onState: options.onState,
    beforeReconnect: options.beforeReconnect,
  });

  return {
    get seq() {
      return seq;
    },
    /** Sends a JSON message if connected; false when offline. */
    send: (message) => socket.send(JSON.stringify(message)),
    /** Cuts the connection like a flaky network, and stays offline `holdMs` (until resume() when absent). */
    drop: (holdMs) => socket.drop(holdMs),
    /** Ends a drop(): reconnects now. */
    resume: () => socket.resume(),
  };
}
