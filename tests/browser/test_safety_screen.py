"""The check-in's safety screen, as a reader meets it: never scored, never kept, safety first when it flags."""

from __future__ import annotations

import json

from playwright.sync_api import expect
import pytest

from closer.engine.scoring import score, screen_flagged
from closer.render.text import plain
from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking, front, tab_to

pytestmark = pytest.mark.browser
QUIZ_ID = "intimacy-check-in"
PAGE = f"/quizzes/{QUIZ_ID}/"
QUIZ = project_quizzes().quizzes[QUIZ_ID].quiz
KEY = f"closer:{QUIZ_ID}:v{QUIZ.version}"
HISTORY = f"closer:{QUIZ_ID}:history"
# Close in most areas, with talks and time together that fall short (keyed values per area).
KEYED = {"known": 4, "safety": 4, "trust": 5, "talking": 2, "care": 4, "time": 2}
ANSWERS = [QUIZ.scale.min + QUIZ.scale.max - KEYED[i.dimension] if i.reverse else KEYED[i.dimension]
           for i in QUIZ.items]
SIGNS = len(QUIZ.screen.items)
CALM = ([1, 2] * SIGNS)[:SIGNS]  # every sign answered "Strongly disagree" or "Disagree"
AFRAID = [3] + [1] * (SIGNS - 1)  # "Neither" on feeling afraid already puts safety first


def widget(page):
    return page.locator(f'[data-quiz="{QUIZ_ID}"]')


def answer(page, scored, screen) -> None:
    answer_by_clicking(widget(page), scored)
    answer_by_clicking(widget(page), screen, "[data-quiz-screen] .closer-quiz__screen-item")


def shown_scores(page) -> dict:
    return {n.get_attribute("data-dimension"): (n.get_attribute("data-score"), n.get_attribute("data-band"))
            for n in widget(page).locator("[data-dimension]").all()}


def show(page) -> str:
    """Press "Show my results"; what the safety screen said ("true" when it put safety first)."""
    widget(page).get_by_role("button", name="Show my results").click()
    return widget(page).locator("[data-screen-result]").get_attribute("data-flagged")


def kept_of_this_quiz(page) -> dict:
    return page.evaluate(f"Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('closer:{QUIZ_ID}:'))"
                         ".map(k => [k, localStorage.getItem(k)]))")


def history_entries(page) -> int:
    return len(json.loads(kept_of_this_quiz(page).get(HISTORY, "[]")))


def test_the_reference_agrees_on_both_readers():
    assert screen_flagged(QUIZ, AFRAID) and not screen_flagged(QUIZ, CALM)


