// The manager console's 回访 tab: the open 差评, oldest first, each with a note field and 已回访;
// a note is required (who called the citizen back, what was put right). Reloads when the tab opens
// and after every hall update while it is open (a new 差评 arrives as a ticket.rated event).
(function () {
  "use strict";
  var T = window.Tongban;
  var LEVELS = { 1: "非常不满意 Very dissatisfied", 2: "不满意 Dissatisfied" };
  var REASONS = { efficiency: "服务效率", skill: "服务水平", attitude: "服务态度", other: "其他" };
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
      cell(tr, (f.window ? f.window + " 号窗口" : "—") + (f.officer ? " · " + f.officer.name + "（" + f.officer.badge + "）" : ""));
      cell(tr, LEVELS[f.score] || String(f.score)).className = "worse";
      cell(tr, f.reasons.map(function (r) { return REASONS[r] || r; }).join("、") || "—");
      var td = document.createElement("td");
      var input = document.createElement("input");
      input.name = "note";
      input.maxLength = 500;
      input.placeholder = "回访记录 · what was done";
      input.setAttribute("aria-label", "回访记录 " + f.number);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "primary";
      button.setAttribute("data-close-follow-up", String(f.id));
      button.textContent = "已回访 Done";
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
      T.say("请填写回访记录 · Write what was done first", "error");
      return;
    }
    var result = await T.press("PATCH", T.api("/follow-ups/" + id), { state: "done", note: note }, "follow-up-" + id);
    if (result.ok) {
      T.say("已记录回访 · Follow-up recorded", "ok");
      load();
    } else if (result.status) T.say(T.explain(result), "error");
  });
  document.addEventListener("tongban:update", function () { if (panelOpen()) load(); });
})();
