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

  // New run: until the start is edited by hand, it follows the duration back from now, because most runs
  // are logged just after they end.
  document.querySelectorAll("form[data-start-follows-duration]").forEach(function (form) {
    var start = form.querySelector("[name='Input.StartedAt']");
    if (!start) { return; }
    var touched = false;
    start.addEventListener("input", function () { touched = true; });
    var part = function (name) { var v = parseInt((form.querySelector("[name='Input." + name + "']") || {}).value, 10); return isNaN(v) ? 0 : v; };
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    form.addEventListener("input", function (event) {
      if (touched || !/Input\.(Hours|Minutes|Seconds)/.test(event.target.name || "")) { return; }
      var seconds = part("Hours") * 3600 + part("Minutes") * 60 + part("Seconds");
      var at = new Date(Date.now() - seconds * 1000);
      start.value = at.getFullYear() + "-" + pad(at.getMonth() + 1) + "-" + pad(at.getDate()) + "T" + pad(at.getHours()) + ":" + pad(at.getMinutes());
    });
  });

  // Forms that end something ask once before they do.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
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
