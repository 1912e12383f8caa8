// The main screen's content panel (worker/signage/main-content.tsx): plays the slides on now, each
// for its seconds, and decides idle mode. Every live update brings a new hidden #content-playlist;
// slides already on the stage are kept (with their loaded images), new ones are copied in, gone
// ones removed, and the slide showing stays if it is still on. Idle mode is the server's clock
// (data-now, like clock.js) minus the zone's last call (data-last-call) against idleMinutes, so a
// call — which arrives in the same update as its playlist — ends it at once. Cut off from the
// hall, the screen keeps playing what it has, dropping a slide when its schedule ends (data-until).
(function () {
  "use strict";
  var main = document.querySelector(".main-screen");
  var stage = document.getElementById("content-stage");
  var dots = document.getElementById("content-dots");
  if (!main || !stage) return;
  var slides = [];
  var current = null;
  var timer = null;
  var skew = 0;
  var lastCall = 0;
  var idleMs = 0;
  var seen = null;

  function serverNow() { return Date.now() + skew; }
  function playable(s) { return !s.until || serverNow() < s.until; }
  function entry(el) {
    return { key: el.getAttribute("data-key"), el: el, seconds: Number(el.getAttribute("data-seconds")) || 10, until: Number(el.getAttribute("data-until")) || 0 };
  }

  function read() {
    var list = document.getElementById("content-playlist");
    if (!list || list === seen) return;
    seen = list;
    skew = Number(list.getAttribute("data-now")) - Date.now();
    lastCall = Number(list.getAttribute("data-last-call")) || 0;
    idleMs = Number(list.getAttribute("data-idle-minutes")) * 60000;
    var kept = {};
    slides.forEach(function (s) { kept[s.key] = s; });
    // First paint: the server put the first slide on the stage already.
    Array.prototype.forEach.call(stage.children, function (el) { if (!kept[el.getAttribute("data-key")]) kept[el.getAttribute("data-key")] = entry(el); });
    var next = [];
    Array.prototype.forEach.call(list.children, function (src) {
      var key = src.getAttribute("data-key");
      var s = kept[key];
      if (s) {
        delete kept[key];
        s.until = Number(src.getAttribute("data-until")) || 0;
      } else {
        s = entry(src.cloneNode(true));
        stage.appendChild(s.el);
      }
      next.push(s);
    });
    Object.keys(kept).forEach(function (k) { kept[k].el.remove(); });
    slides = next;
    if (current && slides.indexOf(current) < 0) {
      current = null;
      show(0);
    } else if (!current) show(0);
    else renderDots();
  }

  function show(from) {
    clearTimeout(timer);
    var live = slides.filter(playable);
    if (current) current.el.classList.remove("on");
    current = null;
    if (live.length === 0) return mode();
    var start = from % slides.length;
    for (var i = 0; i < slides.length; i++) {
      var s = slides[(start + i) % slides.length];
      if (playable(s)) { current = s; break; }
    }
    current.el.classList.add("on");
    timer = setTimeout(function () { show(slides.indexOf(current) + 1); }, current.seconds * 1000);
    renderDots();
    mode();
  }

  function renderDots() {
    if (!dots) return;
    var live = slides.filter(playable);
    dots.textContent = "";
    if (live.length < 2) return;
    live.forEach(function (s) {
      var li = document.createElement("li");
      if (s === current) li.className = "on";
      dots.appendChild(li);
    });
  }

  // The content panel when something plays; full screen when the zone has been quiet long enough.
  function mode() {
    var any = current !== null;
    main.classList.toggle("has-content", any);
    main.classList.toggle("idle", any && idleMs > 0 && serverNow() - lastCall >= idleMs);
    plan();
  }

  // No interval: one timeout for the next thing due, idle mode starting or a slide's schedule ending.
  var due = null;
  function plan() {
    clearTimeout(due);
    var now = serverNow();
    var next = Infinity;
    if (current && idleMs > 0 && now - lastCall < idleMs) next = lastCall + idleMs;
    slides.forEach(function (s) { if (s.until && s.until > now) next = Math.min(next, s.until); });
    if (next === Infinity) return;
    due = setTimeout(function () {
      if (current && !playable(current)) show(slides.indexOf(current) + 1);
      else mode();
    }, Math.min(next - now + 50, 2147483647));
  }

  document.addEventListener("tongban:update", function () { read(); mode(); });
  read();
  mode();

  // Test hook: which slide plays, whether the screen is idle, and time moved on (the browser
  // suite cannot wait idleMinutes for real).
  window.tongbanSignage = {
    get current() { return current ? current.el.getAttribute("data-id") : null; },
    get idle() { return main.classList.contains("idle"); },
    advance: function (ms) { skew += ms; mode(); },
  };
})();
