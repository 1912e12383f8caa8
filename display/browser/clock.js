// Ticks #clock each second in the hall's time zone, from the server's clock (data-now, re-synced
// whenever an update replaces #clock) rather than the box's own, which on a TV box is often
// wrong; and shows [data-show-at] elements once that moment passes (an alert due at a known
// time appears without waiting for the next update, announced as `tongban:due`). One interval
// for the page's lifetime.
(function () {
  "use strict";
  var WEEKDAYS = "日一二三四五六";
  var seen = null;
  var skew = 0;
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var clock = document.getElementById("clock");
    if (clock && clock !== seen) {
      seen = clock;
      skew = Number(clock.getAttribute("data-now")) - Date.now();
    }
    var now = Date.now() + skew;
    if (clock) {
      var d = new Date(now + Number(clock.getAttribute("data-offset")) * 60000);
      clock.querySelector(".clock-date").textContent = d.getUTCFullYear() + "年" + (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日 星期" + WEEKDAYS.charAt(d.getUTCDay());
      clock.querySelector(".clock-time").textContent = two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + ":" + two(d.getUTCSeconds());
    }
    var due = document.querySelectorAll("[data-show-at]");
    var changed = false;
    for (var i = 0; i < due.length; i++) {
      var hide = now < Number(due[i].getAttribute("data-show-at"));
      if (due[i].hidden !== hide) (due[i].hidden = hide), (changed = true);
    }
    // A page that lays out what it shows (wall-fit.js) hears of it without an interval of its own.
    if (changed) document.dispatchEvent(new CustomEvent("tongban:due"));
  }
  setInterval(tick, 1000);
  tick();
})();
