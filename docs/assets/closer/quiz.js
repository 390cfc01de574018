/* Closer quiz widgets: enhance every [data-quiz] root the build rendered as plain HTML.
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
    this.store = storage();
    this.keep = keepingAnswers(this.store);
  }

  // The saved answers if they are readable, of this quiz's shape and fingerprint; else null.
  Saved.prototype.load = function (isValid) {
    if (!this.keep) return null;
    try {
      var state = JSON.parse(this.store.getItem(this.key));
      if (state && typeof state === "object" && state.fingerprint === this.fingerprint &&
          Array.isArray(state.answers) && isValid(state.answers)) {
        return state.answers;
      }
    } catch (error) { /* unreadable: ignored, replaced on the next answer */ }
    return null;
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
        if (!Array.isArray(picked)) return false;
        var limit = questions[q].inputs.length;
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
        if (input.checked || correct) {
          badge.textContent = input.checked ? (correct ? "Your answer: right" : "Your answer: not right")
                                            : "Right answer";
          badge.hidden = false;
        }
        show(option.querySelector(".closer-quiz__option-feedback"), input.checked);
      });
      show(question.explanation, true);
      say(question.verdict, right ? "\u2713 Right." : "\u2717 Not quite.");
      // The Check button disappears; keep keyboard focus in place on the verdict.
      if (question.fieldset.contains(document.activeElement)) question.verdict.focus();
      show(question.check, false);
    }

    function unmark(question) {
      question.checked = false;
      question.fieldset.classList.remove("closer-quiz__question--right", "closer-quiz__question--wrong");
      question.inputs.forEach(function (input) {
        var option = input.closest(".closer-quiz__option");
        input.checked = false;
        input.disabled = false;
        option.classList.remove("closer-quiz__option--chosen", "closer-quiz__option--correct");
        show(option.querySelector(".closer-quiz__badge"), false);
        show(option.querySelector(".closer-quiz__option-feedback"), false);
      });
      show(question.check, true);
      show(question.explanation, false);
      say(question.verdict, "");
    }

    function update() {
      var done = questions.every(function (q) { return q.checked; });
      var right = questions.filter(function (q) { return q.checked && isRight(q); }).length;
      say(summary, done ? "You got " + right + " of " + questions.length + " right." : "");
      show(retry, done);
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

  /* ---- Start-up: once per root, isolated, on every page view ---- */

  var ENHANCERS = {
    "knowledge-check": knowledgeCheck,
    "privacy": privacyControls
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
  }

  // mkdocs-material replays document$ for the current page and emits on each instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
