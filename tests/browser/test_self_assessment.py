"""The self-assessment, taken like a reader: keyboard only, results, reload, clear, copy, print."""

from __future__ import annotations

import json

import pytest

from closer.engine.scoring import score
from closer.render.text import plain
from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking, tab_to

pytestmark = pytest.mark.browser
QUIZ_ID = "sample-self-assessment"
PAGE = f"/quizzes/{QUIZ_ID}/"
LOADED = project_quizzes().quizzes[QUIZ_ID]
QUIZ = LOADED.quiz
KEY = f"closer:{QUIZ_ID}:v{QUIZ.version}"
ANSWERS = [4, 2, 5, 3, None, 2]


def widget(page):
    return page.locator(f'[data-quiz="{QUIZ_ID}"]')


def answer_with_keyboard(page, answers):
    for index, value in enumerate(answers):
        if value is None:
            continue  # skipped: every item may be left out
        tab_to(page, f"el.name && el.name.endsWith('-i{index}')")
        page.keyboard.press("Space")  # the first point
        for _ in range(value - QUIZ.scale.min):
            page.keyboard.press("ArrowRight")  # moves to and selects the next point


def results_on_page(page) -> dict:
    return {node.get_attribute("data-dimension"): (node.get_attribute("data-score"), node.get_attribute("data-band"))
            for node in widget(page).locator("[data-dimension]").all()}


def expected(answers) -> dict:
    return {key: (value.rounded(2), plain(value.band)) for key, value in score(QUIZ, answers).items()}


def test_keyboard_only_run_gives_the_reference_scores_and_focuses_results(open_site):
    page, log, errors = open_site(PAGE)
    progress = widget(page).locator(".closer-quiz__progress")
    assert progress.inner_text() == f"0 of {len(QUIZ.items)} statements answered"
    answer_with_keyboard(page, ANSWERS)
    assert progress.inner_text() == f"5 of {len(QUIZ.items)} statements answered"
    tab_to(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Your results"
    assert results_on_page(page) == expected(ANSWERS)
    overall = widget(page).locator('[data-dimension="overall"]')
    assert "3.6 on a scale from 1 to 5: On the way" in overall.inner_text()
    order = [n.get_attribute("data-dimension") for n in widget(page).locator("[data-dimension]").all()]
    assert order == ["overall", "safety", "listening"]  # strengths (4.33) before growth areas (2.50)
    listening = widget(page).locator('[data-dimension="listening"]')
    assert listening.locator(".closer-quiz__recommend").count() == 0  # its "Needs care" band recommends nothing
    assert [a.get_attribute("href").rsplit("/", 2)[-2] for a in listening.locator("a").all()] == ["right-for-you"]
    assert widget(page).locator('[data-dimension="safety"]').get_by_text("Keep offering").is_visible()
    assert errors == [] and log.foreign == []


def test_not_enough_answers_is_said_and_submitting_with_nothing_still_shows_results(open_site):
    page, _, errors = open_site(PAGE)
    widget(page).get_by_role("button", name="Show my results").click()
    results = results_on_page(page)
    assert results == {"overall": ("", ""), "safety": ("", ""), "listening": ("", "")}
    assert widget(page).locator(".closer-result").get_by_text("Not enough answers").count() == 3
    assert errors == []


def test_low_band_recommends_its_lessons_as_links(open_site, served_site):
    page, _, _ = open_site(PAGE)
    answer_by_clicking(widget(page), [1, 5, 1, 1, 5, 1])
    widget(page).get_by_role("button", name="Show my results").click()
    safety = widget(page).locator('[data-dimension="safety"]')
    assert safety.get_attribute("data-band") == "Needs care"
    safety.get_by_role("link", name="Quiz samples").click()
    page.wait_for_url(served_site + "/samples/")


def test_answers_and_results_survive_reload_and_clear_removes_everything(open_site):
    page, _, errors = open_site(PAGE)
    items = widget(page).locator(".closer-quiz__item")
    answer_by_clicking(widget(page), ANSWERS)
    state = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert set(state) == {"fingerprint", "savedAt", "answers"} and state["answers"] == ANSWERS
    widget(page).get_by_role("button", name="Show my results").click()
    page.reload()
    assert results_on_page(page) == expected(ANSWERS)
    assert widget(page).locator("input:checked").count() == 5
    items.nth(4).locator('input[value="5"]').check()
    assert widget(page).locator(".closer-quiz__stale").is_visible()
    widget(page).get_by_role("button", name="Clear my answers").click()
    assert widget(page).locator("input:checked").count() == 0
    assert not widget(page).locator(".closer-quiz__results").is_visible()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('closer:'))") == []
    page.reload()
    assert widget(page).locator("input:checked").count() == 0 and results_on_page(page) == {}
    assert errors == []


