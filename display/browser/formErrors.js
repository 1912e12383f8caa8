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
    notBefore: ["不能早于 {n}。", "不能早於 {n}。", "Not before {n}."],
    notAfter: ["不能晚于 {n}。", "不能晚於 {n}。", "Not after {n}."],
    number: ["请填数字。", "請填數字。", "Enter a number."],
    whole: ["请填整数。", "請填整數。", "Enter a whole number."],
    format: ["格式不对，请检查。", "格式不對，請檢查。", "This is not in the right form; please check it."],
    url: ["请填完整的网址，如 https://…", "請填完整的網址，如 https://…", "Enter a full address, such as https://…"],
    choice: ["请从列表中选择。", "請從清單中選擇。", "Choose one of the options."],
    unknown: ["这一项不认识，请刷新页面再试。", "這一項無法辨識，請重新整理頁面再試。", "This field is not known; reload the page and try again."],
    invalid: ["这一项不对，请检查。", "這一項不對，請檢查。", "This is not right; please check it."],
    taken: ["已有人使用，请换一个。", "已有人使用，請換一個。", "This is already taken; choose another."],
    // The hall's own rules (core/rejection.ts `Rule`), named by the refusal's `rule`.
    past: ["这一天已经过去，请选今天或以后的日期。", "這一天已經過去，請選今天或以後的日期。", "That day has passed; choose today or a later day."],
    either: ["请至少填写其中一项。", "請至少填寫其中一項。", "Fill in at least one of these."],
    duplicate: ["有重复，请检查。", "有重複，請檢查。", "Something is listed twice; please check."],
    missing: ["本大厅没有这一项，请刷新页面后重选。", "本大廳沒有這一項，請重新整理頁面後重選。", "The hall has no such item; reload the page and choose again."],
    beyond: ["不能超过 {n}。", "不能超過 {n}。", "Enter {n} or less."],
    cycle: ["不能放在它自己之下。", "不能放在它自己之下。", "It cannot sit under itself."],
    date: ["没有这一天，请检查日期。", "沒有這一天，請檢查日期。", "There is no such day; please check the date."],
    order: ["结束须晚于开始。", "結束須晚於開始。", "The end must come after the start."],
    place: ["纬度须在 ±90 之内，经度须在 ±180 之内。", "緯度須在 ±90 之內，經度須在 ±180 之內。", "Latitude within ±90 and longitude within ±180."],
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
    category: { either: ["请选择转往的业务或窗口。", "請選擇轉往的業務或窗口。", "Choose a service or a window to send it to."] },
    state: { either: ["请选择窗口状态或所办业务。", "請選擇窗口狀態或所辦業務。", "Choose the window's state or its services."] },
    timezone: { missing: ["不认识这个时区，请填如 Asia/Shanghai。", "無法辨識這個時區，請填如 Asia/Shanghai。", "Unknown time zone; enter one such as Asia/Shanghai."] },
    "booking.days": { beyond: ["线上预约天数不能超过可预约天数（{n} 天）。", "線上預約天數不能超過可預約天數（{n} 天）。", "Booking days may not pass the appointment days ({n})."] },
    parent: { cycle: ["区域不能放在它自己或它的下级之下。", "區域不能放在它自己或它的下級之下。", "A region cannot sit under itself or one of its own."] },
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
        else if (p.of === "date") key = small ? "notBefore" : "notAfter";
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
      case "invalid":
        // A hall's rule the refusal names (core/rejection.ts): its own sentence.
        if (p.rule && SENTENCES[p.rule === "unknown" ? "missing" : p.rule]) {
          key = p.rule === "unknown" ? "missing" : p.rule;
          values.n = p.maximum;
          break;
        }
      // falls through
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
    if (body.code === "invalid") {
      var listed = (body.fields || []).slice();
      // A rule the hall checks after the shape (the core's own "invalid") without a named rule: the field, no bound.
      Object.keys(body.details || {}).forEach(function (k) {
        if (!listed.some(function (p) { return p.field === k; })) listed.push({ field: k, problem: "invalid", text: body.details[k] });
      });
      return listed;
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

  // The browser's own check (required, min, max, pattern, type on an input) as the same problem
  // the API would name: its sentence goes beside the field instead of the browser's bubble, which
  // speaks the box's language, not the page's.
  function problemOf(input) {
    var v = input.validity;
    var field = input.name;
    var number = input.type === "number" || input.type === "range";
    var date = /^(date|time|datetime-local|month|week)$/.test(input.type);
    if (v.valueMissing) return { field: field, problem: "required", expected: input.type === "checkbox" ? "array" : undefined };
    if (v.badInput) return { field: field, problem: "invalid_type", expected: number ? "number" : undefined };
    if (v.rangeUnderflow) return { field: field, problem: "too_small", of: date ? "date" : "number", minimum: date ? input.min : Number(input.min) };
    if (v.rangeOverflow) return { field: field, problem: "too_big", of: date ? "date" : "number", maximum: date ? input.max : Number(input.max) };
    if (v.stepMismatch) return { field: field, problem: "invalid_type", expected: "int" };
    if (v.tooShort) return { field: field, problem: "too_small", of: "string", minimum: input.minLength };
    if (v.tooLong) return { field: field, problem: "too_big", of: "string", maximum: input.maxLength };
    if (v.typeMismatch || v.patternMismatch) return { field: field, problem: "invalid_format", format: input.type === "url" ? "url" : undefined };
    return { field: field, problem: "invalid" };
  }
  function langOf(el) {
    var lang = (el.closest("[lang]") || document.documentElement).getAttribute("lang") || "";
    if (/^en/i.test(lang)) return "en";
    return /Hant|TW|HK|MO/i.test(lang) ? "zh-Hant" : "zh-Hans";
  }
  // One round of the browser's check fires `invalid` at each wrong field: the first clears the
  // form's old sentences and takes the focus the cancelled bubble would have given.
  var round = null;
  document.addEventListener(
    "invalid",
    function (e) {
      var input = e.target;
      var form = input.form;
      if (!form || !input.name) return;
      e.preventDefault();
      var first = round !== form;
      if (first) {
        clear(form);
        round = form;
        setTimeout(function () { round = null; }, 0);
      }
      var slot = slotFor(form, input.name);
      if (!slot) {
        slot = document.createElement("small");
        slot.className = "field-error";
        slot.setAttribute("data-error-for", input.name);
        var after = input.closest("label") || input;
        after.parentNode.insertBefore(slot, after.nextSibling);
      }
      if (!slot.id) slot.id = "error-" + (form.id || "form") + "-" + input.name;
      if (!slot.textContent) slot.textContent = sentence(problemOf(input), langOf(form), input);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", slot.id);
      if (first) input.focus();
    },
    true,
  );

  window.TongbanFormErrors = { sentence: sentence, problems: problems, show: show, clear: clear, summary: summary };
})();
