/* Closer's one script: quiz widgets, the privacy controls, the quick exit and lesson progress.
   Enhances every [data-quiz] root (and [data-closer-controls]) the build rendered as plain HTML.
   No dependencies. Each root is started once and on its own, so one broken widget leaves the
   others working. Answers stay in this browser (localStorage), never sent anywhere. */
(function () {
  "use strict";

  var PREFIX = "closer:";
  var KEEP_KEY = PREFIX + "keep-answers";

  /* ---- Saved state: closer:<id>:v<version> = {fingerprint, savedAt, answers} ---- */

  // localStorage, or null when the browser refuses it (disabled, full, third-party frame).
  function storage() {
    try {
      var store = window.localStorage;
      var probe = PREFIX + "probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null;
    }
  }

  // Any stored value is bounded before it is parsed or checked: a corrupt or planted value of
  // megabytes would otherwise freeze the page. Real state is a few hundred characters.
  var MAX_STORED = 16384;

  function readStored(store, key) {
    var text = store.getItem(key);
    return text !== null && text.length <= MAX_STORED ? JSON.parse(text) : null;
  }

  function keepingAnswers(store) {
    try {
      return store !== null && store.getItem(KEEP_KEY) !== "no";
    } catch (error) {
      return false;
    }
  }

  function Saved(root) {
    this.key = PREFIX + root.getAttribute("data-quiz") + ":v" + root.getAttribute("data-quiz-version");
    this.fingerprint = root.getAttribute("data-quiz-fingerprint");
    // Answers saved under the fingerprint of an earlier algorithm, for the same questions, still count.
    this.previous = root.getAttribute("data-quiz-fingerprint-previous");
    this.store = storage();
    this.keep = keepingAnswers(this.store);
  }

  // The saved answers if they are readable, of this quiz's shape and fingerprint; else null.
  Saved.prototype.load = function (isValid) {
    if (!this.keep) return null;
    try {
      var state = readStored(this.store, this.key);
      if (state && typeof state === "object" && this.matches(state.fingerprint) &&
          Array.isArray(state.answers) && isValid(state.answers)) {
        return state.answers;
      }
    } catch (error) { /* unreadable: ignored, replaced on the next answer */ }
    return null;
  };

  Saved.prototype.matches = function (fingerprint) {
    return fingerprint === this.fingerprint || (!!this.previous && fingerprint === this.previous);
  };

  // Returns false when the answers could not be kept.
  Saved.prototype.save = function (answers) {
    if (!this.keep) return false;
    try {
      this.store.setItem(this.key, JSON.stringify({
        fingerprint: this.fingerprint, savedAt: new Date().toISOString(), answers: answers
      }));
      return true;
    } catch (error) {
      return false;
    }
  };

  Saved.prototype.clear = function () {
    try {
      if (this.store) this.store.removeItem(this.key);
    } catch (error) { /* nothing kept, nothing to clear */ }
  };

  Saved.prototype.why = function () {
    if (this.store === null) {
      return "This browser is not letting the site keep your answers, so they will be gone when you leave this page.";
    }
    return "You chose not to keep answers on this device, so they will be gone when you leave this page.";
  };

  /* ---- Small DOM helpers ---- */

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function show(node, visible) {
    if (node) node.hidden = !visible;
  }

  function say(node, text) {
    if (node) node.textContent = text;
  }

  // In an embed the host sees the frame's height, so what the reader answers or chooses must
  // never change it (QUIZ_FORMAT "Embeds and what a host can learn"). Parts that come and go
  // with answers keep their space once shown (visibility, not display), and results take the
  // height of the largest result they could show. Outside embeds they simply come and go.
  var EMBEDDED = document.documentElement.hasAttribute("data-closer-embed");

  function reveal(node, visible) {
    if (!node) return;
    if (!EMBEDDED) {
      node.hidden = !visible;
      return;
    }
    node.hidden = false;
    node.classList.toggle("closer-reserved", !visible);
    if (visible) node.removeAttribute("inert");
    else node.setAttribute("inert", "");
  }

  /* ---- Knowledge check ---- */

  function knowledgeCheck(root) {
    var saved = new Saved(root);
    var questions = all(root, ".closer-quiz__question").map(function (fieldset) {
      return {
        fieldset: fieldset,
        multiple: fieldset.getAttribute("data-question-type") === "multiple",
        inputs: all(fieldset, "input"),
        check: fieldset.querySelector(".closer-quiz__check"),
        verdict: fieldset.querySelector(".closer-quiz__verdict"),
        explanation: fieldset.querySelector(".closer-quiz__explanation"),
        checked: false
      };
    });
    var summary = root.querySelector(".closer-quiz__summary");
    var tools = root.querySelector(".closer-quiz__tools");
    var retry = root.querySelector(".closer-quiz__retry");
    var clear = root.querySelector(".closer-quiz__clear");
    var note = root.querySelector(".closer-quiz__storage");

    function chosen(question) {
      return question.inputs.reduce(function (picked, input, index) {
        if (input.checked) picked.push(index);
        return picked;
      }, []);
    }

    function isRight(question) {
      return question.inputs.every(function (input) {
        return input.checked === input.hasAttribute("data-correct");
      });
    }

    function validAnswers(answers) {
      return answers.length === questions.length && answers.every(function (picked, q) {
        var limit = questions[q].inputs.length;
        if (!Array.isArray(picked) || picked.length > limit) return false;
        var unique = picked.filter(function (i, n) { return picked.indexOf(i) === n; });
        return unique.length === picked.length && (questions[q].multiple || picked.length <= 1) &&
          picked.every(function (i) { return typeof i === "number" && i % 1 === 0 && i >= 0 && i < limit; });
      });
    }

    function mark(question) {
      var right = isRight(question);
      question.checked = true;
      question.fieldset.classList.add(right ? "closer-quiz__question--right" : "closer-quiz__question--wrong");
      question.inputs.forEach(function (input) {
        var option = input.closest(".closer-quiz__option");
        var correct = input.hasAttribute("data-correct");
        input.disabled = true;
        if (input.checked) option.classList.add("closer-quiz__option--chosen");
        if (correct) option.classList.add("closer-quiz__option--correct");
        var badge = option.querySelector(".closer-quiz__badge");
        badge.textContent = input.checked ? (correct ? "Your answer: right" : "Your answer: not right")
                                          : correct ? "Right answer" : "Not your answer";
        // In an embed every option shows its badge and feedback once checked, so the question is
        // as tall whichever option the reader chose; on the site, only what concerns the answer.
        reveal(badge, input.checked || correct || EMBEDDED);
        reveal(option.querySelector(".closer-quiz__option-feedback"), input.checked || EMBEDDED);
      });
      reveal(question.explanation, true);
      say(question.verdict, right ? "\u2713 Right." : "\u2717 Not quite.");
      // The Check button disappears; keep keyboard focus in place on the verdict.
      if (question.fieldset.contains(document.activeElement)) question.verdict.focus();
      reveal(question.check, false);
    }

    function unmark(question) {
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

    function update() {
      var done = questions.every(function (q) { return q.checked; });
      var right = questions.filter(function (q) { return q.checked && isRight(q); }).length;
      say(summary, done ? "You got " + right + " of " + questions.length + " right." : "");
      reveal(retry, done);
    }

    function persist() {
      var kept = saved.save(questions.map(function (q) { return q.checked ? chosen(q) : []; }));
      if (!kept) {
        say(note, saved.why());
        show(note, true);
      }
    }

    function reset() {
      questions.forEach(unmark);
      saved.clear();
      update();
      if (questions.length) questions[0].inputs[0].focus();
    }

    // Each question's Check button as its own handler keeps the widget self-contained.
    questions.forEach(function (question) {
      // Keep the per-option badge in the markup so screen readers read it with the option.
      question.inputs.forEach(function (input) {
        var badge = document.createElement("span");
        badge.className = "closer-quiz__badge";
        badge.hidden = true;
        input.closest("label").appendChild(badge);
      });
      question.check.hidden = false;
      question.verdict.tabIndex = -1;
      question.check.addEventListener("click", function () {
        if (chosen(question).length === 0) {
          say(question.verdict, "Choose an answer first.");
          return;
        }
        mark(question);
        persist();
        update();
      });
    });
    retry.addEventListener("click", reset);
    clear.addEventListener("click", reset);
    show(tools, true);

    var answers = saved.load(validAnswers);
    if (answers) {
      answers.forEach(function (picked, q) {
        if (picked.length === 0) return;
        picked.forEach(function (i) { questions[q].inputs[i].checked = true; });
        mark(questions[q]);
      });
      update();
    }
    if (!saved.keep) {
      say(note, saved.why());
      show(note, true);
    }
  }

  /* ---- Scoring: mirrors macros/scoring.py exactly (integers and exact fractions only) ---- */

  // floor(a / b) for BigInts (their "/" truncates toward zero).
  function floorDiv(a, b) {
    var q = a / b;
    return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
  }

  // floor((2*10^k*sum + count) / (2*count)) / 10^k, printed with exactly k decimals.
  function roundHalfUp(sum, count, k) {
    var scale = 10n ** BigInt(k);
    var units = floorDiv(2n * scale * BigInt(sum) + BigInt(count), 2n * BigInt(count));
    var sign = units < 0n ? "-" : "";
    if (units < 0n) units = -units;
    var whole = (units / scale).toString();
    var fraction = (units % scale).toString().padStart(k, "0");
    return sign + whole + (k ? "." + fraction : "");
  }

  // A decimal such as "3.75" or "-1" as an exact fraction [numerator, denominator].
  function decimal(text) {
    var match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text);
    var digits = (match[2] || "0") + (match[3] || "");
    var value = BigInt(digits) * (match[1] === "-" ? -1n : 1n);
    return [value, 10n ** BigInt((match[3] || "").length)];
  }

  function bandFor(sum, count, bands) {
    for (var i = 0; i < bands.length; i++) {
      var upto = decimal(bands[i].upto);
      if (BigInt(sum) * upto[1] <= upto[0] * BigInt(count)) return i;
    }
    return -1;
  }

  function result(values, items, bands) {
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    var count = values.length;
    var enough = count > 0 && count * 2 >= items;
    var band = enough && bands.length ? bandFor(sum, count, bands) : -1;
    return {
      sum: sum, count: count, items: items, enough: enough,
      score1: enough ? roundHalfUp(sum, count, 1) : "",
      score2: enough ? roundHalfUp(sum, count, 2) : "",
      band: band, label: band >= 0 ? bands[band].label : ""
    };
  }

  // spec: {min, max, items: [{dimension, reverse}], dimensions: [{id, bands}], overall: [bands]}
  function score(spec, answers) {
    var values = {};
    var every = [];
    spec.dimensions.forEach(function (d) { values[d.id] = []; });
    spec.items.forEach(function (item, i) {
      var answer = answers[i];
      if (answer === null || answer === undefined) return;
      var keyed = item.reverse ? spec.min + spec.max - answer : answer;
      values[item.dimension].push(keyed);
      every.push(keyed);
    });
    var scores = {};
    spec.dimensions.forEach(function (d) {
      var size = spec.items.filter(function (item) { return item.dimension === d.id; }).length;
      scores[d.id] = result(values[d.id], size, d.bands);
    });
    scores.overall = result(every, spec.items.length, spec.overall);
    return scores;
  }

  window.closerScoring = { score: score, roundHalfUp: roundHalfUp };

  /* ---- Self-assessment ---- */

  function bandsOf(section) {
    return section ? all(section, "[data-upto]").map(function (band) {
      return { upto: band.getAttribute("data-upto"), label: band.getAttribute("data-label"), node: band };
    }) : [];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function selfAssessment(root) {
    var saved = new Saved(root);
    var shownKey = saved.key + ":shown";
    var form = root.querySelector(".closer-quiz__form");
    var level = parseInt(root.getAttribute("data-heading-level"), 10) || 2;
    var fieldsets = all(root, ".closer-quiz__item");
    var sections = all(root, "[data-key-dimension]");
    var overallSection = root.querySelector('[data-key-dimension="overall"]');
    var spec = {
      min: parseInt(root.getAttribute("data-scale-min"), 10),
      max: parseInt(root.getAttribute("data-scale-max"), 10),
      items: fieldsets.map(function (fs) {
        return { dimension: fs.getAttribute("data-item-dimension"), reverse: fs.hasAttribute("data-reverse") };
      }),
      dimensions: sections.filter(function (s) { return s !== overallSection; }).map(function (s) {
        return { id: s.getAttribute("data-key-dimension"), title: s.getAttribute("data-title"), bands: bandsOf(s) };
      }),
      overall: bandsOf(overallSection)
    };
    var progress = root.querySelector(".closer-quiz__progress");
    var status = root.querySelector(".closer-quiz__status");
    var results = root.querySelector(".closer-quiz__results");
    var note = root.querySelector(".closer-quiz__storage");
    var submit = form.querySelector("[type=submit]");
    var shown = false;
    var stale = null;

    function answers() {
      return fieldsets.map(function (fs) {
        var picked = fs.querySelector("input:checked");
        return picked ? parseInt(picked.value, 10) : null;
      });
    }

    function validAnswers(list) {
      return list.length === fieldsets.length && list.every(function (a) {
        return a === null || (typeof a === "number" && a % 1 === 0 && a >= spec.min && a <= spec.max);
      });
    }

    function remember(key, value) {
      if (!saved.keep) return;
      try {
        if (value === null) saved.store.removeItem(key);
        else saved.store.setItem(key, value);
      } catch (error) { /* not kept: the note below says so */ }
    }

    function updateProgress() {
      var count = answers().filter(function (a) { return a !== null; }).length;
      say(progress, count + " of " + fieldsets.length + " answered");
      fieldsets.forEach(function (fs) {
        reveal(fs.querySelector(".closer-quiz__clear-item"), !!fs.querySelector("input:checked"));
      });
    }

    function persist() {
      if (!saved.save(answers())) {
        say(note, saved.why());
        show(note, true);
      }
    }

    function heading(depth, text) {
      return element("h" + Math.min(level + depth, 6), "closer-result__title", text);
    }

    function resultBlock(id, title, outcome, bands, depth) {
      var block = element("section", "closer-result");
      block.setAttribute("data-dimension", id);
      block.setAttribute("data-score", outcome.score2);
      block.setAttribute("data-band", outcome.label);
      block.appendChild(heading(depth, title));
      var body = resultBody(outcome, bands);
      if (!EMBEDDED) {
        block.appendChild(body);
        return block;
      }
      // Every result this area could show, laid in one grid cell: the block is as tall as the
      // tallest of them, whatever the answers; only the real one is visible.
      var layers = element("div", "closer-result__layers");
      layers.appendChild(body);
      possibleOutcomes(outcome, bands).forEach(function (other) {
        var layer = resultBody(other, bands);
        reveal(layer, false);
        layers.appendChild(layer);
      });
      block.appendChild(layers);
      return block;
    }

    function resultBody(outcome, bands) {
      var body = element("div", "closer-result__body");
      if (!outcome.enough) {
        body.appendChild(element("p", "closer-result__score", "Not enough answers to score this yet: answer at least half of its " +
          outcome.items + " statements (" + Math.ceil(outcome.items / 2) + ")."));
        return body;
      }
      var scoreText = outcome.score1 + " on a scale from " + spec.min + " to " + spec.max;
      body.appendChild(element("p", "closer-result__score", scoreText + (outcome.label ? ": " + outcome.label : "")));
      var bar = element("div", "closer-result__bar");
      bar.setAttribute("aria-hidden", "true");
      var fill = element("span", "closer-result__fill");
      fill.style.width = (100 * (outcome.sum / outcome.count - spec.min) / (spec.max - spec.min)).toFixed(1) + "%";
      bar.appendChild(fill);
      body.appendChild(bar);
      if (outcome.band >= 0) {
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
    function possibleOutcomes(outcome, bands) {
      var widest = [spec.min, spec.max].map(function (n) { return n.toFixed(1); })
        .sort(function (a, b) { return b.length - a.length; })[0];
      var scored = (bands.length ? bands : [{ label: "" }]).map(function (band, index) {
        return { enough: true, score1: widest, label: band.label, band: bands.length ? index : -1,
                 sum: spec.max, count: 1 };
      });
      return [{ enough: false, items: outcome.items }].concat(scored);
    }

    function asText(scores) {
      var title = root.querySelector(".closer-quiz__title").textContent.trim();
      var lines = [title + ": my results"];
      function line(name, outcome) {
        lines.push(name + ": " + (outcome.enough ? outcome.score1 + " of " + spec.max +
          (outcome.label ? " (" + outcome.label + ")" : "") : "not enough answers"));
      }
      line("Overall", scores.overall);
      ordered(scores).forEach(function (d) { line(d.title, scores[d.id]); });
      return lines.join("\n");
    }

    // Strengths first: highest exact score first; areas without a score last; ties keep file order.
    function ordered(scores) {
      return spec.dimensions.slice().sort(function (a, b) {
        var x = scores[a.id], y = scores[b.id];
        if (x.enough !== y.enough) return x.enough ? -1 : 1;
        if (!x.enough) return 0;
        var diff = BigInt(y.sum) * BigInt(x.count) - BigInt(x.sum) * BigInt(y.count);
        return diff > 0n ? 1 : diff < 0n ? -1 : 0;
      });
    }

    function showResults(focus) {
      var scores = score(spec, answers());
      results.textContent = "";
      var title = heading(1, "Your results");
      title.tabIndex = -1;
      title.classList.add("closer-quiz__results-title");
      results.appendChild(title);
      if (EMBEDDED) {  // a standing hint: a note that appeared would tell the host an answer changed
        results.appendChild(element("p", "closer-quiz__stale", "If you change an answer, press “Show my results” again to update these results."));
        stale = null;
      } else {
        stale = element("p", "closer-quiz__stale", "You changed answers after these results. Press “Show my results” again to update them.");
        stale.hidden = true;
      }
      if (stale) results.appendChild(stale);
      results.appendChild(resultBlock("overall", "Overall", scores.overall, spec.overall, 2));
      if (spec.dimensions.length) {
        results.appendChild(heading(2, "By area, strongest first"));
        ordered(scores).forEach(function (d) {
          results.appendChild(resultBlock(d.id, d.title, scores[d.id], d.bands, 3));
        });
      }
      var tools = element("div", "closer-quiz__result-tools");
      var copy = element("button", "closer-quiz__copy", "Copy my results as text");
      copy.type = "button";
      var copied = element("span", "closer-quiz__copied");
      copied.setAttribute("role", "status");
      tools.appendChild(copy);
      tools.appendChild(document.createTextNode(" "));
      tools.appendChild(copied);
      results.appendChild(tools);
      copy.addEventListener("click", function () { copyText(asText(scores), copied); });
      reveal(results, true);
      shown = true;
      remember(shownKey, JSON.stringify({ fingerprint: saved.fingerprint }));
      if (focus) title.focus();
    }

    function clearAll() {
      fieldsets.forEach(function (fs) {
        all(fs, "input").forEach(function (input) { input.checked = false; });
      });
      saved.clear();
      remember(shownKey, null);
      reveal(results, false);  // in an embed the results' space stays: clearing tells the host nothing
      if (!EMBEDDED) results.textContent = "";
      shown = false;
      updateProgress();
      say(status, "Your answers were cleared.");
      var first = form.querySelector("input");
      if (first) first.focus();
    }

    form.addEventListener("change", function () {
      persist();
      updateProgress();
      if (shown && stale) reveal(stale, true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();  // nothing is ever sent: results are computed here
      showResults(true);
      say(status, "Your results are shown below the questions.");
    });
    fieldsets.forEach(function (fs) {
      var clear = fs.querySelector(".closer-quiz__clear-item");
      clear.addEventListener("click", function () {
        all(fs, "input").forEach(function (input) { input.checked = false; });
        persist();
        updateProgress();
        if (shown && stale) reveal(stale, true);
        fs.querySelector("input").focus();
      });
    });

    var restored = saved.load(validAnswers);
    if (restored) {
      restored.forEach(function (answer, i) {
        if (answer === null) return;
        var input = fieldsets[i].querySelector('input[value="' + answer + '"]');
        if (input) input.checked = true;
      });
      try {
        var flag = readStored(saved.store, shownKey);
        if (flag && saved.matches(flag.fingerprint)) showResults(false);
      } catch (error) { /* no results to restore */ }
    }
    var clearButton = form.querySelector(".closer-quiz__clear");
    clearButton.addEventListener("click", clearAll);
    show(root.querySelector(".closer-quiz__paper"), false);
    show(progress, true);
    show(clearButton, true);
    submit.hidden = false;
    submit.disabled = false;
    updateProgress();
    if (!saved.keep) {
      say(note, saved.why());
      show(note, true);
    }
  }

  function copyText(text, status) {
    function done(ok) {
      say(status, ok ? "Copied. Paste it wherever you choose." : "Copying did not work here: select the results and copy them.");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }

  function fallbackCopy(text) {
    var area = element("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    return ok;
  }

  /* ---- The privacy page's site-wide controls ---- */

  function privacyControls(root) {
    var store = storage();
    var clearAll = root.querySelector(".closer-privacy__clear");
    var keep = root.querySelector(".closer-privacy__keep");
    var status = root.querySelector(".closer-privacy__status");

    function removeAnswers() {
      var keys = [];
      for (var i = 0; i < store.length; i++) {
        var key = store.key(i);
        if (key && key.indexOf(PREFIX) === 0 && key !== KEEP_KEY) keys.push(key);
      }
      keys.forEach(function (key) { store.removeItem(key); });
      return keys.length;
    }

    if (store === null) {
      say(status, "This browser is not letting the site keep anything, so there is nothing to clear.");
      return;
    }
    keep.checked = store.getItem(KEEP_KEY) === "no";
    clearAll.addEventListener("click", function () {
      var count = removeAnswers();
      say(status, count ? "Cleared your saved answers from " + count + " quiz" + (count > 1 ? "zes." : ".")
                        : "There were no saved answers to clear.");
    });
    keep.addEventListener("change", function () {
      if (keep.checked) {
        removeAnswers();
        store.setItem(KEEP_KEY, "no");
        say(status, "Answers will not be kept on this device. Anything already saved was cleared.");
      } else {
        store.removeItem(KEEP_KEY);
        say(status, "Answers will be kept on this device until you clear them.");
      }
    });
    all(root, "[hidden]").forEach(function (node) { node.hidden = false; });
  }

  /* ---- Site: quick exit and lesson progress ("closer:progress") ---- */

  var PROGRESS_KEY = "closer:progress";

  /* ---- Quick exit: replace this page, so Back does not return to it ---- */

  // The exit link is written by the theme override as a child of <body>, outside the content:
  // the one place its address comes from, so no page text can plant another.
  function exitLink() {
    return document.body && document.body.querySelector(":scope > a.closer-exit[data-closer-exit]");
  }

  function leave(event) {
    var link = exitLink();
    if (!link) return;
    if (event) event.preventDefault();
    document.body.hidden = true;  // hide the page at once, before the next one arrives
    window.location.replace(link.href);
  }

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) leave(event);
    lastEscape = now;
  });
  document.addEventListener("click", function (event) {
    var link = exitLink();
    if (link && event.target instanceof Node && link.contains(event.target)) leave(event);
  });

  /* ---- Lessons marked as done ---- */

  function doneLessons() {
    try {
      var list = readStored(storage(), PROGRESS_KEY);
      return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function saveDone(list) {
    try {
      storage().setItem(PROGRESS_KEY, JSON.stringify(list));
      return true;
    } catch (error) {
      return false;
    }
  }

  function slugOf(href) {
    var match = /\/lessons\/([a-z0-9-]+)\/?$/.exec(new URL(href, document.baseURI).pathname);
    return match ? match[1] : null;
  }

  // A "done" mark after each finished lesson in the navigation and learning path, in words.
  function markNavigation() {
    var done = doneLessons();
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav__link[href], .closer-path a"), function (link) {
      var slug = slugOf(link.getAttribute("href"));
      var mark = link.querySelector(".closer-done-mark");
      if (!slug) return;
      if (done.indexOf(slug) >= 0 && !mark) {
        mark = document.createElement("span");
        mark.className = "closer-done-mark";
        mark.textContent = " \u2713 done";
        link.appendChild(mark);
      } else if (done.indexOf(slug) < 0 && mark) {
        mark.remove();
      }
    });
  }

  function lessonButton(root) {
    var slug = root.getAttribute("data-lesson");
    var button = root.querySelector("button");
    function render() {
      var done = doneLessons().indexOf(slug) >= 0;
      button.setAttribute("aria-pressed", String(done));
      button.textContent = done ? "\u2713 Done: mark as not done" : "Mark this lesson as done";
    }
    button.addEventListener("click", function () {
      var done = doneLessons().filter(function (s) { return s !== slug; });
      if (button.getAttribute("aria-pressed") !== "true") done.push(slug);
      if (!saveDone(done)) button.textContent = "This browser is not letting the site keep your progress.";
      else render();
      markNavigation();
    });
    render();
    root.hidden = false;
  }

  /* ---- "Use this in your material" (copy the embed code, print) and worksheets (print) ---- */

  function useControls(root) {
    var code = root.parentNode.querySelector(".closer-use__code");
    var status = root.querySelector(".closer-use__status");
    root.querySelector(".closer-use__copy").addEventListener("click", function () {
      copyText(code.value, status);
    });
    printControls(root);
  }

  function printControls(root) {
    root.querySelector(".closer-print").addEventListener("click", function () { window.print(); });
    root.hidden = false;
  }

  /* ---- Embeds: tell the host page this frame's height, and nothing else ---- */

  function reportHeight() {
    if (window.parent === window || !document.documentElement.hasAttribute("data-closer-embed")) return;
    var last = -1;
    function send() {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "closer:height", height: height }, "*");
    }
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
    window.addEventListener("load", send);
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === "closer:hello") {
        last = -1;
        send();
      }
    });
  }

  /* ---- Start-up: once per root, isolated, on every page view ---- */

  var ENHANCERS = {
    "knowledge-check": knowledgeCheck,
    "self-assessment": selfAssessment,
    "privacy": privacyControls,
    "lesson-done": lessonButton,
    "copy-code": useControls,
    "print": printControls
  };

  function start() {
    all(document, "[data-quiz-kind], [data-closer-controls]").forEach(function (root) {
      var kind = root.getAttribute("data-quiz-kind") || root.getAttribute("data-closer-controls");
      if (root.hasAttribute("data-ready") || !ENHANCERS[kind]) return;
      root.setAttribute("data-ready", "");
      try {
        ENHANCERS[kind](root);
      } catch (error) {
        root.setAttribute("data-failed", "");
        if (window.console) window.console.error("Closer: a widget could not start", error);
      }
    });
    markNavigation();
  }

  // An embed reports its height only once its widgets have started, so the first height a
  // host sees is the same on every load (never the page as it was before the script ran).
  function startAlone() {
    start();
    reportHeight();
  }

  // mkdocs-material replays document$ for the current page and emits on each instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAlone);
  } else {
    startAlone();
  }
})();
