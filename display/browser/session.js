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
      if (res.ok || res.status === 404) return location.replace("/halls/" + hall + "/login");
    } catch (err) {
      // falls through to the message below
    }
    button.disabled = false;
    if (window.Tongban) window.Tongban.say("未能退出登录，请重试 · Could not sign out; try again", "error");
    else alert("未能退出登录，请重试 · Could not sign out; try again");
  });
})();
