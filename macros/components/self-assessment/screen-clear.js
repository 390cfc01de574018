/* A flagged result leaves as little as possible behind (QUIZ_FORMAT "Safety screen"): results.js
   records no history for it and offers no history choice beside it; its safety message holds a
   control that removes this quiz's answers and history from the device at once. After that the
   widget keeps nothing more while the page is open, and its safety message and help stay in view
   while the scores go. Other tabs forget the same answers through their watchers (kept.js). */

// Wires the control inside a copy of the safety message (screenResult's flagged part).
function offerScreenClear(quiz, message) {
  var part = message.querySelector(".closer-quiz__screen-clear");
  if (!part) return;
  part.hidden = false;
  var button = part.querySelector("[data-screen-clear]");
  var offer = button.parentNode;
  var done = part.querySelector(".closer-quiz__screen-cleared");
  function showCleared(cleared) {  // in an embed both lines share one cell: the height never changes
    reveal(offer, !cleared);
    reveal(done, cleared);
  }
  showCleared(!!quiz.saved.sealed);
  button.addEventListener("click", function () {
    clearAfterScreen(quiz);
    showCleared(true);
    done.focus();
  });
}

function clearAfterScreen(quiz) {
  quiz.saved.seal();
  quiz.saved.clear([":shown"]);  // forgetAssessment runs, here and in every other tab
  var history = historyKeys(quiz);
  forget([history.entries, history.on]);
}

// Once the reader cleared from the safety message, any later clear leaves that message and the
// results' title in view and hides the rest (in an embed, keeping its space: see reveal()).
function keepOnlySafety(quiz) {
  all(quiz.results, ":scope > *").forEach(function (part) {
    reveal(part, part.hasAttribute("data-screen-result") || part.classList.contains("closer-quiz__results-title"));
  });
}
