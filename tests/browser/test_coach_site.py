"""A coach's own MkDocs site with only Closer's quizzes works in the browser as the course does."""

from __future__ import annotations

import shutil

from tests.support import FIXTURES, free_port, run_mkdocs_build
from tests.support.browser import open_page, serving


def test_a_quiz_on_a_coach_s_site_is_styled_answerable_and_private(browser, tmp_path):
    project = shutil.copytree(FIXTURES / "coach-site", tmp_path / "coach")
    origin = f"http://127.0.0.1:{free_port()}"
    result = run_mkdocs_build(project, project / "site", origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(project / "site", origin):
        page, log, errors = open_page(browser, origin, "/", viewport={"width": 320, "height": 700})
        quiz = page.locator('[data-quiz="first-session"][data-ready]')
        quiz.wait_for()  # Closer's script runs on a site whose mkdocs.yml never names it
        question = quiz.locator("fieldset").first
        question.get_by_label("I need an hour alone after work.").check()
        question.get_by_role("button", name="Check").click()
        assert question.locator(".closer-quiz__verdict").inner_text() == "✓ Right."
        leave = page.get_by_role("link", name="Leave this page")
        assert leave.is_visible() and leave.evaluate("link => getComputedStyle(link).position") == "sticky"  # styled
        assert leave.bounding_box()["y"] == 0  # in the header's band, at the top
        assert errors == [] and log.foreign == []  # no web fonts or anything else from another site
        page.context.close()
    # A site of knowledge checks loads the checks' code, not the course's decks, check-in, journal or calendar.
    script = (project / "site" / "assets" / "closer" / "closer.js").read_text()
    assert "Your answer: right" in script
    for elsewhere in ("Your favourites are not kept here", "Keep a history of my results", "Your scores at a glance",
                      "This browser is not letting the site keep notes", "Add to my calendar"):
        assert elsewhere not in script, elsewhere
