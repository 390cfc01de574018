/* Closer's frame guard, loaded first in the head of every site page except embeds: shown inside
   another site's frame (on a host that ignores the _headers file's frame-ancestors), the page
   hides its content and offers to open itself on its own, so no site can dress Closer's pages
   in its own frame. Embeds (/embed/…) are made to be framed and do not load this file. */
(function () {
  "use strict";
  var framedByAnotherSite;
  try {
    framedByAnotherSite = window.top !== window.self && window.top.location.origin !== window.location.origin;
  } catch (error) {
    framedByAnotherSite = true;  // another origin's window: reading its location throws
  }
  if (!framedByAnotherSite) return;
  var root = document.documentElement;
  root.setAttribute("data-closer-framed", "");
  root.style.visibility = "hidden";  // nothing of the page shows while it loads
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.body.children, function (child) { child.style.display = "none"; });
    var notice = document.createElement("p");
    notice.className = "closer-framed";
    notice.textContent = "This page is from Closer, an open course on emotional intimacy. It is not shown inside another site. ";
    var link = document.createElement("a");
    link.href = window.location.href;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = "Open it on its own";
    notice.appendChild(link);
    document.body.appendChild(notice);
    root.style.visibility = "";
  });
})();
