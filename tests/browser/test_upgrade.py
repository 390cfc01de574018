"""No reader loses saved answers to an upgrade: answers saved on the site as it was come back on today's.

The site as it was is a snapshot of the last build whose fingerprints came from rendered HTML
(tests/data/legacy-5fdcdfb/README.md says how it was made). Both are served from one origin in
turn, as a host would publish the new build over the old, in one browser profile.
"""

from __future__ import annotations

import json

import pytest

from macros.render.fingerprints import previous_fingerprint
from tests.support import ROOT, free_port, project_quizzes
from tests.support.browser import serving

pytestmark = pytest.mark.browser
LEGACY = ROOT / "tests" / "data" / "legacy-5fdcdfb"
CATALOG = project_quizzes()
CHECK, SCALE = "sample-knowledge-check", "sample-self-assessment"


def stored(page, quiz_id: str) -> dict:
    version = CATALOG.quizzes[quiz_id].quiz.version
    return json.loads(page.evaluate(f"() => localStorage.getItem('closer:{quiz_id}:v{version}')"))


def test_answers_saved_on_the_old_site_come_back_on_the_new_one(browser, built_site):
    assert CATALOG.quizzes[CHECK].fingerprint != previous_fingerprint(CATALOG.quizzes[CHECK])  # a real change
    origin = f"http://127.0.0.1:{free_port()}"
    context = browser.new_context(service_workers="block")
    context.route("**/*", lambda route: route.continue_())  # routing turns the HTTP cache off: each site as served
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serving(LEGACY, origin):
        page.goto(f"{origin}/embed/quizzes/{CHECK}/")
        first = page.locator(".closer-quiz__question").first
        first.locator("input").nth(1).check()
        first.get_by_role("button", name="Check").click()
        page.goto(f"{origin}/embed/quizzes/{SCALE}/")
        for item in page.locator(".closer-quiz__item").all():
            item.locator("input").nth(3).check()
        page.get_by_role("button", name="Show my results").click()
        assert stored(page, CHECK)["fingerprint"] == previous_fingerprint(CATALOG.quizzes[CHECK])
    with serving(built_site, origin):
        page.goto(f"{origin}/embed/quizzes/{CHECK}/")
        first = page.locator(".closer-quiz__question").first
        assert first.locator("input").nth(1).is_checked()
        assert first.locator(".closer-quiz__verdict").inner_text() == "✗ Not quite."
        second = page.locator(".closer-quiz__question").nth(1)
        second.locator("input").first.check()
        second.get_by_role("button", name="Check").click()
        state = stored(page, CHECK)  # the next answer saves under today's fingerprint
        assert state["fingerprint"] == CATALOG.quizzes[CHECK].fingerprint and state["answers"][0] == [1]
        page.goto(f"{origin}/embed/quizzes/{SCALE}/")
        items = page.locator(".closer-quiz__item")
        assert all(items.nth(i).locator("input").nth(3).is_checked() for i in range(items.count()))
        assert page.locator("[data-dimension='overall']").is_visible()  # results were open: still open
    context.close()
    assert errors == []
