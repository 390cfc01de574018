/* Closer's host script, for pages that embed a Closer lesson or quiz in an iframe.
   It resizes each Closer frame to fit its content. It accepts only height messages sent from
   the Closer site, and applies each one only to the frame that sent it. Embeds never send
   answers: the only thing they tell this page is their height. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;

  function closerFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), function (frame) {
      try {
        var url = new URL(frame.src, document.baseURI);
        return url.origin === origin && url.pathname.indexOf("/embed/") >= 0;
      } catch (error) {
        return false;
      }
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "closer:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    closerFrames().forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.min(Math.ceil(height), 100000) + "px";
    });
  });

  // Frames that loaded before this script ran are asked for their height once more.
  closerFrames().forEach(function (frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: "closer:hello" }, "*");  // asks, carries nothing
  });
})();
