/* The journal: a note under each of a lesson's reflection prompts, kept in this browser as the
   reader types, under closer:journal:<slug> = {savedAt, notes: {"<prompt index>": text}}; and
   on the lesson's worksheet, the notes printed in their writing spaces. */

var JOURNAL_STORED_MAX = 262144;  // a long journal; bounded before it is parsed, as every stored value

function journalKey(slug) {
  return PREFIX + "journal:" + slug;
}

function readJournal(slug) {
  try {
    if (!keepingAnswers()) return {};
    var state = readStored(storage(), journalKey(slug), JOURNAL_STORED_MAX);
    var notes = state && typeof state === "object" && state.notes && typeof state.notes === "object" ? state.notes : {};
    var kept = {};
    Object.keys(notes).forEach(function (index) { if (typeof notes[index] === "string") kept[index] = notes[index]; });
    return kept;
  } catch (error) {
    return {};
  }
}

function journal(root) {
  var key = journalKey(root.getAttribute("data-lesson"));
  var fields = all(root, "[data-journal-prompt]");
  var status = root.querySelector(".closer-journal__status");
  var note = root.querySelector(".closer-journal__kept");
  var ownClear = false;  // emptying every note clears the journal: that must not empty a field of spaces being typed
  function save() {
    var written = {};
    fields.forEach(function (field) {
      if (field.value.trim()) written[field.getAttribute("data-journal-prompt")] = field.value;
    });
    var kept = "";
    if (Object.keys(written).length) {
      kept = keepValue(key, JSON.stringify({ savedAt: new Date().toISOString(), notes: written }));
    } else {
      ownClear = true;
      forget([key]);
      ownClear = false;
    }
    say(status, kept === "failed" ? gettext("This browser did not keep your last notes (it may be full). Copy them somewhere safe before you leave.") : "");
  }
  // The notes as kept now: emptied once cleared here or in any tab, so never written back.
  function fill() {
    var notes = readJournal(root.getAttribute("data-lesson"));
    fields.forEach(function (field) { field.value = notes[field.getAttribute("data-journal-prompt")] || ""; });
  }
  fields.forEach(function (field) { field.addEventListener("input", save); });
  watchKept(root, function (change) {
    if (change.touched(key) && !ownClear) fill();
    if (change.keepChanged) sayJournalKept(note);
  });
  fill();
  sayJournalKept(note);
  all(root, "[hidden]").forEach(function (node) { node.hidden = false; });
}

function sayJournalKept(note) {
  say(note, storage() === null ? gettext("This browser is not letting the site keep notes, so they will be gone when you leave this page.")
    : !keepingAnswers() ? gettext("You chose not to keep answers on this device, so notes will be gone when you leave this page.")
      : gettext("Notes are saved as you type, in this browser only. Anyone using this device can read them, and they print on the worksheet."));
}

// A worksheet fills each reflection prompt's writing space with the note kept for it, and
// takes them away once the journal is cleared, here or in another tab.
function journalOnPaper(root) {
  var slug = root.getAttribute("data-lesson");
  var notes = readJournal(slug);
  all(root, "[data-journal-print]").forEach(function (space) {
    var text = notes[space.getAttribute("data-journal-print")];
    if (text) space.insertBefore(element("p", "closer-worksheet__note", text), space.firstChild);
  });
  watchKept(root, function (change) {
    if (change.cleared(journalKey(slug))) all(root, ".closer-worksheet__note").forEach(function (node) { node.remove(); });
  });
}

component("journal", journal);
component("journal-print", journalOnPaper);
