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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
