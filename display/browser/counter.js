// The window terminal: buttons and keypad keys to API presses. Keys are the digits on each
// button (a caller keypad types them) or the letter beside; they are ignored while typing in a
// field or with a dialog open.
(function () {
  "use strict";
  var T = window.Tongban;
  var windowId = T.config.window;
  var BOUNCE_MS = 1500;
  var lastCall = { at: 0, id: null };

  function current() {
    var el = document.getElementById("counter-current");
    return { id: el.getAttribute("data-ticket"), number: el.getAttribute("data-number"), status: el.getAttribute("data-status") };
  }

  var PATHS = {
    "call-next": "/call",
    recall: "/recall",
    start: "/start",
    finish: "/finish",
    "no-show": "/no-show",
    pause: "/pause",
    resume: "/resume",
    "sign-out": "/sign-out",
  };

  async function act(action) {
    if (action === "transfer") return openTransfer();
    if (action === "sign-in") return openSignIn();
    var path = PATHS[action];
    if (!path) return;
    // Call next finishes the citizen at the window: a second press within a moment of a call is
    // a bounce of the key, not a citizen served in a second, so it is ignored.
    if (action === "call-next" && Date.now() - lastCall.at < BOUNCE_MS && current().id === lastCall.id) return;
    var result = await T.press("POST", T.api("/windows/" + encodeURIComponent(windowId) + path), {}, action);
    if (result.dropped || result.status === 0) return;
    if (result.ok) {
      if (action === "call-next") {
        lastCall = { at: Date.now(), id: result.body.ticket ? result.body.ticket.id : null };
        var finished = result.body.finished ? result.body.finished.number : null;
        var values = { finished: finished, number: result.body.ticket ? result.body.ticket.number : "" };
        if (result.body.ticket) T.say(T.t(finished ? "finishedAndCalled" : "called", values), "ok");
        else T.say(T.t(finished ? "finishedNobody" : "nobody", values), "info");
      }
      return;
    }
    // A second Call next after the first one landed: the window holds a ticket, nothing changed.
    if (action === "call-next" && result.status === 409 && result.body && result.body.details && result.body.details.ticket) {
      T.say(T.t("alreadyHas", { number: result.body.details.ticket }), "info");
      return;
    }
    T.say(T.explain(result), "error");
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-action]");
    if (!button || button.disabled) return;
    act(button.getAttribute("data-action"));
  });

  // A scanner types a code and Enter far faster than a hand: digits arriving within SCAN_GAP_MS
  // of each other while no field has focus are a scan, and go to the check-in field instead of
  // pressing buttons (a scanned 1 must never call). A lone digit presses its button SCAN_GAP_MS late.
  var SCAN_GAP_MS = 40;
  var codeField = document.getElementById("check-in-code");
  var held = null;
  function scanned(digit) {
    if (!held) {
      held = { digits: digit, timer: setTimeout(function () { var k = held.digits; held = null; keypad(k); }, SCAN_GAP_MS) };
      return;
    }
    clearTimeout(held.timer);
    codeField.value = held.digits + digit;
    held = null;
    codeField.focus();
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.target.closest("input, select, textarea") || document.querySelector("dialog[open]")) return;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      scanned(e.key);
      return;
    }
    if (keypad(e.key.length === 1 ? e.key.toUpperCase() : e.key)) e.preventDefault();
  });

  // Presses the button for a keypad key; true when one was pressed.
  function keypad(key) {
    var buttons = document.querySelectorAll("#counter-actions [data-action]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      if (b.getAttribute("data-key") !== key && b.getAttribute("data-alt-key") !== key) continue;
      // 7 (or P) pauses an open window and resumes a paused one: a keypad has few keys.
      if (b.disabled && (key === "7" || key === "P")) {
        var other = document.querySelector('#counter-actions [data-action="' + (b.getAttribute("data-action") === "pause" ? "resume" : "pause") + '"]');
        if (other && !other.disabled) b = other;
      }
      if (b.disabled) return false;
      b.classList.add("pressed");
      setTimeout(function () { b.classList.remove("pressed"); }, 150);
      act(b.getAttribute("data-action"));
      return true;
    }
    return false;
  }

  // Checking in a booking or a ticket from home by its code, by the kiosk's rule: the citizen
  // joins the queue and is called in turn. What is wrong is said beside the field, in the page's
  // language (formErrors.js for the field's form; the hall's refusal by its details otherwise).
  var checkInForm = document.getElementById("check-in-form");
  var checkInError = document.getElementById("check-in-error");
  var pageLang = T.config.lang || "zh-Hans";
  function checkInSays(result) {
    var body = result.body || {};
    var d = body.details || {};
    if (result.status === 400 && window.TongbanFormErrors && window.TongbanFormErrors.show(checkInForm, body, pageLang)) return null;
    if (body.code === "unknown_appointment") return T.t1("checkInUnknown");
    if (d.day) return T.t1("checkInOtherDay", { day: d.day });
    if (d.status === "cancelled") return T.t1("checkInExpired", { number: d.ticket });
    if (d.status) return T.t1("checkInCalled", { number: d.ticket });
    if (d.ticket) return T.t1("checkInAlready", { number: d.ticket });
    return T.explain(result) || T.t1("notSaved");
  }
  checkInForm.addEventListener("submit", async function (e) {
    e.preventDefault();
    var code = codeField.value.replace(/\s+/g, "");
    if (!code) return;
    if (window.TongbanFormErrors) window.TongbanFormErrors.clear(checkInForm);
    checkInError.textContent = "";
    var result = await T.press("POST", T.api("/windows/" + encodeURIComponent(windowId) + "/check-in"), { code: code }, "check-in");
    if (result.dropped || result.status === 0) return;
    if (result.ok) {
      var t = result.body.ticket;
      codeField.value = "";
      codeField.blur(); // the keypad's keys press buttons again
      T.say(T.t(t.remote ? "checkedInRemote" : "checkedInBooking", { number: t.number }), "ok");
      return;
    }
    var line = checkInSays(result);
    if (line) checkInError.textContent = line;
    codeField.setAttribute("aria-invalid", "true");
    codeField.select();
  });
  codeField.addEventListener("input", function () {
    codeField.removeAttribute("aria-invalid");
    checkInError.textContent = "";
  });

  // Transfer: the ticket at the window, to a category or another window.
  var transferDialog = document.getElementById("transfer-dialog");
  function openTransfer() {
    var t = current();
    if (!t.id) return;
    transferDialog.querySelectorAll('[data-slot="number"]').forEach(function (slot) { slot.textContent = t.number; });
    transferDialog.setAttribute("data-ticket", t.id);
    transferDialog.showModal();
  }
  transferDialog.addEventListener("click", async function (e) {
    var choice = e.target.closest("[data-transfer-category], [data-transfer-window]");
    if (!choice) return;
    var body = choice.hasAttribute("data-transfer-category")
      ? { category: choice.getAttribute("data-transfer-category") }
      : { window: choice.getAttribute("data-transfer-window") };
    var ticket = transferDialog.getAttribute("data-ticket");
    transferDialog.close();
    var result = await T.press("POST", T.api("/tickets/" + encodeURIComponent(ticket) + "/transfer"), body, "transfer");
    if (result.ok) T.say(T.t("transferred", { number: result.body.ticket.number }), "ok");
    else if (result.status) T.say(T.explain(result), "error");
  });

  // The officer signs in as themselves: they find their name and badge and type their own PIN or
  // password; the hall puts them on this window in that one step.
  var signIn = document.getElementById("sign-in-dialog");
  var form = document.getElementById("sign-in-form");
  async function openSignIn() {
    var select = form.elements.staff;
    var note = signIn.querySelector('[data-slot="note"]');
    note.textContent = "";
    select.innerHTML = "";
    signIn.showModal();
    var result = await T.press("GET", T.api("/windows/" + encodeURIComponent(windowId) + "/officers"), null, "officers");
    var officers = (result.body && result.body.officers) || [];
    officers.forEach(function (s) {
      var option = document.createElement("option");
      option.value = s.id;
      option.textContent = s.name + " · " + s.badge;
      select.appendChild(option);
    });
    if (result.ok && officers.length === 0) note.textContent = T.t("noOfficers");
    else if (!result.ok && result.status) note.textContent = T.explain(result);
  }
  form.addEventListener("submit", async function (e) {
    if (e.submitter && e.submitter.value === "cancel") return;
    e.preventDefault();
    var staff = form.elements.staff.value;
    var secret = form.elements.pin.value;
    if (!staff || !secret) return;
    // A PIN is 4 to 8 digits; anything else can only be the password (the hall tries a PIN-shaped entry as either).
    var body = /^\d{4,8}$/.test(secret) ? { window: windowId, pin: secret } : { window: windowId, password: secret };
    var result = await T.press("POST", T.api("/staff/" + encodeURIComponent(staff) + "/sign-in"), body, "sign-in");
    form.elements.pin.value = "";
    if (result.ok) {
      form.reset();
      signIn.close();
      var officer = result.body.window && result.body.window.officer;
      T.say(T.t("signedIn", { name: officer ? officer.name : "" }), "ok");
    } else if (result.status) {
      signIn.querySelector('[data-slot="note"]').textContent = T.explain(result);
    }
  });

  // Minutes at the window tick between updates, counted on the server's clock (data-now, when the
  // element was rendered) plus the time since this page first saw it: a terminal's own clock may
  // be minutes or years off.
  var firstSeen = new WeakMap();
  setInterval(function () {
    var since = document.querySelectorAll("[data-since]");
    for (var i = 0; i < since.length; i++) {
      var el = since[i];
      if (!firstSeen.has(el)) firstSeen.set(el, Date.now());
      var at = Date.parse(el.getAttribute("data-since"));
      var now = Number(el.getAttribute("data-now")) + (Date.now() - firstSeen.get(el));
      if (!isNaN(at) && !isNaN(now)) el.textContent = String(Math.max(0, Math.floor((now - at) / 60000)));
    }
  }, 15000);
})();
