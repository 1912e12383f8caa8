// The public list of halls: "nearest first" asks for the position once and reloads with
// ?near=lat,lng (the server sorts); the list refreshes itself every 30 s.
(function () {
  "use strict";
  var button = document.getElementById("nearest");
  if (button) {
    button.addEventListener("click", function () {
      if (!navigator.geolocation) return;
      navigator.geolocation.getCurrentPosition(function (p) {
        var url = new URL(location.href);
        url.searchParams.set("near", p.coords.latitude.toFixed(4) + "," + p.coords.longitude.toFixed(4));
        location.replace(url.toString());
      });
    });
  }
  setTimeout(function () {
    location.reload();
  }, 30000);
})();
