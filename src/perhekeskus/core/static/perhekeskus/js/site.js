/* Small enhancements for every page; each page works without them. */
(function () {
  "use strict";

  // A form that comes back with errors: move focus to the summary at its top, so that a phone
  // shows it and a screen reader reads it (the GOV.UK and Suomi.fi pattern).
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) { return; }
    if (!summary.hasAttribute("tabindex")) { summary.setAttribute("tabindex", "-1"); }
    summary.focus();
    if (summary.scrollIntoView) { summary.scrollIntoView({block: "start"}); }
  }

  // A "Copy" button next to a code or link the family must keep (a help request's tracking
  // code, an appointment's manage link): shown only where the Clipboard API works; without it
  // the text is still plain and selectable. `data-copy` names the element to copy,
  // `data-copy-status` where to say it was copied (or selected, when copying failed).
  function copyButton(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!source || !navigator.clipboard || !window.isSecureContext) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      }, function () {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (status) { status.textContent = button.getAttribute("data-copy-failed"); }
      });
    });
  }

  function start() {
    focusErrorSummary();
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), copyButton);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
