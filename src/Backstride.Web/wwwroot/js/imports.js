// Import progress: asks the API every second how far the import is and moves the bar; as files finish, the
// heading, status and file list are re-read from this page (so they are rendered in one place, on the server).
// Without this script the page refreshes itself (see the <noscript> in its head).
(function () {
  "use strict";
  var root = document.querySelector("[data-import-progress]");
  if (!root) { return; }
  var id = root.getAttribute("data-batch-id");
  var bar = root.querySelector("progress");
  var done = root.querySelector("[data-import-done]");
  var total = root.querySelector("[data-import-total]");
  var status = root.getAttribute("data-status");
  var shownDone = parseInt(done.textContent, 10);
  var listedAt = 0;
  // A big export finishes many files a second; the list is re-read at most this often while it runs.
  var listEvery = 3000;

  var finished = function (s) { return s === "completed" || s === "failed"; };

  var refreshParts = function () {
    return fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-import-swap]").forEach(function (part) {
          var fresh = page.querySelector("[data-import-swap='" + part.getAttribute("data-import-swap") + "']");
          // Contents only: the live region around the status stays the same element, so its change is announced.
          if (fresh) { part.innerHTML = fresh.innerHTML; }
        });
      });
  };

  var poll = function () {
    fetch("/api/v1/imports/" + encodeURIComponent(id) + "?files=false", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (batch) {
        bar.max = Math.max(1, batch.totalFiles);
        bar.value = batch.totalFiles === 0 ? 1 : batch.doneFiles;
        done.textContent = batch.doneFiles;
        total.textContent = batch.totalFiles;
        if (finished(batch.status)) {
          root.setAttribute("data-status", batch.status);
          refreshParts();
          return;
        }
        var now = Date.now();
        if ((batch.doneFiles !== shownDone || batch.status !== status) && now - listedAt >= listEvery) {
          listedAt = now;
          shownDone = batch.doneFiles;
          status = batch.status;
          refreshParts().catch(function () { /* The next change tries again. */ });
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  };

  if (!finished(status)) { setTimeout(poll, 1000); }
})();
