// bitimger serve --edit: sends a chosen photo to the club's photos/
// folder, and for a photo field (a leader's `photo`) writes the saved
// photo's path into the field (plain forms do the rest; without this
// script the path is typed). Served by the binary itself; the editor's
// pages allow no other script.
(function () {
  "use strict";

  // Sends `file` to the club's photos/; `done(saved)` (`saved.path` for a
  // photo field, `saved.text` for a Markdown text) or `fail(message)`.
  function upload(club, file, done, fail) {
    var url = "/__bitimger/edit/photo?club=" + encodeURIComponent(club) +
      "&name=" + encodeURIComponent(file.name);
    fetch(url, { method: "POST", body: file, credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (text) {
          if (!r.ok) {
            throw new Error(text);
          }
          done(JSON.parse(text));
        });
      })
      .catch(function (err) {
        fail(String(err.message || err));
      });
  }

  // Calls `each(input, status)` when a file is chosen in `input`.
  function onChoose(input, status, each) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) {
        return;
      }
      status.textContent = "…";
      each(file);
    });
  }

  var form = document.querySelector("form.photo");
  if (form) {
    var status = form.querySelector(".photo-status");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
    onChoose(form.querySelector("input[type=file]"), status, function (file) {
      upload(form.dataset.club, file, function (saved) {
        status.textContent = saved.text;
      }, function (message) {
        status.textContent = message;
      });
    });
  }

  document.querySelectorAll("input.photo-pick").forEach(function (pick) {
    var field = pick.closest(".field");
    var status = field.querySelector(".photo-status");
    var target = document.getElementById(pick.dataset.target);
    onChoose(pick, status, function (file) {
      upload(pick.dataset.club, file, function (saved) {
        target.value = saved.path;
        status.textContent = saved.path;
      }, function (message) {
        status.textContent = message;
      });
    });
  });
})();
