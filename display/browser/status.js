// The citizen's status page: when the ticket is called (or called again), vibrate and ring,
// where the phone allows. Browsers only let a page make sound after a tap, so the first tap
// on "turn on" unlocks audio and is remembered for this page.
(function () {
  "use strict";
  var button = document.getElementById("alerts");
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
      document.title = flips % 2 ? title : "🔔 请到窗口 · Your turn";
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
    button.textContent = "✓ 提醒已开启 · Alerts on";
    button.disabled = true;
  });

  document.addEventListener("tongban:update", function () {
    var now = current();
    if (now && now !== lastAlert) alertNow();
    lastAlert = now;
    document.body.setAttribute("data-alerted", now);
  });
})();
