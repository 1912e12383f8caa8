// The manager console: tabs, window changes with a preview, moving and cancelling tickets,
// staff, appointments, settings and the audit log. Every change is a press to the API; the
// page shows the result when the hall's update arrives over the socket.
(function () {
  "use strict";
  var T = window.Tongban;
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  // The page's language first: a category's names are the hall's, in each script.
  var lang = T.config.lang || "zh-Hans";
  var other = lang === "en" ? "zh-Hans" : "en";

  // ---- tabs ----
  function showTab(name) {
    // Only the tabs are selected; other buttons that open a tab (the advice's 去调整窗口) are plain buttons.
    $$("[role=tab][data-tab]").forEach(function (b) { b.setAttribute("aria-selected", b.getAttribute("data-tab") === name ? "true" : "false"); });
    $$("[data-tab-panel]").forEach(function (p) { p.hidden = p.getAttribute("data-tab-panel") !== name; });
    if (name === "audit") { loadAudit(true); loadArchives(); }
    history.replaceState(null, "", "#" + name);
    document.dispatchEvent(new CustomEvent("tongban:tab", { detail: name }));
  }
  var start = location.hash.slice(1);
  if (start && $('[data-tab="' + start + '"]')) showTab(start);

  function showErrors(form, result) {
    return T.showErrors(form, result) > 0;
  }

  // ---- windows ----
  var dialog = $("#window-dialog");
  var editing = null;
  var previewTimer = null;

  function chosen() {
    var form = $("form", dialog);
    var state = (form.querySelector('input[name="state"]:checked') || {}).value;
    var before = editing.categories;
    var ticked = $$('input[name="categories"]:checked', form).map(function (i) { return i.value; });
    // Keep the window's order of preference for what stays; new ones go last.
    var categories = before.filter(function (c) { return ticked.indexOf(c) >= 0; })
      .concat(ticked.filter(function (c) { return before.indexOf(c) < 0; }));
    var change = { window: editing.id };
    if (state !== editing.state) change.state = state;
    if (categories.join() !== before.join()) change.categories = categories;
    return change;
  }

  function openWindowDialog(card) {
    editing = {
      id: card.getAttribute("data-window"),
      state: card.getAttribute("data-state"),
      categories: (card.getAttribute("data-categories") || "").split(",").filter(Boolean),
    };
    $$('[data-slot="number"]', dialog).forEach(function (slot) { slot.textContent = card.getAttribute("data-number"); });
    $$('input[name="state"]', dialog).forEach(function (i) { i.checked = i.value === editing.state; });
    $$('input[name="categories"]', dialog).forEach(function (i) { i.checked = editing.categories.indexOf(i.value) >= 0; });
    $('[data-slot="note"]', dialog).textContent = "";
    $("#preview-rows").innerHTML = "";
    dialog.showModal();
    preview();
  }

  function cell(row, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  async function preview() {
    var change = chosen();
    var note = $('[data-slot="note"]', dialog);
    var rows = $("#preview-rows");
    var result = await T.press("POST", T.api("/preview"), { windows: [change] }, "preview", true);
    if (result.dropped) return;
    rows.innerHTML = "";
    if (!result.ok) { note.textContent = T.explain(result); return; }
    note.textContent = Object.keys(change).length === 1 ? T.t("nothingChanged") : "";
    result.body.categories.forEach(function (c) {
      var tr = document.createElement("tr");
      var minutes = function (m) { return m === null ? T.t("noneWindow", {}, " ") : T.t1("minutes", { minutes: m }); };
      var worse = c.after === null ? c.before !== null : c.before !== null && c.after > c.before;
      var better = c.before === null ? c.after !== null : c.after !== null && c.after < c.before;
      cell(tr, c.names[lang] + " " + c.names[other]);
      cell(tr, T.t1("waitingCount", { count: c.waiting }));
      cell(tr, minutes(c.before) + " → " + minutes(c.after), worse ? "worse" : better ? "better" : "");
      cell(tr, T.t1("openWindows", { before: c.windowsBefore, after: c.windowsAfter }), c.windowsAfter === 0 && c.waiting > 0 ? "worse" : "");
      rows.appendChild(tr);
    });
  }

  dialog.addEventListener("change", function () {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 150);
  });

  $("[data-apply-window]").addEventListener("click", async function () {
    var change = chosen();
    var id = change.window;
    delete change.window;
    if (Object.keys(change).length === 0) { dialog.close(); return; }
    var result = await T.press("PATCH", T.api("/windows/" + encodeURIComponent(id)), change, "window-" + id);
    if (result.ok) { dialog.close(); T.say(T.t("applied", { number: result.body.window.number }), "ok"); }
    else if (result.status) $('[data-slot="note"]', dialog).textContent = T.explain(result);
  });

  // ---- tickets: move or cancel ----
  var ticketDialog = $("#transfer-dialog");
  ticketDialog.addEventListener("click", async function (e) {
    var choice = e.target.closest("[data-transfer-category], [data-transfer-window], [data-cancel-ticket]");
    if (!choice) return;
    var ticket = ticketDialog.getAttribute("data-ticket");
    var path, body;
    if (choice.hasAttribute("data-cancel-ticket")) {
      var reason = $('input[name="reason"]', ticketDialog).value.trim();
      path = "/tickets/" + encodeURIComponent(ticket) + "/cancel";
      body = reason ? { reason: reason } : {};
    } else {
      path = "/tickets/" + encodeURIComponent(ticket) + "/transfer";
      body = choice.hasAttribute("data-transfer-category")
        ? { category: choice.getAttribute("data-transfer-category") }
        : { window: choice.getAttribute("data-transfer-window") };
    }
    ticketDialog.close();
    var result = await T.press("POST", T.api(path), body, "ticket-" + ticket);
    if (result.ok) T.say(T.t(body.category || body.window ? "moved" : "cancelled", { number: result.body.ticket.number }), "ok");
    else if (result.status) T.say(T.explain(result), "error");
  });

  // ---- clicks anywhere (buttons inside live regions are replaced, so listen on the document) ----
  document.addEventListener("click", async function (e) {
    var b = e.target.closest("button");
    if (!b || b.disabled) return;
    if (b.hasAttribute("data-tab")) return showTab(b.getAttribute("data-tab"));
    if (b.hasAttribute("data-adjust-window")) return openWindowDialog(b.closest("[data-window]"));
    if (b.hasAttribute("data-ack-storage")) {
      var ack = await T.press("POST", T.api("/storage-alarms/acknowledge"), {}, "ack-storage");
      if (!ack.ok && ack.status) T.say(T.explain(ack), "error");
      return;
    }
    if (b.hasAttribute("data-set-state")) {
      var id = b.getAttribute("data-window");
      var r = await T.press("PATCH", T.api("/windows/" + encodeURIComponent(id)), { state: b.getAttribute("data-set-state") }, "window-" + id);
      if (!r.ok && r.status) T.say(T.explain(r), "error");
      return;
    }
    if (b.hasAttribute("data-ticket-actions")) {
      ticketDialog.setAttribute("data-ticket", b.getAttribute("data-ticket-actions"));
      $$('[data-slot="number"]', ticketDialog).forEach(function (slot) { slot.textContent = b.getAttribute("data-number"); });
      $('input[name="reason"]', ticketDialog).value = "";
      return ticketDialog.showModal();
    }
    if (b.hasAttribute("data-edit-staff")) {
      var f = $("#staff-form");
      f.elements.name.value = b.getAttribute("data-name");
      f.elements.badge.value = b.getAttribute("data-badge");
      f.elements.role.value = b.getAttribute("data-role");
      f.elements.access.value = b.getAttribute("data-access") || "counter";
      f.setAttribute("data-staff", b.getAttribute("data-edit-staff"));
      f.elements.name.focus();
      return;
    }
    if (b.hasAttribute("data-remove-staff")) {
      if (!confirm(T.t("removeStaff", { name: b.getAttribute("data-name") }))) return;
      var removed = await T.press("DELETE", T.api("/staff/" + encodeURIComponent(b.getAttribute("data-remove-staff"))), null, "staff-remove");
      if (removed.ok) T.say(T.t("removed"), "ok");
      else if (removed.status) T.say(T.explain(removed), "error");
      return;
    }
    if (b.hasAttribute("data-audit-more")) return loadAudit(false);
  });

  // ---- staff ----
  var staffForm = $("#staff-form");
  staffForm.addEventListener("reset", function () { staffForm.removeAttribute("data-staff"); });
  staffForm.addEventListener("submit", async function (e) {
    e.preventDefault();
    var f = staffForm.elements;
    var badge = f.badge.value.trim();
    var id = staffForm.getAttribute("data-staff") || badge.toLowerCase().replace(/^[^a-z0-9]+/, "");
    var body = { name: f.name.value.trim(), badge: badge, role: f.role.value, access: f.access.value };
    if (f.clearPin.checked) body.pin = null;
    else if (f.pin.value) body.pin = f.pin.value;
    if (f.clearPassword.checked) body.password = null;
    else if (f.password.value) body.password = f.password.value;
    var result = await T.press("PUT", T.api("/staff/" + encodeURIComponent(id || "-")), body, "staff-save");
    if (result.ok) { staffForm.reset(); T.clearErrors(staffForm); T.say(T.t("saved", { name: result.body.staff.name }), "ok"); }
    else if (result.status) showErrors(staffForm, result);
  });

  // ---- appointments ----
  // The day picked stays picked when the hall re-renders the list.
  var appointmentDay = "";
  function filterAppointments() {
    var select = $("#appointment-day");
    if (!select) return;
    if ([].some.call(select.options, function (o) { return o.value === appointmentDay; })) select.value = appointmentDay;
    $$("#manage-appointments tr[data-day]").forEach(function (tr) { tr.hidden = appointmentDay !== "" && tr.getAttribute("data-day") !== appointmentDay; });
  }
  document.addEventListener("change", function (e) {
    if (e.target.id !== "appointment-day") return;
    appointmentDay = e.target.value;
    filterAppointments();
  });
  document.addEventListener("tongban:update", filterAppointments);
  document.addEventListener("click", async function (e) {
    var b = e.target.closest("[data-cancel-appointment]");
    if (!b) return;
    var code = b.getAttribute("data-cancel-appointment");
    if (!window.confirm(T.t("cancelAppointment", { code: code }))) return;
    var result = await T.press("DELETE", T.api("/appointments/" + code), null, "cancel-appointment-" + code);
    if (result.ok) T.say(T.t("appointmentCancelled", { code: code }), "ok");
    else if (result.status) T.say(T.explain(result), "error");
  });
  var bookForm = $("#appointment-form");
  bookForm.addEventListener("submit", async function (e) {
    e.preventDefault();
    var f = bookForm.elements;
    var body = { category: f.category.value, day: f.day.value };
    if (f.note.value.trim()) body.note = f.note.value.trim();
    var result = await T.press("POST", T.api("/appointments"), body, "book");
    if (result.ok) { T.clearErrors(bookForm); $("#appointment-code").textContent = T.t1("bookedCode", { code: result.body.appointment.code }); T.say(T.t("booked"), "ok"); }
    else if (result.status) showErrors(bookForm, result);
  });

  // ---- settings ----
  var settings = $("#settings-form");
  settings.addEventListener("submit", async function (e) {
    e.preventDefault();
    var f = settings.elements;
    var checked = function (name) { return $$('input[name="' + name + '"]:checked', settings).map(function (i) { return i.value; }); };
    var number = function (v) { return v === "" ? NaN : Number(v); };
    var body = {
      notice: f.notice.value.trim(),
      supervisionUrl: f.supervisionUrl.value.trim() || null,
      alarmMinutes: number(f.alarmMinutes.value),
      calledAlarmMinutes: number(f.calledAlarmMinutes.value),
      targetWaitMinutes: number(f.targetWaitMinutes.value),
      noShowRequeueMinutes: number(f.noShowRequeueMinutes.value),
      languages: checked("languages"),
      // Appointment tickets stay possible: they come by check-in, or from a booking system's API call.
      priorities: checked("priorities").concat(["appointment"]),
      autoOpen: f.autoOpen.checked,
      // Issue 22 §2: retention.
      replyHours: number(f.replyHours.value),
      eventDays: number(f.eventDays.value),
      auditDays: number(f.auditDays.value),
      // Issue 25 §7: the rules every day plan keeps.
      planRules: { minShiftHours: number(f.minShiftHours.value), maxShifts: number(f.maxShifts.value), keepCategories: f.keepCategories.checked },
    };
    var result = await fetchPatch(body);
    if (result.ok) { T.clearErrors(settings); T.say(T.t("settingsSaved"), "ok"); }
    else if (result.status) showErrors(settings, result);
  });
  function fetchPatch(body) {
    // NaN is not JSON: send null so the hall names the field instead of the browser dropping it.
    var nulls = function (o) { Object.keys(o).forEach(function (k) { if (typeof o[k] === "number" && isNaN(o[k])) o[k] = null; }); };
    nulls(body);
    if (body.planRules) nulls(body.planRules);
    return T.press("PATCH", "/api/halls/" + encodeURIComponent(T.config.hall), body, "settings");
  }

  // ---- audit ----
  // The audit log's actions in the page's language ("取号 issue"), from the server.
  var ACTIONS = window.TongbanWords(T.config.audit);
  var auditNext = null;
  async function loadAudit(fresh) {
    var path = "/audit?limit=30" + (!fresh && auditNext ? "&before=" + auditNext : "");
    var result = await T.press("GET", T.api(path), null, "audit");
    if (!result.ok) return;
    var rows = $("#audit-rows");
    if (fresh) rows.innerHTML = "";
    result.body.entries.forEach(function (a) {
      var tr = document.createElement("tr");
      var at = new Date(a.at);
      cell(tr, at.toLocaleDateString("zh-CN", { timeZone: T.config.timezone }) + " " + at.toLocaleTimeString("zh-CN", { timeZone: T.config.timezone, hourCycle: "h23" }));
      cell(tr, a.actor);
      cell(tr, a.role);
      cell(tr, ACTIONS.both(a.action, {}, " "), a.action.indexOf("refused") >= 0 ? "worse" : "");
      cell(tr, a.target || "");
      cell(tr, a.device || "");
      rows.appendChild(tr);
    });
    auditNext = result.body.next;
    $("[data-audit-more]").hidden = auditNext === null;
  }
  // ---- archives (issue 22 §2): older days of the logs, one gzip file a day ----
  async function loadArchives() {
    var result = await T.press("GET", T.api("/archives"), null, "archives");
    if (!result.ok) return;
    var list = result.body.archives, table = $("table.archives"), rows = $("#archive-rows");
    $$("#archives-live [data-live]").forEach(function (b) { b.textContent = String(result.body.liveFrom[b.getAttribute("data-live")]); });
    $("#archives-live").hidden = list.length === 0;
    $("#archives-empty").hidden = list.length > 0;
    table.hidden = list.length === 0;
    rows.innerHTML = "";
    list.forEach(function (a) {
      var tr = document.createElement("tr");
      cell(tr, table.getAttribute("data-kind-" + a.kind));
      cell(tr, a.day + (a.part > 1 ? " (" + a.part + ")" : ""), "day");
      cell(tr, a.rows.toLocaleString("zh-CN"), "num");
      cell(tr, a.bytes < 1e6 ? (a.bytes / 1e3).toFixed(1) + " KB" : (a.bytes / 1e6).toFixed(1) + " MB", "num");
      var td = document.createElement("td"), link = document.createElement("a");
      var file = a.url.slice(a.url.lastIndexOf("/") + 1);
      link.href = a.url;
      link.download = T.config.hall + "-" + a.kind + "-" + file;
      link.textContent = table.getAttribute("data-download");
      var name = document.createElement("span");
      name.className = "file";
      name.textContent = " " + file;
      link.appendChild(name);
      link.setAttribute("data-archive", a.kind + "/" + file);
      td.appendChild(link);
      tr.appendChild(td);
      rows.appendChild(tr);
    });
  }
  // A console opened with a token (not a session cookie) sends it in a header, which a plain
  // link cannot: fetch the file with it and save what came, byte for byte.
  document.addEventListener("click", async function (e) {
    var link = e.target.closest && e.target.closest("a[data-archive]");
    if (!link || !T.config.token) return;
    e.preventDefault();
    var res = await fetch(link.href, { headers: { Authorization: "Bearer " + T.config.token } });
    if (!res.ok) return T.say(res.status + " " + link.getAttribute("data-archive"), "error");
    var url = URL.createObjectURL(await res.blob());
    var save = document.createElement("a");
    save.href = url;
    save.download = link.download;
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });
  document.addEventListener("tongban:update", function () {
    if (!$('[data-tab-panel="audit"]').hidden) loadAudit(true);
  });
})();
