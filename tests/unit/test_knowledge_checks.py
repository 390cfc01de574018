"""The course's knowledge checks cannot be passed without reading: no position, length or truth cue."""

from __future__ import annotations

from macros.engine.schema import KnowledgeCheck, TrueFalseQuestion
from tests.support import project_quizzes

QUESTIONS = [question for loaded in project_quizzes().quizzes.values() if isinstance(loaded.quiz, KnowledgeCheck)
             for question in loaded.quiz.questions]
SINGLE = [q for q in QUESTIONS if q.type == "single"]
TRUE_FALSE = [q for q in QUESTIONS if isinstance(q, TrueFalseQuestion)]


def right_option(question) -> int:
    return next(i for i, option in enumerate(question.options) if option.correct)


def test_picking_the_first_option_wins_at_most_four_times_in_ten():
    first = sum(right_option(q) == 0 for q in SINGLE)
    assert len(SINGLE) >= 30 and first / len(SINGLE) <= 0.40, (first, len(SINGLE))


def test_picking_the_longest_option_wins_at_most_forty_five_times_in_a_hundred():
    def right_is_single_longest(question) -> bool:
        lengths = [len(option.text) for option in question.options]
        right = lengths[right_option(question)]
        return all(right > length for i, length in enumerate(lengths) if i != right_option(question))
    longest = sum(right_is_single_longest(q) for q in SINGLE)
    assert longest / len(SINGLE) <= 0.45, (longest, len(SINGLE))


def test_true_and_false_are_both_common_answers():
    true = sum(q.answer for q in TRUE_FALSE)
    assert len(TRUE_FALSE) >= 10 and 0.35 <= true / len(TRUE_FALSE) <= 0.65, (true, len(TRUE_FALSE))
