/* A self-assessment's results: the safety screen's outcome first (when the quiz has one), a
   chart of every score (chart.js), then overall and each area strongest first, each with its
   score and its band's message (left out when the screen puts safety first); "copy my results
   as text". Needs scoring.js. */

function showResults(quiz, focus) {
  var scores = score(quiz.spec, currentAnswers(quiz));
  var flagged = screenFlagged(quiz);
  var results = quiz.results;
  results.textContent = "";
  var title = resultHeading(quiz, 1, gettext("Your results"));
  title.tabIndex = -1;
  title.classList.add("closer-quiz__results-title");
  results.appendChild(title);
  if (EMBEDDED) {  // a standing hint: a note that appeared would tell the host an answer changed
    results.appendChild(element("p", "closer-quiz__stale", gettext("If you change an answer, press “Show my results” again to update these results.")));
    quiz.stale = null;
  } else {
    quiz.stale = element("p", "closer-quiz__stale", gettext("You changed answers after these results. Press “Show my results” again to update them."));
    quiz.stale.hidden = true;
    results.appendChild(quiz.stale);
  }
  var areas = strongestFirst(quiz.spec, scores);
  if (quiz.screenItems.length) results.appendChild(screenResult(quiz, flagged));
  results.appendChild(resultsChart(quiz, scores, areas, quiz.form.clientWidth));  // results may still be hidden
  results.appendChild(resultBlock(quiz, "overall", gettext("Overall"), scores.overall, quiz.spec.overall, 2, flagged));
  if (quiz.spec.dimensions.length) {
    results.appendChild(resultHeading(quiz, 2, gettext("By area, strongest first")));
    areas.forEach(function (d) {
      results.appendChild(resultBlock(quiz, d.id, d.title, scores[d.id], d.bands, 3, flagged));
    });
  }
  results.appendChild(copyTools(function () { return resultsAsText(quiz, scores); }));
  if (!flagged && !quiz.saved.sealed) results.appendChild(historyToggle(quiz, scores));
  if (comparable(quiz)) results.appendChild(compareSection(quiz, scores, flagged));
  reveal(results, true);
  if (EMBEDDED) gatherReservedRoom(results);
  quiz.shown = true;
  if (!flagged) quiz.saved.remember(":shown", JSON.stringify({ fingerprint: quiz.saved.fingerprint }));
  if (focus) title.focus();
  return scores;
}

// Overall and each area, strongest first, as in the text below; scores only, never bands.
function resultsChart(quiz, scores, areas, width) {
  var rows = [{ id: "overall", title: gettext("Overall") }].concat(areas).map(function (d) {
    var outcome = scores[d.id];
    return { label: d.title, value: outcome.enough ? outcome.sum / outcome.count : null, text: outcome.score1 };
  });
  return scoreChart(rows, quiz.spec, gettext("Your scores at a glance"), width || 280);
}

function resultHeading(quiz, depth, text) {
  return element("h" + Math.min(quiz.level + depth, 6), "closer-result__title", text);
}

function copyTools(text, label) {
  var tools = element("div", "closer-quiz__result-tools");
  var copy = element("button", "closer-quiz__copy", label || gettext("Copy my results as text"));
  copy.type = "button";
  var copied = element("span", "closer-quiz__copied");
  copied.setAttribute("role", "status");
  tools.appendChild(copy);
  tools.appendChild(document.createTextNode(" "));
  tools.appendChild(copied);
  copy.addEventListener("click", function () { copyText(text(), copied); });
  return tools;
}

// The screen's outcome: its message and help first when flagged, else a line on where help is.
// In an embed both are laid in one cell, so a flagged result is exactly as tall as a calm one.
function screenResult(quiz, flagged) {
  var block = element("section", "closer-result closer-result--screen");
  block.setAttribute("data-screen-result", "");
  block.setAttribute("data-flagged", flagged ? "true" : "false");
  var key = quiz.root.querySelector("[data-screen-key]");
  var calm = key.querySelector(".closer-quiz__screen-calm");
  var parts = [{ nodes: all(key.querySelector(".closer-quiz__screen-flagged"), ":scope > *"), shown: flagged, message: true },
               { nodes: calm ? [calm] : [], shown: !flagged }];
  var layers = element("div", "closer-result__layers");
  parts.forEach(function (part) {
    if (!EMBEDDED && !part.shown) return;
    var body = element("div", "closer-result__body");
    part.nodes.forEach(function (node) { body.appendChild(node.cloneNode(true)); });
    if (part.message) offerScreenClear(quiz, body);
    reveal(body, part.shown);
    layers.appendChild(body);
  });
  block.appendChild(layers);
  return block;
}

