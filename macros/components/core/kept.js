/* Everything kept in this browser, and one rule for it: the reader's choice is read at every
   write, every closer: key is written through keepValue and removed through forget, and every
   clear is heard by each widget in this tab and every other (QUIZ_FORMAT "Saved state"). The
   bundle puts this file right after core.js. */

var PREFIX = "closer:";
var KEEP_KEY = PREFIX + "keep-answers";

/* ---- Kept values: the reader's choice read at each write, every clear heard in every tab ---- */

var STORE = null;  // localStorage once it let the site write; whether to write is asked each time

// localStorage, or null when the browser refuses it (disabled, full, third-party frame). While
// the reader keeps nothing, not even a test value is written.
function storage() {
  if (STORE) return STORE;
  try {
    var store = window.localStorage;
    if (store.getItem(KEEP_KEY) === "no") return store;
    var probe = PREFIX + "probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    STORE = store;
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

// Read afresh at every use, never remembered: "don't keep" chosen in another tab counts at once.
function keepingAnswers() {
  if (SCORM_PAGE) return false;
  try {
    var store = storage();
    return store !== null && store.getItem(KEEP_KEY) !== "no";
  } catch (error) {
    return false;
  }
}

// The one way a closer: key is written: "kept", "not kept" (the reader's choice, or a SCORM
// page), "unavailable" (the browser refuses storage) or "failed" (full, or refused this write).
function keepValue(key, value) {
  var store = storage();
  if (store === null) return "unavailable";
  if (!keepingAnswers()) return "not kept";
  try {
    store.setItem(key, value);
    return "kept";
  } catch (error) {
    return "failed";
  }
}

// Removes kept values, whatever the reader chose, and tells this tab's widgets at once; other
// tabs hear it from the browser (heardFromAnotherTab).
function forget(keys, everything) {
  var store = storage();
  keys.forEach(function (key) {
    try { if (store) store.removeItem(key); } catch (error) { /* nothing kept, nothing to clear */ }
  });
  tellWatchers({ keys: keys, everything: !!everything });
}

// Written and removed at once by "clear all": every tab hears that everything went, so widgets
// that show what was never kept (safety answers, an option not yet checked) empty too.
var CLEARED_KEY = PREFIX + "cleared";

// "Clear all": every closer: key but the reader's choice. Returns how many there were.
// The stored keys that pass test, in storage order; none when the browser keeps nothing.
function storedKeys(store, test) {
  var keys = [];
  for (var i = 0; store && i < store.length; i++) {
    var key = store.key(i);
    if (key && test(key)) keys.push(key);
  }
  return keys;
}

function forgetEverything() {
  var store = storage();
  var keys = storedKeys(store, function (key) { return key.indexOf(PREFIX) === 0 && key !== KEEP_KEY; });
  forget(keys, true);
  if (keepValue(CLEARED_KEY, "1") === "kept") store.removeItem(CLEARED_KEY);
  return keys.length;
}

// The reader's choice, on the privacy page: the one key written while nothing else may be.
// Not keeping clears everything first.
function chooseKeeping(keep) {
  if (keep) storage().removeItem(KEEP_KEY);
  else {
    forgetEverything();
    storage().setItem(KEEP_KEY, "no");
  }
  tellWatchers({ everything: !keep, keepChanged: true });
}

// What each widget does when kept values go: {root, react(change)}. change.cleared(key): that
// key was removed, or everything was; change.touched(key): cleared, or rewritten by another tab;
// change.keepChanged: the reader's choice changed. A watcher ends with its root: instant
// navigation swaps pages without running this script again, so they must not pile up.
var WATCHERS = [];

function watchKept(root, react) {
  WATCHERS.push({ root: root, react: react });
}

function dropLeftWatchers() {
  WATCHERS = WATCHERS.filter(function (watcher) { return watcher.root.isConnected; });
}

// what: {keys, everything, keepChanged, written (the keys were rewritten, not removed)}
function tellWatchers(what) {
  var keys = what.keys || [];
  var change = {
    keepChanged: !!what.keepChanged,
    cleared: function (key) { return !!what.everything || (!what.written && keys.indexOf(key) >= 0); },
    touched: function (key) { return !!what.everything || keys.indexOf(key) >= 0; }
  };
  dropLeftWatchers();
  WATCHERS.slice().forEach(function (watcher) {
    if (!watcher.root.isConnected) return;  // taken off the page by a watcher before it
    try { watcher.react(change); } catch (error) { window.console.error("Closer: a widget could not forget", error); }
  });
}

// The browser's word that another tab changed a kept value (key null: all of storage cleared).
function heardFromAnotherTab(event) {
  try { if (event.storageArea !== window.localStorage) return; } catch (error) { return; }
  if (event.key === null) tellWatchers({ everything: true, keepChanged: true });
  else if (event.key === CLEARED_KEY) tellWatchers({ everything: event.newValue !== null });
  else if (event.key === KEEP_KEY) tellWatchers({ everything: event.newValue === "no", keepChanged: true });
  else if (event.key.indexOf(PREFIX) === 0) tellWatchers({ keys: [event.key], written: event.newValue !== null });
}

FIRST_START.push(function () { window.addEventListener("storage", heardFromAnotherTab); });
EVERY_PAGE.push(dropLeftWatchers);

/* ---- Saved state: closer:<id>:v<version> = {fingerprint, savedAt, …the kind's own fields}:
   answers for a quiz, favourites and drawn for a deck ---- */

// Why what a reader gave will be gone when they leave the page; a widget that keeps something
// other than answers (a deck's favourites) names it in notes of its own.
var ANSWER_NOTES = {
  refused: gettext("This browser is not letting the site keep your answers, so they will be gone when you leave this page."),
  scorm: gettext("Your answers are not kept here, so they will be gone when you leave this page."),
  chosen: gettext("You chose not to keep answers on this device, so they will be gone when you leave this page."),
  failed: gettext("This browser did not keep your answers, so they will be gone when you leave this page.")
};

function Saved(root, notes) {
  this.notes = notes || ANSWER_NOTES;
  this.key = PREFIX + root.getAttribute("data-quiz") + ":v" + root.getAttribute("data-quiz-version");
  this.fingerprint = root.getAttribute("data-quiz-fingerprint");
  // Answers saved under the fingerprint of an earlier algorithm, for the same questions, still count.
  this.previous = root.getAttribute("data-quiz-fingerprint-previous");
  this.note = root.querySelector(".closer-quiz__storage");
  this.sealed = false;  // see seal()
}

// The saved state if it is readable, of this quiz's fingerprint and valid by isValid(state); else null.
Saved.prototype.loadState = function (isValid) {
  if (!keepingAnswers()) return null;
  try {
    var state = readStored(storage(), this.key);
    if (state && typeof state === "object" && this.matches(state.fingerprint) && isValid(state)) return state;
  } catch (error) { /* unreadable: ignored, replaced on the next change */ }
  return null;
};

// The saved answers if they are readable, of this quiz's shape and fingerprint; else null.
Saved.prototype.load = function (isValid) {
  var state = this.loadState(function (kept) { return Array.isArray(kept.answers) && isValid(kept.answers); });
  return state && state.answers;
};

Saved.prototype.matches = function (fingerprint) {
  return fingerprint === this.fingerprint || (!!this.previous && fingerprint === this.previous);
};

// Keeps the answers, or says in the widget why they could not be kept.
Saved.prototype.save = function (answers) {
  this.saveState({ answers: answers });
};

// Keeps the kind's fields after the fingerprint and the time, or says why they could not be kept.
Saved.prototype.saveState = function (fields) {
  if (this.sealed) return;
  var state = { fingerprint: this.fingerprint, savedAt: new Date().toISOString() };
  Object.keys(fields).forEach(function (name) { state[name] = fields[name]; });
  if (keepValue(this.key, JSON.stringify(state)) !== "kept") this.explain();
};

// Forgets the answers and the values kept beside them (suffixes), here and in every tab.
Saved.prototype.clear = function (suffixes) {
  var key = this.key;
  forget([key].concat((suffixes || []).map(function (suffix) { return key + suffix; })));
};

// A second value beside the answers (such as "results were shown"), kept only when answers are.
Saved.prototype.remember = function (suffix, value) {
  if (this.sealed) return;
  keepValue(this.key + suffix, value);
};

Saved.prototype.recall = function (suffix) {
  try { return keepingAnswers() ? readStored(storage(), this.key + suffix) : null; } catch (error) { return null; }
};

// After a safety message's clear (screen-clear.js): nothing more is kept while the page is open.
// The widget's own message says so; its note stays as it was, so an embed's height tells nothing.
Saved.prototype.seal = function () {
  this.sealed = true;
};

// reset() empties the widget when its answers are cleared, in this tab or another; the note on
// saving follows the reader's choice wherever it is made.
Saved.prototype.watch = function (root, reset) {
  var saved = this;
  watchKept(root, function (change) {
    if (change.cleared(saved.key)) reset();
    if (change.keepChanged) saved.sayWhetherKept();
  });
};

Saved.prototype.sayWhetherKept = function () {
  if (keepingAnswers()) show(this.note, false);
  else this.explain();
};

// Shows the widget's note on why answers will be gone when the reader leaves this page.
Saved.prototype.explain = function () {
  var notes = this.notes;
  say(this.note, storage() === null ? notes.refused : SCORM_PAGE ? notes.scorm
    : !keepingAnswers() ? notes.chosen : notes.failed);
  show(this.note, true);
};
