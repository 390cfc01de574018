/* Embeds: tell the host page this frame's height, and nothing else. */

function reportHeight() {
  if (window.parent === window || !document.documentElement.hasAttribute("data-closer-embed")) return;
  var last = -1;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "closer:height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "closer:hello") {
      last = -1;
      send();
    }
  });
}

// Reported only once the widgets have started, so the first height a host sees is the same on
// every load (never the page as it was before the script ran).
FIRST_START.push(reportHeight);
