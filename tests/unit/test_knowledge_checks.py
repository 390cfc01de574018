"""The course's knowledge checks cannot be passed without reading: no position, length, truth or count cue."""

from __future__ import annotations

from collections import Counter

import pytest

from closer.engine.kinds.knowledge_check import KnowledgeCheck
from closer.engine.lessons import ORDER, load_lesson
from closer.render.text import removed_markup
from tests.support import ROOT, project_quizzes

CATALOG = project_quizzes()
COURSE = "every knowledge check"


def lesson_checks() -> list[list]:
    """Each lesson's knowledge-check questions, in the course's order."""
    checks = []
    for slug in ORDER:
        file = f"docs/lessons/{slug}.md"
        lesson, problems = load_lesson((ROOT / file).read_text(), file, slug, removed_markup)
        assert lesson, problems
        checks.append(CATALOG.quizzes[lesson.quiz_id].quiz.questions)
    return checks


def batches() -> dict[str, list]:
    """The whole course, then every five lessons in a row: a batch of new checks cannot hide in the whole."""
    checks = lesson_checks()
    windows = {f"{ORDER[i]} to {ORDER[i + 4]}": [q for check in checks[i:i + 5] for q in check]
               for i in range(len(ORDER) - 4)}
    course = [q for loaded in CATALOG.quizzes.values() if isinstance(loaded.quiz, KnowledgeCheck)
              for q in loaded.quiz.questions]
    return {COURSE: course, **windows}


BATCHES = batches()


def of_type(batch: str, kind: str) -> list:
    return [q for q in BATCHES[batch] if q.type == kind]


def right_option(question) -> int:
    return next(i for i, option in enumerate(question.options) if option.correct)


@pytest.mark.parametrize("batch", BATCHES)
def test_the_right_option_takes_every_position_and_is_first_at_most_four_times_in_ten(batch):
    single = of_type(batch, "single")
    right = Counter(right_option(q) for q in single)
    assert len(single) >= (30 if batch == COURSE else 5), len(single)
    assert right[0] / len(single) <= 0.40, (right, len(single))
    assert set(right) == set(range(max(len(q.options) for q in single))), right


@pytest.mark.parametrize("batch", BATCHES)
def test_picking_the_longest_option_wins_at_most_forty_five_times_in_a_hundred(batch):
    def right_is_single_longest(question) -> bool:
        lengths = [len(option.text) for option in question.options]
        right = lengths[right_option(question)]
        return all(right > length for i, length in enumerate(lengths) if i != right_option(question))
    single = of_type(batch, "single")
    longest = sum(right_is_single_longest(q) for q in single)
    assert longest / len(single) <= 0.45, (longest, len(single))


@pytest.mark.parametrize("batch", BATCHES)
def test_true_and_false_are_both_common_answers(batch):
    # Five lessons hold about six statements, so there each answer need only be a third of them.
    statements = of_type(batch, "true-false")
    true = sum(q.answer for q in statements)
    low, high = (0.35, 0.65) if batch == COURSE else (1 / 3, 2 / 3)
    assert len(statements) >= (10 if batch == COURSE else 2), len(statements)
    assert low <= true / len(statements) <= high, (true, len(statements))


@pytest.mark.parametrize("batch", BATCHES)
def test_the_number_of_right_options_varies(batch):
    # Ticking "all but two" or "about half" must not be a way through: neither the count of right
    # options nor the count of wrong ones is the same everywhere. Five lessons hold only three to
    # five such questions, so there they need only differ; across the course one count may cover
    # at most three in four.
    multiple = of_type(batch, "multiple")
    for name, count in (("right", lambda q: sum(o.correct for o in q.options)),
                        ("wrong", lambda q: sum(not o.correct for o in q.options))):
        counts = Counter(count(q) for q in multiple)
        if batch == COURSE:
            assert max(counts.values()) / len(multiple) <= 0.75, (name, counts)
        elif len(multiple) >= 2:
            assert len(counts) >= 2, (name, counts)
