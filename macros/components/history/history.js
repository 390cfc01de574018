/* A self-assessment's history in this browser (QUIZ_FORMAT "Local history, journal and
   backup"): off until the reader turns it on beside the results; then each submitted result is
   kept under closer:<id>:history, scores only (never the safety screen), newest last, at most 50.
   Shown as a chart of each area over time, a before/after that calls a change real only when it
   is larger than the measure's wobble, and a list whose entries can be deleted. Never in an
   embed: what a history holds would show in the frame's height. Needs chart.js and results.js. */

var HISTORY_MAX = 50;
var HISTORY_STORED_MAX = 65536;  // 50 entries of a few dozen areas each

function historyKeys(quiz) {
  var base = PREFIX + quiz.id + ":history";
  return { entries: base, on: base + "-on" };
}

function validEntry(entry) {
  var score = /^-?\d+\.\d{2}$/;
  return !!entry && typeof entry === "object" && typeof entry.version === "number" && entry.version % 1 === 0 &&
    typeof entry.savedAt === "string" && !isNaN(Date.parse(entry.savedAt)) &&
    !!entry.scores && typeof entry.scores === "object" && !Array.isArray(entry.scores) &&
    Object.keys(entry.scores).every(function (k) { return entry.scores[k] === null || score.test(entry.scores[k]); });
}

function readHistory(quiz) {
  if (!keepingAnswers()) return [];
  try {
    var list = readStored(storage(), historyKeys(quiz).entries, HISTORY_STORED_MAX);
    return Array.isArray(list) ? list.filter(validEntry) : [];
  } catch (error) {
    return [];
  }
}

// An empty history is forgotten, so every tab showing it hears that it is gone.
function writeHistory(quiz, list) {
  if (list.length) return keepValue(historyKeys(quiz).entries, JSON.stringify(list.slice(-HISTORY_MAX))) === "kept";
  forget([historyKeys(quiz).entries]);
  return true;
}

function historyOn(quiz) {
  try {
    return keepingAnswers() && storage().getItem(historyKeys(quiz).on) === "yes";
  } catch (error) {
    return false;
  }
}

// The view follows the history wherever it changes: an entry deleted in another tab goes here too.
function watchHistory(quiz) {
  watchKept(quiz.root, function (change) {
    if (change.keepChanged || change.touched(historyKeys(quiz).entries)) showHistory(quiz);
  });
}

function historyEntry(quiz, scores) {
  var kept = { overall: scores.overall.enough ? scores.overall.score2 : null };
  quiz.spec.dimensions.forEach(function (d) { kept[d.id] = scores[d.id].enough ? scores[d.id].score2 : null; });
  return { version: quiz.version, savedAt: new Date().toISOString(), scores: kept };
}

// After a submission: kept only when the reader turned history on for this quiz.
function recordHistory(quiz, scores) {
  if (EMBEDDED || quiz.saved.sealed || !historyOn(quiz)) return;
  writeHistory(quiz, readHistory(quiz).concat([historyEntry(quiz, scores)]));
  showHistory(quiz);
}

// The checkbox beside the results; it says why when this browser keeps nothing, and follows the
// reader's choices made in any tab.
function historyToggle(quiz, scores) {
  if (EMBEDDED) return document.createComment("history is kept on the Closer site, never in an embed");
  var line = element("p", "closer-history__toggle");
  var box = element("input");
  box.type = "checkbox";
  box.setAttribute("data-closer-history-toggle", "");
  // The box inside its label, so on a narrow screen the text wraps beside the box, not below it.
  var label = element("label");
  label.appendChild(box);
  label.appendChild(element("span", "", gettext("Keep a history of my results in this browser, to see change over time")));
  var status = element("span", "closer-history__status");
  status.setAttribute("role", "status");
  line.appendChild(label);
  line.appendChild(document.createTextNode(" "));
  line.appendChild(status);
  function follow() {
    box.disabled = !keepingAnswers();
    box.checked = historyOn(quiz);
    say(status, !box.disabled ? "" : storage() === null ? gettext("This browser is not letting the site keep anything, so there can be no history.")
      : gettext("You chose not to keep answers on this device, so no history is kept."));
  }
  box.addEventListener("change", function () { turnHistory(quiz, scores, box, status); });
  watchKept(line, function (change) {
    if (change.keepChanged || change.touched(historyKeys(quiz).on)) follow();
  });
  follow();
  return line;
}

function turnHistory(quiz, scores, box, status) {
  if (!box.checked) {
    forget([historyKeys(quiz).on]);
    say(status, gettext("History is off: nothing new is kept. Earlier entries stay until you delete them."));
  } else if (keepValue(historyKeys(quiz).on, "yes") === "kept") {
    writeHistory(quiz, readHistory(quiz).concat([historyEntry(quiz, scores)]));
    say(status, gettext("History is on: these results and each later one are kept in this browser only."));
  } else {
    box.checked = false;
    say(status, gettext("This browser did not let the site keep a history."));
  }
  showHistory(quiz);
}
