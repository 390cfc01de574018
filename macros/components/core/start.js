/* ---- Start-up: once per root, isolated, on every page view ---- */

var started = false;

function start() {
  all(document, "[data-quiz-kind], [data-closer-controls]").forEach(function (root) {
    var kind = root.getAttribute("data-quiz-kind") || root.getAttribute("data-closer-controls");
    if (root.hasAttribute("data-ready") || !COMPONENTS[kind]) return;
    root.setAttribute("data-ready", "");
    try {
      COMPONENTS[kind](root);
    } catch (error) {
      root.setAttribute("data-failed", "");
      if (window.console) window.console.error("Closer: a widget could not start", error);
    }
  });
  EVERY_PAGE.forEach(function (run) { run(); });
  if (!started) {
    started = true;
    FIRST_START.forEach(function (run) { run(); });
  }
}

// mkdocs-material replays document$ for the current page and emits on each instant navigation.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(start);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
