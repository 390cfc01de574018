"""The Python scoring reference on hand-worked cases of QUIZ_FORMAT.md's scoring rules."""

from __future__ import annotations

import pytest

from closer.engine.scoring import round_half_up, score, screen_flagged
from tests.support import quiz_from_text


def quiz(items: str, bands: str = "[{upto: 2.5, label: Low}, {upto: 3.75, label: Mid}, {upto: 5, label: High}]",
         overall: str = "") -> object:
    text = f"""kind: self-assessment
title: T
scale: {{min: 1, max: 5, labels: [a, b, c, d, e]}}
dimensions:
  - {{id: one, title: One, bands: {bands}}}
  - {{id: two, title: Two, bands: [{{upto: 5, label: Only}}]}}
items:
{items}
{overall}"""
    loaded, problems = quiz_from_text(text.encode(), "quizzes/t.yml")
    assert problems == [], problems
    return loaded.quiz


FOUR = quiz("\n".join(["  - {text: a, dimension: one}", "  - {text: b, dimension: one, reverse: true}",
                       "  - {text: c, dimension: one}", "  - {text: d, dimension: one}",
                       "  - {text: e, dimension: two}", "  - {text: f, dimension: two}"]),
            overall="overall: {bands: [{upto: 3, label: Start}, {upto: 5, label: Going}]}")


def test_reverse_items_count_as_min_plus_max_minus_the_answer():
    result = score(FOUR, [5, 5, 5, 5, 1, 1])
    assert (result["one"].sum, result["one"].count) == (16, 4)  # 5 + (1+5-5) + 5 + 5
    assert result["one"].rounded(2) == "4.00" and result["one"].band == "High"


def test_skipped_items_leave_the_mean_of_the_answered_ones():
    result = score(FOUR, [4, None, 2, None, 3, None])
    assert (result["one"].sum, result["one"].count) == (6, 2)
    assert result["one"].rounded(1) == "3.0" and result["one"].band == "Mid"
    assert result["two"].rounded(2) == "3.00"


def test_fewer_than_half_answered_gives_no_score():
    result = score(FOUR, [4, None, None, None, None, None])
    assert not result["one"].enough and result["one"].rounded(2) == "" and result["one"].band == ""
    assert not result["two"].enough
    assert not result["overall"].enough  # 1 of 6 answered


def test_exactly_half_answered_is_enough():
    result = score(FOUR, [4, 2, None, None, 5, None])
    assert result["one"].enough and result["one"].rounded(2) == "4.00"  # 4 + (6-2) over 2
    assert result["two"].enough and result["two"].rounded(2) == "5.00"


def test_a_score_exactly_on_upto_takes_that_band():
    result = score(FOUR, [2, 3, 3, 2, 1, 1])  # one: 2 + 3 + 3 + 2 = 10 / 4 = 2.5
    assert result["one"].rounded(2) == "2.50" and result["one"].band == "Low"
    assert score(FOUR, [3, 3, 3, 4, 1, 1])["one"].band == "Mid"  # 3.25


def test_bands_compare_the_exact_fraction_not_a_rounded_score():
    # 11/3 = 3.666..., shown as 3.7, but still below upto 3.67 and so in its band
    third = quiz("\n".join(["  - {text: a, dimension: one}"] * 3 + ["  - {text: e, dimension: two}"] * 2),
                 bands="[{upto: 3.66, label: Below}, {upto: 3.67, label: Near}, {upto: 5, label: Above}]")
    result = score(third, [4, 4, 3, None, None])
    assert result["one"].rounded(1) == "3.7" and result["one"].rounded(2) == "3.67"
    assert result["one"].band == "Near"


@pytest.mark.parametrize("total,count,decimals,shown", [
    (9, 4, 1, "2.3"),      # 2.25 rounds half up
    (17, 8, 2, "2.13"),    # 2.125 rounds half up
    (5, 2, 0, "3"),        # 2.5
    (10, 3, 2, "3.33"),
    (20, 6, 1, "3.3"),     # 3.333...
    (7, 2, 1, "3.5"),
    (-9, 4, 1, "-2.2"),    # -2.25 rounds half up, toward +infinity
    (-1, 3, 2, "-0.33"),
    (1, 1000, 2, "0.00"),
])
def test_half_up_rounding_on_the_exact_fraction(total, count, decimals, shown):
    assert round_half_up(total, count, decimals) == shown


def test_overall_uses_every_answered_item_and_its_own_bands():
    result = score(FOUR, [5, 1, 5, 5, 5, 5])  # keyed: 5, 5, 5, 5, 5, 5
    assert result["overall"].rounded(2) == "5.00" and result["overall"].band == "Going"
    assert score(FOUR, [1, 5, 1, 1, 1, 1])["overall"].band == "Start"


def test_no_overall_bands_gives_an_empty_band():
    plain = quiz("  - {text: a, dimension: one}\n  - {text: b, dimension: one}\n"
                 "  - {text: c, dimension: two}\n  - {text: d, dimension: two}")
    assert score(plain, [1, 2, 3, 4])["overall"].band == ""
    assert score(plain, [1, 2, 3, 4])["overall"].rounded(2) == "2.50"


SCREENED = quiz("  - {text: a, dimension: one}\n  - {text: b, dimension: one}\n"
                "  - {text: c, dimension: two}\n  - {text: d, dimension: two}",
                overall="""screen:
  title: Before your results
  message: Safety first.
  items:
    - {text: I feel afraid of them., when: [3, 4, 5]}
    - {text: They decide who I may see., when: [5]}""")


@pytest.mark.parametrize("answers,flagged", [
    ([None, None], False),        # skipping the screen never flags
    ([2, 4], False),              # close to a trigger is not a trigger
    ([3, None], True),            # any one trigger answer is enough
    ([1, 5], True),
    ([5, 5], True),
])
def test_the_screen_flags_on_any_trigger_answer(answers, flagged):
    assert screen_flagged(SCREENED, answers) is flagged

