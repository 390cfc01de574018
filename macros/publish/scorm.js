/* A SCORM 1.2 launch page (QUIZ_FORMAT "Exports for learning platforms"): it tells the learning
   platform that the reader completed the lesson or quiz and, for a knowledge check, its score.
   Nothing else reaches the platform: no answers, and nothing of a self-assessment's results.
   Not part of the site's bundle: publish/scorm.py adds it to each package's launch page only. */
(function () {
  "use strict";
  var kind = document.querySelector('meta[name="closer-scorm"]');
  kind = kind && kind.getAttribute("content");

  // The standard search: this window and up to seven parents, then the opener's.
  function search(win) {
    for (var tries = 0; win && tries <= 7; tries++) {
      try {
        if (win.API) return win.API;
      } catch (error) { /* a parent from another origin: look further up */ }
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = search(window) || (window.opener ? search(window.opener) : null);
  if (!kind || !api || String(api.LMSInitialize("")) !== "true") return;  // works as the offline download

  var finished = false;
  function set(name, value) { api.LMSSetValue(name, String(value)); }
  function complete(score) {
    set("cmi.core.lesson_status", "completed");
    if (score) {  // a knowledge check's share of right answers, in percent
      set("cmi.core.score.raw", Math.round(100 * score.right / score.total));
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
    }
    api.LMSCommit("");
  }
  document.addEventListener("closer:checked", function (event) {
    complete(kind === "knowledge-check" ? event.detail : null);
  });
  document.addEventListener("closer:results", function () { complete(null); });
  if (kind === "lesson") {  // the site's "mark as done" keeps its list in the site's storage, so its own button
    var done = document.createElement("p");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "closer-button";
    button.textContent = "I have finished this lesson";
    button.addEventListener("click", function () {
      complete(null);
      button.textContent = "\u2713 Finished";
      button.disabled = true;
    });
    done.appendChild(button);
    document.querySelector("main").appendChild(done);
  }
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
