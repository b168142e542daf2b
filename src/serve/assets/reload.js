// bitimger serve: reloads this tab when the site is rebuilt, and hides the
// problems panel on request. Added by `bitimger serve` only, never by build.
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname).replace(/^\/+/, "");
  if (here === "" || here.charAt(here.length - 1) === "/") {
    here += "index.html";
  }
  var close = document.getElementById("bitimger-close");
  if (close) {
    close.addEventListener("click", function () {
      document.getElementById("bitimger-overlay").hidden = true;
    });
  }
  var lost = false;
  var source = new EventSource("/__bitimger/events");
  source.addEventListener("reload", function (e) {
    var message = JSON.parse(e.data);
    if (message.all || message.paths.indexOf(here) >= 0) {
      location.reload();
    }
  });
  // After serve was restarted, the site may have changed: reload once.
  source.addEventListener("error", function () {
    lost = true;
  });
  source.addEventListener("open", function () {
    if (lost) {
      location.reload();
    }
  });
})();
