// What every console page shares: presses that reach the hall once. Each press gets a fresh
// commandId; if the network drops it (or the hall answers 5xx) it is sent again with the SAME
// id, so the hall applies it once however often it arrives. A second press of a button whose
// first press is still on its way is ignored. The page never guesses the outcome: the hall's
// new state arrives over the live socket (live.js) and replaces the regions.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tongban-console").textContent);
  // The page's words in its language (words.js): t → "first · second", t1 → the first line alone.
  var words = window.TongbanWords(config.words);
  var RETRY_DELAYS_MS = [400, 1000, 2000, 4000, 8000];
  var inFlight = {};
  var messageTimer = null;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }

  // The device named in the audit log: ?device= in the page's address, else one made up once
  // per browser and remembered.
  function device() {
    var given = new URL(location.href).searchParams.get("device");
    if (given) return given.slice(0, 60);
    try {
      var kept = localStorage.getItem("tongban-device");
      if (!kept) {
        kept = config.role + "-" + Math.random().toString(36).slice(2, 8);
        localStorage.setItem("tongban-device", kept);
      }
      return kept;
    } catch (e) {
      return config.role + "-page";
    }
  }
  var deviceName = device();

  function say(text, kind) {
    var line = document.getElementById("console-message");
    if (!line) return;
    line.textContent = text;
    line.className = "console-message " + (kind || "info");
    line.hidden = false;
    clearTimeout(messageTimer);
    messageTimer = setTimeout(function () { line.hidden = true; }, kind === "error" ? 12000 : 5000);
  }

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // Sends one press. Resolves { ok, status, body }; never rejects. `key` names the button so a
  // double press while the first is on its way is dropped (resolves { ok: false, status: 0 }).
  // `query` marks a request that changes nothing (a preview): it carries no commandId.
  async function press(method, path, body, key, query) {
    key = key || method + " " + path;
    if (inFlight[key]) return { ok: false, status: 0, body: null, dropped: true };
    inFlight[key] = true;
    document.body.setAttribute("data-busy", "true");
    var payload = Object.assign(query ? {} : { commandId: newId() }, body || {});
    if (method === "GET" || method === "DELETE") payload = null;
    try {
      for (var attempt = 0; ; attempt++) {
        try {
          var res = await fetch(path, {
            method: method,
            headers: Object.assign(
              // Signed in or paired, the page has no token: the cookie goes with the request.
              config.token ? { Authorization: "Bearer " + config.token, "X-Tongban-Device": deviceName } : { "X-Tongban-Device": deviceName },
              payload ? { "Content-Type": "application/json" } : {}
            ),
            body: payload ? JSON.stringify(payload) : undefined,
          });
          var text = await res.text();
          var parsed = null;
          try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { error: text }; }
          if (res.status >= 500 && res.status !== 503 && attempt < RETRY_DELAYS_MS.length) throw new Error("hall answered " + res.status);
          // A person's sign-in that ended (signed out elsewhere, expired, password changed): sign in again.
          if (res.status === 401 && !config.token && document.getElementById("signed-in")) {
            say(words.both("signInEnded"), "error");
            var lang = new URL(location.href).searchParams.get("lang");
            location.assign("/halls/" + encodeURIComponent(config.hall) + "/login?next=" + encodeURIComponent(location.pathname + location.search) +
              (lang ? "&lang=" + encodeURIComponent(lang) : ""));
          }
          return { ok: res.ok, status: res.status, body: parsed };
        } catch (e) {
          if (attempt >= RETRY_DELAYS_MS.length) {
            say(words.both("unreachable"), "error");
            return { ok: false, status: 0, body: null };
          }
          say(words.both("retrying"), "warn");
          await sleep(RETRY_DELAYS_MS[attempt]);
        }
      }
    } finally {
      delete inFlight[key];
      if (Object.keys(inFlight).length === 0) document.body.removeAttribute("data-busy");
    }
  }

  function api(path) {
    return "/api/halls/" + encodeURIComponent(config.hall) + path;
  }

  // The page's language: what its refusals are said in (formErrors.js).
  var pageLang = config.lang || document.documentElement.lang || "zh-Hans";
  var formErrors = window.TongbanFormErrors;

  // A refusal as the person should read it: a sentence in the page's language for a field that
  // is wrong (never the API's developer text), else the hall's own message.
  function explain(result, label) {
    if (!result.body) return "";
    var sentence = formErrors && formErrors.summary(result.body, pageLang, 0, label);
    return sentence || result.body.error || "";
  }

  // A form's refusal: each wrong field's sentence beside it, and one line saying so. Returns
  // how many fields were marked.
  function showErrors(form, result) {
    var placed = formErrors ? formErrors.show(form, result.body, pageLang) : 0;
    var line = formErrors && formErrors.summary(result.body, pageLang, placed);
    say(line || explain(result) || words.both("notSaved"), "error");
    return placed;
  }

  // A form that saved: no field stays marked from an earlier refusal.
  function clearErrors(form) {
    if (formErrors) formErrors.clear(form);
  }

  // The language switcher keeps the page's place: the manager console's tab is in the #fragment.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest(".lang-switch a[href]");
    if (!link || !location.hash) return;
    e.preventDefault();
    location.assign(link.getAttribute("href") + location.hash);
  });

  // A table cell with a citizen's whole mobile as a tel: link to call from (回访, and the 预约 tab's
  // call list about a block: the only places a whole number shows), or a muted "none given".
  function callCell(number, label, none) {
    var td = document.createElement("td");
    if (number) {
      var dial = document.createElement("a");
      dial.href = "tel:" + number;
      dial.textContent = number;
      dial.setAttribute("aria-label", label);
      td.appendChild(dial);
    } else {
      td.textContent = none;
      td.className = "muted";
    }
    return td;
  }

  window.Tongban = {
    config: config, press: press, say: say, api: api, explain: explain, showErrors: showErrors, clearErrors: clearErrors,
    newId: newId, t: words.both, t1: words.first, callCell: callCell,
  };
})();
