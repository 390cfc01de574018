"""Conversation decks: the form QUIZ_FORMAT fixes, and every broken deck refused at its line and column."""

from __future__ import annotations

import pytest
import textstat

from closer.engine.catalog import LoadedQuiz
from closer.engine.kinds import KINDS, kind_of
from tests.support import ROOT, project_quizzes, quiz_from_text

CARD = '  - {{text: "Card {n}?", level: {level}}}\n'
LEVELS = "levels:\n  - {key: light, title: Light}\n  - {key: deeper, title: Deeper}\n"


def deck(cards: str, head: str = "kind: deck\ntitle: Talk\n" + LEVELS) -> str:
    return head + "cards:\n" + cards


FIVE = "".join(CARD.format(n=n, level="light" if n < 3 else "deeper") for n in range(5))


def problems(text: str) -> list[str]:
    return [str(p) for p in quiz_from_text(text, "quizzes/talk.yml")[1]]


def test_a_deck_loads_with_its_levels_and_cards_and_is_a_registered_kind():
    loaded, found = quiz_from_text(deck(FIVE), "quizzes/talk.yml")
    assert found == []
    assert [c.level for c in loaded.quiz.cards] == ["light"] * 3 + ["deeper"] * 2
    assert kind_of(loaded.quiz) is KINDS["deck"] and KINDS["deck"].exports == {"cards"}


def test_a_deck_without_levels_has_cards_without_levels():
    text = "kind: deck\ntitle: Talk\ncards:\n" + "".join(f'  - text: "Card {n}?"\n' for n in range(5))
    assert problems(text) == []


def test_the_fingerprint_covers_the_cards_only():
    first = quiz_from_text(deck(FIVE), "quizzes/talk.yml")[0]
    retitled = quiz_from_text(deck(FIVE).replace("title: Talk", "title: Other"), "quizzes/talk.yml")[0]
    edited = quiz_from_text(deck(FIVE).replace("Card 4?", "Card four?"), "quizzes/talk.yml")[0]
    assert first.fingerprint == retitled.fingerprint != edited.fingerprint


BROKEN = [
    ("too-few", deck(FIVE.split("\n", 1)[1]), "7:3", "needs at least 5 entries, found 4"),
    ("repeated", deck(FIVE.replace("Card 3?", "Card 2?")), "10:12", "this card repeats the card at line 9"),
    ("repeated-as-seen", deck(FIVE.replace("Card 3?", "Ｃard 2?")), "10:12", "this card repeats the card at line 9"),
    ("unknown-level", deck(FIVE.replace("level: deeper", "level: deep", 1)), "10:30", "unknown level 'deep'; did you mean 'deeper'"),
    ("no-level", deck(FIVE + '  - {text: "Card 5?"}\n'), "12:5", "the card names no level; add 'level:' with one of: light, deeper"),
    ("level-without-levels", "kind: deck\ntitle: Talk\ncards:\n" + FIVE, "4:30", "but the deck has no levels"),
    ("level-twice", deck(FIVE, "kind: deck\ntitle: Talk\n" + LEVELS + "  - {key: light, title: Again}\n"), "6:11", "level key 'light' is used twice"),
    ("empty-level", deck(FIVE.replace("deeper", "light"), "kind: deck\ntitle: Talk\n" + LEVELS), "5:5", "level 'deeper' has no card"),
    ("bad-key", deck(FIVE, "kind: deck\ntitle: Talk\nlevels:\n  - {key: Light One, title: L}\n"), "4:11", "'Light One' is not a valid id"),
    ("unknown-key", deck(FIVE.replace("{text:", "{txt:", 1)), "7:6", "unknown key 'txt'; did you mean 'text'"),
    ("kind-typo", deck(FIVE).replace("kind: deck", "kind: dek"), "1:7", "unknown kind 'dek'; did you mean 'deck'"),
]


def test_a_level_key_written_twice_is_the_one_problem_reported():
    head = "kind: deck\ntitle: Talk\nlevels:\n  - {key: light, title: Light}\n  - {key: light, title: Deeper}\n"
    assert problems(deck(FIVE, head)) == ["quizzes/talk.yml:5:11: level key 'light' is used twice; give each level its own key"]


@pytest.mark.parametrize("text,where,expect", [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_a_broken_deck_is_refused_at_its_line_and_column(text, where, expect):
    found = problems(text)
    assert any(line.startswith(f"quizzes/talk.yml:{where}: ") and expect in line for line in found), found


def test_too_many_cards_are_refused():
    many = "".join(CARD.format(n=n, level="light" if n % 2 else "deeper") for n in range(301))
    assert any("allows at most 300 entries, found 301" in line for line in problems(deck(many)))


def test_markup_in_a_card_is_reported_and_never_kept_as_markup():
    found = problems(deck(FIVE.replace("Card 0?", "Card <script>alert(1)</script>0?")))
    assert any(":7:" in line and "warning" in line and "removed from the text" in line for line in found), found


def course_decks(quizzes: dict) -> dict:
    """The course's decks: every deck but the sample in the authoring guide."""
    return {quiz_id: loaded for quiz_id, loaded in quizzes.items()
            if loaded.quiz.kind == "deck" and not quiz_id.startswith("sample-")}


DECKS = course_decks(project_quizzes().quizzes)
SPANISH = course_decks(project_quizzes().translations["es"])


def test_the_course_has_its_five_decks_in_both_languages():
    assert set(DECKS) == set(SPANISH) == {"knowing-each-other-now", "good-things", "dreams-and-meaning",
                                          "daily-check-in", "repair"}


@pytest.mark.parametrize("deck_id", sorted(DECKS))
def test_each_deck_has_forty_plain_cards_from_light_to_deeper(deck_id):
    loaded: LoadedQuiz = DECKS[deck_id]
    cards = loaded.quiz.cards
    assert len(cards) >= 40
    assert [level.key for level in loaded.quiz.levels][0] == "light" and len(loaded.quiz.levels) >= 2
    assert textstat.flesch_kincaid_grade(" ".join(card.text for card in cards)) <= 8


@pytest.mark.parametrize("deck_id", sorted(DECKS))
def test_each_deck_says_it_is_for_two_people_who_feel_safe_and_links_the_safety_page(deck_id):
    for loaded in (DECKS[deck_id], SPANISH[deck_id]):
        assert "(right-for-you.md)" in loaded.quiz.intro
    assert "feel safe with each other" in DECKS[deck_id].quiz.intro
    assert "afraid" in DECKS[deck_id].quiz.intro


@pytest.mark.parametrize("deck_id", sorted(DECKS))
def test_each_deck_is_linked_from_a_lesson_in_both_languages(deck_id):
    for folder in ("docs/lessons", "docs/es/lessons"):
        assert any(f"quizzes/{deck_id}.md" in lesson.read_text() for lesson in (ROOT / folder).glob("*.md")), folder
