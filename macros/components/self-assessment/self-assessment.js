/* A self-assessment: Likert items with progress, saved as they are answered, results on
   request (results.js draws them, scoring.js scores them), clear one item or all.
   One state object per widget: see selfAssessment. */

function selfAssessment(root) {
  var form = root.querySelector(".closer-quiz__form");
  var quiz = {
    root: root,
    id: root.getAttribute("data-quiz"),
    version: parseInt(root.getAttribute("data-quiz-version"), 10),
    saved: new Saved(root),
    form: form,
    level: parseInt(root.getAttribute("data-heading-level"), 10) || 2,
    fieldsets: all(root, ".closer-quiz__item"),
    screenItems: all(root, ".closer-quiz__screen-item"),  // never scored, never stored
    spec: scoringSpec(root),
    progress: root.querySelector(".closer-quiz__progress"),
    status: root.querySelector(".closer-quiz__status"),
    results: root.querySelector(".closer-quiz__results"),
    shown: false,  // results are on screen
    stale: null    // the "you changed answers" note, outside embeds
  };
  wireAssessment(quiz);
  restoreAssessment(quiz);
  var clearButton = form.querySelector(".closer-quiz__clear");
  show(root.querySelector(".closer-quiz__paper"), false);
  show(quiz.progress, true);
  show(clearButton, true);
  var submit = form.querySelector("[type=submit]");
  submit.hidden = false;
  submit.disabled = false;
  updateProgress(quiz);
  quiz.saved.sayWhetherKept();
  quiz.saved.watch(root, function () { forgetAssessment(quiz); });
  watchHistory(quiz);
  showHistory(quiz);
}

// What scoring.js needs, read from the rendered HTML: scale, items' keying, each area's bands.
function scoringSpec(root) {
  var overall = root.querySelector('[data-key-dimension="overall"]');
  return {
    min: parseInt(root.getAttribute("data-scale-min"), 10),
    max: parseInt(root.getAttribute("data-scale-max"), 10),
    items: all(root, ".closer-quiz__item").map(function (fs) {
      return { dimension: fs.getAttribute("data-item-dimension"), reverse: fs.hasAttribute("data-reverse") };
    }),
    dimensions: all(root, "[data-key-dimension]").filter(function (s) { return s !== overall; }).map(function (s) {
      return { id: s.getAttribute("data-key-dimension"), title: s.getAttribute("data-title"), bands: bandsOf(s) };
    }),
    overall: bandsOf(overall)
  };
}

function bandsOf(section) {
  return section ? all(section, "[data-upto]").map(function (band) {
    return { upto: band.getAttribute("data-upto"), label: band.getAttribute("data-label"), node: band };
  }) : [];
}

function wireAssessment(quiz) {
  function changed() {
    quiz.saved.save(currentAnswers(quiz));
    updateProgress(quiz);
    if (quiz.shown && quiz.stale) reveal(quiz.stale, true);
  }
  quiz.form.addEventListener("change", changed);
  // The button's click, not the form's submit: a sandboxed frame without "allow-forms" (as
  // WordPress frames embeds) blocks submitting before any submit event. Enter on an answer
  // clicks the button too (implicit submission). Nothing is ever sent: results are computed here.
  quiz.form.querySelector("[type=submit]").addEventListener("click", function (event) {
    event.preventDefault();
    var scores = showResults(quiz, true);
    if (!screenFlagged(quiz)) recordHistory(quiz, scores);  // a flagged result leaves no history
    say(quiz.status, gettext("Your results are shown below the questions."));
    notify(quiz.root, "complete");
  });
  quiz.form.addEventListener("submit", function (event) { event.preventDefault(); });
  quiz.fieldsets.concat(quiz.screenItems).forEach(function (fs) {
    function clearItem() {
      all(fs, "input").forEach(function (input) { input.checked = false; });
      changed();
      fs.querySelector("input").focus();
    }
    fs.querySelector(".closer-quiz__clear-item").addEventListener("click", clearItem);
    // The button is out of the Tab order (one stop per statement): Delete, or a Mac's delete
    // key (Backspace), on an answer clears it.
    fs.addEventListener("keydown", function (event) {
      if ((event.key === "Delete" || event.key === "Backspace") && event.target.matches("input:checked")) {
        event.preventDefault();
        clearItem();
      }
    });
  });
  quiz.form.querySelector(".closer-quiz__clear").addEventListener("click", function () { clearAssessment(quiz); });
}

