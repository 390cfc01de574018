"""A plan page's calendar is read from the page's own table: its weeks, lessons and days, or located problems."""

from __future__ import annotations

import re

import pytest

from closer.engine.plan import read_plan
from tests.support import ROOT, project_quizzes

CATALOG = project_quizzes()
CALL = ("docs/plan.md", 9, 4)
TABLE = """# A plan

| week | lesson | practice |
|---|---|---|
| 1 | [Trust](lessons/trust.md) | a practice |
| 2 | [Conflict](lessons/conflict.md) and [Your cycle](lessons/your-cycle.md#the-loop) | another, see [the glossary](glossary.md) |

{{ plan_calendar("intimacy-check-in") }}
"""


def plan(text: str, args=("intimacy-check-in",), kwargs=None, catalog=CATALOG, untranslated=frozenset()):
    return read_plan(text, "plan.md", CALL, args, kwargs or {}, catalog, set(untranslated), "quizzes/es")


def problems(text: str, **options) -> list[str]:
    events, found = plan(text, **options)
    assert events == [] or not found
    return [str(problem) for problem in found]


@pytest.mark.parametrize("page", ["docs/plan.md", "docs/es/plan.md"])
def test_the_course_s_plan_is_the_check_in_six_weeks_and_the_check_in_again(page):
    text = (ROOT / page).read_text()
    catalog, untranslated = CATALOG.in_language("es" if "/es/" in page else None)
    events, found = plan(text, catalog=catalog, untranslated=untranslated)
    assert found == []
    assert [(event.part, event.week, event.day) for event in events] == (
        [("check-in", 0, 0)] + [("week", n, 7 * n) for n in range(1, 7)] + [("again", 6, 49)])
    # The lessons are the table's links, in its order: the page is the one place they are written.
    table = re.findall(r"^\| \d \| \[([^]]+)\]\((lessons/[^)]+)\)", text, re.M)
    assert [(page.title, page.target) for event in events[1:7] for page in event.pages] == table
    check_in = catalog.quizzes["intimacy-check-in"]
    assert events[0].pages == events[-1].pages
    assert [(page.title, page.target) for page in events[0].pages] == [(check_in.quiz.title,
                                                                        "quizzes/intimacy-check-in.md")]


def test_a_week_may_hold_several_lessons_and_only_lessons_count():
    events, found = plan(TABLE)
    assert found == []
    assert [[page.target for page in event.pages] for event in events[1:3]] == [
        ["lessons/trust.md"], ["lessons/conflict.md", "lessons/your-cycle.md#the-loop"]]
    assert events[-1].day == 21


def test_a_table_without_outer_pipes_is_read_and_one_in_a_code_block_is_not():
    fenced = "```\n| 1 | [Trust](lessons/trust.md) |\n|---|---|\n| 1 | [Trust](lessons/trust.md) |\n```\n"
    plain = "week | lesson\n--- | ---\n1 | [Trust](lessons/trust.md)\n"
    assert [event.week for event in plan(fenced + plain)[0]] == [0, 1, 1]
    assert problems(fenced) == ["docs/plan.md:9:4: plan_calendar() finds no plan table on this page; write the "
                                "weeks as a Markdown table whose rows start with the week's number (1, 2, …) and "
                                "link that week's lesson, like | 1 | [Trust](lessons/trust.md) |, as docs/plan.md "
                                "does"]


@pytest.mark.parametrize("text, expected", [
    (TABLE.replace("| 2 |", "| 3 |"), ["docs/plan.md:6:1: this row of the plan's table should be week 2; "
                                       "number the weeks 1, 2, 3… in order, one row each"]),
    (TABLE.replace("[Trust](lessons/trust.md)", "Trust"),
     ["docs/plan.md:5:1: week 1 of the plan's table links no lesson; link its lesson, like [Trust](lessons/trust.md)"]),
    (TABLE.replace("| 1 |", "| one |"), ["docs/plan.md:5:1: this row of the plan's table should be week 1; "
                                         "number the weeks 1, 2, 3… in order, one row each"]),
])
def test_a_table_that_is_not_a_plan_is_a_problem_at_its_row(text, expected):
    assert problems(text) == expected


@pytest.mark.parametrize("options, expected", [
    ({"args": ()}, "docs/plan.md:9:4: plan_calendar() takes the check-in's quiz id"),
    ({"args": ("a", "b")}, "docs/plan.md:9:4: plan_calendar() takes the check-in's quiz id"),
    ({"args": (), "kwargs": {"check_in": "intimacy-check-in"}}, None),
    ({"args": ("intimacy-chek-in",)}, "docs/plan.md:9:4: unknown quiz 'intimacy-chek-in'; quizzes that exist, "
                                      "closest first: intimacy-check-in, "),
    ({"untranslated": {"intimacy-check-in"}}, "docs/plan.md:9:4: the quiz 'intimacy-check-in' has no translation in "
                                              "this page's language; add its translation to quizzes/es/"),
])
def test_the_check_in_is_named_by_the_call_and_must_exist(options, expected):
    found = problems(TABLE, **options)
    assert found == [] if expected is None else (len(found) == 1 and found[0].startswith(expected)), found