def test_one_answer_can_be_cleared(open_site):
    page, _, _ = open_site(PAGE)
    item = widget(page).locator(".closer-quiz__item").first
    item.locator('input[value="4"]').check()
    item.get_by_role("button", name="Clear this answer").click()
    assert item.locator("input:checked").count() == 0
    assert widget(page).locator(".closer-quiz__progress").inner_text() == f"0 of {len(QUIZ.items)} statements answered"


def test_copy_results_as_text(open_site, served_site):
    page, _, errors = open_site(PAGE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    answer_by_clicking(widget(page), ANSWERS)
    widget(page).get_by_role("button", name="Show my results").click()
    widget(page).get_by_role("button", name="Copy my results as text").click()
    widget(page).get_by_text("Copied.").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.splitlines() == ["A short closeness check-in: my results", "Overall: 3.6 of 5 (On the way)",
                                 "Feeling safe: 4.3 of 5 (Strong)", "Being heard: 2.5 of 5 (Needs care)"]
    assert errors == []


def test_printout_has_answers_and_results_but_no_navigation_or_controls(open_site):
    page, _, _ = open_site(PAGE)
    items = widget(page).locator(".closer-quiz__item")
    items.nth(0).locator('input[value="4"]').check()
    items.nth(1).locator('input[value="2"]').check()
    widget(page).get_by_role("button", name="Show my results").click()
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-footer").is_visible()
    assert widget(page).locator("button:visible").count() == 0
    assert widget(page).locator(".closer-quiz__results").is_visible()
    assert items.nth(0).locator('input[value="4"]').is_checked()


def test_without_javascript_it_is_a_paper_questionnaire(open_site):
    page, _, _ = open_site(PAGE, javascript=False)
    paper = widget(page).locator(".closer-quiz__paper")
    assert paper.is_visible()
    reversed_items = [str(i) for i, item in enumerate(QUIZ.items, 1) if item.reverse]
    assert f"Statements {', '.join(reversed_items)} are reversed" in paper.inner_text()
    assert "fewer than half" in paper.inner_text()
    assert paper.get_by_text("Needs care").first.is_visible()
    submit = widget(page).locator("[type=submit]")
    assert submit.is_hidden() and submit.is_disabled()


CHECK_IN = project_quizzes().quizzes["intimacy-check-in"].quiz
# Warm in most areas, little time together and talks that leave the reader unheard (keyed values).
CHECK_IN_KEYED = {"known": 4, "safety": 5, "trust": 4, "talking": 2, "care": 4, "time": 1}
CHECK_IN_ANSWERS = [6 - CHECK_IN_KEYED[i.dimension] if i.reverse else CHECK_IN_KEYED[i.dimension] for i in CHECK_IN.items]


def test_check_in_results_match_the_reference_and_lead_to_a_lesson(open_site, served_site):
    page, log, errors = open_site("/quizzes/intimacy-check-in/")
    widget = page.locator('[data-quiz="intimacy-check-in"]')
    answer_by_clicking(widget, CHECK_IN_ANSWERS)
    widget.get_by_role("button", name="Show my results").click()
    shown = {n.get_attribute("data-dimension"): (n.get_attribute("data-score"), n.get_attribute("data-band"))
             for n in widget.locator("[data-dimension]").all()}
    expected = {k: (v.rounded(2), plain(v.band)) for k, v in score(CHECK_IN, CHECK_IN_ANSWERS).items()}
    assert shown == expected
    order = [n.get_attribute("data-dimension") for n in widget.locator("[data-dimension]").all()][1:]
    assert order[0] == "safety" and order[-2:] == ["talking", "time"]  # growth areas after the strengths
    widget.locator('[data-dimension="talking"]').get_by_role("link", name="Listening").first.click()
    page.wait_for_url(served_site + "/lessons/listening-and-communication/")
    assert errors == [] and log.foreign == []


def test_answers_can_be_cleared_before_any_results(open_site):
    page, _, errors = open_site(PAGE)
    answer_by_clicking(widget(page), [4, 2])
    widget(page).get_by_role("button", name="Clear my answers").click()
    assert widget(page).locator("input:checked").count() == 0
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    assert errors == []
