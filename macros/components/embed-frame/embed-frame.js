/* Embeds: tell the host page this frame's height, and nothing else. A WordPress post that
   embeds a Closer page through oEmbed gives the frame a secret in its address ("#?secret=…")
   and sizes it from WordPress's own height message, so that one is sent as well. */

function reportHeight() {
  if (window.parent === window || !document.documentElement.hasAttribute("data-closer-embed")) return;
  var wordpress = /[#?&]secret=([A-Za-z0-9]+)/.exec(window.location.hash);
  var last = -1;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "closer:height", height: height }, "*");
    if (wordpress) window.parent.postMessage({ message: "height", value: height, secret: wordpress[1] }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data) return;
    if (data.type === "closer:hello" || (wordpress && data.message === "ready" && data.secret === wordpress[1])) {
      last = -1;
      send();
    }
  });
}

// Reported only once the widgets have started, so the first height a host sees is the same on
// every load (never the page as it was before the script ran).
FIRST_START.push(reportHeight);
