// Helpers the keyboard tests load into a page (window.keyboardCheck).
(function () {
  "use strict";
  var FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, ' +
    '[tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

  function visible(element) {
    if (element.disabled || element.closest("[inert]")) { return false; }
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true })) {
      return false;
    }
    var box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }

  function parseColour(text) {
    var m = text.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/);
    if (!m) { return null; }
    var alpha = m[4] === undefined ? 1 : (m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
    return { r: +m[1], g: +m[2], b: +m[3], a: alpha };
  }

  function luminance(c) {
    var channel = function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function contrast(a, b) {
    var l1 = luminance(a), l2 = luminance(b);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  function opaqueBackground(node) {
    for (; node; node = node.parentElement) {
      var colour = parseColour(getComputedStyle(node).backgroundColor);
      if (colour && colour.a > 0.5) { return colour; }
    }
    return null;
  }

  // The colour behind a focus indicator drawn around an element: what is painted just
  // outside its left edge (an absolutely placed element, like the skip link, sits over
  // something other than its parent), else its parent's background.
  function backdrop(element) {
    var box = element.getBoundingClientRect();
    var x = box.left - 6, y = box.top + box.height / 2;
    if (x >= 0 && y >= 0 && y < window.innerHeight) {
      var under = document.elementsFromPoint(x, y).filter(function (node) {
        return node !== element && !element.contains(node);
      });
      var colour = under.length && opaqueBackground(under[0]);
      if (colour) { return colour; }
    }
    for (var node = element.parentElement; node; node = node.parentElement) {
      var colour = parseColour(getComputedStyle(node).backgroundColor);
      if (colour && colour.a > 0.5) { return colour; }
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  }

  function indicator(element) {
    var style = getComputedStyle(element);
    return {
      outline: style.outlineStyle === "none" ? "none" :
        style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor,
      outlineColour: style.outlineColor,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      shadow: style.boxShadow,
      background: style.backgroundColor,
      decoration: style.textDecorationLine
    };
  }

  window.keyboardCheck = {
    // Number the controls a visitor can reach, in document order; remember how each
    // looks unfocused.
    mark: function () {
      var controls = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), visible);
      return controls.map(function (element, index) {
        element.setAttribute("data-keyboard-index", index);
        element.keyboardUnfocused = indicator(element);
        return (element.tagName.toLowerCase() + " " + (element.getAttribute("href") ||
          element.getAttribute("name") || element.textContent.trim().slice(0, 40))).trim();
      });
    },
    // What has the focus now: its number, and whether the focus is visible on it.
    focused: function () {
      var element = document.activeElement;
      if (!element || element === document.body || element === document.documentElement) {
        return { index: null };
      }
      var index = element.getAttribute("data-keyboard-index");
      var now = indicator(element);
      var before = element.keyboardUnfocused || {};
      var behind = backdrop(element);
      var ratios = [];
      if (now.outline !== "none" && now.outlineWidth >= 2) {
        var outline = parseColour(now.outlineColour);
        if (outline && outline.a > 0.5) { ratios.push(contrast(outline, behind)); }
      }
      if (now.shadow && now.shadow !== "none") {
        var shadow = parseColour(now.shadow);
        if (shadow && shadow.a > 0.5) { ratios.push(contrast(shadow, behind)); }
      }
      var box = element.getBoundingClientRect();
      return {
        index: index === null ? null : +index,
        name: element.tagName.toLowerCase() + " " + (element.getAttribute("href") ||
          element.getAttribute("name") || element.textContent.trim().slice(0, 40)),
        changed: now.outline !== before.outline || now.shadow !== before.shadow ||
          now.background !== before.background,
        contrast: ratios.length ? Math.max.apply(null, ratios) : 0,
        inView: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 &&
          box.left < window.innerWidth
      };
    }
  };
})();
