/* The history view: entries of this quiz kept in this browser, a chart of each area over time,
   a before/after, and deleting. Needs history.js and chart.js. */

// How far a score may move between two sittings by the usual wobble alone (the reliable-change
// idea). An answer on any one day is taken to wobble by an eighth of the scale's range (half a
// point on a 1 to 5 scale) for reasons outside the relationship. Mood, sleep and the last
// conversation move every answer at once, so that part does not average out: half of each
// answer's wobble is taken to be shared by all of them (SHARED_WOBBLE), and only the other half
// shrinks as an area averages more statements. A difference of two sittings is the square root
// of 2 larger, and a change is marked beyond 1.96 of those (the usual 95 %): 1.13 for an area of
// 3 statements on a 1 to 5 scale, 1.07 for 5, 1.00 for 30. privacy.md states the same method.
var SHARED_WOBBLE = 0.5;

function wobble(items, spec) {
  var answer = (spec.max - spec.min) / 8;
  return 1.96 * answer * Math.sqrt(2 * (SHARED_WOBBLE + (1 - SHARED_WOBBLE) / items));
}

function showHistory(quiz) {
  var view = quiz.root.querySelector("[data-closer-history]");
  if (!view || EMBEDDED) return;
  var entries = readHistory(quiz);
  view.textContent = "";
  view.hidden = entries.length === 0;
  if (!entries.length) return;
  var current = entries.filter(function (e) { return e.version === quiz.version; });
  var areas = [{ id: "overall", title: "Overall", items: quiz.spec.items.length }].concat(quiz.spec.dimensions.map(function (d) {
    return { id: d.id, title: d.title, items: quiz.spec.items.filter(function (i) { return i.dimension === d.id; }).length };
  }));
  view.appendChild(resultHeading(quiz, 1, "Your history in this browser"));
  view.appendChild(element("p", "closer-history__warning", "Kept only in this browser, where anyone using this device can see it. " +
    "It holds your scores and their dates, never your safety answers."));
  if (current.length) view.appendChild(historyChart(quiz, current, areas));
  if (current.length > 1) view.appendChild(beforeAfter(quiz, current[0], current[current.length - 1], areas));
  view.appendChild(historyList(quiz, entries, areas));
}

function when(entry) {
  return new Date(entry.savedAt).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

function historyChart(quiz, entries, areas) {
  var series = areas.map(function (area) {
    return { label: area.title, values: entries.map(function (e) { return e.scores[area.id] === undefined ? null : e.scores[area.id]; }) };
  });
  return timeChart(series, entries.map(when), quiz.spec, "Your scores over time, oldest first", quiz.form.clientWidth || 600);
}

function beforeAfter(quiz, first, last, areas) {
  var block = element("section", "closer-history__change");
  block.appendChild(resultHeading(quiz, 2, "Since " + when(first)));
  var list = element("ul");
  areas.forEach(function (area) {
    var before = first.scores[area.id], after = last.scores[area.id];
    var line = element("li");
    line.setAttribute("data-history-area", area.id);
    if (before === null || before === undefined || after === null || after === undefined) {
      line.textContent = area.title + ": not scored both times.";
    } else {
      var change = Number(after) - Number(before);
      var noise = wobble(area.items, quiz.spec);
      var real = Math.abs(change) > noise;
      line.setAttribute("data-change", real ? (change > 0 ? "up" : "down") : "within-wobble");
      line.textContent = area.title + ": " + before + " then " + after + ". " + (real
        ? (change > 0 ? "Up " : "Down ") + Math.abs(change).toFixed(2) + ": larger than the usual week-to-week wobble (" + noise.toFixed(2) + ")."
        : "A change of " + Math.abs(change).toFixed(2) + " is within the usual week-to-week wobble (" + noise.toFixed(2) + "), so read it as no clear change.");
    }
    list.appendChild(line);
  });
  block.appendChild(list);
  block.appendChild(element("p", "closer-history__method", "A change is marked only when it is larger than the usual " +
    "week-to-week wobble, which moves answers for reasons such as mood and sleep. Even then it is a sign to talk about, " +
    "not a fact about your relationship."));
  return block;
}

function historyList(quiz, entries, areas) {
  var block = element("section", "closer-history__entries");
  block.appendChild(resultHeading(quiz, 2, "Each time, newest first"));
  var list = element("ol", "closer-history__list");
  list.reversed = true;
  entries.slice().reverse().forEach(function (entry, reversedIndex) {
    var index = entries.length - 1 - reversedIndex;
    var item = element("li");
    item.setAttribute("data-history-entry", "");
    item.setAttribute("data-saved-at", entry.savedAt);
    var scores = areas.map(function (a) {
      var s = entry.scores[a.id];
      return a.title + " " + (s === null || s === undefined ? "–" : s);
    }).join(" · ");
    item.appendChild(element("span", "", when(entry) + ": " + scores +
      (entry.version !== quiz.version ? " (an earlier version with other statements: not compared)" : "") + " "));
    var remove = element("button", "closer-history__delete", "Delete");
    remove.type = "button";
    remove.setAttribute("aria-label", "Delete the entry of " + when(entry));
    remove.addEventListener("click", function () {
      var kept = readHistory(quiz).filter(function (e, i) { return i !== index; });
      writeHistory(quiz, kept);
      showHistory(quiz);
      var view = quiz.root.querySelector("[data-closer-history]");
      (view.querySelector("button") || quiz.root.querySelector(".closer-quiz__title")).focus();
    });
    item.appendChild(remove);
    list.appendChild(item);
  });
  block.appendChild(list);
  var clear = element("button", "closer-button closer-history__clear", "Delete the whole history");
  clear.type = "button";
  clear.addEventListener("click", function () {
    writeHistory(quiz, []);
    showHistory(quiz);
    say(quiz.status, "Your history of this questionnaire was deleted from this browser.");
  });
  block.appendChild(element("p")).appendChild(clear);
  return block;
}
