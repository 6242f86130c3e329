/* The admin's autocomplete fields (Django's bundled Select2) for screen readers, as
   axe-core checks them (tests/browser/test_accessibility.py):
   - a one-choice field's box is named by its field's label and the current choice
     (Select2 names it by the choice alone, which is nothing while none is chosen);
   - a many-choice field's inline search box is named after its field;
   - the "×" that clears every choice at once, a mouse shortcut placed inside the list
     of choices, is hidden from assistive technology (Backspace removes choices).
   Select2 redraws its choices on every change, so each redraw is fixed again. */
(function () {
  "use strict";

  function labelOf(container) {
    var select = container.previousElementSibling;
    if (!select || !select.id) { return null; }
    var label = document.querySelector('label[for="' + select.id + '"]');
    if (label && !label.id) { label.id = select.id + "-label"; }
    return label;
  }

  function fix(container) {
    var label = labelOf(container);
    if (!label) { return; }
    var name = label.textContent.replace(/:\s*$/, "").trim();
    var single = container.querySelector(".select2-selection--single");
    if (single) {
      var shown = single.querySelector(".select2-selection__rendered");
      if (shown) { shown.removeAttribute("role"); shown.removeAttribute("aria-readonly"); }
      single.setAttribute("aria-labelledby", label.id + (shown && shown.id ? " " + shown.id : ""));
    }
    container.querySelectorAll(".select2-search__field").forEach(function (field) {
      field.setAttribute("aria-label", name);
    });
    container.querySelectorAll(".select2-selection__clear").forEach(function (clear) {
      clear.setAttribute("aria-hidden", "true");
    });
  }

  function fixAll() {
    document.querySelectorAll(".select2-container").forEach(fix);
  }

  function start() {
    fixAll();
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        var container = mutation.target.closest && mutation.target.closest(".select2-container");
        if (container) { fix(container); } else if (mutation.addedNodes.length) { fixAll(); }
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