def test_a_flagged_screen_puts_safety_first_and_leaves_out_every_band_s_advice(open_site, served_site):
    page, log, errors = open_site(PAGE)
    answer(page, ANSWERS, AFRAID)
    tab_to(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Your results"
    results = widget(page).locator(".closer-quiz__results")
    blocks = results.locator(":scope > section")
    first = blocks.first
    assert first.get_attribute("data-screen-result") == "" and first.get_attribute("data-flagged") == "true"
    assert first.get_by_role("heading", name=plain(QUIZ.screen.title)).is_visible()
    assert first.get_by_text("not your fault").is_visible()
    assert blocks.nth(1).get_attribute("data-dimension") == "overall"  # the screen comes before any score
    # Scores stay, as text, and match the reference; no band label, message or recommendation shows.
    expected = {k: (v.rounded(2), plain(v.band)) for k, v in score(QUIZ, ANSWERS).items()}
    assert shown_scores(page) == expected
    for block in widget(page).locator("[data-dimension]").all():
        assert block.locator(".closer-result__message").count() == 0
        assert block.locator("a").count() == 0
        text = block.locator(".closer-result__score").inner_text()
        assert text.endswith("on a scale from 1 to 5"), text
    links = [a.get_attribute("href") for a in results.locator("a").all()]
    assert len(links) == 2 and links[0].endswith("/right-for-you/") and links[1].endswith("/privacy/#browsing-history")
    first.get_by_role("link", name="Is this course right for you now?").click()
    page.wait_for_url(served_site + "/right-for-you/")
    assert errors == [] and log.foreign == []


def test_a_calm_screen_shows_the_band_advice_and_a_line_on_where_help_is(open_site):
    page, _, errors = open_site(PAGE)
    answer(page, ANSWERS, CALM)
    widget(page).get_by_role("button", name="Show my results").click()
    first = widget(page).locator(".closer-quiz__results > section").first
    assert first.get_attribute("data-flagged") == "false"
    assert first.inner_text().startswith("If you ever feel afraid of them")
    talking = widget(page).locator('[data-dimension="talking"]')
    assert talking.locator(".closer-result__message").is_visible()
    assert "Needs care" in talking.locator(".closer-result__score").inner_text()
    # Changing one screen answer and asking again puts safety first: the flag is worked out each time.
    answer(page, [], [None, None, 4])
    widget(page).get_by_role("button", name="Show my results").click()
    assert widget(page).locator("[data-screen-result]").get_attribute("data-flagged") == "true"
    assert errors == []


def test_skipping_the_screen_never_flags(open_site):
    page, _, _ = open_site(PAGE)
    answer(page, ANSWERS, [])
    widget(page).get_by_role("button", name="Show my results").click()
    assert widget(page).locator("[data-screen-result]").get_attribute("data-flagged") == "false"


def test_progress_counts_statements_and_safety_questions_apart(open_site):
    page, _, _ = open_site(PAGE)
    progress = widget(page).locator(".closer-quiz__progress")
    total, safety = len(QUIZ.items), SIGNS
    assert progress.inner_text() == f"0 of {total} statements and 0 of {safety} safety questions answered"
    answer(page, ANSWERS[:4], [5])
    assert progress.inner_text() == f"4 of {total} statements and 1 of {safety} safety questions answered"
    screen_item = widget(page).locator(".closer-quiz__screen-item").first
    screen_item.get_by_role("button", name="Clear this answer").click()
    assert progress.inner_text() == f"4 of {total} statements and 0 of {safety} safety questions answered"


def test_screen_answers_are_never_kept_and_results_wait_for_a_fresh_screen(open_site):
    page, _, errors = open_site(PAGE)
    answer(page, ANSWERS, AFRAID)
    widget(page).get_by_role("button", name="Show my results").click()
    stored = {key: page.evaluate(f"localStorage.getItem({json.dumps(key)})")
              for key in page.evaluate("Object.keys(localStorage)")}
    state = json.loads(stored[KEY])
    assert state["answers"] == ANSWERS  # the scored items only, in order
    assert all("afraid" not in value.lower() for value in stored.values())
    page.reload()
    assert widget(page).locator(".closer-quiz__item input:checked").count() == len(QUIZ.items)
    assert widget(page).locator("[data-quiz-screen] input:checked").count() == 0
    # Shown again now, results could not put safety first: they wait until the reader asks.
    assert not widget(page).locator(".closer-quiz__results").is_visible()
    assert errors == []


def test_copied_results_leave_the_screen_out_and_read_the_same_whatever_it_said(open_site, served_site):
    page, _, errors = open_site(PAGE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    copied = []
    for screen in (AFRAID, CALM):
        answer(page, ANSWERS, screen)
        widget(page).get_by_role("button", name="Show my results").click()
        widget(page).get_by_role("button", name="Copy my results as text").click()
        widget(page).get_by_text("Copied.").wait_for()
        copied.append(page.evaluate("navigator.clipboard.readText()"))
    assert copied[0] == copied[1]  # whoever reads the copy cannot tell what the screen said
    lines = copied[0].splitlines()
    assert lines[0] == f"{plain(QUIZ.title)}: my results"
    assert len(lines) == 1 + 1 + len(QUIZ.dimensions)  # title, overall, one line per area
    for words in ("afraid", plain(QUIZ.screen.title).lower(), "not your fault", "control"):
        assert words not in copied[0].lower(), words
    assert errors == []


def test_without_javascript_the_paper_form_says_which_answers_put_safety_first(open_site):
    page, _, _ = open_site(PAGE, javascript=False)
    paper = widget(page).locator(".closer-quiz__paper")
    text = paper.inner_text()
    last = "ABCDEF"[SIGNS - 1]
    assert f"The safety questions (A to {last}) are never added to any score." in text
    assert "For A, an answer of 3, 4 or 5 puts safety first." in text
    assert "leave aside the advice that comes with each band" in text
    assert paper.get_by_text("not your fault").is_visible()
    assert widget(page).locator("[data-quiz-screen]").is_visible()


def test_a_flagged_result_offers_no_history_and_records_none(open_site):
    page, _, errors = open_site(PAGE)
    answer(page, ANSWERS, CALM)
    assert show(page) == "false"
    widget(page).get_by_label("Keep a history of my results in this browser").check()
    assert history_entries(page) == 1
    answer(page, [], AFRAID)
    assert show(page) == "true"
    assert widget(page).locator("[data-closer-history-toggle]").count() == 0
    assert history_entries(page) == 1  # history was on, and the flagged result was not added
    answer(page, [], CALM)  # a calm result afterwards is kept as before
    assert show(page) == "false"
    assert widget(page).locator("[data-closer-history-toggle]").is_checked()
    assert history_entries(page) == 2
    assert errors == []


def test_the_safety_message_clears_the_check_from_the_device_in_every_tab_and_keeps_nothing_more(
        open_site, served_site):
    page, log, errors = open_site(PAGE)
    answer(page, ANSWERS, CALM)
    show(page)
    widget(page).get_by_label("Keep a history of my results in this browser").check()
    other = page.context.new_page()  # the same check open in a second tab, its answers restored
    other.on("pageerror", lambda error: errors.append(str(error)))
    other.goto(served_site + PAGE)
    assert widget(other).locator(".closer-quiz__item input:checked").count() == len(QUIZ.items)
    answer(front(page), [], AFRAID)
    assert show(page) == "true"
    tab_to(page, "el.hasAttribute('data-screen-clear')")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Your answers to this check and its history are gone from this device"), focused
    assert kept_of_this_quiz(page) == {}
    # The safety message and its help stay in view; the answers, scores and history go.
    message = widget(page).locator("[data-screen-result]")
    assert message.get_by_text("not your fault").is_visible()
    assert message.get_by_role("link", name="Is this course right for you now?").is_visible()
    assert not message.get_by_role("button", name="Clear my answers from this device").is_visible()
    assert widget(page).locator("[data-dimension]:visible").count() == 0
    assert not widget(page).locator(".closer-quiz__results .closer-chart").is_visible()
    assert widget(page).locator("input:checked").count() == 0
    assert not widget(page).locator(".closer-history").is_visible()
    expect(widget(other).locator("input:checked")).to_have_count(0)
    # Nothing more is kept while this page is open, even answers given afresh.
    answer(page, ANSWERS, CALM)
    assert show(page) == "false"
    assert widget(page).locator("[data-closer-history-toggle]").count() == 0
    assert kept_of_this_quiz(page) == {}
    # What it cannot clear is said, with the way to clear it.
    answer(page, [], AFRAID)
    show(page)
    message.get_by_role("link", name="how to clear that").click()
    page.wait_for_url(served_site + "/privacy/#browsing-history")
    expect(page.get_by_role("heading", name="Browsing history")).to_be_visible()  # instant navigation swaps it in
    assert errors == [] and log.foreign == []
