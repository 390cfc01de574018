"""The nav and the course's lesson order (ORDER) agree, or the problem names the first difference."""

from __future__ import annotations

from closer.engine.lessons import ORDER, check_nav_order

NAV = [f"lessons/{slug}.md" for slug in ORDER]
TEXT = "nav:\n  - index.md\n" + "".join(f"  - {path}\n" for path in NAV)


def test_the_course_s_own_order_passes_with_other_pages_around_it():
    assert check_nav_order(["index.md", *NAV, "privacy.md"], set(ORDER), TEXT) == []


def test_a_swap_is_named_at_the_first_lesson_out_of_place():
    nav = NAV.copy()
    nav[1], nav[2] = nav[2], nav[1]
    [problem] = check_nav_order(nav, set(ORDER), TEXT)
    assert (problem.line, problem.col) == (5, 5)  # where ORDER[2] is written
    assert problem.what == f"the nav lists lessons/{ORDER[2]}.md where the course has lessons/{ORDER[1]}.md"


def test_a_lesson_left_out_of_the_nav_is_named():
    [problem] = check_nav_order(NAV[:-1], set(ORDER), TEXT)
    assert problem.what == f"the nav leaves out lessons/{ORDER[-1]}.md"


def test_only_the_lessons_the_project_has_are_expected():
    assert check_nav_order(NAV[1:], set(ORDER[1:]), TEXT) == []
