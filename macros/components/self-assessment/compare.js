/* Comparing with someone, without a server: a reader makes a code of their bands per area and
   reads another person's code beside their own results. Codes follow macros/engine/codes.py
   exactly. Nothing is stored and nothing is sent: the code passes from hand to hand. Never
   offered while the safety screen puts safety first. Needs results.js. */

var CODE_PREFIX = "CLOSER1";
var CODE_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
var CODE_SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/g;

// The code's letters and digits as one base-36 number, modulo 97, in two digits (codes.py says why).
function checkDigits(lettersAndDigits) {
  var remainder = 0;
  lettersAndDigits.split("").forEach(function (char) {
    remainder = (remainder * 36 + CODE_DIGITS.indexOf(char)) % 97;
  });
  return (remainder < 10 ? "0" : "") + remainder;
}

function compactCode(text) {
  return text.replace(CODE_SEPARATORS, "").toUpperCase();
}

// bands: a band index per area in file order, or -1 for an area without a score
function makeCode(quizId, version, bands) {
  var body = CODE_PREFIX + "-" + quizId.toUpperCase() + "-V" + version + "-" +
    bands.map(function (b) { return CODE_DIGITS[b + 1]; }).join("");
  return body + "-" + checkDigits(compactCode(body));
}

// {problem: "" | "empty" | "not-a-code" | "typo" | "other-quiz" | "other-version", bands}
function readCode(text, quizId, version, bandCounts) {
  var code = compactCode(text);
  if (!code) return { problem: "empty" };
  if (code.indexOf(CODE_PREFIX) !== 0 || !/^[0-9A-Z]+$/.test(code)) return { problem: "not-a-code" };
  if (code.length < CODE_PREFIX.length + 5 || checkDigits(code.slice(0, -2)) !== code.slice(-2)) return { problem: "typo" };
  var own = CODE_PREFIX + compactCode(quizId) + "V";
  var rest = code.slice(own.length, -2);
  if (code.indexOf(own) !== 0 || !/^[0-9]/.test(rest)) return { problem: "other-quiz" };
  var areas = bandCounts.length ? rest.slice(-bandCounts.length) : "";
  var writtenVersion = rest.slice(0, rest.length - bandCounts.length);
  var bands = areas.split("").map(function (char) { return CODE_DIGITS.indexOf(char) - 1; });
  // Intact, yet another version number, or other areas or bands: made by another version.
  if (!/^[0-9]+$/.test(writtenVersion) || parseInt(writtenVersion, 10) !== version || areas.length !== bandCounts.length ||
      bands.some(function (b, i) { return b >= bandCounts[i]; })) return { problem: "other-version" };
  return { problem: "", bands: bands };
}

/* ---- The section under the results ---- */

// What each problem of readCode says to the reader (a function: this file is also run alone, without messages).
function compareMessages() {
  return {
    empty: gettext("Paste or type the other person's code first."),
    // Translators: CLOSER1 is how every code starts, whatever the language: keep it as it is.
    "not-a-code": gettext("That is not a Closer comparison code: a code starts with CLOSER1."),
    typo: gettext("This code has a typing mistake. Check each letter and number, or ask for the code again."),
    "other-quiz": gettext("This code is from another questionnaire. Ask for a code from this one."),
    "other-version": gettext("This code is from another version of this questionnaire, with other statements. " +
      "Ask the other person to take this version and make a new code.")
  };
}

function comparable(quiz) {
  return quiz.spec.dimensions.length > 0 && quiz.spec.dimensions.every(function (d) {
    return d.bands.length > 0 && d.bands.length <= CODE_DIGITS.length - 1;
  });
}

// The section is the same size whatever it shows in an embed: the code has a fixed length per
// quiz, messages and each area's possible comparisons share one cell, and a flagged result keeps
// the section's space without showing it.
function compareSection(quiz, scores, flagged) {
  var section = element("section", "closer-compare");
  var bands = quiz.spec.dimensions.map(function (d) { return scores[d.id].band; });
  section.appendChild(resultHeading(quiz, 2, gettext("Compare with someone, if you both want to")));
  // Translators: {band} is the name of one band of scores, such as “Strong”.
  section.appendChild(element("p", "", gettext("Nobody ever has to show anyone their results. If you and someone close to you both " +
    "want to, each of you can make a code and give it to the other by hand, aloud or in a message you choose. " +
    "A code tells only which band each area is in, such as “{band}”: never your answers, your scores or your safety answers. " +
    "Nothing is sent anywhere and nothing is kept.", { band: quiz.spec.dimensions[0].bands[0].label })));
  section.appendChild(codeMaker(quiz, bands));
  section.appendChild(codeReader(quiz, bands));
  if (flagged) {  // safety first: no codes made or read
    if (!EMBEDDED) return document.createComment("no comparison while safety comes first");
    reveal(section, false);
  }
  return section;
}

