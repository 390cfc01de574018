/* The journal: a note under each of a lesson's reflection prompts, kept in this browser as the
   reader types, under closer:journal:<slug> = {savedAt, notes: {"<prompt index>": text}}; and
   on the lesson's worksheet, the notes printed in their writing spaces. */

var JOURNAL_STORED_MAX = 262144;  // a long journal; bounded before it is parsed, as every stored value

function journalKey(slug) {
  return PREFIX + "journal:" + slug;
}

function readJournal(store, slug) {
  try {
    if (!keepingAnswers(store)) return {};
    var state = readStored(store, journalKey(slug), JOURNAL_STORED_MAX);
    var notes = state && typeof state === "object" && state.notes && typeof state.notes === "object" ? state.notes : {};
    var kept = {};
    Object.keys(notes).forEach(function (index) { if (typeof notes[index] === "string") kept[index] = notes[index]; });
    return kept;
  } catch (error) {
    return {};
  }
}

function journal(root) {
  var slug = root.getAttribute("data-lesson");
  var store = storage();
  var keep = keepingAnswers(store);
  var notes = readJournal(store, slug);
  var fields = all(root, "[data-journal-prompt]");
  var status = root.querySelector(".closer-journal__status");
  function save() {
    if (!keep) return;
    var written = {};
    fields.forEach(function (field) {
      if (field.value.trim()) written[field.getAttribute("data-journal-prompt")] = field.value;
    });
    try {
      if (Object.keys(written).length) store.setItem(journalKey(slug), JSON.stringify({ savedAt: new Date().toISOString(), notes: written }));
      else store.removeItem(journalKey(slug));
      say(status, "");
    } catch (error) {
      say(status, "This browser did not keep your last notes (it may be full). Copy them somewhere safe before you leave.");
    }
  }
  fields.forEach(function (field) {
    field.value = notes[field.getAttribute("data-journal-prompt")] || "";
    field.addEventListener("input", save);
  });
  var note = root.querySelector(".closer-journal__kept");
  say(note, store === null ? "This browser is not letting the site keep notes, so they will be gone when you leave this page."
    : !keep ? "You chose not to keep answers on this device, so notes will be gone when you leave this page."
      : "Notes are saved as you type, in this browser only. Anyone using this device can read them, and they print on the worksheet.");
  all(root, "[hidden]").forEach(function (node) { node.hidden = false; });
}

// A worksheet fills each reflection prompt's writing space with the note kept for it.
function journalOnPaper(root) {
  var notes = readJournal(storage(), root.getAttribute("data-lesson"));
  all(root, "[data-journal-print]").forEach(function (space) {
    var text = notes[space.getAttribute("data-journal-print")];
    if (text) space.insertBefore(element("p", "closer-worksheet__note", text), space.firstChild);
  });
}

component("journal", journal);
component("journal-print", journalOnPaper);
