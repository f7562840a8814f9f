// Import progress: asks the API every second how far the import is (counts only, a few bytes) and moves the bar. The
// heading, status and file list are rendered in one place, on the server, and re-read from this page only when files
// have finished, at most every 5 s, and once more at the end. Without this script the page refreshes itself (see the
// <noscript> in its head) and offers a Refresh link.
(function () {
  "use strict";
  var root = document.querySelector("[data-import-progress]");
  if (!root) { return; }
  var id = root.getAttribute("data-batch-id");
  var bar = root.querySelector("progress");
  var done = root.querySelector("[data-import-done]");
  var total = root.querySelector("[data-import-total]");
  var live = root.querySelector("[data-import-live]");
  var status = root.getAttribute("data-status");
  var pollEvery = 1000;
  var retryEvery = 5000;
  // Re-reading the page costs the server more than the counts, and a big export finishes many files a second.
  var listEvery = 5000;
  var listedDone = parseInt(done.textContent, 10);
  var listedStatus = status;
  var listedAt = Date.now();
  // Progress is announced in tenths: a screen reader reading out every file would drown everything else.
  var tenth = function (doneFiles, totalFiles) { return totalFiles > 0 ? Math.floor(10 * doneFiles / totalFiles) : 0; };
  var announcedTotal = parseInt(total.textContent, 10);
  var announcedTenth = tenth(listedDone, announcedTotal);
  // Fresh markup for parts that held the keyboard focus, swapped in once the focus has left them.
  var waiting = {};

  var finished = function (s) { return s === "completed" || s === "failed"; };

  var say = function (text) {
    // Setting the same words again would make some screen readers repeat them.
    if (live.textContent !== text) { live.textContent = text; }
  };

  var swap = function (part, html) {
    var name = part.getAttribute("data-import-swap");
    // Replacing the element under the keyboard focus would drop the focus to the top of the page.
    if (part.contains(document.activeElement)) {
      if (!(name in waiting)) {
        part.addEventListener("focusout", function later(event) {
          if (part.contains(event.relatedTarget)) { return; }
          part.removeEventListener("focusout", later);
          if (name in waiting) {
            part.innerHTML = waiting[name];
            delete waiting[name];
          }
        });
      }
      waiting[name] = html;
      return;
    }
    delete waiting[name];
    part.innerHTML = html;
  };

  var refreshParts = function () {
    return fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        // A redirect here is to the sign-in page, which has none of the parts.
        if (!response.ok || response.redirected) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-import-swap]").forEach(function (part) {
          var fresh = page.querySelector("[data-import-swap='" + part.getAttribute("data-import-swap") + "']");
          if (fresh) { swap(part, fresh.innerHTML); }
        });
        var freshRoot = page.querySelector("[data-import-progress]");
        var freshLive = page.querySelector("[data-import-live]");
        // The status line is the live region: it changes with the status only, so each change is announced once.
        if (freshRoot && freshLive && freshRoot.getAttribute("data-status") !== listedStatus) {
          listedStatus = freshRoot.getAttribute("data-status");
          root.setAttribute("data-status", listedStatus);
          say(freshLive.textContent);
        }
      });
  };

  var lostContact = function () {
    say("Lost contact with the import \u2014 reload the page.");
  };

  var announce = function (batch) {
    if (batch.totalFiles !== announcedTotal) {
      // Unpacking an archive changes the total; progress is counted afresh from there, without a word.
      announcedTotal = batch.totalFiles;
      announcedTenth = tenth(batch.doneFiles, batch.totalFiles);
      return;
    }
    var now = tenth(batch.doneFiles, batch.totalFiles);
    if (now > announcedTenth && now < 10) {
      announcedTenth = now;
      say(batch.doneFiles + " of " + batch.totalFiles + " files done");
    }
  };

  var poll = function () {
    fetch("/api/v1/imports/" + encodeURIComponent(id) + "?files=false", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        // Signed out, or the import is gone: asking again every second would not bring it back.
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          lostContact();
          return null;
        }
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (batch) {
        if (!batch) { return; }
        bar.max = Math.max(1, batch.totalFiles);
        bar.value = batch.totalFiles === 0 ? 1 : batch.doneFiles;
        done.textContent = batch.doneFiles;
        total.textContent = batch.totalFiles;
        if (finished(batch.status)) {
          // The finished page is the one that matters most; if it cannot be read in parts, it is read whole.
          refreshParts().catch(function () { window.location.reload(); });
          return;
        }
        announce(batch);
        var now = Date.now();
        if ((batch.doneFiles !== listedDone || batch.status !== listedStatus) && now - listedAt >= listEvery) {
          listedAt = now;
          listedDone = batch.doneFiles;
          refreshParts().catch(function () { /* The next change tries again. */ });
        }
        setTimeout(poll, pollEvery);
      })
      .catch(function () { setTimeout(poll, retryEvery); });
  };

  if (!finished(status)) { setTimeout(poll, pollEvery); }
})();
