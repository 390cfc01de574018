"""A conversation deck: cards for two people to talk about, drawn one at a time (QUIZ_FORMAT "Conversation decks")."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field

from ..characters import same_text
from ..problems import did_you_mean
from ..schema import Common, Identifier, InlineText, Strict
from . import Kind, register

MIN_CARDS, MAX_CARDS = 5, 300


class Level(Strict):
    key: Identifier
    title: InlineText


class Card(Strict):
    text: InlineText
    level: Identifier | None = None


class Deck(Common):
    kind: Literal["deck"]
    levels: list[Level] | None = Field(default=None, min_length=1)
    cards: list[Card] = Field(min_length=MIN_CARDS, max_length=MAX_CARDS)


def rules(quiz: Deck, at):
    """Unique card texts and level keys; with levels every card names one, and every level has cards."""
    texts: dict[str, int] = {}
    for i, card in enumerate(quiz.cards):
        shown = same_text(card.text)  # as a reader sees it: `Ａ` repeats `A`
        if shown in texts:
            earlier = at(("cards", texts[shown], "text"), "", "").line
            yield at(("cards", i, "text"), f"this card repeats the card at line {earlier}",
                     "give every card a different text")
        texts.setdefault(shown, i)
    if quiz.levels is None:
        for i, card in enumerate(quiz.cards):
            if card.level is not None:
                yield at(("cards", i, "level"), f"the card names level '{card.level}', but the deck has no levels",
                         "add 'levels:' to the deck, or remove the card's level")
        return
    keys = [level.key for level in quiz.levels]
    repeated = [j for j, key in enumerate(keys) if key in keys[:j]]
    for j in repeated:
        yield at(("levels", j, "key"), f"level key '{keys[j]}' is used twice", "give each level its own key")
    if repeated:  # a key written twice usually stands for one lost: the cards of that one would all be reported
        return
    for i, card in enumerate(quiz.cards):
        if card.level is None:
            yield at(("cards", i), "the card names no level", "add 'level:' with one of: " + ", ".join(keys))
        elif card.level not in keys:
            yield at(("cards", i, "level"), f"unknown level '{card.level}'",
                     did_you_mean(card.level, keys, "use one of: " + ", ".join(keys)))
    counts = Counter(card.level for card in quiz.cards)
    for j, key in enumerate(keys):  # unique here: a key written twice returned above
        if not counts[key]:
            yield at(("levels", j), f"level '{key}' has no card",
                     "give it cards with 'level: " + key + "', or remove the level")


# Cards: a sheet of cut-out cards to print, at /worksheets/decks/<id>/.
KIND = register(Kind("deck", Deck, lambda quiz: quiz.cards, rules, exports=frozenset({"cards"}), noun="deck"))
