// bitimger serve --edit: sends a chosen photo to the club's photos/
// folder (plain forms do the rest). Served by the binary itself; the
// editor's pages allow no other script.
(function () {
  "use strict";
  var form = document.querySelector("form.photo");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var status = form.querySelector(".photo-status");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var url = "/__bitimger/edit/photo?club=" + encodeURIComponent(form.dataset.club) +
      "&name=" + encodeURIComponent(file.name);
    status.textContent = "…";
    fetch(url, { method: "POST", body: file, credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (text) {
          if (!r.ok) {
            throw new Error(text);
          }
          status.textContent = JSON.parse(text).path;
        });
      })
      .catch(function (err) {
        status.textContent = String(err.message || err);
      });
  });
})();
