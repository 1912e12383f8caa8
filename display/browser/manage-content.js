// The manager console's 内容 tab (worker/signage/panel.tsx): the form adds or changes an
// item (an image goes up as multipart/form-data, retried with the same commandId), the rows
// preview, reorder, hide and delete. The list itself is a live region: the hall's update after
// each change redraws it, so the page never guesses.
(function () {
  "use strict";
  var T = window.Tongban;
  var form = document.getElementById("content-form");
  if (!form) return;
  var editing = null;
  function $(s, root) { return (root || document).querySelector(s); }
  function $$(s, root) { return Array.prototype.slice.call((root || document).querySelectorAll(s)); }
  function value(name) { var el = form.elements[name]; return el ? String(el.value || "").trim() : ""; }
  function kind() { return ($('input[name="kind"]:checked', form) || {}).value || "notice"; }

  // "居民身份证 | Resident ID card" → { "zh-Hans": "居民身份证", en: "Resident ID card" }.
  function texts(line) {
    if (!line) return null;
    var parts = line.split("|");
    var t = { "zh-Hans": parts[0].trim() };
    if (parts[1] && parts[1].trim()) t.en = parts.slice(1).join("|").trim();
    return t;
  }
  function line(t) { return t ? t["zh-Hans"] + (t.en ? " | " + t.en : "") : ""; }

  function showKind() {
    var k = kind();
    $$(".kind-fields", form).forEach(function (f) { f.hidden = f.getAttribute("data-kind") !== k; });
  }

  function hours(text) {
    if (!text) return undefined;
    return text.split(/[,，、;；]\s*/).filter(Boolean).map(function (range) {
      var ends = range.split(/\s*[-–~至]\s*/);
      var pad = function (t) { return /^\d:\d\d$/.test(t) ? "0" + t : t; };
      return { from: pad((ends[0] || "").trim()), to: pad((ends[1] || "").trim()) };
    });
  }

  function common() {
    var schedule = {};
    if (value("from")) schedule.from = value("from");
    if (value("to")) schedule.to = value("to");
    var days = $$('input[name="weekdays"]:checked', form).map(function (i) { return Number(i.value); });
    if (days.length) schedule.weekdays = days;
    var h = hours(value("hours"));
    if (h) schedule.hours = h;
    var zones = $$('input[name="zones"]:checked', form).map(function (i) { return i.value; });
    return { seconds: Number(value("seconds")) || 10, schedule: schedule, zones: zones.length ? zones : null };
  }

  function fields(k) {
    if (k === "notice") {
      var text = texts(value("text"));
      if (text && value("textHant")) text["zh-Hant"] = value("textHant");
      return { title: texts(value("title")), text: text };
    }
    if (k === "guide") {
      return {
        category: value("category") || null,
        title: texts(value("guideTitle")),
        materials: value("materials").split(/\n+/).map(function (l) { return l.trim(); }).filter(Boolean).map(texts),
        fee: texts(value("fee")), timeLimit: texts(value("timeLimit")), where: texts(value("where")),
      };
    }
    return { caption: texts(value("caption")) };
  }

  // A new item leaves out what is empty; a change sends null to remove it.
  function withoutEmpty(o) {
    var out = {};
    Object.keys(o).forEach(function (k) { if (o[k] !== null && o[k] !== undefined) out[k] = o[k]; });
    return out;
  }

  function showErrors(result) {
    T.showErrors(form, result);
  }

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // An image upload, retried with the same commandId if the network drops it, so it lands once.
  async function upload(file, item) {
    var commandId = T.newId();
    for (var attempt = 0; attempt < 4; attempt++) {
      var body = new FormData();
      body.set("file", file);
      body.set("item", JSON.stringify(item));
      body.set("commandId", commandId);
      try {
        var res = await fetch(T.api("/content"), { method: "POST", headers: T.config.token ? { Authorization: "Bearer " + T.config.token } : {}, body: body });
        var parsed = null;
        try { parsed = await res.json(); } catch (e) { parsed = null; }
        if (res.status >= 500 && attempt < 3) throw new Error("hall answered " + res.status);
        return { ok: res.ok, status: res.status, body: parsed };
      } catch (e) {
        T.say("网络不稳，正在重试… · Network trouble, retrying…", "warn");
        await sleep(800 * (attempt + 1));
      }
    }
    return { ok: false, status: 0, body: null };
  }

  form.addEventListener("change", function (e) { if (e.target.name === "kind") showKind(); });
  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    var k = kind();
    var result;
    if (editing) {
      var change = Object.assign(common(), fields(k));
      result = await T.press("PATCH", T.api("/content/" + editing.id), change, "content-save");
    } else if (k === "image") {
      var file = form.elements.file.files[0];
      if (!file) return showErrors({ body: { error: "请选择图片 · choose an image", code: "invalid", details: { file: "required" }, fields: [{ field: "file", problem: "required" }] } });
      var c = common();
      result = await upload(file, withoutEmpty(Object.assign({ seconds: c.seconds, schedule: c.schedule, zones: c.zones }, fields(k))));
    } else {
      result = await T.press("POST", T.api("/content"), withoutEmpty(Object.assign({ kind: k }, common(), fields(k))), "content-save");
    }
    if (result.dropped) return;
    if (!result.ok) return showErrors(result);
    T.clearErrors(form);
    T.say(editing ? "已保存 · Saved" : "已添加 · Added", "ok");
    stopEditing();
    form.reset();
    showKind();
  });

  function itemOf(id) {
    var row = document.querySelector('[data-content="' + id + '"]');
    return row ? JSON.parse(row.getAttribute("data-item")) : null;
  }

  function startEditing(item) {
    editing = item;
    form.reset();
    $$('input[name="kind"]', form).forEach(function (i) { i.checked = i.value === item.kind; i.disabled = i.value !== item.kind; });
    showKind();
    var set = function (name, v) { if (form.elements[name]) form.elements[name].value = v == null ? "" : v; };
    set("seconds", item.seconds);
    set("from", item.schedule.from);
    set("to", item.schedule.to);
    set("hours", (item.schedule.hours || []).map(function (h) { return h.from + "-" + h.to; }).join(", "));
    $$('input[name="weekdays"]', form).forEach(function (i) { i.checked = (item.schedule.weekdays || []).indexOf(Number(i.value)) >= 0; });
    $$('input[name="zones"]', form).forEach(function (i) { i.checked = (item.zones || []).indexOf(i.value) >= 0; });
    if (item.kind === "notice") { set("title", line(item.title)); set("text", line(item.text)); set("textHant", item.text["zh-Hant"]); }
    if (item.kind === "guide") {
      set("category", item.category); set("guideTitle", line(item.title));
      set("materials", item.materials.map(line).join("\n"));
      set("fee", line(item.fee)); set("timeLimit", line(item.timeLimit)); set("where", line(item.where));
    }
    if (item.kind === "image") set("caption", line(item.caption));
    $("[data-cancel-edit]", form).hidden = false;
    form.scrollIntoView({ block: "nearest" });
  }

  function stopEditing() {
    editing = null;
    $$('input[name="kind"]', form).forEach(function (i) { i.disabled = false; });
    $("[data-cancel-edit]", form).hidden = true;
  }

  function preview(id) {
    var row = document.querySelector('[data-content="' + id + '"]');
    if (!row) return;
    $$("[data-preview]").forEach(function (box) {
      box.textContent = "";
      var slide = row.querySelector("template.slide-source").content.cloneNode(true);
      box.appendChild(slide);
      box.setAttribute("data-previewing", id);
    });
  }

  document.addEventListener("click", async function (e) {
    var b = e.target.closest("[data-preview-content], [data-edit-content], [data-move-content], [data-hide-content], [data-delete-content], [data-cancel-edit]");
    if (!b) return;
    if (b.hasAttribute("data-cancel-edit")) { stopEditing(); form.reset(); showKind(); return; }
    var id = b.getAttribute("data-preview-content") || b.getAttribute("data-edit-content") || b.getAttribute("data-move-content") || b.getAttribute("data-hide-content") || b.getAttribute("data-delete-content");
    var result = null;
    if (b.hasAttribute("data-preview-content")) return preview(id);
    if (b.hasAttribute("data-edit-content")) return startEditing(itemOf(id));
    if (b.hasAttribute("data-hide-content")) {
      result = await T.press("PATCH", T.api("/content/" + id), { hidden: b.getAttribute("data-hidden") !== "true" }, "content-hide-" + id);
    } else if (b.hasAttribute("data-delete-content")) {
      result = await T.press("DELETE", T.api("/content/" + id), null, "content-delete-" + id);
      if (result.ok && editing && editing.id === id) { stopEditing(); form.reset(); }
    } else {
      // Reorder among the hall's own items: swap places with the neighbour.
      var rows = $$(".content-row").map(function (r) { return JSON.parse(r.getAttribute("data-item")); }).filter(function (i) { return !i.region; });
      var at = rows.findIndex(function (i) { return i.id === id; });
      var other = rows[b.getAttribute("data-direction") === "up" ? at - 1 : at + 1];
      if (!other) return;
      var me = rows[at];
      var mine = other.order, theirs = me.order === other.order ? other.order + (b.getAttribute("data-direction") === "up" ? 1 : -1) : me.order;
      result = await T.press("PATCH", T.api("/content/" + id), { order: Math.max(0, mine) }, "content-move-" + id);
      if (result.ok) result = await T.press("PATCH", T.api("/content/" + other.id), { order: Math.max(0, theirs) }, "content-move-" + other.id);
    }
    if (result && !result.ok && result.status) T.say(T.explain(result), "error");
  });

  // The previews are never left black (issue 25 §9): they show the item chosen with 预览, else
  // the first in the list; after an update, that item's new slide (the first again once it is gone).
  function previewShown() {
    var box = $("[data-previewing]");
    var id = box && box.getAttribute("data-previewing");
    if (id && document.querySelector('[data-content="' + id + '"]')) return preview(id);
    var first = $(".content-row[data-content]");
    if (first) return preview(first.getAttribute("data-content"));
    $$("[data-preview]").forEach(function (b) { b.textContent = ""; b.removeAttribute("data-previewing"); });
  }
  document.addEventListener("tongban:update", previewShown);
  previewShown();
  var idle = document.getElementById("idle-form");
  if (idle) {
    idle.addEventListener("submit", async function (e) {
      e.preventDefault();
      var result = await T.press("PATCH", T.api(""), { idleMinutes: Number(idle.elements.idleMinutes.value) }, "idle-minutes");
      if (result.ok) { T.clearErrors(idle); T.say("已保存 · Saved", "ok"); }
      else if (result.status) T.showErrors(idle, result);
    });
  }
  showKind();
})();
