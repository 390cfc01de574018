/* A conversation deck (QUIZ_FORMAT "Conversation decks"): one card at a time, drawn in an order
   shuffled on this device from every level or one; favourites; a round ends once every card of
   the choice has been drawn. The cards come from the deck's own list (the page without
   JavaScript, and on paper), so nothing is written twice. Kept as {fingerprint, savedAt,
   favourites, drawn}. One state object per widget. */

var DECK_COMPLETE_AFTER = 5;  // cards drawn in a visit before a learning platform hears "completed"

var DECK_NOTES = {
  refused: gettext("This browser is not letting the site keep your favourites, so they will be gone when you leave this page."),
  scorm: gettext("Your favourites are not kept here, so they will be gone when you leave this page."),
  chosen: gettext("You chose not to keep answers on this device, so your favourites will be gone when you leave this page."),
  failed: gettext("This browser did not keep your favourites, so they will be gone when you leave this page.")
};

function deck(root) {
  var state = {
    root: root,
    saved: new Saved(root, DECK_NOTES),
    cards: [],  // by index in the file: {index, level, title, node}
    area: root.querySelector("[data-deck-card]"),
    next: root.querySelector("[data-deck-next]"),
    favourite: root.querySelector("[data-deck-favourite]"),
    newRound: root.querySelector("[data-deck-new-round]"),
    choice: root.querySelector("[data-deck-level]"),
    favourites: root.querySelector("[data-deck-favourites]"),
    none: root.querySelector(".closer-deck__no-favourites"),
    drawn: [], kept: [], shown: null, draws: 0
  };
  all(root, ".closer-deck__list li[data-card]").forEach(function (item) {
    var level = item.getAttribute("data-level") || "";
    state.cards[Number(item.getAttribute("data-card"))] = {
      index: Number(item.getAttribute("data-card")), level: level, title: levelTitle(state, level), node: item
    };
  });
  buildCardArea(state);
  reveal(state.newRound, false);  // in an embed its space is kept from the start
  wireDeck(state);
  restoreDeck(state);
  root.classList.add("closer-deck--live");
  show(root.querySelector(".closer-deck__play"), true);
  show(root.querySelector(".closer-quiz__tools"), true);
  state.saved.sayWhetherKept();
  state.saved.watch(root, function () { forgetDeck(state); });
}

function levelTitle(state, key) {
  var option = state.choice && key ? state.choice.querySelector('option[value="' + key + '"]') : null;
  return option ? option.textContent : "";
}

// The card area holds every card it could show, unseen, in the one grid cell the shown card
// takes: so it is always as tall as its longest card at any width, and the buttons under it
// never move (and in an embed, the frame's height tells the host nothing).
function buildCardArea(state) {
  state.face = element("div", "closer-deck__face");
  state.face.setAttribute("aria-live", "polite");
  state.face.setAttribute("aria-atomic", "true");
  state.area.appendChild(state.face);
  var messages = [startMessage(), endMessage("")].concat(state.choice ? all(state.choice, "option[value]")
    .filter(function (option) { return option.value; })
    .map(function (option) { return endMessage(option.textContent); }) : []);
  state.cards.concat(messages).forEach(function (content) {
    var sizer = element("div", "closer-deck__face closer-deck__sizer");
    sizer.setAttribute("aria-hidden", "true");
    fillFace(sizer, content);
    state.area.appendChild(sizer);
  });
  fillFace(state.face, startMessage());
}

function startMessage() {
  return { title: "", text: gettext("Press “Draw a card” to see the first one.") };
}

function endMessage(level) {
  return { title: "", text: level
    ? fill(gettext("You have drawn every card of “{level}”. Start a new round to draw them again."), { level: level })
    : gettext("You have drawn every card. Start a new round to draw them again.") };
}

// content: a card ({title, node}) or a message ({title, text}).
function fillFace(face, content) {
  face.textContent = "";
  if (content.title) face.appendChild(element("p", "closer-deck__label", content.title));
  var text = element("p", "closer-deck__text");
  if (content.node) {
    Array.prototype.forEach.call(content.node.childNodes, function (child) { text.appendChild(child.cloneNode(true)); });
  } else {
    text.textContent = content.text;
  }
  face.appendChild(text);
}

function wireDeck(state) {
  state.next.addEventListener("click", function () { drawCard(state); });
  state.newRound.addEventListener("click", function () { startRound(state); });
  state.favourite.addEventListener("click", function () {
    if (state.shown === null) return;
    var at = state.kept.indexOf(state.shown);
    if (at >= 0) state.kept.splice(at, 1);
    else state.kept.push(state.shown);
    keepDeck(state);
    showFavourites(state);
  });
  // Arrowing through a closed select fires "change" at each level: it says what that choice holds
  // and never moves the focus away (WCAG 3.2.2).
  if (state.choice) state.choice.addEventListener("change", function () { roundEnded(state, false); });
  state.root.querySelector(".closer-quiz__clear").addEventListener("click", function () { state.saved.clear(); });
  if (EMBEDDED) {  // the favourites scroll within a space of their own: a named region the keyboard reaches
    var box = state.favourites.parentNode;
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", box.getAttribute("data-labelled-by"));
  }
}

