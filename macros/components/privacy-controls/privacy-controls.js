/* The privacy page's site-wide controls: clear everything kept (answers, history, journal,
   progress, settings), stop keeping answers, and back up (backup.js). */

function privacyControls(root) {
  var store = storage();
  var clearAll = root.querySelector(".closer-privacy__clear");
  var keep = root.querySelector(".closer-privacy__keep");
  var status = root.querySelector(".closer-privacy__status");

  if (store === null) {
    say(status, gettext("This browser is not letting the site keep anything, so there is nothing to clear."));
    return;
  }
  function showChoice() { keep.checked = store.getItem(KEEP_KEY) === "no"; }
  showChoice();
  watchKept(root, function (change) { if (change.keepChanged) showChoice(); });  // chosen in another tab
  clearAll.addEventListener("click", function () {
    var count = forgetEverything();
    say(status, count ? ngettext("Cleared everything this site kept in this browser: answers, history, journal notes and progress ({n} item).",
                                 "Cleared everything this site kept in this browser: answers, history, journal notes and progress ({n} items).", count)
                      : gettext("There was nothing kept to clear."));
  });
  keep.addEventListener("change", function () {
    if (keep.checked) {
      chooseKeeping(false);
      say(status, gettext("Nothing will be kept on this device: no answers, history, journal notes or progress. Anything already kept was cleared."));
    } else {
      chooseKeeping(true);
      say(status, gettext("Answers will be kept on this device until you clear them."));
    }
  });
  backupControls(root, store, status);
  all(root, "[hidden]").forEach(function (node) { node.hidden = false; });
}

component("privacy", privacyControls);
