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
  var store = storage();
  if (!keepingAnswers(store)) return [];
  try {
    var list = readStored(store, historyKeys(quiz).entries, HISTORY_STORED_MAX);
    return Array.isArray(list) ? list.filter(validEntry) : [];
  } catch (error) {
    return [];
  }
}

function writeHistory(quiz, list) {
  try {
    var store = storage();
    if (!list.length) store.removeItem(historyKeys(quiz).entries);
    else store.setItem(historyKeys(quiz).entries, JSON.stringify(list.slice(-HISTORY_MAX)));
    return true;
  } catch (error) {
    return false;
  }
}

function historyOn(quiz) {
  var store = storage();
  try {
    return keepingAnswers(store) && store.getItem(historyKeys(quiz).on) === "yes";
  } catch (error) {
    return false;
  }
}

function historyEntry(quiz, scores) {
  var kept = { overall: scores.overall.enough ? scores.overall.score2 : null };
  quiz.spec.dimensions.forEach(function (d) { kept[d.id] = scores[d.id].enough ? scores[d.id].score2 : null; });
  return { version: quiz.version, savedAt: new Date().toISOString(), scores: kept };
}

// After a submission: kept only when the reader turned history on for this quiz.
function recordHistory(quiz, scores) {
  if (EMBEDDED || !historyOn(quiz)) return;
  writeHistory(quiz, readHistory(quiz).concat([historyEntry(quiz, scores)]));
  showHistory(quiz);
}

// The checkbox beside the results; it says why when this browser keeps nothing.
function historyToggle(quiz, scores) {
  var line = element("p", "closer-history__toggle");
  if (EMBEDDED) return document.createComment("history is kept on the Closer site, never in an embed");
  var box = element("input");
  box.type = "checkbox";
  box.setAttribute("data-closer-history-toggle", "");
  box.id = quiz.id + "-history-toggle";
  var label = element("label", "", " Keep a history of my results in this browser, to see change over time");
  label.htmlFor = box.id;
  var status = element("span", "closer-history__status");
  status.setAttribute("role", "status");
  line.appendChild(box);
  line.appendChild(label);
  line.appendChild(document.createTextNode(" "));
  line.appendChild(status);
  var store = storage();
  if (!keepingAnswers(store)) {
    box.disabled = true;
    say(status, store === null ? "This browser is not letting the site keep anything, so there can be no history."
      : "You chose not to keep answers on this device, so no history is kept.");
    return line;
  }
  box.checked = historyOn(quiz);
  box.addEventListener("change", function () {
    try {
      if (box.checked) {
        store.setItem(historyKeys(quiz).on, "yes");
        writeHistory(quiz, readHistory(quiz).concat([historyEntry(quiz, scores)]));
        say(status, "History is on: these results and each later one are kept in this browser only.");
      } else {
        store.removeItem(historyKeys(quiz).on);
        say(status, "History is off: nothing new is kept. Earlier entries stay until you delete them.");
      }
    } catch (error) {
      box.checked = false;
      say(status, "This browser did not let the site keep a history.");
    }
    showHistory(quiz);
  });
  return line;
}
