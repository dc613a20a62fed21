/* The finder's small enhancements; every page works without them.
   - "Nearest to me": the browser's location fills the form's hidden `near` field and sends it.
   - On a wide screen the filter panel of the results starts open.
   - Search forms leave their empty fields out of the address, so that shared links stay short
     (/fi/search?q=neuvola, not ?q=neuvola&municipality=&age=&task=…). */
(function () {
  "use strict";

  function nearMe(box) {
    var form = box.closest("form");
    var button = box.querySelector("[data-near-me-button]");
    var status = box.querySelector("[data-near-me-status]");
    var input = form && form.querySelector("[data-near-input]");
    if (!form || !button || !input || !("geolocation" in navigator)) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          input.disabled = false;
          input.value = position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
          // A typed postal code would win over the location (views.map), so it goes.
          var postal = form.querySelector("[name=postal_code]");
          if (postal) postal.value = "";
          if (form.requestSubmit) form.requestSubmit();
          else form.submit();
        },
        function () {
          button.disabled = false;
          status.textContent = button.getAttribute("data-error");
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 }
      );
    });
  }

  document.querySelectorAll("[data-near-me]").forEach(nearMe);

  document.querySelectorAll("form[data-clean-get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled && field.value === "" && field.type !== "submit") {
          field.disabled = true;
        }
      });
      // Back in the browser's history, the form must work again.
      window.addEventListener("pageshow", function () {
        Array.prototype.forEach.call(form.elements, function (field) {
          if (!field.hasAttribute("data-near-input")) field.disabled = false;
        });
      }, { once: true });
    });
  });

  var facets = document.querySelector("[data-facets]");
  if (facets && window.matchMedia("(min-width: 60rem)").matches) facets.open = true;
})();
