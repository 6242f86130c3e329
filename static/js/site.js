// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // The news filters fold away on phones; on wide screens they stay open.
  if (window.matchMedia && window.matchMedia("(min-width: 64rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }

  // "Go back" leads to the item's section in the HTML, so that the page is the same
  // for every visitor and can be cached. When the visitor came from another page of
  // this site, the link leads back there instead. Only the path and query of a
  // same-origin referrer are used: never another host, never a scheme-relative
  // ("//host") or backslash ("/\host") path, as written or percent-decoded
  // ("/%2F%2Fhost"), never the page itself.
  function isLocalPath(path) {
    return path.charAt(0) === "/" && !/^\/[\/\\]/.test(path) &&
      path.indexOf("\\") === -1 && !/[\u0000-\u001f\u007f]/.test(path);
  }

  function sameSiteReferrer() {
    var referrer = document.referrer;
    if (!referrer || referrer.length > 2000) { return null; }
    var url;
    try { url = new URL(referrer); } catch (error) { return null; }
    if (url.origin !== window.location.origin) { return null; }
    var path = url.pathname;
    var decoded;
    try { decoded = decodeURIComponent(path); } catch (error) { return null; }
    if (!isLocalPath(path) || !isLocalPath(decoded)) { return null; }
    var target = path + url.search;
    if (target === window.location.pathname + window.location.search) { return null; }
    return target;
  }

  var back = sameSiteReferrer();
  if (back) {
    document.querySelectorAll("a[data-go-back]").forEach(function (link) {
      link.setAttribute("href", back);
    });
  }
})();
