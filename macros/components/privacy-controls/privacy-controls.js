/* The privacy page's site-wide controls: clear every saved answer, stop keeping answers. */

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

component("privacy", privacyControls);
