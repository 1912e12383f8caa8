// The citizen's status page: when the ticket is called (or called again), vibrate and ring,
// where the phone allows. Browsers only let a page make sound after a tap, so the first tap
// on "turn on" unlocks audio and is remembered for this page.
(function () {
  "use strict";
  var button = document.getElementById("alerts");
  var words = document.getElementById("tongban-words");
  var t = window.TongbanWords(words ? JSON.parse(words.textContent) : {}).both;
  var audio = null;
  var lastAlert = current();

  function current() {
    var el = document.getElementById("status-ticket");
    return el ? el.getAttribute("data-alert") || "" : "";
  }

  function beep(times) {
    if (!audio) return;
    var t = audio.currentTime + 0.05;
    for (var i = 0; i < times; i++) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = i % 2 ? 660 : 880;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.6, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.4);
      t += 0.45;
    }
  }

  function alertNow() {
    if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 800]);
    beep(6);
    var title = document.title;
    var flips = 0;
    var timer = setInterval(function () {
      document.title = flips % 2 ? title : t("yourTurn");
      if (++flips > 12) { clearInterval(timer); document.title = title; }
    }, 800);
  }

  button.addEventListener("click", function () {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx && !audio) audio = new Ctx();
      if (audio && audio.state === "suspended") audio.resume();
    } catch (e) {
      audio = null;
    }
    if (navigator.vibrate) navigator.vibrate(80);
    beep(1);
    button.textContent = t("alertsOn");
    button.disabled = true;
  });

  // Rating the service once it is done: one score per ticket, sent with the page's own signed
  // link. A retry after a dropped connection reuses the same commandId, so it counts once.
  var link = location.pathname.split("/")[2] || "";
  var rating = false;
  function rateMessage(text) {
    var line = document.querySelector(".rate-message");
    if (!line) return;
    line.textContent = text;
    line.hidden = false;
  }
  async function rate(score) {
    if (rating) return;
    rating = true;
    var commandId = window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
    document.querySelectorAll("[data-rate]").forEach(function (b) {
      b.disabled = true;
      b.classList.toggle("chosen", Number(b.getAttribute("data-rate")) <= score);
    });
    for (var attempt = 0; attempt < 4; attempt++) {
      try {
        var res = await fetch("/api/t/" + encodeURIComponent(link) + "/rating", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ score: score, commandId: commandId }),
        });
        if (res.status >= 500 && res.status !== 503) throw new Error("hall answered " + res.status);
        var body = await res.json().catch(function () { return {}; });
        if (res.ok) rateMessage(t("sent"));
        else rateMessage((body && body.error) || t("notSent"));
        rating = false;
        return;
      } catch (e) {
        await new Promise(function (r) { setTimeout(r, 500 * (attempt + 1)); });
      }
    }
    rating = false;
    rateMessage(t("network"));
    document.querySelectorAll("[data-rate]").forEach(function (b) { b.disabled = false; });
  }
  document.addEventListener("click", function (e) {
    var star = e.target.closest && e.target.closest("[data-rate]");
    if (star && !star.disabled) rate(Number(star.getAttribute("data-rate")));
  });

  document.addEventListener("tongban:update", function () {
    var now = current();
    if (now && now !== lastAlert) alertNow();
    lastAlert = now;
    document.body.setAttribute("data-alerted", now);
  });
})();
