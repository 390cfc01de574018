/* In an embed, results keep one height whatever the answers (QUIZ_FORMAT "Embeds and what a
   host can learn"): each result lays every outcome it could show in one cell (results.js). Left
   there, the room kept for a longer outcome reads as a broken, empty box. So each result takes
   the height of what it shows, and the room the others would need is gathered at the end of the
   results, under a line that says why it is there. Heights are whole pixels, so the sum is the
   same to the pixel for any answers. */

function gatherReservedRoom(results) {
  var room = results.querySelector(":scope > .closer-quiz__room");
  if (!room) {
    room = results.appendChild(element("div", "closer-quiz__room"));
    room.appendChild(element("p", "closer-quiz__room-note",
      gettext("Blank space may follow: this frame keeps one height whatever your answers, so the page around it cannot learn them from its size.")));
    room.appendChild(element("div", "closer-quiz__room-space"));
  }
  var spare = 0;
  all(results, ".closer-result__layers").forEach(function (layers) {
    var shown = layers.querySelector(":scope > :not(.closer-reserved)");
    shown.style.height = "";
    var own = Math.ceil(shown.getBoundingClientRect().height);
    var tallest = own;
    all(layers, ":scope > .closer-reserved").forEach(function (layer) {
      tallest = Math.max(tallest, Math.ceil(layer.getBoundingClientRect().height));
    });
    shown.style.height = own + "px";
    spare += tallest - own;
  });
  // Parts a reader opens (a comparison code, a comparison): while closed, their room too.
  all(results, "[data-closer-room]").forEach(function (part) {
    part.style.height = "";
    var own = Math.ceil(part.getBoundingClientRect().height);
    if (part.classList.contains("closer-reserved")) spare += own;
    else part.style.height = own + "px";
  });
  room.querySelector(".closer-quiz__room-space").style.height = spare + "px";
  watchResults(results);
}

// Gathered again when a part opens, and at a new width, which gives every outcome a new height
// (each sum stays the same for any answers in the meantime: each part keeps its whole-pixel
// height until then).
function watchResults(results) {
  if (results.closerWatched || !window.ResizeObserver) return;
  results.closerWatched = true;
  var width = results.clientWidth;
  function again() {
    if (results.querySelector(".closer-quiz__room")) gatherReservedRoom(results);
  }
  new ResizeObserver(function () {
    if (results.clientWidth === width) return;
    width = results.clientWidth;
    again();
  }).observe(results);
  new MutationObserver(again).observe(results, { subtree: true, attributes: true, attributeFilter: ["class"] });
}
