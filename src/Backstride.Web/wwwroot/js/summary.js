// Clinician summary: the print button shows only when script runs; without it the page's note says how to print.
(function () {
  "use strict";
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
