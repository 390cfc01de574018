"""What a page prints: its content, never the coach's panel or a button; a questionnaire with its scoring key."""

from __future__ import annotations

import pytest

from closer.messages import catalog
from closer.render.text import plain
from tests.support import project_quizzes
from tests.support.browser import pdf_pages

pytestmark = pytest.mark.browser
CHECK_IN = project_quizzes().quizzes["intimacy-check-in"].quiz
ENGLISH = catalog("en")
# The language choice, the coach's panel, the controls and the quick exit. (A quiz's own text may name a button, as the
# check-in's intro names "Clear my answers": only the controls themselves must not print.)
ON_SCREEN_ONLY = ["Español", "Use this in your material", "<iframe", "Copy the code", "Show my results", "Clear this answer",
                  "Mark this lesson as done", "Leave this page", "Try again"]


@pytest.mark.parametrize("path", ["/quizzes/intimacy-check-in/", "/lessons/trust/"])
def test_a_printed_page_has_no_coach_panel_and_no_buttons(open_site, path):
    page, _, errors = open_site(path)
    assert page.locator("details.closer-use").count() == 1  # the panel is on screen
    printed = " ".join(pdf_pages(page))
    for text in ON_SCREEN_ONLY:
        assert text not in printed, text
    assert errors == []


def test_a_printed_questionnaire_has_its_scoring_key_and_its_safety_paragraph(open_site):
    page, _, errors = open_site("/quizzes/intimacy-check-in/")
    assert page.locator(".closer-quiz__paper").is_hidden()  # on screen the widget scores
    printed = " ".join(pdf_pages(page))
    assert ENGLISH.gettext("Scoring it yourself") in printed
    assert "note the number of your answer" in printed
    assert "If you are afraid of the person you are thinking of" in printed
    assert ENGLISH.gettext("More about this questionnaire") not in printed  # the intro's folded part prints open
    assert "How to read your scores" in printed and "Taking it as a pair?" in printed
    for item in (CHECK_IN.items[0], CHECK_IN.screen.items[0]):  # the statements and the safety questions
        assert " ".join(plain(item.text).split()) in printed, item.text
    assert errors == []
