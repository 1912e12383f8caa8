// Keeps a very busy data wall readable from the guide desk (issue 25 §8): the alerts take at
// most two lines; those that do not fit fold into 「另有 N 条告警」 — never cut, never smaller —
// the day plan's reminders first, then the latest alerts. Run on load, after every live update,
// when clock.js shows alerts as they fall due (`tongban:due`) and when the wall is resized.
(function () {
  "use strict";
  var LINES = 2;
  function linesOf(els) {
    var tops = [];
    for (var i = 0; i < els.length; i++) {
      var top = els[i].offsetTop;
      if (!tops.some(function (t) { return Math.abs(t - top) < 4; })) tops.push(top);
    }
    return tops.length;
  }
  function fit() {
    var box = document.getElementById("alerts");
    var more = box && box.querySelector("[data-alert='more']");
    if (!more) return;
    var items = [].slice.call(box.querySelectorAll(".alert:not([data-alert='more']), .reminder"));
    items.forEach(function (el) { el.classList.remove("folded"); });
    more.hidden = true;
    var shown = items.filter(function (el) { return !el.hidden; });
    if (linesOf(shown) <= LINES) return;
    more.hidden = false;
    // Fold reminders (information) before alarms, and later alerts before earlier ones.
    var order = shown.filter(function (el) { return el.classList.contains("reminder"); }).reverse()
      .concat(shown.filter(function (el) { return !el.classList.contains("reminder"); }).reverse());
    var folded = 0;
    for (var i = 0; i < order.length; i++) {
      order[i].classList.add("folded");
      folded++;
      more.querySelector("[data-count]").textContent = folded;
      more.querySelector("[data-count-en]").textContent = folded + (folded === 1 ? " more alert" : " more alerts");
      var left = shown.filter(function (el) { return !el.classList.contains("folded"); });
      if (linesOf(left.concat([more])) <= LINES) break;
    }
  }
  document.addEventListener("tongban:update", fit);
  window.addEventListener("resize", fit);
  document.addEventListener("tongban:due", fit);
  fit();
})();
