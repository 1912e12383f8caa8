// The manager console's 排班 tab: asks GET /plan?date= for the day's plan (tomorrow on the hall's
// clock unless another day is picked), draws it as a timeline of windows by hour, with its waits,
// officer-hours beside Laibin's rule, a verdict in plain words, why each window is closed when it
// is, the hall's plan rules, and the citizens per half hour forecast beside those booked; it applies it as the hall's
// plan for that day with PUT /plan/{date} (「采用此方案」); DELETE stops following it.
(function () {
  "use strict";
  var T = window.Tongban;
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var panel = $("#plan");
  if (!panel) return;
  var tab = panel.closest("[data-tab-panel]");
  var hall = JSON.parse($("#plan-hall").textContent);
  var input = $('input[name="plan-date"]', panel);
  var proposal = null; // GET /plan's answer for input.value
  var applied = null; // the plan applied for input.value
  var asked = 0;

  // ---- the hall's clock (the page's #clock, from the server), never the browser's ----
  var clock = document.getElementById("clock");
  var skew = clock ? Number(clock.getAttribute("data-now")) - Date.now() : 0;
  var offset = clock ? Number(clock.getAttribute("data-offset")) : 480;
  function shift(day, days) {
    var p = day.split("-").map(Number);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2] + days)).toISOString().slice(0, 10);
  }
  function hallToday() { return new Date(Date.now() + skew + offset * 60000).toISOString().slice(0, 10); }
  function hallTime(iso) {
    var d = new Date(Date.parse(iso) + offset * 60000);
    return d.toISOString().slice(0, 10) + " " + d.toISOString().slice(11, 16);
  }

  // ---- words ----
  var minutesOf = function (t) { return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)); };
  var one = function (x) { return String(Math.round(x * 10) / 10); };
  var fmt = function (x) { return x === null || x === undefined ? "—" : one(x); };
  function find(list, id) { return list.filter(function (x) { return x.id === id; })[0]; }
  function categoryZh(id) { var c = find(hall.categories, id); return c ? c.zh : id; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function bi(target, zh, en) {
    target.textContent = "";
    target.appendChild(el("span", "zh", zh));
    var e = el("span", "en", en);
    e.lang = "en";
    target.appendChild(e);
  }
  function status(zh, en) { bi($('[data-slot="status"]', panel), zh, en); }

  // ---- what the plan says ----
  function showVerdict(plan) {
    var p = $('[data-slot="verdict"]', panel);
    p.hidden = false;
    p.className = "plan-verdict " + (plan.feasible ? "ok" : "short");
    var mean = plan.simulated.overall.meanWaitMinutes;
    if (plan.feasible) {
      return bi(p, "✓ 此方案达标：预计平均等候 " + fmt(mean) + " 分钟（目标 " + hall.targetWaitMinutes + " 分钟），各业务 90% 的群众在 " +
        hall.alarmMinutes + " 分钟警戒线内叫号。",
        "Meets the targets: mean wait " + fmt(mean) + " min (target " + hall.targetWaitMinutes + "); every category's 90th percentile within the " +
        hall.alarmMinutes + " min line.");
    }
    var gaps = plan.shortfall.map(function (s) { return s.from + "–" + s.to + " 还差 " + s.extraWindows + " 个窗口"; });
    var gapsEn = plan.shortfall.map(function (s) { return s.from + "–" + s.to + " short " + s.extraWindows; });
    var over = Object.keys(plan.simulated.categories).filter(function (id) {
      var c = plan.simulated.categories[id];
      return c.p90WaitMinutes !== null && c.p90WaitMinutes > hall.alarmMinutes;
    }).map(function (id) { return categoryZh(id) + " 90% 等候约 " + fmt(plan.simulated.categories[id].p90WaitMinutes) + " 分钟"; });
    bi(p, "✗ 现有 " + hall.windows.length + " 个窗口全部开放也无法全部达标" + (gaps.length ? "：" + gaps.join("；") : "") + "。" +
      (over.length ? over.join("，") + "，超过 " + hall.alarmMinutes + " 分钟警戒线。" : "") + "请在这些时段借调人员或增开窗口；下面是现有窗口能做到的最好方案。",
      "The hall's windows cannot meet every target even all open" + (gapsEn.length ? " (" + gapsEn.join("; ") + ")" : "") +
      ": borrow officers for those hours. Below is the best the hall's own windows can do.");
  }

  function showFigures(plan) {
    var box = $('[data-slot="figures"]', panel);
    box.hidden = false;
    var put = function (name, text) { $('[data-figure="' + name + '"] dd', box).textContent = text; };
    put("hours", one(plan.windowHours) + " 小时");
    if (!plan.laibin) {
      put("laibin", "—");
      put("saving", "—");
      put("mean", "—");
      return;
    }
    var saved = plan.laibin.windowHours - plan.windowHours;
    put("laibin", one(plan.laibin.windowHours) + " 小时（" + plan.laibin.windows + " 个窗口全天）");
    put("saving", saved > 0 ? one(saved) + " 小时（" + Math.round((saved / plan.laibin.windowHours) * 100) + "%）" : "多 " + one(-saved) + " 小时");
    put("mean", fmt(plan.simulated.overall.meanWaitMinutes) + " 分钟");
  }

  function showWaits(plan) {
    var table = $('[data-slot="waits"]', panel);
    var rows = $("#plan-wait-rows");
    rows.textContent = "";
    table.hidden = !plan.simulated;
    if (!plan.simulated) return;
    hall.categories.forEach(function (c) {
      var s = plan.simulated.categories[c.id];
      if (!s) return;
      var tr = el("tr");
      tr.setAttribute("data-category", c.id);
      tr.appendChild(el("th", "label", c.zh)).scope = "row";
      tr.appendChild(el("td", "num", fmt(s.meanWaitMinutes)));
      tr.appendChild(el("td", "num", fmt(s.p90WaitMinutes)));
      var within = s.p90WaitMinutes === null || s.p90WaitMinutes <= hall.alarmMinutes;
      tr.appendChild(el("td", within ? "better" : "worse", within ? "✓ 线内 within" : "✗ 超线 over"));
      rows.appendChild(tr);
    });
  }

  /** Why a window is closed for a spell (issue 25): the plan's reason in plain words. */
  function closedText(c, wholeDay) {
    var span = wholeDay ? "全天不开" : c.from + "–" + c.to + " 不开";
    var spanEn = wholeDay ? "Closed all day" : "Closed " + c.from + "–" + c.to;
    if (c.reason === "no-demand") return { zh: span + "：本窗口业务无人取号", en: spanEn + ": no citizen for its services" };
    if (c.reason === "beyond-limit") return { zh: span + "：超出可开窗口数", en: spanEn + ": beyond the windows allowed" };
    if (c.reason === "not-needed") return { zh: span + "：其余窗口已能达标（本窗口业务预计 " + c.citizens + " 人）", en: spanEn + ": the other windows meet the targets (" + c.citizens + " expected for its services)" };
    return { zh: span + "：其余窗口即可应对（本窗口业务预计 " + c.citizens + " 人）", en: spanEn + ": the other windows suffice (" + c.citizens + " expected for its services)" };
  }

  /** One row per window: its shifts as bars across the day's hours, the categories it serves in order, and why it is closed when it is. */
  function showTimeline(windows, closed) {
    closed = closed || [];
    var box = $("#plan-timeline");
    box.textContent = "";
    var shifts = [].concat.apply([], windows.map(function (w) { return w.shifts; }));
    if (!shifts.length) return;
    var start = Math.floor(Math.min.apply(null, shifts.map(function (s) { return minutesOf(s.opens); })) / 60) * 60;
    var end = Math.ceil(Math.max.apply(null, shifts.map(function (s) { return minutesOf(s.closes); })) / 60) * 60;
    var at = function (m) { return ((m - start) / (end - start)) * 100 + "%"; };
    var scale = el("div", "plan-row plan-scale");
    scale.setAttribute("aria-hidden", "true");
    scale.appendChild(el("span", "plan-label"));
    var ticks = el("span", "plan-track");
    for (var m = start; m <= end; m += 60) {
      var tick = el("span", "tick" + ((m / 60) % 2 ? " odd" : ""), String(m / 60));
      tick.style.left = at(m);
      ticks.appendChild(tick);
    }
    scale.appendChild(ticks);
    box.appendChild(scale);
    hall.windows.forEach(function (hw) {
      var w = find(windows, hw.id);
      var row = el("div", "plan-row" + (w ? "" : " off"));
      row.setAttribute("role", "listitem");
      row.setAttribute("data-window", hw.id);
      var label = el("span", "plan-label");
      label.appendChild(el("b", "", hw.number + " 号"));
      label.appendChild(el("span", "plan-window-name", hw.label));
      label.appendChild(el("small", "plan-shift-text", w ? w.shifts.map(function (s) { return s.opens + "–" + s.closes; }).join("、") : "方案未用 · not in the plan"));
      row.appendChild(label);
      var spells = closed.filter(function (c) { return c.window === hw.id; });
      var why = null;
      if (spells.length) {
        why = el("small", "plan-closed");
        why.setAttribute("data-closed", spells.map(function (c) { return c.reason; }).join(" "));
        spells.forEach(function (c) {
          var t = closedText(c, !w);
          var part = el("span", "", t.zh);
          part.title = t.en;
          why.appendChild(part);
        });
      }
      var track = el("span", "plan-track");
      track.setAttribute("aria-hidden", "true");
      (w ? w.shifts : []).forEach(function (s) {
        var bar = el("span", "plan-shift", s.opens + "–" + s.closes);
        bar.style.left = at(minutesOf(s.opens));
        bar.style.width = ((minutesOf(s.closes) - minutesOf(s.opens)) / (end - start)) * 100 + "%";
        track.appendChild(bar);
      });
      row.appendChild(track);
      row.appendChild(el("small", "plan-cats", w ? "办理 " + w.categories.map(categoryZh).join(" › ") : ""));
      if (why) row.appendChild(why);
      box.appendChild(row);
    });
  }

  /** Citizens per half hour: the history's forecast beside the day's bookings (issue 26), both planned for. */
  function showLoad(plan) {
    var table = $('[data-slot="load"]', panel);
    var rows = $("#plan-load-rows");
    rows.textContent = "";
    var load = (plan.load || []).filter(function (l) { return l.forecast > 0 || l.booked > 0; });
    table.hidden = load.length === 0;
    load.forEach(function (l) {
      var tr = el("tr", l.booked > 0 ? "booked" : "");
      tr.setAttribute("data-slot-from", l.from);
      tr.appendChild(el("th", "label", l.from + "–" + l.to)).scope = "row";
      tr.appendChild(el("td", "num forecast", String(l.forecast)));
      tr.appendChild(el("td", "num booked", String(l.booked)));
      rows.appendChild(tr);
    });
  }

  function showRules(rules) {
    var hours = one(rules.minShiftMinutes / 60);
    bi($('[data-slot="rules"]', panel), "排班规则：每班至少 " + hours + " 小时，每个窗口每天至多 " + rules.maxShifts + " 班" +
      (rules.keepCategories ? "，各窗口只办理其设定的业务（专窗仍为专窗）" : "，各窗口可办理全部业务") + "（可在“设置”中修改）。",
      "Rules: shifts of at least " + hours + " h, at most " + rules.maxShifts + " per window a day" +
      (rules.keepCategories ? ", each window only its own services" : ", any window any service") + " (change them in Settings).");
  }

  function showApplied() {
    var line = $('[data-slot="applied"]', panel);
    $("[data-plan-remove]", panel).hidden = !applied;
    $("[data-plan-apply]", panel).disabled = !proposal;
    if (!applied) return bi(line, input.value + " 尚未采用排班方案", "No plan applied for " + input.value + " yet");
    bi(line, "✓ 已采用：" + applied.date + " 的方案（" + one(applied.windowHours) + " 窗口·小时），" + hallTime(applied.savedAt) + " 由 " + applied.savedBy + " 采用",
      "Applied for " + applied.date + " (" + one(applied.windowHours) + " officer-hours) at " + hallTime(applied.savedAt) + " by " + applied.savedBy);
  }

  function showPlan(plan) {
    showVerdict(plan);
    showFigures(plan);
    showWaits(plan);
    showTimeline(plan.windows, plan.closed);
    showLoad(plan);
    if (plan.rules) showRules(plan.rules);
    var days = plan.basedOn.days;
    var booked = (plan.load || []).reduce(function (n, l) { return n + l.booked; }, 0);
    bi($('[data-slot="basis"]', panel), "依据 " + days.join("、") + "（同为星期" + "日一二三四五六".charAt(new Date(input.value + "T00:00:00Z").getUTCDay()) + "）的取号记录重建的一天，约 " +
      plan.simulated.overall.issued + " 人" + (booked ? "（含已预约 " + booked + " 人）" : "") + "，以与现场相同的叫号规则逐人模拟。",
      "A day rebuilt from " + days.join(", ") + " (the same weekday), about " + plan.simulated.overall.issued + " citizens" + (booked ? " (" + booked + " booked)" : "") + ", played through the hall's own call policy.");
  }

  function clear() {
    ["verdict", "figures", "waits", "load"].forEach(function (s) { $('[data-slot="' + s + '"]', panel).hidden = true; });
    $("#plan-timeline").textContent = "";
    $('[data-slot="basis"]', panel).textContent = "";
    $('[data-slot="rules"]', panel).textContent = "";
  }

  async function load() {
    var date = input.value;
    if (!date) return;
    var mine = ++asked;
    proposal = null;
    applied = null;
    clear();
    showApplied();
    panel.removeAttribute("data-loaded");
    status("正在按历史计算 " + date + " 的方案…", "Planning " + date + " from the hall's history…");
    var got = await Promise.all([
      // Keys of their own: a second load while the first is on its way must not be dropped as a double press.
      T.press("GET", T.api("/plan?date=" + date), null, "plan-" + mine, true),
      T.press("GET", T.api("/plan/" + date), null, "applied-" + mine, true),
    ]);
    if (mine !== asked) return;
    var planned = got[0];
    applied = got[1].ok ? got[1].body.plan : null;
    if (planned.ok) {
      proposal = planned.body;
      showPlan(proposal);
      status("", "");
    } else if (planned.status === 404 && planned.body && planned.body.details && planned.body.details.days) {
      var days = planned.body.details.days;
      status("无法计算：" + days.join("、") + " 没有足够的取号记录来为 " + date + " 排班", "No plan: too little history on " + days.join(", "));
      if (applied) {
        showTimeline(applied.windows);
        showFigures({ windowHours: applied.windowHours });
      }
    } else if (planned.status) {
      status("无法计算 · Could not plan", T.explain(planned));
    }
    showApplied();
    panel.setAttribute("data-loaded", date);
  }

  input.addEventListener("change", function () { if (input.value) load(); });
  panel.addEventListener("click", async function (e) {
    var b = e.target.closest("button");
    if (!b || b.disabled) return;
    if (b.hasAttribute("data-plan-load")) return load();
    if (b.hasAttribute("data-plan-apply") && proposal) {
      var body = { windows: proposal.windows, basedOn: proposal.basedOn.days };
      var put = await T.press("PUT", T.api("/plan/" + input.value), body, "apply-plan");
      if (!put.ok) return put.status && T.say(T.explain(put), "error");
      applied = put.body.plan;
      showApplied();
      T.say("已采用 " + applied.date + " 的排班方案 · Plan applied for " + applied.date, "ok");
      return;
    }
    if (b.hasAttribute("data-plan-remove") && applied) {
      if (!window.confirm("撤销 " + applied.date + " 的排班方案？窗口保持现状。 · Stop following this plan? Windows stay as they are.")) return;
      var gone = await T.press("DELETE", T.api("/plan/" + applied.date), null, "remove-plan");
      if (!gone.ok) return gone.status && T.say(T.explain(gone), "error");
      applied = null;
      showApplied();
      T.say("已撤销排班方案 · Plan removed", "ok");
    }
  });

  function opened() {
    if (!input.value) input.value = shift(hallToday(), 1);
    if (panel.getAttribute("data-loaded") !== input.value) load();
  }
  document.addEventListener("tongban:tab", function (e) { if (e.detail === "plan") opened(); });
  if (!tab.hidden) opened();
})();
