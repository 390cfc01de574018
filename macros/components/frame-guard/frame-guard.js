/* Frame guard: a site page shown inside another site's frame (on a host that ignores the
   _headers file's frame-ancestors) hides its content and offers to open itself on its own, so
   no site can dress Closer's pages in its own frame. Pages ask for it with
   <meta name="closer-frame-guard">: site pages and worksheets do; embeds, made to be framed, and
   downloads, which are the reader's own files, do not. */

function framedByAnotherSite() {
  try {
    return window.top !== window.self && window.top.location.origin !== window.location.origin;
  } catch (error) {
    return true;  // another origin's window: reading its location throws
  }
}

// The meta tag's content is the site's name: the course's, or a coach's own site's.
function showOnlyTheFrameNotice(siteName) {
  Array.prototype.forEach.call(document.body.children, function (child) { child.style.display = "none"; });
  // Translators: {site} is the site's name; the link "Open it on its own" follows this notice.
  var said = siteName ? gettext("This page is from {site}. It is not shown inside another site's frame.", { site: siteName })
    : gettext("This page is from another site. It is not shown inside another site's frame.");
  var notice = element("p", "closer-framed", said + " ");
  var link = element("a", "", gettext("Open it on its own"));
  link.href = window.location.href;
  link.target = "_blank";
  link.rel = "noopener";
  notice.appendChild(link);
  document.body.appendChild(notice);
  document.documentElement.style.visibility = "";
}

var frameGuard = document.querySelector('meta[name="closer-frame-guard"]');
if (frameGuard && framedByAnotherSite()) {
  document.documentElement.setAttribute("data-closer-framed", "");
  document.documentElement.style.visibility = "hidden";  // nothing of the page shows meanwhile
  var showNotice = function () { showOnlyTheFrameNotice(frameGuard.content); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showNotice);
  else showNotice();
}
