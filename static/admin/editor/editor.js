/* A small formatting toolbar for the HTML fields (news bodies, biographies, event
   descriptions). It only inserts the tags the site keeps on save; the server
   sanitises whatever arrives, so this is a convenience, never a safeguard. */
(function () {
  "use strict";
  var FIELDS = 'textarea[name^="body_"], textarea[name^="biography_"], textarea[name^="description_"]';

  function wrap(textarea, before, after, placeholder) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var value = textarea.value;
    var selected = value.slice(start, end) || placeholder || "";
    textarea.value = value.slice(0, start) + before + selected + after + value.slice(end);
    textarea.focus();
    textarea.setSelectionRange(start + before.length, start + before.length + selected.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function list(textarea, tag) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var lines = (textarea.value.slice(start, end) || "Item").split(/\n+/).filter(Boolean);
    var html = "<" + tag + ">\n" + lines.map(function (l) { return "  <li>" + l.trim() + "</li>"; }).join("\n") + "\n</" + tag + ">";
    textarea.setRangeText(html, start, end, "end");
    textarea.focus();
  }

  var ACTIONS = [
    ["¶", "Paragraph", function (t) { wrap(t, "<p>", "</p>"); }],
    ["H2", "Heading", function (t) { wrap(t, "<h2>", "</h2>", "Heading"); }],
    ["H3", "Subheading", function (t) { wrap(t, "<h3>", "</h3>", "Subheading"); }],
    ["B", "Bold", function (t) { wrap(t, "<strong>", "</strong>"); }],
    ["I", "Italic", function (t) { wrap(t, "<em>", "</em>"); }],
    ["Link", "Link", function (t) {
      var url = window.prompt("Address (https://…)", "https://");
      if (url && /^(https?:|mailto:|tel:|\/)/.test(url)) { wrap(t, '<a href="' + url.replace(/"/g, "&quot;") + '">', "</a>", "link text"); }
    }],
    ["• List", "Bulleted list", function (t) { list(t, "ul"); }],
    ["1. List", "Numbered list", function (t) { list(t, "ol"); }],
    ["“ Quote", "Quotation", function (t) { wrap(t, "<blockquote><p>", "</p></blockquote>"); }]
  ];

  // The preview inherits the admin's Content Security Policy, which runs no inline
  // style: it is styled by this editor's own stylesheet, already linked on the page.
  function previewStylesheet() {
    var link = document.querySelector('link[rel="stylesheet"][href*="admin/editor/editor"]');
    return link ? '<link rel="stylesheet" href="' + link.href.replace(/"/g, "&quot;") + '">' : "";
  }

  function enhance(textarea) {
    if (textarea.dataset.richtext) { return; }
    textarea.dataset.richtext = "1";
    var bar = document.createElement("div");
    bar.className = "richtext-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Formatting");
    ACTIONS.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action[0];
      button.title = action[1];
      button.addEventListener("click", function () { action[2](textarea); });
      bar.appendChild(button);
    });
    var preview = document.createElement("iframe");
    preview.className = "richtext-preview";
    preview.hidden = true;
    preview.setAttribute("sandbox", "");  // no scripts, no forms: a picture of the HTML
    preview.title = "Preview";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = "Preview";
    toggle.setAttribute("aria-pressed", "false");
    toggle.addEventListener("click", function () {
      var showing = preview.hidden;
      preview.hidden = !showing;
      textarea.hidden = showing;
      toggle.setAttribute("aria-pressed", String(showing));
      if (showing) {
        preview.srcdoc = previewStylesheet() + '<body class="richtext-preview-body">' + textarea.value;
      }
    });
    bar.appendChild(toggle);
    var box = document.createElement("div");
    box.className = "richtext";
    textarea.parentNode.insertBefore(box, textarea);
    box.appendChild(bar);
    box.appendChild(textarea);
    box.appendChild(preview);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(FIELDS).forEach(enhance);
  });
})();
