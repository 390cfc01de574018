/* The core every component builds on: saved state, small DOM helpers, the registry.
   The bundle (macros/publish/bundle.py) puts this file, then each component, then start.js,
   inside one function, so they share these names and add no global of their own. */

var PREFIX = "closer:";
var KEEP_KEY = PREFIX + "keep-answers";

/* ---- The registry: each component names the root attribute value it enhances ---- */

var COMPONENTS = {};   // data-quiz-kind or data-closer-controls value -> function (root)
var EVERY_PAGE = [];   // run on every page view, after the roots have started
var FIRST_START = [];  // run once, after the first start

function component(kind, enhance) {
  COMPONENTS[kind] = enhance;
}

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

// limit: a larger bound for values that grow with use (a history, a journal).
function readStored(store, key, limit) {
  var text = store.getItem(key);
  return text !== null && text.length <= (limit || MAX_STORED) ? JSON.parse(text) : null;
}

// A SCORM launch page never keeps answers: it runs on a learning platform's origin, on
// computers that learners may share, where the site's "clear all" cannot reach.
var SCORM_PAGE = document.querySelector('meta[name="closer-scorm"]') !== null;

function keepingAnswers(store) {
  if (SCORM_PAGE) return false;
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
  this.note = root.querySelector(".closer-quiz__storage");
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

// Keeps the answers, or says in the widget why they could not be kept.
Saved.prototype.save = function (answers) {
  if (this.keep) {
    try {
      this.store.setItem(this.key, JSON.stringify({
        fingerprint: this.fingerprint, savedAt: new Date().toISOString(), answers: answers
      }));
      return;
    } catch (error) { /* full or refused: said below */ }
  }
  this.explain();
};

Saved.prototype.clear = function () {
  try {
    if (this.store) this.store.removeItem(this.key);
  } catch (error) { /* nothing kept, nothing to clear */ }
};

// A second value beside the answers (such as "results were shown"), kept only when answers are.
Saved.prototype.remember = function (suffix, value) {
  if (!this.keep) return;
  try {
    if (value === null) this.store.removeItem(this.key + suffix);
    else this.store.setItem(this.key + suffix, value);
  } catch (error) { /* not kept: the storage note says so */ }
};

Saved.prototype.recall = function (suffix) {
  try {
    return this.keep ? readStored(this.store, this.key + suffix) : null;
  } catch (error) {
    return null;
  }
};

// Shows the widget's note on why answers will be gone when the reader leaves this page.
Saved.prototype.explain = function () {
  say(this.note, this.store === null
    ? "This browser is not letting the site keep your answers, so they will be gone when you leave this page."
    : SCORM_PAGE ? "Your answers are not kept here, so they will be gone when you leave this page."
      : !this.keep ? "You chose not to keep answers on this device, so they will be gone when you leave this page."
      : "This browser did not keep your answers, so they will be gone when you leave this page.");
  show(this.note, true);
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

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
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

// Tells the page that a reader finished something ("checked": a knowledge check in full, with
// its score; "results": a self-assessment's results shown, with nothing of them). Only code on
// this page hears it (a SCORM launch page reports completion): it never leaves the frame.
function notify(root, name, detail) {
  root.dispatchEvent(new CustomEvent("closer:" + name, { bubbles: true, detail: detail || {} }));
}

/* ---- Copying text for the reader, with a fallback where the clipboard API is missing ---- */

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
