// /pair: asks for a code, shows it large, counts down with the page's own monotonic clock (a TV
// box's wall clock is often wrong), and asks about once a second whether a manager typed it.
// Paired, the answer has set the device's cookie: the page opens the device's page. An expired
// code is replaced by a new one. A network drop only delays; the page never gives up.
(function () {
  "use strict";
  var POLL_MS = 1000;
  var codeEl = document.getElementById("pair-code");
  var countdown = document.getElementById("pair-countdown");
  var stateEl = document.getElementById("pair-state");
  var code = null;
  var deadline = 0;

  function say(zh, en) {
    stateEl.textContent = zh + " ";
    var span = document.createElement("span");
    span.lang = "en";
    span.textContent = en;
    stateEl.appendChild(span);
  }

  function show(next, seconds) {
    if (next !== code) {
      code = next;
      codeEl.setAttribute("data-pairing-code", code);
      codeEl.textContent = code.slice(0, 3) + " " + code.slice(3);
    }
    deadline = performance.now() + seconds * 1000;
    tick();
  }

  function tick() {
    if (!code) return;
    var left = Math.max(0, Math.round((deadline - performance.now()) / 1000));
    countdown.textContent = "剩余 " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  }

  async function ask(method, path) {
    var res = await fetch(path, { method: method, cache: "no-store", credentials: "same-origin" });
    return { status: res.status, body: await res.json() };
  }

  async function fresh() {
    var r = await ask("POST", "/api/pairing");
    if (r.status !== 201) throw new Error(r.body.error || "no code");
    show(r.body.code, r.body.expiresInSeconds);
    say("等待管理员输入配对码", "Waiting for a manager to type the code");
  }

  async function poll() {
    try {
      if (!code) await fresh();
      var r = await ask("GET", "/api/pairing/status");
      if (r.body.state === "paired") {
        say("配对成功，正在打开…", "Paired: opening this device's page");
        location.replace(r.body.location);
        return;
      }
      // 401: this browser's pairing cookie is spoilt; a fresh code replaces it.
      if (r.status === 401 || r.body.state === "expired") await fresh();
      else show(r.body.code, r.body.expiresInSeconds);
    } catch (e) {
      say("连接中断，正在重试…", "Cannot reach the server; retrying");
    }
    setTimeout(poll, POLL_MS);
  }

  setInterval(tick, 1000);
  poll();
})();
