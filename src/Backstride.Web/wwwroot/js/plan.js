// Guided timers and the stretch player on the plan page. The page works without this file (the buttons post
// forms and the server shows when a timer ends); with it, timers count down, survive reloads (the server keeps
// when they started) and announce their end with sound, vibration and, where allowed, a notification.
(function () {
  "use strict";

  var audio = null;
  // Phones only let a page make sound after a tap: the Start tap opens the sound, so the end can be heard.
  function unlockAudio() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") { audio.resume(); }
    } catch (e) { /* No Web Audio here. */ }
  }
  function beep(times) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      for (var i = 0; i < (times || 1); i++) {
        var osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(audio.destination);
        var at = audio.currentTime + i * 0.5;
        osc.start(at); osc.stop(at + 0.3);
      }
    } catch (e) { /* No sound on this device: the text and vibration still tell. */ }
  }

  function announce(message) {
    beep(3);
    if (navigator.vibrate) { navigator.vibrate([400, 200, 400]); }
    if (window.Notification && Notification.permission === "granted") {
      try { new Notification("Backstride", { body: message }); } catch (e) { /* Some browsers allow them only from a service worker. */ }
    }
  }

  function format(seconds) {
    seconds = Math.max(0, Math.ceil(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return h > 0 ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s);
  }

  function parseTime(text) { return text ? Date.parse(text) : null; }

  function post(url) {
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); });
  }

  // ---- Countdown timers (ice, heat) ----
  document.querySelectorAll("[data-timer]").forEach(function (el) {
    var display = el.querySelector("[data-timer-display]");
    var status = el.querySelector("[data-timer-status]");
    var title = el.getAttribute("data-step-title");
    var api = el.getAttribute("data-api");
    var state = {
      duration: parseFloat(el.getAttribute("data-duration")),
      startedAt: parseTime(el.getAttribute("data-started-at")),
      pausedAt: parseTime(el.getAttribute("data-paused-at")),
      pausedFor: parseFloat(el.getAttribute("data-paused-for") || "0"),
      finishedAt: parseTime(el.getAttribute("data-finished-at"))
    };
    // The server's clock is the one that counts; remember how far this device's clock is from it.
    var offset = parseTime(el.getAttribute("data-server-now")) - Date.now();
    var announced = state.finishedAt !== null;
    var finishing = false;

    function serverNow() { return Date.now() + offset; }
    function remaining() {
      if (state.startedAt === null) { return state.duration; }
      var end = state.finishedAt || state.pausedAt || serverNow();
      return Math.max(0, state.duration - ((end - state.startedAt) / 1000 - state.pausedFor));
    }
    function running() { return state.startedAt !== null && state.finishedAt === null && state.pausedAt === null; }
    function show(action, visible) {
      var button = el.querySelector("[data-timer-action='" + action + "']");
      if (button) { button.hidden = !visible; }
    }
    function render() {
      display.textContent = format(remaining());
      var started = state.startedAt !== null, finished = state.finishedAt !== null, paused = state.pausedAt !== null;
      show("start", !started || finished);
      show("pause", started && !paused && !finished);
      show("resume", paused && !finished);
      show("finish", started && !finished);
    }
    function apply(json) {
      offset = Date.parse(json.serverNow) - Date.now();
      state.startedAt = parseTime(json.startedAt);
      state.pausedAt = parseTime(json.pausedAt);
      state.pausedFor = json.pausedForSeconds;
      state.finishedAt = parseTime(json.finishedAt);
      render();
    }
    function tick() {
      if (running() && remaining() <= 0 && !announced) {
        announced = true;
        var message = "Time's up: " + title + " is done.";
        status.textContent = message;
        announce(message);
        finishing = true;
        post(api + "/finish").then(apply).catch(function () { /* The server records the end on the next visit. */ })
          .then(function () { finishing = false; });
      }
      if (!finishing) { render(); }
    }

    el.querySelectorAll("[data-timer-action]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var action = button.getAttribute("data-timer-action");
        unlockAudio();
        if (action === "start" && window.Notification && Notification.permission === "default") {
          Notification.requestPermission();
        }
        post(api + "/" + action).then(function (json) {
          if (action === "start") { announced = false; status.textContent = "Timer running: " + format(state.duration) + "."; }
          if (action === "pause") { status.textContent = "Paused."; }
          if (action === "resume") { status.textContent = "Timer running."; }
          if (action === "finish") { status.textContent = "Stopped."; announced = true; }
          apply(json);
        }).catch(function () {
          // Without the API (offline, signed out), fall back to the plain form post.
          var form = button.form;
          var field = document.createElement("input");
          field.type = "hidden"; field.name = "command"; field.value = action;
          form.appendChild(field);
          form.submit();
        });
      });
    });
    render();
    setInterval(tick, 250);
  });

  // ---- Stretch player ----
  document.querySelectorAll("[data-stretch-player]").forEach(function (el) {
    var stretches = JSON.parse(el.getAttribute("data-stretches"));
    var getReady = parseInt(el.getAttribute("data-get-ready"), 10);
    var api = el.getAttribute("data-api");
    var start = el.querySelector("[data-player-start]");
    var stage = el.querySelector("[data-player-stage]");
    var nameEl = el.querySelector("[data-player-name]");
    var phaseEl = el.querySelector("[data-player-phase]");
    var countEl = el.querySelector("[data-player-count]");
    var howEl = el.querySelector("[data-player-howto]");
    var stop = el.querySelector("[data-player-stop]");

    var phases = [];
    stretches.forEach(function (s) {
      phases.push({ stretch: s, label: "Get ready: " + s.name, seconds: getReady });
      phases.push({ stretch: s, label: s.bothSides ? "Hold: first side" : "Hold", seconds: s.holdSeconds });
      if (s.bothSides) {
        phases.push({ stretch: s, label: "Switch sides", seconds: getReady });
        phases.push({ stretch: s, label: "Hold: second side", seconds: s.holdSeconds });
      }
    });

    var index = -1, phaseEnds = 0, timer = null;
    function enter(i) {
      index = i;
      if (index >= phases.length) {
        clearInterval(timer); timer = null;
        nameEl.textContent = "All done";
        phaseEl.textContent = "All " + stretches.length + " stretches done. Well done.";
        countEl.textContent = "";
        howEl.textContent = "";
        stop.hidden = true;
        start.hidden = false;
        start.textContent = "Start the stretches again";
        announce("Stretches done.");
        if (api) {
          post(api + "/done").catch(function () { /* Marking it done is a nicety; the routine itself is finished. */ });
        }
        return;
      }
      var phase = phases[index];
      nameEl.textContent = phase.stretch.name;
      phaseEl.textContent = phase.label;
      howEl.textContent = phase.stretch.howTo;
      phaseEnds = Date.now() + phase.seconds * 1000;
      beep(1);
      countEl.textContent = format(phase.seconds);
    }
    function tick() {
      var left = (phaseEnds - Date.now()) / 1000;
      if (left <= 0) { enter(index + 1); return; }
      countEl.textContent = format(left);
    }
    start.hidden = false;
    start.addEventListener("click", function () {
      unlockAudio();
      start.hidden = true;
      stage.hidden = false;
      stop.hidden = false;
      enter(0);
      timer = setInterval(tick, 200);
    });
    stop.addEventListener("click", function () {
      clearInterval(timer); timer = null;
      stage.hidden = true;
      start.hidden = false;
      start.textContent = "Start the stretches again";
    });
  });
})();
