"""A questionnaire's first screen: its first statement in sight, the rest of its intro a tap away."""

from __future__ import annotations

import pytest

from tests.support.browser import show_results_calmly

pytestmark = pytest.mark.browser
PHONE = {"width": 320, "height": 640}
HEADER = 48  # the theme's bar, always on top


@pytest.mark.parametrize("path", ["/quizzes/intimacy-check-in/", "/es/quizzes/intimacy-check-in/", "/quizzes/barriers/"])
def test_the_first_statement_is_within_one_phone_screen_of_the_title(open_site, path):
    page, _, errors = open_site(path, viewport=PHONE)
    title = page.locator(".closer-quiz__title").bounding_box()
    first = page.locator(".closer-quiz__item legend").first.bounding_box()
    # Scrolled so the title sits under the header, the first statement's first line is on screen.
    assert first["y"] + 30 - title["y"] <= PHONE["height"] - HEADER, (title, first)
    more = page.locator(".closer-quiz__more")
    assert more.locator("summary").is_visible() and not more.get_by_text("How to read your scores").is_visible()
    more.locator("summary").click()  # a tap away
    assert more.get_by_text("How to read your scores", exact=False).is_visible() or path.startswith("/es/")
    assert errors == []


def test_results_say_the_safety_line_once_and_no_paragraph_twice(open_site):
    page, _, errors = open_site("/quizzes/intimacy-check-in/")
    widget = page.locator("[data-quiz]")
    show_results_calmly(widget, [2] * widget.locator(".closer-quiz__item").count())  # every area "Needs care"
    widget.locator("[data-compare-create]").click()
    widget.locator("[data-compare-input]").fill(widget.locator("[data-compare-code]").inner_text())
    widget.locator("[data-compare-run]").click()  # the same bands both sides: the same question for every area
    widget.locator("[data-compare-dimension]").first.wait_for()
    # Every paragraph but the scores, which may well be alike (each under its area's heading).
    said = [" ".join(p.split()) for p in widget.locator(".closer-quiz__results p:visible:not(.closer-result__score)").all_inner_texts()]
    said = [p for p in said if p]
    repeated = {p for p in said if said.count(p) > 1}
    assert not repeated
    assert len([p for p in said if "afraid" in p]) == 1, [p for p in said if "afraid" in p]
    assert errors == []
