// The window evaluator: when the ticket at this window finishes, ask the citizen to rate it on
// 好差评's five levels; for 不满意/非常不满意 offer the offline indicators, then ask, optionally, for a
// mobile number for the call back (PUT …/evaluation/contact; without one, say honestly that no
// call back can be made); thank them; and after 30 s
// without a press go back to idle. The hall names the ticket to rate (data-ask-id on
// #evaluator-state); a press rates only that one, once (POST …/windows/{window}/evaluation).
(function () {
  "use strict";
  var T = window.Tongban;
  var IDLE_MS = 30000;
  var THANKS_MS = 8000;
  // Typing eleven digits takes longer than a tap.
  var CONTACT_MS = 60000;
  var asked = null;
  // The ticket just rated 差评, whose follow-up a call-back number goes to (asked is cleared
  // as soon as the hall's update says the ticket is rated).
  var rated = null;
  var score = null;
  var idleTimer = null;
  var seenAt = { el: null, at: 0 };

  function panel(id) { return document.getElementById(id); }
  function show(which) {
    ["evaluator-ask", "evaluator-reasons", "evaluator-contact", "evaluator-thanks"].forEach(function (id) { panel(id).hidden = id !== which; });
    panel("evaluator-idle").hidden = Boolean(which);
    document.body.setAttribute("data-step", which || "idle");
  }
  function idleIn(ms) {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(function () { show(null); }, ms);
  }

  // The hall's clock at this moment: data-now when the region was rendered, plus the time since.
  function hallNow(state) {
    if (seenAt.el !== state) seenAt = { el: state, at: Date.now() };
    return Number(state.getAttribute("data-now")) + (Date.now() - seenAt.at);
  }

  function check(fresh) {
    var state = panel("evaluator-state");
    if (!state) return;
    var id = state.getAttribute("data-ask-id");
    if (!id) {
      // Rated (here or elsewhere) or too old: nothing to ask any more.
      if (asked && !panel("evaluator-ask").hidden) show(null);
      asked = null;
      return;
    }
    if (id === asked) return;
    // On first paint, ask only for a ticket finished within the idle time; later, for every new one.
    var age = hallNow(state) - Number(state.getAttribute("data-finished-at"));
    if (!fresh && age > IDLE_MS) return;
    asked = id;
    score = null;
    panel("evaluator-ask").querySelector('[data-slot="ticket"]').textContent = T.t("ticket", { number: state.getAttribute("data-ask") });
    var reasons = document.querySelectorAll("[data-reason]");
    for (var i = 0; i < reasons.length; i++) reasons[i].setAttribute("aria-pressed", "false");
    show("evaluator-ask");
    idleIn(fresh ? IDLE_MS : Math.max(1000, IDLE_MS - age));
  }

  async function submit() {
    var reasons = [];
    var chosen = document.querySelectorAll('[data-reason][aria-pressed="true"]');
    for (var i = 0; i < chosen.length; i++) reasons.push(chosen[i].getAttribute("data-reason"));
    var ticket = asked;
    var body = { score: score };
    if (reasons.length) body.reasons = reasons;
    var result = await T.press("POST", T.api("/windows/" + encodeURIComponent(T.config.window) + "/evaluation"), body, "evaluate");
    if (result.dropped || result.status === 0) return;
    if (result.ok && score <= 2) {
      rated = ticket;
      return askContact();
    }
    if (result.ok) thank("");
    else if (result.status === 409) thank(T.t("alreadyRated"));
    else T.say(T.explain(result), "error");
  }

  function thank(note) {
    panel("evaluator-thanks").querySelector('[data-slot="note"]').textContent = note;
    show("evaluator-thanks");
    idleIn(THANKS_MS);
  }

  // After a 差评: a number for the call back, or none (and then no promise of one).
  var contact = panel("evaluator-contact");
  function askContact() {
    contact.reset();
    T.clearErrors(contact);
    show("evaluator-contact");
    contact.elements.mobile.focus();
    idleIn(CONTACT_MS);
  }
  contact.addEventListener("submit", async function (e) {
    e.preventDefault();
    var mobile = contact.elements.mobile.value.replace(/\s+/g, "");
    var path = "/windows/" + encodeURIComponent(T.config.window) + "/evaluation/contact";
    var result = await T.press("PUT", T.api(path), { ticket: rated, mobile: mobile }, "contact");
    if (result.dropped || result.status === 0) return;
    if (result.ok) return thank(T.t("callBack", { mobile: result.body.followUp.mobile }));
    if (result.status === 400) {
      // Beside the field only: the pad's message line would cover its buttons.
      window.TongbanFormErrors.show(contact, result.body, T.config.lang);
      idleIn(CONTACT_MS);
      return;
    }
    thank(T.t("noCallBack"));
  });

  document.addEventListener("click", function (e) {
    var el = e.target.closest("button");
    if (!el) return;
    if (el.hasAttribute("data-score")) {
      score = Number(el.getAttribute("data-score"));
      if (score <= 2) {
        show("evaluator-reasons");
        idleIn(IDLE_MS);
        return;
      }
      return submit();
    }
    if (el.hasAttribute("data-reason")) {
      el.setAttribute("aria-pressed", el.getAttribute("aria-pressed") === "true" ? "false" : "true");
      idleIn(IDLE_MS);
      return;
    }
    if (el.getAttribute("data-action") === "submit-rating") return submit();
    if (el.getAttribute("data-action") === "skip-contact") return thank(T.t("noCallBack"));
  });

  document.addEventListener("tongban:update", function () { check(true); });
  show(null);
  check(false);
})();
