// The signed-in bar on a console: 退出登录 ends the session in the hall, then goes to the login page.
(function () {
  "use strict";
  document.addEventListener("click", async function (e) {
    var button = e.target.closest && e.target.closest("[data-sign-out]");
    if (!button) return;
    var hall = document.getElementById("signed-in").getAttribute("data-hall");
    button.disabled = true;
    try {
      var res = await fetch("/api/halls/" + encodeURIComponent(hall) + "/sessions/current", { method: "DELETE", credentials: "same-origin" });
      // 404: the sign-in had already ended; either way nobody is signed in now.
      // A language chosen with ?lang= goes along to the login page.
      var lang = new URL(location.href).searchParams.get("lang");
      if (res.ok || res.status === 404) return location.replace("/halls/" + hall + "/login" + (lang ? "?lang=" + encodeURIComponent(lang) : ""));
    } catch (err) {
      // falls through to the message below
    }
    button.disabled = false;
    var failed = button.getAttribute("data-failed") || "未能退出登录，请重试 · Could not sign out; try again";
    if (window.Tongban) window.Tongban.say(failed, "error");
    else alert(failed);
  });
})();
