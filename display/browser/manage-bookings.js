// The manager console's 预约 tab (issue 26 §5): for the chosen day and service, each half hour's
// places against bookings (GET /booking-board, the booking page's own rule), full and blocked
// half hours marked; blocking a day or half hour with a reason, unblocking; the bookings kept on
// a block with the whole mobile as a tel: link (this list only) and 标记已通知; recent no-shows
// and who the no-show rule stops from booking. Reloads when the tab opens, on a choice, and after
// every hall update while the tab is open.
(function () {
  "use strict";
  var T = window.Tongban;
  function $(s) { return document.querySelector(s); }
  function panelOpen() { var p = $('[data-tab-panel="appointments"]'); return p && !p.hidden; }
  function cell(tr, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
  function serviceName(id) {
    if (id === null) return T.t1("boardAll");
    var o = $('#board-category option[value="' + id + '"]');
    return o ? o.textContent : id;
  }
  function blockLabel(b) { return b.day + " " + (b.from || T.t1("boardWhole")) + " · " + serviceName(b.category); }
  var loading = 0;

  async function load() {
    var day = $("#board-day"), category = $("#board-category");
    if (!day || !category) return;
    if (!day.value) { $("#board-slots").textContent = ""; return; }
    var mine = ++loading;
    var result = await T.press("GET", T.api("/booking-board?date=" + encodeURIComponent(day.value) + "&category=" + encodeURIComponent(category.value)), null, "booking-board-" + mine);
    if (!result.ok || mine !== loading) return;
    var board = result.body;
    var rows = $("#board-slots");
    rows.textContent = "";
    var from = $('#block-form [name="from"]');
    var chosen = from.value;
    while (from.options.length > 1) from.remove(1);
    board.slots.forEach(function (s) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-slot", s.from);
      var state = s.blocked !== null ? "blocked" : s.booked >= s.capacity ? "full" : s.open ? "open" : "begun";
      tr.className = "slot-" + state;
      cell(tr, s.from + "–" + s.to);
      cell(tr, String(s.capacity), "num");
      cell(tr, String(s.booked), "num");
      var said = state === "blocked" ? T.t1("boardBlocked", { reason: s.blocked }) : state === "full" ? T.t1("boardFull") : state === "begun" ? T.t1("boardBegun") : T.t1("boardOpen");
      var td = cell(tr, "");
      var pill = document.createElement("span");
      pill.className = "key " + state;
      pill.textContent = said;
      td.appendChild(pill);
      rows.appendChild(tr);
      var o = document.createElement("option");
      o.value = s.from;
      o.textContent = s.from + "–" + s.to;
      from.appendChild(o);
    });
    from.value = chosen && board.slots.some(function (s) { return s.from === chosen; }) ? chosen : "";

    var blocks = $("#board-blocks");
    blocks.textContent = "";
    board.blocks.forEach(function (b) {
      var li = document.createElement("li");
      li.setAttribute("data-block", b.id);
      var what = document.createElement("span");
      var strong = document.createElement("b");
      strong.textContent = blockLabel(b);
      what.appendChild(strong);
      what.appendChild(document.createTextNode(" — " + b.reason));
      li.appendChild(what);
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-unblock", b.id);
      button.textContent = T.t("boardUnblock", {}, " ");
      // The name starts with what the button says (WCAG 2.5.3), then what it unblocks.
      button.setAttribute("aria-label", T.t("boardUnblock", {}, " ") + " · " + blockLabel(b));
      li.appendChild(button);
      blocks.appendChild(li);
    });
    $("#board-blocks-none").hidden = board.blocks.length > 0;

    var calls = $("#board-calls");
    calls.textContent = "";
    board.toCall.forEach(function (b) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-call", b.code);
      cell(tr, b.note || "—");
      cell(tr, b.code, "code");
      cell(tr, b.day + " " + (b.slot || T.t1("boardWhole")));
      cell(tr, serviceName(b.category));
      // The one place a booking's whole mobile shows: the manager's call about a block.
      tr.appendChild(T.callCell(b.mobile, T.t1("boardCall", { number: b.mobile }), T.t1("boardNoMobile")));
      var td = document.createElement("td");
      if (b.contacted) {
        td.textContent = "✓ " + T.t1("boardTold");
        td.className = "better";
      } else {
        var mark = document.createElement("button");
        mark.type = "button";
        mark.className = "primary";
        mark.setAttribute("data-contacted", b.code);
        mark.setAttribute("data-block-id", b.block);
        mark.textContent = T.t("boardMark", {}, " ");
        mark.setAttribute("aria-label", T.t("boardMark", {}, " ") + " · " + b.code);
        td.appendChild(mark);
      }
      tr.appendChild(td);
      calls.appendChild(tr);
    });
    $("#board-calls-none").hidden = board.toCall.length > 0;

    var missed = $("#board-no-shows");
    missed.textContent = "";
    board.noShows.forEach(function (m) {
      var tr = document.createElement("tr");
      cell(tr, m.day);
      cell(tr, m.slot);
      cell(tr, m.code, "code");
      cell(tr, serviceName(m.category));
      cell(tr, m.mobile || "—");
      missed.appendChild(tr);
    });
    $("#board-no-shows-none").hidden = board.noShows.length > 0;

    var people = $("#board-people");
    people.textContent = "";
    board.blockedPeople.forEach(function (p) {
      var tr = document.createElement("tr");
      cell(tr, p.person, "code");
      cell(tr, p.mobile || "—");
      cell(tr, String(p.noShows), "num");
      cell(tr, p.until);
      people.appendChild(tr);
    });
    $("#board-people-none").hidden = board.blockedPeople.length > 0;
  }

  document.addEventListener("change", function (e) {
    if (e.target.id === "board-day" || e.target.id === "board-category") load();
  });

  document.addEventListener("submit", async function (e) {
    if (e.target.id !== "block-form") return;
    e.preventDefault();
    var form = e.target;
    var reason = form.elements.reason.value.trim();
    if (!reason) {
      T.say(T.t("boardWriteReason"), "error");
      form.elements.reason.focus();
      return;
    }
    var body = { date: $("#board-day").value, reason: reason };
    if (form.elements.from.value) body.from = form.elements.from.value;
    if (form.elements.category.value) body.category = form.elements.category.value;
    var result = await T.press("POST", T.api("/booking-blocks"), body, "block-bookings");
    if (result.ok) {
      T.clearErrors(form);
      form.elements.reason.value = "";
      T.say(T.t("boardBlockedDone"), "ok");
      load();
    } else if (result.status) T.showErrors(form, result);
  });

  document.addEventListener("click", async function (e) {
    if (e.target.closest('[data-tab="appointments"]')) return load();
    var un = e.target.closest("[data-unblock]");
    if (un) {
      var result = await T.press("DELETE", T.api("/booking-blocks/" + encodeURIComponent(un.getAttribute("data-unblock"))), null, "unblock-" + un.getAttribute("data-unblock"));
      if (result.ok) { T.say(T.t("boardUnblocked"), "ok"); load(); }
      else if (result.status) T.say(T.explain(result), "error");
      return;
    }
    var mark = e.target.closest("[data-contacted]");
    if (mark) {
      var code = mark.getAttribute("data-contacted");
      var r = await T.press("POST", T.api("/booking-blocks/" + encodeURIComponent(mark.getAttribute("data-block-id")) + "/contacted"), { code: code }, "contacted-" + code);
      if (r.ok) { T.say(T.t("boardTold"), "ok"); load(); }
      else if (r.status) T.say(T.explain(r), "error");
    }
  });
  document.addEventListener("tongban:update", function () { if (panelOpen()) load(); });
  // Opened straight on the tab (#appointments), the tab's click never comes.
  if (panelOpen()) load();
  document.addEventListener("DOMContentLoaded", function () { if (panelOpen()) load(); });
})();