function currentAnswers(quiz) {
  return quiz.fieldsets.map(function (fs) {
    var picked = fs.querySelector("input:checked");
    return picked ? parseInt(picked.value, 10) : null;
  });
}

// True when any safety-screen answer is one of its item's trigger values; worked out afresh
// each time results are shown, never stored (mirrors scoring.py's screen_flagged).
function screenFlagged(quiz) {
  return quiz.screenItems.some(function (fs) {
    var picked = fs.querySelector("input:checked");
    return !!picked && fs.getAttribute("data-when").split(" ").indexOf(picked.value) >= 0;
  });
}

function validAnswers(quiz, list) {
  return list.length === quiz.fieldsets.length && list.every(function (a) {
    return a === null || (typeof a === "number" && a % 1 === 0 && a >= quiz.spec.min && a <= quiz.spec.max);
  });
}

function updateProgress(quiz) {
  function answered(list) { return list.filter(function (fs) { return fs.querySelector("input:checked"); }).length; }
  var text = progressText(quiz, answered(quiz.fieldsets), answered(quiz.screenItems));
  if (!EMBEDDED) {
    say(quiz.progress, text);
  } else {  // the line keeps the room of its longest text, so its height never tells how many are answered
    quiz.progress.textContent = "";
    quiz.progress.classList.add("closer-quiz__progress--fixed");
    quiz.progress.appendChild(element("span", "", text));
    var room = element("span", "closer-reserved", progressText(quiz, quiz.fieldsets.length, quiz.screenItems.length));
    room.setAttribute("aria-hidden", "true");
    quiz.progress.appendChild(room);
  }
  quiz.fieldsets.concat(quiz.screenItems).forEach(function (fs) {
    reveal(fs.querySelector(".closer-quiz__clear-item"), !!fs.querySelector("input:checked"));
  });
}

// The noun's form follows the total ("of 1 statement", "of 12 statements"), as {n} says.
function progressText(quiz, statements, safety) {
  var total = quiz.fieldsets.length;
  if (!quiz.screenItems.length) {
    // Translators: progress while answering: {answered} of the {n} statements have an answer.
    return ngettext("{answered} of {n} statement answered", "{answered} of {n} statements answered", total, { answered: statements });
  }
  // Translators: the first part of “{statements} and {safety} answered”: {answered} of the {n} statements.
  var parts = { statements: ngettext("{answered} of {n} statement", "{answered} of {n} statements", total, { answered: statements }) };
  // Translators: the second part of “{statements} and {safety} answered”: {answered} of the {n} safety questions.
  parts.safety = ngettext("{answered} of {n} safety question", "{answered} of {n} safety questions", quiz.screenItems.length, { answered: safety });
  // Translators: progress while answering, in two parts: {statements} is “4 of 12 statements” and {safety} is
  // “1 of 6 safety questions” (their own messages).
  return gettext("{statements} and {safety} answered", parts);
}

// The reader's own clear: forgetAssessment empties this widget, as it does its twin in any other tab.
function clearAssessment(quiz) {
  quiz.saved.clear([":shown"]);
  var first = quiz.form.querySelector("input");
  if (first) first.focus();
}

// Once its answers are cleared, here or in another tab, nothing of them stays on screen.
function forgetAssessment(quiz) {
  quiz.fieldsets.concat(quiz.screenItems).forEach(function (fs) {
    all(fs, "input").forEach(function (input) { input.checked = false; });
  });
  if (quiz.saved.sealed) {
    keepOnlySafety(quiz);
  } else {
    reveal(quiz.results, false);  // in an embed the results' space stays: clearing tells the host nothing
    if (!EMBEDDED) quiz.results.textContent = "";
  }
  quiz.shown = false;
  updateProgress(quiz);
  say(quiz.status, gettext("Your answers were cleared."));
}

function restoreAssessment(quiz) {
  var restored = quiz.saved.load(function (list) { return validAnswers(quiz, list); });
  if (!restored) return;
  restored.forEach(function (answer, i) {
    if (answer === null) return;
    var input = quiz.fieldsets[i].querySelector('input[value="' + answer + '"]');
    if (input) input.checked = true;
  });
  // Screen answers are never kept, so results shown again on a later visit could not put
  // safety first: a quiz with a screen shows results only when the reader asks again.
  var flag = quiz.saved.recall(":shown");
  if (flag && quiz.saved.matches(flag.fingerprint) && !quiz.screenItems.length) showResults(quiz, false);
}

component("self-assessment", selfAssessment);
