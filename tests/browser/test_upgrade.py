"""No reader loses saved answers to an upgrade: answers saved on the site as it was come back on today's.

The site as it was is a snapshot of the last build whose fingerprints came from rendered HTML
(tests/data/legacy-5fdcdfb/README.md says how it was made). Both are served from one origin in
turn, as a host would publish the new build over the old, in one browser profile. Every quiz
kind is covered, and today's answers are looked for where the reader saved them (the embed) and
on a quiz's own page of the site.
"""

from __future__ import annotations

import json
import re

import pytest

from closer.render.fingerprints import previous_fingerprint
from tests.support import ROOT, free_port, project_quizzes
from tests.support.browser import serving

pytestmark = pytest.mark.browser
LEGACY = ROOT / "tests" / "data" / "legacy-5fdcdfb"
CATALOG = project_quizzes()
CHECK, SCALE = "sample-knowledge-check", "sample-self-assessment"
# The sample check's questions in order: single, multiple, true-false. The reader's choices cover
# a wrong single answer, two options of a multiple question, and "false".
CHOICES = [[1], [0, 1], [1]]
SCALE_ANSWERS = [4, 2, None, 5, 1, 3]  # one skipped: a null in the saved answers


def stored(page, quiz_id: str) -> dict:
    version = CATALOG.quizzes[quiz_id].quiz.version
    return json.loads(page.evaluate(f"() => localStorage.getItem('closer:{quiz_id}:v{version}')"))


def answer_check(page) -> None:
    for question, picked in zip(page.locator(".closer-quiz__question").all(), CHOICES):
        for index in picked:
            question.locator("input").nth(index).check()
        question.get_by_role("button", name="Check").click()


def assert_check_restored(page) -> None:
    questions = page.locator(".closer-quiz__question")
    for q, picked in enumerate(CHOICES):
        inputs = questions.nth(q).locator("input")
        assert [inputs.nth(i).is_checked() for i in range(inputs.count())] == \
            [i in picked for i in range(inputs.count())], f"question {q + 1} lost its answer"
        assert questions.nth(q).locator(".closer-quiz__verdict").inner_text() in ("✓ Right.", "✗ Not quite.")
    assert page.locator(".closer-quiz__summary").inner_text().startswith("You got ")


def answer_scale(page) -> None:
    for item, value in zip(page.locator(".closer-quiz__item").all(), SCALE_ANSWERS):
        if value is not None:
            item.locator(f'input[value="{value}"]').check()
    page.get_by_role("button", name="Show my results").click()


def assert_scale_restored(page) -> None:
    items = page.locator(".closer-quiz__item")
    for i, value in enumerate(SCALE_ANSWERS):
        checked = items.nth(i).locator("input:checked")
        assert checked.count() == (0 if value is None else 1), f"statement {i + 1}"
        if value is not None:
            assert checked.get_attribute("value") == str(value), f"statement {i + 1} lost its answer"
    assert page.locator("[data-dimension='overall']").is_visible()  # results were open: still open


KINDS = {
    "knowledge-check": (CHECK, answer_check, assert_check_restored),
    "self-assessment": (SCALE, answer_scale, assert_scale_restored),
}


def test_every_kind_a_reader_could_save_answers_in_on_the_old_site_is_covered():
    # Decks came after the snapshot: no reader of that site kept favourites to lose.
    old = {kind for page in LEGACY.rglob("*.html") for kind in re.findall(r'data-quiz-kind="([a-z-]+)"', page.read_text())}
    assert old and old <= set(KINDS), f"kinds with no upgrade test: {old - set(KINDS)}"


# Each kind once, and each place once: the embed and the site's page share one script and one storage.
@pytest.mark.parametrize("kind, where", [("knowledge-check", "/embed/quizzes/{}/"), ("self-assessment", "/quizzes/{}/")])
def test_answers_saved_on_the_old_site_come_back_on_the_new_one(browser, built_site, kind, where):
    quiz_id, answer, assert_restored = KINDS[kind]
    origin = f"http://127.0.0.1:{free_port()}"
    context = browser.new_context(service_workers="block")
    context.route("**/*", lambda route: route.continue_())  # routing turns the HTTP cache off: each site as served
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serving(LEGACY, origin):
        page.goto(f"{origin}/embed/quizzes/{quiz_id}/")
        answer(page)
        saved = stored(page, quiz_id)
        assert saved["fingerprint"] == previous_fingerprint(CATALOG.quizzes[quiz_id])
    with serving(built_site, origin):
        page.goto(origin + where.format(quiz_id))
        assert_restored(page)
        assert stored(page, quiz_id)["answers"] == saved["answers"]  # nothing was set aside
        page.reload()
        assert_restored(page)
    context.close()
    assert errors == []


def test_the_next_answer_saves_under_todays_fingerprint(browser, built_site):
    assert CATALOG.quizzes[CHECK].fingerprint != previous_fingerprint(CATALOG.quizzes[CHECK])  # a real change
    origin = f"http://127.0.0.1:{free_port()}"
    context = browser.new_context(service_workers="block")
    context.route("**/*", lambda route: route.continue_())
    page = context.new_page()
    with serving(LEGACY, origin):
        page.goto(f"{origin}/embed/quizzes/{CHECK}/")
        first = page.locator(".closer-quiz__question").first
        first.locator("input").nth(1).check()
        first.get_by_role("button", name="Check").click()
    with serving(built_site, origin):
        page.goto(f"{origin}/embed/quizzes/{CHECK}/")
        second = page.locator(".closer-quiz__question").nth(1)
        second.locator("input").first.check()
        second.get_by_role("button", name="Check").click()
        state = stored(page, CHECK)
        assert state["fingerprint"] == CATALOG.quizzes[CHECK].fingerprint and state["answers"][:2] == [[1], [0]]
    context.close()
