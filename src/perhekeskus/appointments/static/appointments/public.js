/* The family's booking pages work without this; it adds a copy button for the manage link and,
   on the video waiting page, a countdown that lets the family in by itself when the call opens. */
(function () {
  "use strict";

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  // The waiting page: the seconds left come from the server (the device's clock may be wrong).
  // The visible countdown ticks every second; the screen reader hears it once a minute, and
  // when the call opens the page reloads and shows the Join link.
  function countdown(box) {
    var left = parseInt(box.getAttribute("data-seconds-left"), 10);
    if (isNaN(left)) { return; }
    var visible = box.querySelector("[data-countdown]");
    var live = box.querySelector("[data-countdown-live]");
    var deadline = Date.now() + left * 1000;
    var lastMinute = null;
    function text(seconds) {
      if (seconds > 60) {
        return box.getAttribute("data-text-minutes").replace("%(minutes)s", Math.ceil(seconds / 60));
      }
      return box.getAttribute("data-text-seconds").replace("%(seconds)s", seconds);
    }
    function tick() {
      var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      if (seconds <= 0) {
        if (live) { live.textContent = box.getAttribute("data-text-opening"); }
        window.clearInterval(timer);
        window.location.reload();
        return;
      }
      if (visible) { visible.hidden = false; visible.textContent = text(seconds); }
      var minute = Math.ceil(seconds / 60);
      if (live && minute !== lastMinute && (minute <= 5 || minute % 5 === 0)) {
        lastMinute = minute;
        live.textContent = text(seconds);
      }
    }
    var timer = window.setInterval(tick, 1000);
    tick();
  }

  function start() {
    each("[data-video-wait]", countdown);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