function codeMaker(quiz, bands) {
  var maker = element("div", "closer-compare__maker");
  var create = element("button", "closer-button closer-compare__create", gettext("Make my code"));
  create.type = "button";
  create.setAttribute("data-compare-create", "");
  maker.appendChild(paragraph(create));
  var made = element("div", "closer-compare__made");
  var code = element("p", "closer-compare__code");
  code.setAttribute("data-compare-code", "");
  say(code, makeCode(quiz.id, quiz.version, bands));
  made.appendChild(code);
  made.appendChild(copyTools(function () { return code.textContent; }, gettext("Copy my code")));
  made.appendChild(element("p", "", ngettext(
    "The code is {n} character long. The hyphens and capitals are only there for reading: typed without them, it works the same.",
    "The code is {n} characters long. The hyphens and capitals are only there for reading: typed without them, it works the same.",
    code.textContent.length)));
  made.setAttribute("data-closer-room", "");  // in an embed, its room waits at the end (reserved-room.js)
  maker.appendChild(made);
  reveal(made, false);  // shown only when asked for
  create.addEventListener("click", function () { reveal(made, true); });
  return maker;
}

function codeReader(quiz, bands) {
  var reader = element("div", "closer-compare__reader");
  var input = element("textarea", "closer-compare__input");
  input.id = quiz.id + "-compare-input";
  input.rows = 2;
  input.setAttribute("data-compare-input", "");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("spellcheck", "false");
  var label = element("label", "", gettext("The other person's code"));
  label.htmlFor = input.id;
  reader.appendChild(paragraph(label));
  reader.appendChild(input);
  var run = element("button", "closer-button closer-compare__run", gettext("Compare"));
  run.type = "button";
  run.setAttribute("data-compare-run", "");
  reader.appendChild(paragraph(run));
  var problems = compareMessages();
  var messages = layered("closer-compare__messages", Object.keys(problems).map(function (key) {
    var message = element("p", "closer-compare__message", problems[key]);
    message.setAttribute("data-problem", key);
    return message;
  }));
  messages.setAttribute("role", "alert");
  reader.appendChild(messages);
  var comparison = comparisonView(quiz, bands);
  reader.appendChild(comparison.node);
  run.addEventListener("click", function () {
    var reading = readCode(input.value, quiz.id, quiz.version, quiz.spec.dimensions.map(function (d) { return d.bands.length; }));
    all(messages, "[data-problem]").forEach(function (m) { reveal(m, m.getAttribute("data-problem") === reading.problem); });
    comparison.show(reading.problem ? null : reading.bands);
  });
  return reader;
}

function paragraph(child) {
  var p = element("p");
  p.appendChild(child);
  return p;
}

// Nodes laid in one cell: as tall as the tallest, none shown until revealed.
function layered(className, nodes) {
  var cell = element("div", "closer-compare__layers " + className);
  nodes.forEach(function (node) {
    reveal(node, false);
    cell.appendChild(node);
  });
  return cell;
}

function comparisonView(quiz, mine) {
  var node = element("div", "closer-compare__result");
  var title = resultHeading(quiz, 3, gettext("Side by side"));
  title.tabIndex = -1;
  node.appendChild(title);
  node.appendChild(element("p", "", gettext("How each of you sees each area, in broad bands. It says nothing about whether the " +
    "relationship is good or bad, and neither view is the right one.")));
  var list = element("ul", "closer-compare__areas");
  var rows = quiz.spec.dimensions.map(function (d, index) {
    var row = element("li", "closer-compare__area");
    var choices = [-1].concat(d.bands.map(function (band, i) { return i; }));
    var layers = [];
    // In an embed every pairing this area could show shares the row's cell; elsewhere only the real one.
    if (EMBEDDED) {
      choices.forEach(function (theirs) {
        choices.forEach(function (own) {
          layers.push(areaComparison(d, own, theirs, true), areaComparison(d, own, theirs, false));
        });
      });
    }
    row.appendChild(layered("", layers));
    list.appendChild(row);
    return { row: row, dimension: d, mine: mine[index] };
  });
  node.appendChild(list);
  node.setAttribute("data-closer-room", "");
  reveal(node, false);
  return { node: node, show: function (theirs) { showComparison(node, title, rows, theirs); } };
}