function resultBlock(quiz, id, title, outcome, bands, depth, flagged) {
  var block = element("section", "closer-result");
  block.setAttribute("data-dimension", id);
  block.setAttribute("data-score", outcome.score2);
  block.setAttribute("data-band", outcome.label);
  block.appendChild(resultHeading(quiz, depth, title));
  var body = resultBody(quiz.spec, outcome, bands, !flagged);
  if (!EMBEDDED) {
    block.appendChild(body);
    return block;
  }
  // Every result this area could show, laid in one grid cell: the block is as tall as the
  // tallest of them, whatever the answers; only the real one is visible.
  var layers = element("div", "closer-result__layers");
  layers.appendChild(body);
  possibleOutcomes(quiz.spec, outcome, bands).forEach(function (other) {
    var layer = resultBody(quiz.spec, other, bands, true);
    reveal(layer, false);
    layers.appendChild(layer);
  });
  block.appendChild(layers);
  return block;
}

// advice: whether the band's label, message and links are shown (never when the screen put
// safety first: "Strong" or "Needs care" beside fear would read as a verdict)
function resultBody(spec, outcome, bands, advice) {
  var body = element("div", "closer-result__body");
  if (!outcome.enough) {
    body.appendChild(element("p", "closer-result__score", ngettext(
      "Not enough answers to score this yet: answer at least half of its {n} statement ({half}).",
      "Not enough answers to score this yet: answer at least half of its {n} statements ({half}).",
      outcome.items, { half: Math.ceil(outcome.items / 2) })));
    return body;
  }
  var scale = { score: outcome.score1, min: spec.min, max: spec.max, band: outcome.label };
  body.appendChild(element("p", "closer-result__score", outcome.label && advice
    ? gettext("{score} on a scale from {min} to {max}: {band}", scale) : gettext("{score} on a scale from {min} to {max}", scale)));
  if (outcome.band >= 0 && advice) {
    // The band's message and links were rendered and sanitized at build time: reuse them.
    var message = element("div", "closer-result__message");
    all(bands[outcome.band].node.querySelector("dd"), ":scope > *").forEach(function (part) {
      message.appendChild(part.cloneNode(true));
    });
    body.appendChild(message);
  }
  return body;
}

// The outcomes an area could have: too few answers, or a score in each band (or no band),
// written with the widest score the scale allows (digits are tabular, so widths agree).
function possibleOutcomes(spec, outcome, bands) {
  var widest = [spec.min, spec.max].map(function (n) { return n.toFixed(1); })
    .sort(function (a, b) { return b.length - a.length; })[0];
  var scored = (bands.length ? bands : [{ label: "" }]).map(function (band, index) {
    return { enough: true, score1: widest, label: band.label, band: bands.length ? index : -1,
             sum: spec.max, count: 1 };
  });
  return [{ enough: false, items: outcome.items }].concat(scored);
}

// With a safety screen the copy never has band labels: results leave them out when it flags,
// and a copy that had them only otherwise would tell its reader what the screen said.
function resultsAsText(quiz, scores) {
  var title = quiz.root.querySelector(".closer-quiz__title").textContent.trim();
  var lines = [gettext("{title}: my results", { title: title })];
  var labels = !quiz.screenItems.length;
  function line(name, outcome) {
    var said = { area: name, score: outcome.score1, max: quiz.spec.max, band: outcome.label };
    lines.push(!outcome.enough ? gettext("{area}: not enough answers", said)
      : outcome.label && labels ? gettext("{area}: {score} of {max} ({band})", said) : gettext("{area}: {score} of {max}", said));
  }
  line(gettext("Overall"), scores.overall);
  strongestFirst(quiz.spec, scores).forEach(function (d) { line(d.title, scores[d.id]); });
  return lines.join("\n");
}

// Strengths first: highest exact score first; areas without a score last; ties keep file order.
function strongestFirst(spec, scores) {
  return spec.dimensions.slice().sort(function (a, b) {
    var x = scores[a.id], y = scores[b.id];
    if (x.enough !== y.enough) return x.enough ? -1 : 1;
    if (!x.enough) return 0;
    var diff = BigInt(y.sum) * BigInt(x.count) - BigInt(x.sum) * BigInt(y.count);
    return diff > 0n ? 1 : diff < 0n ? -1 : 0;
  });
}
