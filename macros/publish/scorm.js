/* A SCORM 1.2 launch page (QUIZ_FORMAT "Exports for learning platforms"): it tells the learning
   platform that the reader completed the lesson or quiz and, for a knowledge check, its score.
   Nothing else reaches the platform: no answers, and nothing of a self-assessment's results.
   Not part of the site's bundle: publish/scorm.py adds it to each package's launch page only.
   The page's meta names what it holds: "lesson <its check's id>" or the quiz's kind, and carries
   the words it shows in the page's language (data-finish, data-finished: publish/scorm.py writes
   them from the message catalog). Each widget says by itself when its reader completed it (its
   kind's rule: a knowledge check checked in full, with its score; a self-assessment's results; a
   deck's fifth card), so this page never tells kinds apart. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="closer-scorm"]');
  var parts = meta ? meta.getAttribute("content").split(" ") : [];
  var kind = parts[0], lessonCheck = parts[1];

  // ADL's search: this window and up to seven parents, then the opener's (and the top's opener).
  // Only a real connection counts: a browser also names any element with id "API" window.API.
  function search(win) {
    for (var tries = 0; win && tries <= 7; tries++) {
      try {
        var found = win.API;
        if (found && typeof found.LMSInitialize === "function") return found;
      } catch (error) { /* a parent from another origin: look further up */ }
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = search(window) || (window.opener ? search(window.opener) : null) ||
    (window.top && window.top.opener ? search(window.top.opener) : null);
  if (!kind || !api || String(api.LMSInitialize("")) !== "true") return;  // works as the offline download

  var finished = false, completed = false;
  function set(name, value) { api.LMSSetValue(name, String(value)); }
  // Completed once per visit; a knowledge check also sends its score each time it is checked in full.
  function complete(score) {
    if (finished || (completed && !score)) return;
    completed = true;
    set("cmi.core.lesson_status", "completed");
    if (score) {  // the share of right answers, in percent
      set("cmi.core.score.raw", Math.round(100 * score.right / score.total));
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
    }
    api.LMSCommit("");
  }
  document.addEventListener("closer:complete", function (event) {
    var quiz = event.target.closest("[data-quiz]");
    var score = event.detail && event.detail.total ? event.detail : null;
    if (kind !== "lesson") complete(score);
    else if (quiz && quiz.getAttribute("data-quiz") === lessonCheck) complete(null);
  });
  if (kind === "lesson") finishedButton();
  window.addEventListener("pagehide", function () {
    if (finished) return;
    finished = true;
    api.LMSFinish("");
  });

  // The site's "mark as done" keeps its list in the site's storage, so a lesson has its own button.
  function finishedButton() {
    var done = document.createElement("p");
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "closer-button";
    button.textContent = meta.getAttribute("data-finish");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      complete(null);
      status.textContent = " " + meta.getAttribute("data-finished");
    });
    done.appendChild(button);
    done.appendChild(status);
    document.querySelector("main").appendChild(done);
  }
})();
