// The window terminal's queue shows the rows its panel has room for — on a 1366×768 terminal
// about nine, on a taller one more — and counts the rest in 「+N」, so no row is cut off below the
// panel's edge. Run on load, after every live update and when the window is resized.
(function () {
  "use strict";
  function fit() {
    var list = document.querySelector("#counter-queue ol[data-total]");
    if (!list) return;
    var more = document.querySelector("#counter-queue .more");
    var rows = list.querySelectorAll("li[data-number]");
    for (var i = 0; i < rows.length; i++) rows[i].hidden = false;
    var bottom = list.getBoundingClientRect().bottom;
    var shown = 0;
    for (var j = 0; j < rows.length; j++) {
      if (rows[j].getBoundingClientRect().bottom > bottom + 1) rows[j].hidden = true;
      else shown++;
    }
    var rest = Number(list.getAttribute("data-total")) - shown;
    if (more) {
      more.hidden = rest <= 0;
      more.textContent = "+" + rest;
    }
  }
  document.addEventListener("tongban:update", fit);
  window.addEventListener("resize", fit);
  fit();
})();
