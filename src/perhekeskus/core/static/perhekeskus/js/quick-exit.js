/* "Leave this page quickly" (core/includes/quick_exit.html): replace the page with a neutral
   site so that Back does not bring it back, and do the same when Esc is pressed twice within a
   second. Without this script the button is still a plain link to the same site. */
(function () {
  "use strict";
  if (window.perhekeskusQuickExit) { return; }  // the include may appear more than once
  window.perhekeskusQuickExit = true;

  function target() {
    return document.querySelector("[data-quick-exit]");
  }

  function leave(url) {
    // Hide the page at once: the neutral site may take a moment to load.
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    // replace(), not assign(): the sensitive page leaves no new entry in the history.
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    leave(link.href);
  });

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var link = target();
    if (!link) { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave(link.href);
    }
    lastEscape = now;
  });

  function showHints() {
    var hints = document.querySelectorAll("[data-quick-exit-hint]");
    for (var i = 0; i < hints.length; i++) { hints[i].hidden = false; }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showHints);
  } else {
    showHints();
  }
})();
