// The console's Devices tab: pair the device showing a code, rename or re-assign one (it
// switches page by itself), revoke one. The list is re-rendered by the hall over the socket.
(function () {
  "use strict";
  var T = window.Tongban;
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var AT_A_WINDOW = ["window-screen", "counter", "evaluator"];

  function assignment(form) {
    var f = form.elements;
    var kind = f.kind.value;
    return {
      kind: kind,
      name: f.name.value.trim(),
      zone: f.zone.value.trim() || null,
      window: AT_A_WINDOW.indexOf(kind) >= 0 ? f.window.value || null : null,
    };
  }

  function showErrors(form, result) {
    T.showErrors(form, result);
    // An unknown or expired pairing code: the hall's message says which, beside the code.
    if (result.body && result.body.code === "not_found") $('[data-error-for="code"]', form).textContent = result.body.error;
  }

  // The window only matters for kinds that stand at one.
  function followKind(form) {
    var label = form.elements.window.closest("label");
    label.hidden = AT_A_WINDOW.indexOf(form.elements.kind.value) < 0;
  }

  var pairForm = $("#pair-form");
  followKind(pairForm);
  pairForm.elements.kind.addEventListener("change", function () { followKind(pairForm); });
  pairForm.addEventListener("submit", async function (e) {
    e.preventDefault();
    var body = assignment(pairForm);
    body.code = pairForm.elements.code.value.replace(/\s+/g, "");
    var result = await T.press("POST", T.api("/devices"), body, "pair-device", true);
    if (result.ok) {
      pairForm.reset();
      followKind(pairForm);
      T.clearErrors(pairForm);
      T.say(T.t("paired", { name: result.body.device.name }) + "：" + T.t("opensItself"), "ok");
    } else if (result.status) showErrors(pairForm, result);
  });

  var dialog = $("#device-dialog");
  var dialogForm = $("form", dialog);
  var editing = null;
  dialogForm.elements.kind.addEventListener("change", function () { followKind(dialogForm); });

  document.addEventListener("click", async function (e) {
    var b = e.target.closest("button");
    if (!b || b.disabled) return;
    if (b.hasAttribute("data-edit-device")) {
      editing = b.getAttribute("data-edit-device");
      var f = dialogForm.elements;
      f.kind.value = b.getAttribute("data-kind");
      f.name.value = b.getAttribute("data-name");
      f.zone.value = b.getAttribute("data-zone");
      f.window.value = b.getAttribute("data-window");
      followKind(dialogForm);
      $('[data-slot="note"]', dialog).textContent = "";
      T.clearErrors(dialogForm);
      dialog.showModal();
      return;
    }
    if (b.hasAttribute("data-save-device")) {
      var result = await T.press("PATCH", T.api("/devices/" + encodeURIComponent(editing)), assignment(dialogForm), "device-" + editing, true);
      if (result.ok) { T.clearErrors(dialogForm); dialog.close(); T.say(T.t("deviceSaved", { name: result.body.device.name }), "ok"); }
      else if (result.status) showErrors(dialogForm, result);
      return;
    }
    if (b.hasAttribute("data-revoke-device")) {
      if (!confirm(T.t("revokeDevice", { name: b.getAttribute("data-name") }))) return;
      var id = b.getAttribute("data-revoke-device");
      var revoked = await T.press("DELETE", T.api("/devices/" + encodeURIComponent(id)), null, "device-" + id);
      if (revoked.ok) T.say(T.t("revoked", { name: revoked.body.device.name }), "ok");
      else if (revoked.status) T.say(T.explain(revoked), "error");
    }
  });
})();
