/* Quick exit: the exit link, or Escape twice, replaces this page so Back does not return to it. */

// The exit link is written by the theme override (or the page-on-its-own template) as a child
// of <body>, outside the content: the one place its address comes from, so no page text can
// plant another.
function exitLink() {
  return document.body && document.body.querySelector(":scope > a.closer-exit[data-closer-exit]");
}

// In a frame (an embed on a coach's page, a learning platform), the whole page around it has to
// go. The browser allows that only after a click, and only when the frame is not sandboxed
// against it; whatever happens, this frame's content is hidden at once, keeping its height, so
// the host learns nothing from a change of size.
function leaveFrame(href) {
  document.documentElement.setAttribute("data-closer-left", "");
  if (!document.querySelector(".closer-exit__notice")) {
    document.body.appendChild(element("p", "closer-exit__notice",
      gettext("This part of the page is hidden. To leave the whole page, close this tab or window.")));
  }
  try {
    window.top.location.replace(href);
  } catch (error) {
    // a sandboxed frame may not navigate the page around it: the notice above stays
  }
}

function leave(event) {
  var link = exitLink();
  if (!link) return;
  if (event) event.preventDefault();
  if (window.top !== window.self) {
    leaveFrame(link.href);
    return;
  }
  document.body.hidden = true;  // hide the page at once, before the next one arrives
  window.location.replace(link.href);
}

var lastEscape = 0;
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var now = Date.now();
  if (now - lastEscape < 1000) leave(event);
  lastEscape = now;
});
document.addEventListener("click", function (event) {
  var link = exitLink();
  if (link && event.target instanceof Node && link.contains(event.target)) leave(event);
});
