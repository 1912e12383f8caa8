// The kiosk: choose a priority, optionally give an ID number, tap a category (or check in an
// appointment code) and the ticket appears and prints. A tap while the first is on its way is
// ignored, so one tap is one ticket. The on-screen keypad types into the field last touched.
(function () {
  "use strict";
  var T = window.Tongban;
  var config = T.config;
  var priority = "normal";
  var idField = document.getElementById("id-number");
  var codeField = document.getElementById("appointment-code");
  var target = idField;
  var overlay = document.getElementById("slip-overlay");
  var slip = document.getElementById("slip");
  var closeTimer = null;
  var SHOW_SLIP_MS = 25000;

  function showPriority() {
    var offered = document.querySelectorAll("[data-priority]");
    var still = false;
    for (var i = 0; i < offered.length; i++) if (offered[i].getAttribute("data-priority") === priority) still = true;
    if (!still) priority = "normal";
    for (var j = 0; j < offered.length; j++) {
      offered[j].setAttribute("aria-checked", offered[j].getAttribute("data-priority") === priority ? "true" : "false");
    }
  }
  document.addEventListener("tongban:update", showPriority);

  [idField, codeField].forEach(function (field) {
    field.addEventListener("focus", function () { target = field; });
  });

  function reset() {
    priority = "normal";
    showPriority();
    idField.value = "";
    codeField.value = "";
    idField.removeAttribute("aria-invalid");
    codeField.removeAttribute("aria-invalid");
    target = idField;
  }

  function slot(name) { return slip.querySelector('[data-slot="' + name + '"]'); }
  function fill(name, text) {
    var all = slip.querySelectorAll('[data-slot="' + name + '"]');
    for (var i = 0; i < all.length; i++) all[i].textContent = text;
  }

  function when(iso) {
    try {
      return new Intl.DateTimeFormat("zh-CN", {
        timeZone: config.timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      }).format(new Date(iso));
    } catch (e) {
      return new Date(iso).toLocaleString();
    }
  }

  // The page's language first: a category's names are the hall's, in each script.
  var lang = config.lang || "zh-Hans";
  var other = lang === "en" ? "zh-Hans" : "en";
  function priorityName(p) { return p === "normal" ? "" : T.t(p, {}, " "); }

  function showSlip(reply) {
    var t = reply.ticket;
    var names = config.categories[t.category] || {};
    slot("category").textContent = (names[lang] || t.category) + " · " + (names[other] || "");
    slot("number").textContent = t.number;
    slot("priority").textContent = priorityName(t.priority);
    slot("priority").hidden = !priorityName(t.priority);
    fill("ahead", String(reply.ahead));
    fill("wait", reply.estimatedWaitMinutes === null ? "—" : String(reply.estimatedWaitMinutes));
    slot("time").textContent = T.t1("taken", { time: when(t.issuedAt) });
    if (reply.statusPath) {
      slot("qr").src = reply.statusPath + "/qr.svg";
      slot("qr-figure").hidden = false;
    } else {
      slot("qr-figure").hidden = true;
    }
    offerNearby(t.category, reply.estimatedWaitMinutes);
    slip.setAttribute("data-ticket", t.id);
    slip.setAttribute("data-status-path", reply.statusPath || "");
    overlay.hidden = false;
    document.body.setAttribute("data-slip", t.number);
    reset();
    if (config.print) setTimeout(function () { window.print(); }, 400);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(closeSlip, SHOW_SLIP_MS);
  }

  // Over the alarm line: the halls of the same region serving this category with a shorter
  // estimate, from the public list (nearest first when this hall has a location).
  function offerNearby(category, estimate) {
    var box = document.querySelector('[data-slot="nearby"]');
    box.hidden = true;
    if (!config.region || estimate === null || estimate <= config.alarmMinutes) return;
    var near = config.location ? "?near=" + config.location.lat + "," + config.location.lng : "";
    fetch("/api/regions/" + encodeURIComponent(config.region) + "/halls" + near)
      .then(function (res) { return res.ok ? res.json() : { halls: [] }; })
      .then(function (list) {
        var offers = [];
        list.halls.forEach(function (h) {
          if (h.hall === config.hall) return;
          var c = h.categories.filter(function (x) { return x.id === category; })[0];
          if (c && c.estimatedWaitMinutes !== null && c.estimatedWaitMinutes < estimate) offers.push({ hall: h, wait: c.estimatedWaitMinutes });
        });
        var ol = box.querySelector('[data-slot="nearby-list"]');
        ol.textContent = "";
        offers.slice(0, 3).forEach(function (o) {
          var li = document.createElement("li");
          li.setAttribute("data-hall", o.hall.hall);
          var name = document.createElement("b");
          name.textContent = o.hall.name;
          li.appendChild(name);
          li.appendChild(document.createTextNode(" " + T.t("nearbyWait", { minutes: Math.round(o.wait) }) +
            (o.hall.distanceKm !== undefined ? " · " + o.hall.distanceKm + " km" : "") + (o.hall.address ? " · " + o.hall.address : "")));
          ol.appendChild(li);
        });
        box.hidden = offers.length === 0;
      })
      .catch(function () {});
  }

  function closeSlip() {
    setElder(elderByDefault);
    overlay.hidden = true;
    document.body.removeAttribute("data-slip");
    clearTimeout(closeTimer);
  }

  function refused(result, field) {
    if (!result.status) return;
    var details = (result.body && result.body.details) || {};
    if (details.idNumber) idField.setAttribute("aria-invalid", "true");
    if (details.code) codeField.setAttribute("aria-invalid", "true");
    var text = details.idNumber || (result.body && result.body.error) || T.t("notIssued");
    T.say(text, "error");
    if (field) field.focus();
  }

  // 适老 mode: larger type, and one choice per step — the service, then (when the hall offers
  // any) the priority as its own step. The kiosk's own mode (?elder=1) comes back after each ticket.
  var elderByDefault = document.body.classList.contains("elder");
  var elderStep = document.getElementById("elder-step");
  var chosen = null;
  function setElder(on) {
    document.body.classList.toggle("elder", on);
    var toggle = document.querySelector('[data-action="elder"]');
    if (toggle) toggle.setAttribute("aria-pressed", on ? "true" : "false");
  }
  function askPriority(category, name) {
    var offered = document.querySelectorAll("#kiosk-priorities [data-priority]");
    if (offered.length <= 1) return issue(category);
    chosen = category;
    elderStep.querySelector('[data-slot="service"]').textContent = name;
    var choices = elderStep.querySelector('[data-slot="choices"]');
    choices.textContent = "";
    for (var i = 0; i < offered.length; i++) {
      var b = offered[i].cloneNode(true);
      b.removeAttribute("role");
      b.removeAttribute("aria-checked");
      b.className = "elder-choice";
      b.setAttribute("data-elder-priority", b.getAttribute("data-priority"));
      b.removeAttribute("data-priority");
      choices.appendChild(b);
    }
    elderStep.hidden = false;
    choices.firstChild.focus();
  }
  function closeElderStep() {
    elderStep.hidden = true;
    chosen = null;
  }

  async function issue(category) {
    var body = { category: category, priority: priority };
    var id = idField.value.replace(/\s+/g, "");
    if (id) body.idNumber = id;
    var result = await T.press("POST", T.api("/kiosk/tickets"), body, "issue");
    if (result.dropped) return;
    if (result.ok) showSlip(result.body);
    else refused(result, id ? idField : null);
  }

  async function checkIn() {
    var code = codeField.value.trim();
    if (!/^\d{6}$/.test(code)) {
      codeField.setAttribute("aria-invalid", "true");
      T.say(T.t("sixDigits"), "error");
      codeField.focus();
      return;
    }
    var result = await T.press("POST", T.api("/appointments/" + code + "/check-in"), {}, "issue");
    if (result.dropped) return;
    if (result.ok) showSlip(result.body);
    else refused(result, codeField);
  }

  document.addEventListener("click", function (e) {
    var el = e.target.closest("button");
    if (!el || el.disabled) return;
    if (el.hasAttribute("data-category")) {
      if (document.body.classList.contains("elder")) return askPriority(el.getAttribute("data-category"), el.querySelector(".name-zh").textContent);
      return issue(el.getAttribute("data-category"));
    }
    if (el.hasAttribute("data-elder-priority")) {
      priority = el.getAttribute("data-elder-priority");
      var category = chosen;
      closeElderStep();
      return issue(category);
    }
    if (el.hasAttribute("data-priority")) {
      priority = el.getAttribute("data-priority");
      return showPriority();
    }
    if (el.classList.contains("key")) {
      var key = el.getAttribute("data-key");
      if (key === "⌫") target.value = target.value.slice(0, -1);
      else if (key !== "X" || target === idField) target.value = (target.value + key).slice(0, target.maxLength);
      target.removeAttribute("aria-invalid");
      return;
    }
    var action = el.getAttribute("data-action");
    if (action === "check-in") return checkIn();
    if (action === "clear") return reset();
    if (action === "print") return window.print();
    if (action === "done") return closeSlip();
    if (action === "elder") return setElder(!document.body.classList.contains("elder"));
    if (action === "elder-back") return closeElderStep();
  });

  codeField.addEventListener("keydown", function (e) {
    if (e.key === "Enter") checkIn();
  });
  // An ID card reader types the number and Enter: keep the number, wait for the category.
  idField.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      T.say(T.t("idRead"), "ok");
    }
  });
  showPriority();
  setElder(elderByDefault);
})();
