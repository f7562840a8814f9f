// Small enhancements only: every form works without this file.
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }

  // Registration: default the runner's time zone to the browser's.
  document.querySelectorAll("[data-browser-time-zone]").forEach(function (input) {
    if (zone && !input.value) { input.value = zone; }
  });

  // Settings: offer the browser's zone when it differs from the saved one.
  document.querySelectorAll("[data-use-browser-time-zone]").forEach(function (button) {
    var select = document.getElementById(button.getAttribute("data-use-browser-time-zone"));
    if (!zone || !select || select.value === zone) { return; }
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (!known) { return; }
    button.textContent = "Use this device's time zone (" + zone + ")";
    button.hidden = false;
    button.addEventListener("click", function () { select.value = zone; select.focus(); });
  });

  // Check-in: "one leg or both" only matters when the pain spreads.
  var legsQuestion = document.querySelector("[data-legs-question]");
  if (legsQuestion) {
    var spreads = document.querySelectorAll("[data-leg-spread]");
    var update = function () {
      var checked = document.querySelector("[data-leg-spread]:checked");
      legsQuestion.hidden = !!checked && checked.value === "No";
    };
    spreads.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }
})();
