// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // The news filters fold away on phones; on wide screens they stay open.
  if (window.matchMedia && window.matchMedia("(min-width: 64rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
})();