function chosenLevel(state) {
  return state.choice ? state.choice.value : "";
}

function undrawn(state) {
  var level = chosenLevel(state);
  return state.cards.filter(function (card) {
    return (!level || card.level === level) && state.drawn.indexOf(card.index) < 0;
  });
}

// A card not yet drawn in this round, picked at random on this device.
function drawCard(state) {
  var left = undrawn(state);
  if (!left.length) return roundEnded(state, true);
  var card = left[randomBelow(left.length)];
  state.drawn.push(card.index);
  state.draws += 1;
  showCard(state, card.index);
  keepDeck(state);
  if (state.draws === Math.min(DECK_COMPLETE_AFTER, state.cards.length)) notify(state.root, "complete");
}

function randomBelow(n) {
  if (window.crypto && window.crypto.getRandomValues) {
    var value = new Uint32Array(1);
    window.crypto.getRandomValues(value);
    return value[0] % n;
  }
  return Math.floor(Math.random() * n);
}

function showCard(state, index) {
  state.shown = index;
  state.area.setAttribute("data-card-index", index === null ? "" : String(index));
  fillFace(state.face, index === null ? startMessage() : state.cards[index]);
  showFavourites(state);
}

// When the choice has no card left, says so and offers a new round (moving the focus there only
// when the reader asked to draw); a choice with cards left replaces an earlier "all drawn".
function roundEnded(state, asked) {
  var over = !undrawn(state).length;
  reveal(state.newRound, over);
  state.next.disabled = over;
  if (over) {
    state.shown = null;
    state.area.setAttribute("data-card-index", "");
    fillFace(state.face, endMessage(levelTitle(state, chosenLevel(state))));
    showFavourites(state);
    if (asked) state.newRound.focus();
  } else if (state.shown === null) {
    fillFace(state.face, startMessage());
  }
}

function startRound(state) {
  var level = chosenLevel(state);
  state.drawn = state.drawn.filter(function (index) { return level && state.cards[index].level !== level; });
  reveal(state.newRound, false);
  state.next.disabled = false;
  drawCard(state);
  state.next.focus();
}

function showFavourites(state) {
  var pressed = state.shown !== null && state.kept.indexOf(state.shown) >= 0;
  state.favourite.disabled = state.shown === null;
  state.favourite.setAttribute("aria-pressed", String(pressed));
  state.favourite.firstChild.textContent = pressed ? "★" : "☆";
  state.favourites.textContent = "";
  state.kept.forEach(function (index) {
    var item = element("li", "closer-deck__favourite-card");
    var text = element("div", "closer-deck__favourite-text");
    fillFace(text, { node: state.cards[index].node });
    text.id = state.favourites.parentNode.getAttribute("data-labelled-by") + "-" + index;  // unique per widget
    var remove = element("button", "closer-deck__remove", gettext("Remove"));
    remove.type = "button";
    remove.setAttribute("aria-describedby", text.id);  // which card: "Remove" alone repeats down the list
    remove.addEventListener("click", function () { unfavourite(state, index); });
    item.appendChild(text);
    item.appendChild(remove);
    state.favourites.appendChild(item);
  });
  show(state.none, !state.kept.length);
  show(state.favourites, state.kept.length > 0);  // no empty list for a screen reader to announce
}

function unfavourite(state, index) {
  var at = state.kept.indexOf(index);
  state.kept.splice(at, 1);
  keepDeck(state);
  showFavourites(state);
  // The next favourite's button, or the one before, or the deck's first control still usable.
  var buttons = all(state.favourites, "button");
  var next = buttons[Math.min(at, buttons.length - 1)] ||
    [state.favourite, state.next, state.newRound].filter(function (button) {
      return !button.disabled && !button.hidden && !button.classList.contains("closer-reserved");
    })[0];
  next.focus();
}

function keepDeck(state) {
  state.saved.saveState({ favourites: state.kept, drawn: state.drawn });
}

function restoreDeck(state) {
  var total = state.cards.length;
  function indexes(value) {
    return Array.isArray(value) && value.every(function (index, at) {
      return index === Math.floor(index) && index >= 0 && index < total && value.indexOf(index) === at;
    });
  }
  var kept = state.saved.loadState(function (saved) { return indexes(saved.favourites) && indexes(saved.drawn); });
  if (!kept) return;
  state.kept = kept.favourites;
  state.drawn = kept.drawn;
  showCard(state, state.drawn.length ? state.drawn[state.drawn.length - 1] : null);
}

// Cleared here or in another tab, or "don't keep" chosen: the deck starts afresh.
function forgetDeck(state) {
  state.drawn = [];
  state.kept = [];
  reveal(state.newRound, false);
  state.next.disabled = false;
  showCard(state, null);
}

component("deck", deck);
