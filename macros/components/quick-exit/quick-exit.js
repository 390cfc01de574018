/* Quick exit: the exit link, or Escape twice, replaces this page so Back does not return to it. */

// The exit link is written by the theme override as a child of <body>, outside the content:
// the one place its address comes from, so no page text can plant another.
function exitLink() {
  return document.body && document.body.querySelector(":scope > a.closer-exit[data-closer-exit]");
}

function leave(event) {
  var link = exitLink();
  if (!link) return;
  if (event) event.preventDefault();
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
