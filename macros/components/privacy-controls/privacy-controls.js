/* The privacy page's site-wide controls: clear everything kept (answers, history, journal,
   progress, settings), stop keeping answers, and back up (backup.js). */

function privacyControls(root) {
  var store = storage();
  var clearAll = root.querySelector(".closer-privacy__clear");
  var keep = root.querySelector(".closer-privacy__keep");
  var status = root.querySelector(".closer-privacy__status");

  function removeAnswers() {
    var keys = closerKeys(store).filter(function (key) { return key !== KEEP_KEY; });
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
    say(status, count ? "Cleared everything this site kept in this browser: answers, history, journal notes and progress (" +
                        count + " item" + (count > 1 ? "s" : "") + ")."
                      : "There was nothing kept to clear.");
  });
  keep.addEventListener("change", function () {
    if (keep.checked) {
      removeAnswers();
      store.setItem(KEEP_KEY, "no");
      say(status, "Nothing will be kept on this device: no answers, history, journal notes or progress. Anything already kept was cleared.");
    } else {
      store.removeItem(KEEP_KEY);
      say(status, "Answers will be kept on this device until you clear them.");
    }
  });
  backupControls(root, store, status);
  all(root, "[hidden]").forEach(function (node) { node.hidden = false; });
}

component("privacy", privacyControls);
