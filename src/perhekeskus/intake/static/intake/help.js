/* Ask for help, enhanced: a character counter instead of a silent cut, the contact fields set
   aside while "ask anonymously" is ticked, and a copy button for the tracking code. Every page
   works without this script: the server checks the length and the anonymous choice itself. */
(function () {
  "use strict";

  function each(selector, fn) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) { fn(nodes[i]); }
  }

  function fill(template, count) {
    return template.replace("{count}", count.toLocaleString(document.documentElement.lang || "fi"));
  }

  // Character counter: the visible line changes as one types; screen readers hear it only
  // when typing pauses.
  function counter(box) {
    var field = document.getElementById(box.getAttribute("data-counter-for"));
    if (!field) { return; }
    var max = parseInt(field.getAttribute("data-maxlength"), 10);
    var visible = box.querySelector("[data-counter-text]");
    var spoken = box.querySelector("[data-counter-live]");
    var timer = null;
    function text() {
      var left = max - field.value.length;
      if (left >= 0) {
        return fill(box.getAttribute(left === 1 ? "data-left-one" : "data-left-many"), left);
      }
      return fill(box.getAttribute(-left === 1 ? "data-over-one" : "data-over-many"), -left);
    }
    function update() {
      visible.textContent = text();
      box.classList.toggle("is-over", field.value.length > max);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { spoken.textContent = text(); }, 1000);
    }
    box.hidden = false;
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + box.id).trim());
    field.addEventListener("input", update);
    visible.textContent = text();
    box.classList.toggle("is-over", field.value.length > max);
  }

  // "I want to ask anonymously": the contact fields are disabled (so not sent) while it is
  // ticked, and a note says so when something was typed in them.
  function anonymous(checkbox) {
    var fields = (checkbox.getAttribute("data-contact-fields") || "").split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    var note = document.getElementById(checkbox.getAttribute("data-anonymous-note"));
    function sync() {
      var typed = false;
      fields.forEach(function (field) {
        field.disabled = checkbox.checked;
        if (field.value.trim()) { typed = true; }
      });
      if (note) { note.hidden = !(checkbox.checked && typed); }
    }
    checkbox.addEventListener("change", sync);
    sync();
  }

  function start() {
    each("[data-counter-for]", counter);
    each("[data-anonymous-note]", anonymous);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
