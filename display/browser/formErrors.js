// What a refused form says, in the page's language, beside the field that is wrong. The API's
// refusal names each field and its problem (worker/edge/refusal.ts: `fields`, e.g. { field:
// "password", problem: "too_small", of: "string", minimum: 8 }); a 409 names the field whose
// value is taken in `details`. This turns them into a sentence in zh-Hans, zh-Hant or English,
// and never shows a developer's text ("invalid request body: …") to a person. Every console
// (manager, window terminal, kiosk, evaluator) reads refusals through it.
(function () {
  "use strict";
  // {n} {min} {max} are filled in; one entry per problem, then the exceptions by field.
  var SENTENCES = {
    required: ["请填写此项。", "請填寫此項。", "Please fill this in."],
    choose: ["请至少选择一项。", "請至少選擇一項。", "Please choose at least one."],
    chooseAtLeast: ["请至少选择 {n} 项。", "請至少選擇 {n} 項。", "Please choose at least {n}."],
    chooseAtMost: ["最多选择 {n} 项。", "最多選擇 {n} 項。", "Choose at most {n}."],
    shortText: ["至少 {n} 个字符。", "至少 {n} 個字元。", "At least {n} characters."],
    longText: ["最多 {n} 个字符。", "最多 {n} 個字元。", "At most {n} characters."],
    range: ["请填 {min} 到 {max} 之间的数。", "請填 {min} 到 {max} 之間的數。", "Enter a number from {min} to {max}."],
    atLeast: ["不能小于 {n}。", "不能小於 {n}。", "Enter {n} or more."],
    atMost: ["不能大于 {n}。", "不能大於 {n}。", "Enter {n} or less."],
    number: ["请填数字。", "請填數字。", "Enter a number."],
    whole: ["请填整数。", "請填整數。", "Enter a whole number."],
    format: ["格式不对，请检查。", "格式不對，請檢查。", "This is not in the right form; please check it."],
    url: ["请填完整的网址，如 https://…", "請填完整的網址，如 https://…", "Enter a full address, such as https://…"],
    choice: ["请从列表中选择。", "請從清單中選擇。", "Choose one of the options."],
    unknown: ["这一项不认识，请刷新页面再试。", "這一項無法辨識，請重新整理頁面再試。", "This field is not known; reload the page and try again."],
    invalid: ["这一项不对，请检查。", "這一項不對，請檢查。", "This is not right; please check it."],
    taken: ["已有人使用，请换一个。", "已有人使用，請換一個。", "This is already taken; choose another."],
    fix: ["请修改标红的项后再保存。", "請修改標紅的項目後再儲存。", "Please correct the fields marked in red, then save again."],
    fixOne: ["{label}：{sentence}", "{label}：{sentence}", "{label}: {sentence}"],
  };
  // Fields whose rule a general sentence would say badly.
  var BY_FIELD = {
    pin: { invalid_format: ["PIN 为 4 到 8 位数字。", "PIN 為 4 到 8 位數字。", "A PIN is 4 to 8 digits."] },
    badge: {
      invalid_format: ["工号为字母、数字或短横线。", "工號為字母、數字或短橫線。", "A badge is letters, digits or dashes."],
      taken: ["这个工号已有人使用。", "這個工號已有人使用。", "This badge number is already someone's."],
    },
    mobile: { invalid_format: ["请填 11 位手机号，以 1 开头。", "請填 11 位手機號碼，以 1 開頭。", "Enter an 11-digit mobile number starting with 1."] },
    code: {
      taken: ["这个预约码已被使用。", "這個預約碼已被使用。", "This code is already in use."],
      invalid_format: ["签到码为 6 位数字。", "簽到碼為 6 位數字。", "A check-in code is six digits."],
    },
    "schedule.to": { invalid: ["结束日期不能早于开始日期，也不能已过。", "結束日期不能早於開始日期，也不能已過。", "The last day must not be before the first day, nor past."] },
    "schedule.weekdays": { invalid: ["这样永远不会播放：请检查星期和日期。", "這樣永遠不會播放：請檢查星期和日期。", "It would never show: check the weekdays and dates."] },
    "schedule.hours": { invalid: ["时段的结束须晚于开始（午夜写 24:00）。", "時段的結束須晚於開始（午夜寫 24:00）。", "A time's end must come after its start (24:00 for midnight)."] },
  };
  var CJK = /[\u3400-\u9fff]/;
  var LANGS = ["zh-Hans", "zh-Hant", "en"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? String(values[k]) : ""; });
  }
  function pick(entry, lang) {
    var i = LANGS.indexOf(lang);
    return entry[i < 0 ? 0 : i];
  }

  // The sentence for one problem. `input` (optional) is the field's element: its min and max
  // make "from 1 to 120" out of a refusal that names only the bound it broke.
  function sentence(p, lang, input) {
    var path = String(p.field || "");
    var last = path.split(".");
    var own = BY_FIELD[path] || BY_FIELD[last.slice(0, 2).join(".")] || BY_FIELD[last[last.length - 1]] || BY_FIELD[last[0]] || {};
    var key;
    var values = {};
    var min = input && input.getAttribute && input.getAttribute("min");
    var max = input && input.getAttribute && input.getAttribute("max");
    switch (p.problem) {
      case "required":
        key = p.expected === "array" ? "choose" : "required";
        break;
      case "too_small":
      case "too_big":
        var small = p.problem === "too_small";
        var n = small ? p.minimum : p.maximum;
        values.n = n;
        if (p.of === "string") key = small ? (n <= 1 ? "required" : "shortText") : "longText";
        else if (p.of === "array" || p.of === "set") key = small ? (n <= 1 ? "choose" : "chooseAtLeast") : "chooseAtMost";
        else if (min !== null && min !== undefined && max !== null && max !== undefined && min !== "" && max !== "") { key = "range"; values.min = min; values.max = max; }
        else key = small ? "atLeast" : "atMost";
        break;
      case "invalid_type":
        key = p.expected === "number" ? "number" : p.expected === "int" ? "whole" : "invalid";
        break;
      case "invalid_format":
        key = own.invalid_format ? "invalid_format" : p.format === "url" ? "url" : "format";
        break;
      case "invalid_value":
        key = "choice";
        break;
      case "unknown_field":
        key = "unknown";
        break;
      case "taken":
        key = "taken";
        break;
      default:
        key = "invalid";
        // A hall rule's own words ("需要指定窗口 · needs a window"): its line in the page's
        // language when it has one; English alone only on an English page.
        if (!own.invalid && typeof p.text === "string") {
          var lines = p.text.split(" · ");
          if (CJK.test(lines[0])) return lang === "en" ? lines[1] || lines[0] : lines[0];
          if (lang === "en") return p.text;
        }
    }
    return fill(pick(own[key] || SENTENCES[key], lang), values);
  }

  // The refusal's problems: `fields` of a refused validation; a 409's fields as "taken".
  function problems(body) {
    if (!body) return [];
    if (body.code === "invalid" && body.fields && body.fields.length) return body.fields;
    if (body.code === "invalid" && body.details) {
      // A rule the hall checks after the shape (the core's own "invalid"): the field, no bound.
      return Object.keys(body.details).map(function (k) { return { field: k, problem: "invalid", text: body.details[k] }; });
    }
    if (body.code === "conflict" && body.details) {
      return Object.keys(body.details).filter(function (k) { return BY_FIELD[k] && BY_FIELD[k].taken; })
        .map(function (k) { return { field: k, problem: "taken" }; });
    }
    return [];
  }

  function slotFor(form, field) {
    var parts = String(field).split(".");
    for (var n = parts.length; n > 0; n--) {
      var slot = form.querySelector('[data-error-for="' + parts.slice(0, n).join(".") + '"]');
      if (slot) return slot;
    }
    return null;
  }

  function inputFor(form, field) {
    var name = String(field).split(".")[0];
    var el = form.elements && form.elements[name];
    return el && el.getAttribute ? el : null;
  }

  // Clears every field's sentence and mark: on a later success, or before showing new ones.
  function clear(form) {
    if (!form) return;
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (e) { e.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (e) { e.removeAttribute("aria-invalid"); });
  }

  // Shows each problem beside its field; returns how many found a place in the form.
  function show(form, body, lang) {
    clear(form);
    var placed = 0;
    problems(body).forEach(function (p) {
      var slot = slotFor(form, p.field);
      if (!slot || slot.textContent) return;
      var input = inputFor(form, p.field);
      slot.textContent = sentence(p, lang, input);
      if (input) {
        input.setAttribute("aria-invalid", "true");
        if (slot.id) input.setAttribute("aria-describedby", slot.id);
      }
      placed++;
    });
    return placed;
  }

  // One line for the page's message area: "fix the marked fields" when they are marked, else the
  // first problem as a sentence (with the field's label when the page gives one), else null
  // (the caller says the hall's own message).
  function summary(body, lang, placed, label) {
    var list = problems(body);
    if (!list.length) return null;
    if (placed) return pick(SENTENCES.fix, lang);
    var first = list[0];
    var text = sentence(first, lang, null);
    var name = label ? label(first.field) : "";
    return name ? fill(pick(SENTENCES.fixOne, lang), { label: name, sentence: text }) : text;
  }

  window.TongbanFormErrors = { sentence: sentence, problems: problems, show: show, clear: clear, summary: summary };
})();
