/* Backup on the privacy page: the reader's answers, history, journal and progress to a file the
   reader downloads, and such a file read back on another device. Only those keys travel: a file
   of another shape, holding any other key (the "don't keep" choice among them: a backup never
   changes it), a value larger than any widget keeps, or more items than a device could hold, is
   refused whole with a message; a file that cannot be written in full is rolled back, so nothing
   is ever half-written. */

var BACKUP_FILE_MAX = 5 * 1024 * 1024;
var BACKUP_ITEMS_MAX = 1000;  // a device holds a few keys per quiz and lesson: far fewer than this

// closer:<id>:v<n>, closer:<id>:history, closer:journal:<slug>, closer:progress (QUIZ_FORMAT).
var RESTORABLE = /^closer:(?:[a-z0-9-]+:(?:v[1-9][0-9]{0,3}|history)|journal:[a-z0-9-]+|progress)$/;

function exportBackup(store) {
  var items = {};
  storedKeys(store, function (key) { return RESTORABLE.test(key); }).forEach(function (key) { items[key] = store.getItem(key); });
  var backup = { "closer-backup": 1, exportedAt: new Date().toISOString(), items: items };
  var link = element("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 1)], { type: "application/json" }));
  link.download = "closer-backup-" + backup.exportedAt.slice(0, 10) + ".json";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  return Object.keys(items).length;
}

// The backup's items, or a message saying why the text is not a backup to restore.
function backupItems(text) {
  var backup;
  try {
    backup = JSON.parse(text);
  } catch (error) {
    return gettext("This file is not a Closer backup: it could not be read. Nothing was changed.");
  }
  if (!backup || typeof backup !== "object" || backup["closer-backup"] !== 1 || typeof backup.exportedAt !== "string" ||
      !backup.items || typeof backup.items !== "object" || Array.isArray(backup.items)) {
    return gettext("This file is not a Closer backup. Nothing was changed.");
  }
  return refusal(backup.items) || backup.items;
}

// Why a backup's items may not be restored, or "" when every one may.
function refusal(items) {
  var keys = Object.keys(items);
  if (keys.length > BACKUP_ITEMS_MAX) return gettext("This file holds more items than Closer ever keeps, so it was not restored. Nothing was changed.");
  if (keys.some(function (key) { return typeof items[key] !== "string"; })) return gettext("This file is not a Closer backup. Nothing was changed.");
  var other = keys.filter(function (key) { return !RESTORABLE.test(key); })[0];
  if (other !== undefined) {
    return gettext("This file holds “{key}”, which a backup never restores (only answers, history, notes and progress), so the file was not restored. Nothing was changed.",
                   { key: other.slice(0, 60) });
  }
  // The journal's bound: the largest value any widget keeps (256 KiB).
  var large = keys.filter(function (key) { return items[key].length > JOURNAL_STORED_MAX; })[0];
  if (large !== undefined) return gettext("This file holds a value larger than Closer ever keeps ({key}), so it was not restored. Nothing was changed.", { key: large });
  return "";
}

// Writes every item or, if the browser refuses one, puts back what was there: all or nothing.
function restoreBackup(store, items) {
  var keys = Object.keys(items);
  var before = {};
  keys.forEach(function (key) { before[key] = store.getItem(key); });
  try {
    keys.forEach(function (key) { store.setItem(key, items[key]); });
    return true;
  } catch (error) {
    keys.forEach(function (key) {
      try {
        if (before[key] === null) store.removeItem(key);
        else store.setItem(key, before[key]);
      } catch (ignored) { /* it was there before, so there is room for it */ }
    });
    return false;
  }
}

function backupControls(root, store, status) {
  var exporter = root.querySelector('[data-closer-backup="export"]');
  var importer = root.querySelector('[data-closer-backup="import"]');
  exporter.addEventListener("click", function () {
    var count = exportBackup(store);
    say(status, count ? ngettext("Your backup file of {n} item is downloading. Anyone who opens it can read it.",
                                 "Your backup file of {n} items is downloading. Anyone who opens it can read it.", count)
      : gettext("There is nothing kept in this browser to back up."));
  });
  importer.addEventListener("change", function () {
    var file = importer.files && importer.files[0];
    if (!file) return;
    if (file.size > BACKUP_FILE_MAX) {
      say(status, gettext("This file is too large to be a Closer backup. Nothing was changed."));
      importer.value = "";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var items = backupItems(String(reader.result));
      importer.value = "";
      if (typeof items === "string") return say(status, items);
      if (store.getItem(KEEP_KEY) === "no") return say(status, gettext("You chose not to keep answers on this device, so the backup was not restored. Nothing was changed."));
      var count = Object.keys(items).length;
      say(status, restoreBackup(store, items) ? ngettext("Restored {n} item from the backup.", "Restored {n} items from the backup.", count)
        : gettext("This browser would not keep the whole backup (it may be full), so nothing was changed."));
    };
    reader.onerror = function () { say(status, gettext("The file could not be read. Nothing was changed.")); };
    reader.readAsText(file);
  });
}
