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
  var areas = [{ id: "overall", title: gettext("Overall"), items: quiz.spec.items.length }].concat(quiz.spec.dimensions.map(function (d) {
    return { id: d.id, title: d.title, items: quiz.spec.items.filter(function (i) { return i.dimension === d.id; }).length };
  }));
  view.appendChild(resultHeading(quiz, 1, gettext("Your history in this browser")));
  view.appendChild(element("p", "closer-history__warning", gettext("Kept only in this browser, where anyone using this device can see it. " +
    "It holds your scores and their dates, never your safety answers.")));
  var labels = sittingLabels(current);
  if (current.length) view.appendChild(historyChart(quiz, current, areas, labels));
  if (current.length > 1) view.appendChild(beforeAfter(quiz, current[0], current[current.length - 1], areas, labels[0]));
  view.appendChild(historyList(quiz, entries, areas));
}

// In the page's language, whatever the browser's own; with the time when another sitting in
// the list has the same date, so no two read alike.
function sittingLabels(entries) {
  var lang = document.documentElement.lang || undefined;
  var dates = entries.map(function (e) {
    return new Date(e.savedAt).toLocaleDateString(lang, { year: "numeric", month: "short", day: "numeric" });
  });
  return entries.map(function (e, i) {
    if (dates.indexOf(dates[i]) === dates.lastIndexOf(dates[i])) return dates[i];
    return new Date(e.savedAt).toLocaleString(lang, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  });
}

// Kept as data-score is, with two decimals ("3.05"); shown with one, as results are: the
// scoring's own half-up rounding, on the kept decimal as an exact fraction.
function oneDecimal(kept) {
  if (kept === null || kept === undefined) return null;
  var exact = decimal(String(kept));
  return roundHalfUp(exact[0], exact[1], 1);
}

function historyChart(quiz, entries, areas, labels) {
  var series = areas.map(function (area) {
    return { label: area.title, values: entries.map(function (e) { return oneDecimal(e.scores[area.id]); }) };
  });
  return timeChart(series, labels, quiz.spec, gettext("Your scores over time, oldest first"), quiz.form.clientWidth || 600);
}

function beforeAfter(quiz, first, last, areas, since) {
  var block = element("section", "closer-history__change");
  // Translators: {date} is the date of the first result kept, written in the page's language.
  block.appendChild(resultHeading(quiz, 2, gettext("Since {date}", { date: since })));
  var list = element("ul");
  areas.forEach(function (area) {
    var before = first.scores[area.id], after = last.scores[area.id];
    list.appendChild(changeLine(quiz, area, before, after));
  });
  block.appendChild(list);
  block.appendChild(element("p", "closer-history__method", gettext("A change is marked only when it is larger than the usual " +
    "week-to-week wobble, which moves answers for reasons such as mood and sleep. Even then it is a sign to talk about, " +
    "not a fact about your relationship.")));
  return block;
}

// One area's first and latest scores, and whether the change between them is larger than the wobble.
function changeLine(quiz, area, before, after) {
  var line = element("li");
  line.setAttribute("data-history-area", area.id);
  if (before === null || before === undefined || after === null || after === undefined) {
    line.textContent = gettext("{area}: not scored both times.", { area: area.title });
    return line;
  }
  var change = Number(after) - Number(before);
  var noise = wobble(area.items, quiz.spec);
  var real = Math.abs(change) > noise;
  line.setAttribute("data-change", real ? (change > 0 ? "up" : "down") : "within-wobble");
  // One decimal, as the scores; two where one would show the change and the wobble as equal.
  var places = Math.abs(change).toFixed(1) === noise.toFixed(1) ? 2 : 1;
  var said = { area: area.title, before: oneDecimal(before), after: oneDecimal(after),
               change: Math.abs(change).toFixed(places), wobble: noise.toFixed(places) };
  // Translators: {before} and {after} are scores; {change} is how far apart they are, and {wobble} how far
  // a score may move by chance alone.
  line.textContent = !real ? gettext("{area}: {before} then {after}. A change of {change} is within the usual week-to-week wobble ({wobble}), so read it as no clear change.", said)
    : change > 0 ? gettext("{area}: {before} then {after}. Up {change}: larger than the usual week-to-week wobble ({wobble}).", said)
      : gettext("{area}: {before} then {after}. Down {change}: larger than the usual week-to-week wobble ({wobble}).", said);
  return line;
}

function historyList(quiz, entries, areas) {
  var block = element("section", "closer-history__entries");
  block.appendChild(resultHeading(quiz, 2, gettext("Each time, newest first")));
  var list = element("ol", "closer-history__list");
  list.reversed = true;
  var labels = sittingLabels(entries);
  entries.slice().reverse().forEach(function (entry, reversedIndex) {
    var index = entries.length - 1 - reversedIndex;
    var item = element("li");
    item.setAttribute("data-history-entry", "");
    item.setAttribute("data-saved-at", entry.savedAt);
    item.appendChild(element("span", "", entryText(quiz, entry, areas, labels[index]) + " "));
    var remove = element("button", "closer-history__delete", gettext("Delete"));
    remove.type = "button";
    remove.setAttribute("aria-label", gettext("Delete the entry of {date}", { date: labels[index] }));
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
  var clear = element("button", "closer-button closer-history__clear", gettext("Delete the whole history"));
  clear.type = "button";
  clear.addEventListener("click", function () {
    writeHistory(quiz, []);
    showHistory(quiz);
    say(quiz.status, gettext("Your history of this questionnaire was deleted from this browser."));
  });
  block.appendChild(element("p")).appendChild(clear);
  return block;
}

// One entry as a line: its date, then each area's score ("–" without one).
function entryText(quiz, entry, areas, date) {
  var scores = areas.map(function (a) {
    var s = oneDecimal(entry.scores[a.id]);
    // Translators: one area's score in a list of them, such as “Trust 3.4”.
    return gettext("{area} {score}", { area: a.title, score: s === null ? "–" : s });
  }).join(" · ");
  var said = { date: date, scores: scores };
  // Translators: {scores} is a list of areas with their scores, such as “Overall 3.2 · Trust 3.4”.
  return entry.version === quiz.version ? gettext("{date}: {scores}", said)
    : gettext("{date}: {scores} (an earlier version with other statements: not compared)", said);
}
