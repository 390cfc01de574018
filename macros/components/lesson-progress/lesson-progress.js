/* Lessons marked as done ("closer:progress"): the button under a lesson, and a "done" mark
   beside each finished lesson in the navigation and the learning path. */

var PROGRESS_KEY = "closer:progress";

// With "don't keep my answers on this device" chosen (or on a SCORM page), a lesson marked as
// done stays marked only until the page is left: nothing is written.
var doneThisVisit = [];

function doneLessons() {
  if (!keepingAnswers()) return doneThisVisit.slice();
  try {
    var list = readStored(storage(), PROGRESS_KEY);
    return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string"; }) : [];
  } catch (error) {
    return [];
  }
}

// Returns "kept", "not kept" (by the reader's choice), or what keepValue says the browser did.
function saveDone(list) {
  var kept = keepValue(PROGRESS_KEY, JSON.stringify(list));
  if (kept === "not kept") doneThisVisit = list.slice();
  return kept;
}

// Marks follow the progress wherever it changes; cleared, even this visit's marks go.
function followProgress(change) {
  if (change.cleared(PROGRESS_KEY)) doneThisVisit = [];
  if (change.keepChanged || change.touched(PROGRESS_KEY)) markNavigation();
}

function slugOf(href) {
  var match = /\/lessons\/([a-z0-9-]+)\/?$/.exec(new URL(href, document.baseURI).pathname);
  return match ? match[1] : null;
}

// A "done" mark after each finished lesson in the navigation and learning path, in words,
// and above the path how many of its lessons are done.
function markNavigation() {
  var done = doneLessons();
  all(document, "[data-closer-path-progress]").forEach(function (line) {
    var lessons = all(line.parentNode, ".closer-path__lesson").map(function (li) { return li.getAttribute("data-lesson"); });
    var count = lessons.filter(function (slug) { return done.indexOf(slug) >= 0; }).length;
    // Translators: {n} is the number of lessons done, {total} the number of lessons in the path.
    say(line, ngettext("{n} of {total} lessons marked as done in this browser.", "{n} of {total} lessons marked as done in this browser.",
                       count, { total: lessons.length }));
    line.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll(".md-nav__link[href], .closer-path a"), function (link) {
    var slug = slugOf(link.getAttribute("href"));
    var mark = link.querySelector(".closer-done-mark");
    if (!slug) return;
    if (done.indexOf(slug) >= 0 && !mark) {
      mark = document.createElement("span");
      mark.className = "closer-done-mark";
      mark.textContent = " " + gettext("✓ done");
      link.appendChild(mark);
    } else if (done.indexOf(slug) < 0 && mark) {
      mark.remove();
    }
  });
}

var MARK_NOT_KEPT = gettext("You chose not to keep answers on this device, so this mark will not be kept.");

function lessonButton(root) {
  var slug = root.getAttribute("data-lesson");
  var button = root.querySelector("button");
  var note = root.querySelector(".closer-lesson__progress-note");
  function render() {
    var done = doneLessons().indexOf(slug) >= 0;
    button.setAttribute("aria-pressed", String(done));
    button.textContent = done ? gettext("✓ Done: mark as not done") : gettext("Mark this lesson as done");
  }
  button.addEventListener("click", function () {
    var done = doneLessons().filter(function (s) { return s !== slug; });
    if (button.getAttribute("aria-pressed") !== "true") done.push(slug);
    var saved = saveDone(done);
    if (saved === "unavailable" || saved === "failed") {
      button.textContent = gettext("This browser is not letting the site keep your progress.");
    } else {
      render();
      say(note, saved === "kept" ? "" : MARK_NOT_KEPT);
    }
    markNavigation();
  });
  watchKept(root, function (change) {
    if (change.keepChanged) say(note, keepingAnswers() ? "" : MARK_NOT_KEPT);
    if (change.keepChanged || change.touched(PROGRESS_KEY)) render();
  });
  render();
  root.hidden = false;
}

component("lesson-done", lessonButton);
EVERY_PAGE.push(markNavigation);
watchKept(document.documentElement, followProgress);
