// The catalogue editor: a filter box above long checkbox lists (producers). Without this script
// the whole list is there to scroll through.
(function () {
  "use strict";
  function addFilter(list) {
    var label = document.createElement("label");
    label.className = "editor-filter";
    label.textContent = list.getAttribute("data-filter-label") || "Filter";
    var input = document.createElement("input");
    input.type = "search";
    input.setAttribute("aria-controls", list.id);
    label.appendChild(document.createElement("br"));
    label.appendChild(input);
    list.parentNode.insertBefore(label, list);
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach(function (item) {
        var box = item.querySelector("input");
        var match = !needle || item.textContent.toLowerCase().indexOf(needle) !== -1;
        item.hidden = !(match || (box && box.checked));
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("ul[data-filterable]").forEach(addFilter);
  });
})();
// A form that comes back with a refusal: move focus to the summary at its top (as site.js does
// on the public pages), so that a screen reader reads the reasons first.
(function () {
  "use strict";
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) { return; }
    summary.focus();
    if (summary.scrollIntoView) { summary.scrollIntoView({block: "start"}); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
