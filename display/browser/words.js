// A page's words in its language, sent by the server with the page (each message as its two
// lines' templates, the page's language first): `both` says "first · second", `first` the first
// line alone; `{name}` in a template takes values[name].
(function () {
  "use strict";
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values && values[k] !== undefined ? String(values[k]) : "{" + k + "}"; });
  }
  window.TongbanWords = function (words) {
    words = words || {};
    return {
      both: function (key, values, sep) {
        var w = words[key];
        return w ? fill(w[0], values) + (sep === undefined ? " · " : sep) + fill(w[1], values) : key;
      },
      first: function (key, values) {
        var w = words[key];
        return w ? fill(w[0], values) : key;
      },
    };
  };
})();
