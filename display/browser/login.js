// The staff login page: badge and password to the sessions API, then on to the console the
// person may use. A wrong badge or password gets one message that reveals neither; a locked
// try that came too soon (429) shows the wait and keeps the button off until it ends.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tongban-login").textContent);
  var form = document.getElementById("login-form");
  var message = document.getElementById("login-message");
  var button = form.querySelector(".login-submit");
  var lockTimer = null;
  var t = window.TongbanWords(config.words).both;
  // A console's address in the language chosen here with ?lang= (none: the browser's, again).
  function inLang(path) {
    return config.lang ? path + (path.indexOf("?") < 0 ? "?" : "&") + "lang=" + config.lang : path;
  }

  function show(text, kind) {
    message.textContent = text;
    message.className = "login-message " + (kind || "error");
    message.hidden = false;
  }

  function clock(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  // Counts down on this page's own clock: the hall said how long, not until when.
  function lockFor(seconds, text) {
    clearInterval(lockTimer);
    var ends = Date.now() + seconds * 1000;
    show(text, "locked");
    var left = document.createElement("span");
    left.className = "countdown";
    message.appendChild(left);
    message.setAttribute("data-retry-after", String(seconds));
    button.disabled = true;
    function tick() {
      var rest = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      left.textContent = t("left", { time: clock(rest) });
      if (rest > 0) return;
      clearInterval(lockTimer);
      button.disabled = false;
      message.removeAttribute("data-retry-after");
      show(t("tryAgain"), "info");
    }
    tick();
    lockTimer = setInterval(tick, 1000);
  }

  function goOn(session) {
    if (config.next) return location.replace(config.next);
    if (session.access === "manager") return location.replace(inLang("/halls/" + config.hall + "/manage"));
    // An officer already on duty at a window goes back to it; anyone else chooses one.
    var mine = Array.prototype.find.call(document.querySelectorAll("[data-officer]"), function (a) {
      return a.getAttribute("data-officer") === session.staff;
    });
    if (mine) return location.replace(mine.href);
    form.hidden = true;
    document.getElementById("choose-who").textContent = session.name + "（" + session.badge + "）· " + t("chooseWho");
    var chooser = document.getElementById("choose-window");
    chooser.hidden = false;
    // Choosing a window puts the person on it in the same step: the password they just typed is
    // their own secret. The terminal opens either way and says what the hall answered.
    chooser.addEventListener("click", async function (e) {
      var link = e.target.closest("a.window-choice");
      if (!link) return;
      e.preventDefault();
      try {
        await fetch("/api/halls/" + encodeURIComponent(config.hall) + "/staff/" + encodeURIComponent(session.staff) + "/sign-in", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ window: link.getAttribute("data-window") }),
        });
      } catch (err) {
        // Unreachable: the terminal's own 民警签到 is still there.
      }
      location.replace(link.href);
    });
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    var badge = form.elements.badge.value.trim();
    var password = form.elements.password.value;
    if (!badge) { show(t("enterBadge")); return form.elements.badge.focus(); }
    if (!password) { show(t("enterPassword")); return form.elements.password.focus(); }
    button.disabled = true;
    var res, body = null;
    try {
      res = await fetch("/api/halls/" + encodeURIComponent(config.hall) + "/sessions", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ badge: badge, password: password }),
      });
      body = await res.json().catch(function () { return null; });
    } catch (err) {
      button.disabled = false;
      return show(t("unreachable"));
    }
    if (res.status === 201) return goOn(body.session);
    form.elements.password.value = "";
    if (res.status === 429 && body && body.details) return lockFor(body.details.retryAfterSeconds, body.error);
    button.disabled = false;
    show((body && body.error) || t("failed", { status: res.status }));
    form.elements.password.focus();
  });
})();
