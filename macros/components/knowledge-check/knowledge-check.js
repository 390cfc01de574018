/* A knowledge check: each question checked on its own, with feedback and an explanation;
   the choices are saved, and "Try again" or "Clear my answers" start over.
   One state object per widget: {root, saved, questions, summary, retry}. */

function knowledgeCheck(root) {
  var check = {
    root: root,
    saved: new Saved(root),
    questions: all(root, ".closer-quiz__question").map(checkQuestion),
    summary: root.querySelector(".closer-quiz__summary"),
    retry: root.querySelector(".closer-quiz__retry")
  };
  check.questions.forEach(function (question) { startQuestion(check, question); });
  check.retry.addEventListener("click", function () { resetCheck(check); });
  root.querySelector(".closer-quiz__clear").addEventListener("click", function () { resetCheck(check); });
  show(root.querySelector(".closer-quiz__tools"), true);
  restoreCheck(check);
  check.saved.sayWhetherKept();
  check.saved.watch(root, function () { forgetCheck(check); });
}

function checkQuestion(fieldset) {
  return {
    fieldset: fieldset,
    multiple: fieldset.getAttribute("data-question-type") === "multiple",
    inputs: all(fieldset, "input"),
    check: fieldset.querySelector(".closer-quiz__check"),
    verdict: fieldset.querySelector(".closer-quiz__verdict"),
    explanation: fieldset.querySelector(".closer-quiz__explanation"),
    checked: false
  };
}

// What marks an option once checked: chosen and right, chosen and not, right, neither.
var BADGES = [gettext("Your answer: right"), gettext("Your answer: not right"), gettext("Right answer"),
              gettext("Not your answer")];

function startQuestion(check, question) {
  // Each option's badge opens its text, so it can only be read as that option's (never as the one
  // above or below), and screen readers say it with the option. Its icon repeats the words.
  question.inputs.forEach(function (input) {
    var badge = element("span", "closer-quiz__badge");
    var icon = element("span", "closer-quiz__badge-icon");
    icon.setAttribute("aria-hidden", "true");
    badge.appendChild(icon);
    var said = badge.appendChild(element("span", "closer-quiz__badge-text"));
    said.appendChild(element("span"));
    if (EMBEDDED) BADGES.forEach(function (text) {  // as wide whatever it says: the option wraps the same
      said.appendChild(element("span", "closer-quiz__badge-sizer", text)).setAttribute("aria-hidden", "true");
    });
    badge.hidden = true;
    var text = input.closest("label").querySelector(".closer-quiz__option-text");
    text.insertBefore(badge, text.firstChild);
  });
  question.check.hidden = false;
  question.verdict.tabIndex = -1;
  question.check.addEventListener("click", function () {
    if (chosenOptions(question).length === 0) {
      say(question.verdict, gettext("Choose an answer first."));
      return;
    }
    markQuestion(question);
    check.saved.save(check.questions.map(function (q) { return q.checked ? chosenOptions(q) : []; }));
    updateSummary(check);
  });
}

function chosenOptions(question) {
  return question.inputs.reduce(function (picked, input, index) {
    if (input.checked) picked.push(index);
    return picked;
  }, []);
}

function answeredRight(question) {
  return question.inputs.every(function (input) {
    return input.checked === input.hasAttribute("data-correct");
  });
}

// Saved choices fit the questions: one list per question, of distinct option indexes.
function validChoices(questions, answers) {
  return answers.length === questions.length && answers.every(function (picked, q) {
    var limit = questions[q].inputs.length;
    if (!Array.isArray(picked) || picked.length > limit) return false;
    var unique = picked.filter(function (i, n) { return picked.indexOf(i) === n; });
    return unique.length === picked.length && (questions[q].multiple || picked.length <= 1) &&
      picked.every(function (i) { return typeof i === "number" && i % 1 === 0 && i >= 0 && i < limit; });
  });
}

function markQuestion(question) {
  var right = answeredRight(question);
  question.checked = true;
  question.fieldset.classList.add(right ? "closer-quiz__question--right" : "closer-quiz__question--wrong");
  question.inputs.forEach(function (input) {
    var option = input.closest(".closer-quiz__option");
    var correct = input.hasAttribute("data-correct");
    input.disabled = true;
    if (input.checked) option.classList.add("closer-quiz__option--chosen");
    if (correct) option.classList.add("closer-quiz__option--correct");
    var badge = option.querySelector(".closer-quiz__badge");
    badge.querySelector(".closer-quiz__badge-icon").textContent = correct ? "✓" : input.checked ? "✗" : "–";
    say(badge.querySelector(".closer-quiz__badge-text > span"),
        BADGES[(input.checked ? 0 : 2) + (correct ? 0 : 1)]);
    // In an embed every option shows its badge and feedback once checked, so the question is
    // as tall whichever option the reader chose; on the site, only what concerns the answer.
    reveal(badge, input.checked || correct || EMBEDDED);
    reveal(option.querySelector(".closer-quiz__option-feedback"), input.checked || EMBEDDED);
  });
  reveal(question.explanation, true);
  say(question.verdict, right ? gettext("✓ Right.") : gettext("✗ Not quite."));
  // The Check button disappears; keep keyboard focus in place on the verdict.
  if (question.fieldset.contains(document.activeElement)) question.verdict.focus();
  reveal(question.check, false);
}

function unmarkQuestion(question) {
  question.checked = false;
  question.fieldset.classList.remove("closer-quiz__question--right", "closer-quiz__question--wrong");
  question.inputs.forEach(function (input) {
    var option = input.closest(".closer-quiz__option");
    input.checked = false;
    input.disabled = false;
    option.classList.remove("closer-quiz__option--chosen", "closer-quiz__option--correct");
    reveal(option.querySelector(".closer-quiz__badge"), false);
    reveal(option.querySelector(".closer-quiz__option-feedback"), false);
  });
  reveal(question.check, true);
  reveal(question.explanation, false);
  say(question.verdict, "");
}

// quiet: restoring saved answers, which is no news for the page (a SCORM package must not
// report a completion nobody made in this visit)
function updateSummary(check, quiet) {
  var done = check.questions.every(function (q) { return q.checked; });
  var right = check.questions.filter(function (q) { return q.checked && answeredRight(q); }).length;
  // Translators: {n} is the number of questions answered right, {total} the number of questions.
  say(check.summary, done ? ngettext("You got {n} of {total} right.", "You got {n} of {total} right.", right,
                                     { total: check.questions.length }) : "");
  reveal(check.retry, done);
  if (done && !quiet) notify(check.root, "complete", { right: right, total: check.questions.length });
}

// "Try again" or "Clear my answers": forgetCheck empties this check, as it does its twin in any other tab.
function resetCheck(check) {
  check.saved.clear();
  if (check.questions.length) check.questions[0].inputs[0].focus();
}

function forgetCheck(check) {
  check.questions.forEach(unmarkQuestion);
  updateSummary(check);
}

function restoreCheck(check) {
  var answers = check.saved.load(function (list) { return validChoices(check.questions, list); });
  if (!answers) return;
  answers.forEach(function (picked, q) {
    if (picked.length === 0) return;
    picked.forEach(function (i) { check.questions[q].inputs[i].checked = true; });
    markQuestion(check.questions[q]);
  });
  updateSummary(check, true);
}

component("knowledge-check", knowledgeCheck);