// The comparison with the other person's bands (null: none); each question once, at the first
// area it fits, so no paragraph is said twice.
function showComparison(node, title, rows, theirs) {
  reveal(node, theirs !== null);
  var asked = {};
  rows.forEach(function (r, index) {
    if (theirs === null) {
      ["data-compare-dimension", "data-mine", "data-theirs"].forEach(function (a) { r.row.removeAttribute(a); });
      return;
    }
    var cell = r.row.firstChild;
    var question = conversationStarter(r.dimension, r.mine, theirs[index]);
    var ask = !asked[question];
    asked[question] = true;
    var key = r.mine + " " + theirs[index] + (ask ? " asked" : "");
    if (EMBEDDED) {
      all(cell, ":scope > .closer-compare__pair").forEach(function (layer) { reveal(layer, layer.getAttribute("data-pair") === key); });
    } else {
      cell.textContent = "";
      cell.appendChild(areaComparison(r.dimension, r.mine, theirs[index], ask));
    }
    r.row.setAttribute("data-compare-dimension", r.dimension.id);
    r.row.setAttribute("data-mine", r.mine >= 0 ? r.dimension.bands[r.mine].label : "");
    r.row.setAttribute("data-theirs", theirs[index] >= 0 ? r.dimension.bands[theirs[index]].label : "");
  });
  if (theirs !== null) title.focus();
}

// One area for one pairing of bands: where each stands, a way to start talking (unless an area
// above already asked the same), and its lessons.
function areaComparison(d, mine, theirs, ask) {
  var pair = element("div", "closer-compare__pair");
  pair.setAttribute("data-pair", mine + " " + theirs + (ask ? " asked" : ""));
  var name = function (band) { return band >= 0 ? d.bands[band].label : gettext("not enough answers"); };
  var head = element("p", "closer-compare__stand");
  // Translators: {area} is the area's name, in bold; {mine} and {theirs} are the bands each person's scores are in.
  head.appendChild(withNodes(gettext("{area}: you, {mine}; them, {theirs}."), { area: element("strong", "", d.title) },
    { mine: name(mine), theirs: name(theirs) }));
  pair.appendChild(head);
  if (ask) pair.appendChild(element("p", "", conversationStarter(d, mine, theirs)));
  var lessons = lessonLinks(d);
  if (lessons) pair.appendChild(lessons);
  return pair;
}

function conversationStarter(d, mine, theirs) {
  if (mine < 0 || theirs < 0) return gettext("One of you answered too few statements here to compare. If you like, talk about why this area was hard to answer.");
  if (mine !== theirs) return gettext("You see this area differently, which is common. Ask each other: “What happens here that feels different from where you stand?” Let one person finish before the other answers.");
  if (mine === d.bands.length - 1) return gettext("You both see this area the same way. Ask each other: “What do we do that keeps this going well?”");
  return gettext("You both see this area the same way. Ask each other: “What is one small thing that would help here, for each of us?”");
}

// Every lesson this area's bands recommend, once each, as the bands' links were rendered.
function lessonLinks(d) {
  var seen = {};
  var links = [];
  d.bands.forEach(function (band) {
    all(band.node, ".closer-quiz__recommend a").forEach(function (a) {
      if (seen[a.getAttribute("href")]) return;
      seen[a.getAttribute("href")] = true;
      links.push(a);
    });
  });
  if (!links.length) return null;
  var list = document.createDocumentFragment();
  links.forEach(function (a, i) {
    // Translators: what stands between two links in a list of lessons.
    if (i) list.appendChild(document.createTextNode(gettext(", ")));
    list.appendChild(a.cloneNode(true));
  });
  var line = element("p", "closer-compare__lessons");
  // Translators: {links} is a list of links to lessons.
  line.appendChild(withNodes(gettext("Lessons on this: {links}"), { links: list }));
  return line;
}
