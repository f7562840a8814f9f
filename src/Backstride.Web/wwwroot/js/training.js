// The rest timer between sets: counts down, says "get ready" for the last seconds, and sounds at the end.
(function () {
  "use strict";
  document.querySelectorAll("[data-rest-timer]").forEach(function (el) {
    var seconds = parseInt(el.getAttribute("data-seconds"), 10);
    var getReady = parseInt(el.getAttribute("data-get-ready"), 10);
    var display = el.querySelector("[data-rest-display]");
    var status = el.querySelector("[data-rest-status]");
    var ends = Date.now() + seconds * 1000;
    // Keep the screen on through the rest, where the browser allows it.
    if (navigator.wakeLock) { navigator.wakeLock.request("screen").catch(function () { /* Not allowed: the timer still runs. */ }); }
    var phase = "rest";
    var timer = setInterval(function () {
      var left = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      display.textContent = Math.floor(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + (left % 60);
      if (left <= getReady && left > 0 && phase === "rest") {
        phase = "ready";
        status.textContent = "Get ready for the next set.";
      }
      if (left === 0) {
        clearInterval(timer);
        status.textContent = "Rest over: next set.";
        try {
          var audio = new (window.AudioContext || window.webkitAudioContext)();
          var osc = audio.createOscillator();
          osc.connect(audio.destination); osc.frequency.value = 880;
          osc.start(); osc.stop(audio.currentTime + 0.4);
        } catch (e) { /* No sound here: the text says it. */ }
        if (navigator.vibrate) { navigator.vibrate(300); }
      }
    }, 250);
  });
})();
