"""Comparison codes: what they carry, what they refuse, and how they survive typing."""

from __future__ import annotations

from pathlib import Path
import re

import pytest

from closer.engine.codes import DIGITS, code_for, compact, make_code, read_code
from tests.support import project_quizzes

QUIZ_ID = "intimacy-check-in"
QUIZ = project_quizzes().quizzes[QUIZ_ID].quiz
COUNTS = [len(d.bands) for d in QUIZ.dimensions]
BANDS = [1, 0, 2, 2, None, 1]
CODE = make_code(QUIZ_ID, QUIZ.version, BANDS)


def test_a_code_carries_the_quiz_its_version_and_one_band_per_area_in_plain_sight():
    assert CODE == f"CLOSER1-INTIMACY-CHECK-IN-V{QUIZ.version}-213302-" + CODE[-2:]
    assert re.fullmatch(r"CLOSER1-[A-Z0-9-]+", CODE) and CODE[-2:].isdigit()
    assert len(CODE) == 38  # read aloud in five groups after CLOSER1


def test_answers_with_the_same_bands_make_the_same_code():
    low = [QUIZ.scale.min + QUIZ.scale.max - 2 if i.reverse else 2 for i in QUIZ.items]  # keyed 2: the lowest band
    lower_still = [QUIZ.scale.min + QUIZ.scale.max - 1 if i.reverse else 1 for i in QUIZ.items]
    assert code_for(QUIZ_ID, QUIZ, low) == code_for(QUIZ_ID, QUIZ, lower_still) == make_code(
        QUIZ_ID, QUIZ.version, [0] * len(COUNTS))
    skipped = [None] * len(QUIZ.items)
    assert code_for(QUIZ_ID, QUIZ, skipped) == make_code(QUIZ_ID, QUIZ.version, [None] * len(COUNTS))


@pytest.mark.parametrize("typed", [CODE, CODE.lower(), compact(CODE), CODE.replace("-", " "),
                                   " " + CODE.replace("-", "\u2013") + "\n"])
def test_a_code_reads_back_however_it_was_typed(typed):
    reading = read_code(typed, QUIZ_ID, QUIZ.version, COUNTS)
    assert reading.problem == "" and list(reading.bands) == BANDS


def test_every_single_typing_mistake_and_every_swap_of_neighbours_is_refused_as_a_typo():
    letters = compact(CODE)
    mistakes = [letters[:i] + c + letters[i + 1:] for i in range(len(letters)) for c in DIGITS if c != letters[i]]
    swaps = [letters[:i] + letters[i + 1] + letters[i] + letters[i + 2:]
             for i in range(len(letters) - 1) if letters[i] != letters[i + 1]]
    for typed in mistakes[7 * 35:] + swaps[7:]:  # past CLOSER1, which is checked by name
        assert read_code(typed, QUIZ_ID, QUIZ.version, COUNTS).problem == "typo", typed
    assert read_code(CODE[:-3], QUIZ_ID, QUIZ.version, COUNTS).problem == "typo"  # cut short


def test_a_code_for_another_quiz_or_version_or_not_a_code_is_refused_with_its_reason():
    def problem(text: str) -> str:
        return read_code(text, QUIZ_ID, QUIZ.version, COUNTS).problem
    assert problem(make_code("barriers", QUIZ.version, [0, 1, 2, 0, 1])) == "other-quiz"
    assert problem(make_code("intimacy-check-in-short", QUIZ.version, BANDS)) == "other-quiz"
    assert problem(make_code(QUIZ_ID, QUIZ.version + 1, BANDS)) == "other-version"
    # Intact codes with other areas or bands than this version has come from another version.
    assert problem(make_code(QUIZ_ID, QUIZ.version, BANDS[:-1])) == "other-version"
    assert problem(make_code(QUIZ_ID, QUIZ.version, [3] + BANDS[1:])) == "other-version"
    assert problem("") == problem("  ") == "empty"
    assert problem("My answers were 4, 4, 2") == "not-a-code"
    assert problem("CLOSER1-<script>") == "not-a-code"


def test_the_example_on_the_privacy_page_is_a_real_code():
    page = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text()
    examples = re.findall(r"CLOSER1-[A-Z0-9-]+", page)
    assert examples
    for example in examples:
        assert read_code(example, QUIZ_ID, QUIZ.version, COUNTS).problem == "", example
