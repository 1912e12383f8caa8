// The manager console's statistics tab: reads GET /stats and GET /advice (the API's own figures)
// when the tab is open, and again a moment after the hall changes while it stays open; exports
// the same selection as CSV, fetched with the console's token and saved under the server's name.
(function () {
  "use strict";
  var T = window.Tongban;
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var panel = $("#stats");
  if (!panel) return;
  var tab = panel.closest("[data-tab-panel]");
  var selection = { range: "today", by: "category", from: T.config.day, to: T.config.day };
  var GROUP_HEADS = { category: "headCategory", window: "headWindow", officer: "headOfficer", hour: "headHour" };
  var RANGE_WORDS = { today: "rangeToday", yesterday: "rangeYesterday", "this-week": "rangeThisWeek", "last-week": "rangeLastWeek", custom: "rangeCustom" };

  // ---- dates: the hall's local days as YYYY-MM-DD, counted in UTC so no zone shifts them ----
  function shift(day, days) {
    var p = day.split("-").map(Number);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2] + days)).toISOString().slice(0, 10);
  }
  function weekday(day) { // Monday 0 … Sunday 6
    var p = day.split("-").map(Number);
    return (new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay() + 6) % 7;
  }
  function rangeOf(name) {
    var today = T.config.day;
    var monday = shift(today, -weekday(today));
    if (name === "yesterday") return [shift(today, -1), shift(today, -1)];
    if (name === "this-week") return [monday, today];
    if (name === "last-week") return [shift(monday, -7), shift(monday, -1)];
    return [today, today];
  }

  function query(per) {
    return "?from=" + selection.from + "&to=" + selection.to + "&by=" + selection.by + (per === "day" ? "&per=day" : "");
  }

  // ---- figures ----
  var fmt = function (x) { return x === null || x === undefined ? "—" : String(x); };
  // Waits and service times in whole minutes, "<1" under a minute, as on every screen
  // (worker/pages/figures.ts); the API and the CSV keep two decimals.
  var mins = function (x) { return x === null || x === undefined ? "—" : x < 1 ? "<1" : String(Math.round(x)); };
  function figure(row, path) {
    if (!row) return null;
    if (path === "satisfaction") return row.satisfaction.meanScore === null ? null : row.satisfaction.meanScore + "（" + row.satisfaction.count + "）";
    return path.split(".").reduce(function (o, k) { return o === null || o === undefined ? null : o[k]; }, row);
  }
  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function showStats(body) {
    if (body.today > T.config.day) T.config.day = body.today;
    $$("[data-total]", panel).forEach(function (d) { var path = d.getAttribute("data-total"); $("dd", d).textContent = (/Minutes$/.test(path) ? mins : fmt)(figure(body.total, path)); });
    var line = (RANGE_WORDS[selection.range] ? T.t(RANGE_WORDS[selection.range], {}, " ") : "") + "：" + (body.from === body.to ? body.from : body.from + " – " + body.to);
    if (body.pendingDays.length) line += " · " + T.t("pending", { days: body.pendingDays.length });
    $('[data-slot="caption"]', panel).textContent = line;
    $('[data-slot="group-head"]', panel).textContent = T.t(GROUP_HEADS[body.by], {}, " ");
    var rows = $("#stats-rows");
    rows.innerHTML = "";
    if (body.rows.length === 0) {
      var tr = document.createElement("tr");
      tr.className = "empty";
      cell(tr, T.t("nothing")).colSpan = 13;
      rows.appendChild(tr);
    }
    body.rows.forEach(function (r) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-key", r.key);
      cell(tr, r.label, "label");
      [r.issued, r.served, r.noShows, r.transfers].forEach(function (v) { cell(tr, fmt(v), "num"); });
      [r.wait.meanMinutes, r.wait.medianMinutes, r.wait.p90Minutes, r.wait.maxMinutes,
        r.service.meanMinutes, r.service.p90Minutes].forEach(function (v) { cell(tr, mins(v), "num"); });
      cell(tr, r.satisfaction.meanScore === null ? "—" : r.satisfaction.meanScore + " (" + r.satisfaction.count + ")", "num");
      var over = r.wait.p90Minutes !== null && r.wait.p90Minutes > Number(T.config.alarmMinutes || 10);
      if (over) tr.classList.add("over");
      rows.appendChild(tr);
    });
  }

  function showAdvice(a) {
    var live = a.live;
    var now = $('[data-slot="now"]', panel);
    now.textContent = T.t("now", { open: live.open, needed: live.needed });
    now.className = live.open < live.needed ? "short" : "";
    $('[data-slot="now-basis"]', panel).textContent = T.t1("basis", { target: a.targets.targetWaitMinutes, alarm: a.targets.alarmMinutes });
    var rows = $("#advice-rows");
    rows.innerHTML = "";
    live.categories.forEach(function (c) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-category", c.category);
      cell(tr, c.name, "label");
      cell(tr, String(c.arrivalsLastHour), "num");
      cell(tr, mins(c.serviceMinutes), "num");
      cell(tr, String(c.waiting), "num");
      cell(tr, String(c.openWindows), "num");
      cell(tr, String(c.windows), "num" + (c.openWindows < c.windows ? " short" : ""));
      rows.appendChild(tr);
    });
    var d = a.daily;
    var basis = d.basis === "last_week" ? T.t1("basisLastWeek", { day: d.lastWeek.day, issued: d.lastWeek.issued }) : T.t1("basisToday", { issued: d.todayIssued });
    var peak = d.peak.hour === null ? "" : T.t1("peak", { hour: Number(d.peak.hour), arrivals: Math.round(d.peak.arrivals), windows: d.peak.windows, separate: d.peak.separateWindows });
    $('[data-slot="day"]', panel).textContent = T.t1("day", {
      volume: d.expectedVolume, basis: basis, share: Math.round(d.laibin.share * 100), windows: d.laibin.windows, inHall: d.laibin.windowsInHall, peak: peak,
    });
    // Short: how many to open; more than needed: how many could close; exactly enough: nothing.
    var action = $('[data-slot="action"]', panel);
    action.hidden = live.open === live.needed;
    action.classList.toggle("surplus", live.open > live.needed);
    $('[data-slot="action-text"]', panel).textContent = live.open < live.needed
      ? T.t("openMore", { count: live.needed - live.open })
      : T.t("couldClose", { count: live.open - live.needed });
  }

  function setCsvLinks() {
    $$("[data-csv]", panel).forEach(function (a) {
      a.href = T.api("/stats.csv" + query(a.getAttribute("data-csv")));
    });
  }

  var loading = false;
  var again = false;
  async function load() {
    if (loading) { again = true; return; }
    loading = true;
    setCsvLinks();
    try {
      var stats = await T.press("GET", T.api("/stats" + query()), null, "stats", true);
      if (stats.ok) showStats(stats.body);
      else if (stats.status) T.say(T.explain(stats), "error");
      var advice = await T.press("GET", T.api("/advice"), null, "advice", true);
      if (advice.ok) showAdvice(advice.body);
      panel.setAttribute("data-loaded", selection.by + " " + selection.from + " " + selection.to);
    } finally {
      loading = false;
      if (again) { again = false; load(); }
    }
  }

  function choose(change) {
    Object.assign(selection, change);
    $$("[data-stats-range]", panel).forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-stats-range") === selection.range ? "true" : "false"); });
    $$("[data-stats-by]", panel).forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-stats-by") === selection.by ? "true" : "false"); });
    $('input[name="from"]', panel).value = selection.from;
    $('input[name="to"]', panel).value = selection.to;
    load();
  }

  panel.addEventListener("click", async function (e) {
    var b = e.target.closest("[data-stats-range], [data-stats-by], [data-csv]");
    if (!b) return;
    if (b.hasAttribute("data-stats-range")) {
      var r = rangeOf(b.getAttribute("data-stats-range"));
      return choose({ range: b.getAttribute("data-stats-range"), from: r[0], to: r[1] });
    }
    if (b.hasAttribute("data-stats-by")) return choose({ by: b.getAttribute("data-stats-by") });
    // CSV: the API wants the token in a header, so fetch it and save it under the server's file name.
    e.preventDefault();
    var res = await fetch(b.href, { headers: T.config.token ? { Authorization: "Bearer " + T.config.token } : {} });
    if (!res.ok) {
      var problem = await res.json().catch(function () { return null; });
      return T.say((problem && problem.error) || T.t("exportFailed"), "error");
    }
    var name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") || "");
    var url = URL.createObjectURL(await res.blob());
    var save = document.createElement("a");
    save.href = url;
    save.download = name ? name[1] : "tongban-stats.csv";
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });

  panel.addEventListener("change", function (e) {
    if (e.target.name !== "from" && e.target.name !== "to") return;
    var from = $('input[name="from"]', panel).value;
    var to = $('input[name="to"]', panel).value;
    if (!from || !to) return;
    choose({ range: "custom", from: from <= to ? from : to, to: from <= to ? to : from });
  });

  var visible = function () { return !tab.hidden; };
  document.addEventListener("tongban:tab", function (e) { if (e.detail === "stats") load(); });
  // While the tab is open, today's figures follow the hall, a second after the latest change.
  var timer = null;
  document.addEventListener("tongban:update", function () {
    if (!visible() || selection.to < T.config.day) return;
    clearTimeout(timer);
    timer = setTimeout(load, 1000);
  });
  setCsvLinks();
  if (visible()) load();
})();
