// The manager console's 回访 tab: the open 差评, oldest first, each with a note field and 已回访;
// a note is required (who called the citizen back, what was put right). Reloads when the tab opens
// and after every hall update while it is open (a new 差评 arrives as a ticket.rated event).
(function () {
  "use strict";
  var T = window.Tongban;
  // 差评's levels and indicators are the core's words (worker/core/rating.ts), sent in the page's language.
  var LEVELS = { 1: T.t("level1", {}, " "), 2: T.t("level2", {}, " ") };
  var reason = function (r) { var said = T.t1("reason-" + r); return said === "reason-" + r ? r : said; };
  function $(s) { return document.querySelector(s); }
  function panelOpen() { var p = $('[data-tab-panel="follow-ups"]'); return p && !p.hidden; }
  function cell(tr, text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); return td; }

  async function load() {
    var result = await T.press("GET", T.api("/follow-ups?state=open"), null, "follow-ups");
    if (!result.ok) return;
    var rows = $("#follow-up-rows");
    rows.textContent = "";
    result.body.followUps.forEach(function (f) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-follow-up", String(f.id));
      var at = new Date(f.ratedAt);
      cell(tr, at.toLocaleDateString("zh-CN", { timeZone: T.config.timezone }) + " " + at.toLocaleTimeString("zh-CN", { timeZone: T.config.timezone, hourCycle: "h23" }));
      cell(tr, f.number);
      cell(tr, (f.window ? T.t1("windowNumber", { number: f.window }) : "—") + (f.officer ? " · " + f.officer.name + "（" + f.officer.badge + "）" : ""));
      cell(tr, LEVELS[f.score] || String(f.score)).className = "worse";
      cell(tr, f.reasons.map(reason).join("、") || "—");
      // The one place the whole number shows: the open row the manager calls from.
      tr.appendChild(T.callCell(f.callNumber, T.t1("callNumber", { number: f.callNumber }), T.t("noNumber")));
      var td = document.createElement("td");
      var input = document.createElement("input");
      input.name = "note";
      input.maxLength = 500;
      input.placeholder = T.t("notePlaceholder");
      input.setAttribute("aria-label", T.t1("noteFor", { number: f.number }));
      var button = document.createElement("button");
      button.type = "button";
      button.className = "primary";
      button.setAttribute("data-close-follow-up", String(f.id));
      button.textContent = T.t("done", {}, " ");
      td.appendChild(input);
      td.appendChild(button);
      tr.appendChild(td);
      rows.appendChild(tr);
    });
    $("#follow-ups-none").hidden = result.body.followUps.length > 0;
  }

  document.addEventListener("click", async function (e) {
    var tab = e.target.closest('[data-tab="follow-ups"]');
    if (tab) return load();
    var b = e.target.closest("[data-close-follow-up]");
    if (!b) return;
    var id = b.getAttribute("data-close-follow-up");
    var note = b.parentNode.querySelector("input").value.trim();
    if (!note) {
      T.say(T.t("writeFirst"), "error");
      return;
    }
    var result = await T.press("PATCH", T.api("/follow-ups/" + id), { state: "done", note: note }, "follow-up-" + id);
    if (result.ok) {
      T.say(T.t("recorded"), "ok");
      load();
    } else if (result.status) T.say(T.explain(result), "error");
  });
  document.addEventListener("tongban:update", function () { if (panelOpen()) load(); });
})();
