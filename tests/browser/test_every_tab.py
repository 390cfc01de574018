"""Every clear is obeyed at once, in every tab: several pages of one browser, sharing its storage."""

from __future__ import annotations

import json

from playwright.sync_api import expect
import pytest

from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking, front, show_results_calmly

pytestmark = pytest.mark.browser
CHECK_IN, LESSON = "intimacy-check-in", "trust"
QUIZZES = project_quizzes().quizzes
ANSWERS = f"closer:{CHECK_IN}:v{QUIZZES[CHECK_IN].quiz.version}"
CHECKED = f"closer:{LESSON}:v{QUIZZES[LESSON].quiz.version}"
HISTORY = f"closer:{CHECK_IN}:history"
JOURNAL = f"closer:journal:{LESSON}"
KEEP = "closer:keep-answers"
ITEMS = len(QUIZZES[CHECK_IN].quiz.items)
NOTE = "I hold back when I am tired."


def kept(page) -> dict:
    """Every closer: key this browser holds, with its value."""
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('closer:'))"
                         ".map(k => [k, localStorage.getItem(k)]))")


def check_in(page):
    return front(page).locator(f'[data-quiz="{CHECK_IN}"]')


def knowledge_check(page):
    return front(page).locator(f'[data-quiz="{LESSON}"]')


def journal(page, prompt: int = 0):
    return front(page).locator(f'textarea[data-journal-prompt="{prompt}"]')


def done_button(page):
    return front(page).locator(".closer-lesson__progress button")


def new_tab(context, url: str, errors: list):
    """Another page of the same browser, its errors counted with the first page's."""
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page


def show_results(page, answers) -> None:
    show_results_calmly(check_in(page), answers)


def check_first_question(page) -> None:
    question = knowledge_check(page).locator(".closer-quiz__question").first
    question.locator("input").first.check()
    question.get_by_role("button", name="Check").click()


def three_tabs(open_site, served_site):
    """The check-in answered with its history on; a lesson with a note, a check and its mark; the privacy page."""
    checkin, _, errors = open_site(f"/quizzes/{CHECK_IN}/")
    show_results(checkin, [2, 3, 2])
    check_in(checkin).locator("[data-closer-history-toggle]").check()
    lesson = new_tab(checkin.context, f"{served_site}/lessons/why-it-matters/", errors)
    lesson.locator(f'.md-nav__link[href$="/{LESSON}/"]').first.click()  # instant navigation: no reload
    knowledge_check(lesson).and_(lesson.locator("[data-ready]")).wait_for()  # the new page, its widgets started
    journal(lesson).press_sequentially(NOTE)
    check_first_question(lesson)
    done_button(lesson).click()
    privacy = new_tab(checkin.context, f"{served_site}/privacy/", errors)
    assert {ANSWERS, HISTORY, JOURNAL, CHECKED, "closer:progress"} <= set(kept(privacy))
    return checkin, lesson, privacy, errors


def expect_forgotten(checkin, lesson) -> None:
    """Nothing of what was cleared stays on screen in the older tabs."""
    expect(check_in(checkin).locator("input:checked")).to_have_count(0)
    expect(check_in(checkin).locator("[data-dimension]")).to_have_count(0)
    expect(check_in(checkin).locator("[data-closer-history]")).to_be_hidden()
    expect(journal(lesson)).to_have_value("")
    expect(knowledge_check(lesson).locator("input:checked")).to_have_count(0)
    expect(knowledge_check(lesson).locator(".closer-quiz__question--right")).to_have_count(0)
    expect(done_button(lesson)).to_have_attribute("aria-pressed", "false")
    expect(lesson.locator(".closer-done-mark")).to_have_count(0)


def test_dont_keep_in_one_tab_empties_every_open_tab_and_none_writes_again(open_site, served_site):
    checkin, lesson, privacy, errors = three_tabs(open_site, served_site)
    front(privacy).get_by_label("Don't keep my answers on this device").check()
    assert kept(privacy) == {KEEP: "no"}
    expect_forgotten(checkin, lesson)
    expect(check_in(checkin).locator(".closer-quiz__storage")).to_contain_text("You chose not to keep answers")
    expect(knowledge_check(lesson).locator(".closer-quiz__storage")).to_contain_text("You chose not to keep answers")
    expect(lesson.locator(".closer-journal__kept")).to_contain_text("You chose not to keep answers")
    expect(lesson.locator(".closer-lesson__progress-note")).to_contain_text("You chose not to keep answers")

    show_results(checkin, [4, 4, 4])  # each widget keeps working, without saving
    journal(lesson).press_sequentially(" And when I am afraid.")
    check_first_question(lesson)
    done_button(lesson).click()
    expect(check_in(checkin).locator("[data-closer-history-toggle]")).to_be_disabled()
    expect(knowledge_check(lesson).locator(".closer-quiz__question--right")).to_have_count(1)
    assert kept(checkin) == kept(lesson) == {KEEP: "no"}

    front(privacy).get_by_label("Don't keep my answers on this device").uncheck()  # keeping again: tabs may save
    expect(lesson.locator(".closer-journal__kept")).to_contain_text("Notes are saved as you type")
    expect(check_in(checkin).locator(".closer-quiz__storage")).to_be_hidden()
    journal(lesson, 1).press_sequentially("Later.")
    assert json.loads(kept(lesson)[JOURNAL])["notes"] == {"0": " And when I am afraid.", "1": "Later."}
    assert errors == []


def test_clear_all_in_one_tab_empties_every_open_tab_and_nothing_comes_back(open_site, served_site):
    checkin, lesson, privacy, errors = three_tabs(open_site, served_site)
    sample = new_tab(checkin.context, f"{served_site}/quizzes/sample-knowledge-check/", errors)
    front(sample).locator(".closer-quiz__question input").first.check()  # chosen, not yet checked: never kept, yet on screen
    worksheet = new_tab(checkin.context, f"{served_site}/worksheets/{LESSON}/", errors)
    expect(worksheet.locator(".closer-worksheet__note")).to_have_text([NOTE])
    assert privacy.locator(".closer-done-mark").count() >= 1  # the lesson marked done, in this tab's menu
    front(privacy).get_by_role("button", name="Clear all my answers").click()
    assert kept(privacy) == {}
    expect(privacy.locator(".closer-done-mark")).to_have_count(0)  # this tab forgets too
    expect_forgotten(checkin, lesson)
    expect(check_in(checkin).locator(".closer-quiz__status")).to_have_text("Your answers were cleared.")
    expect(sample.locator(".closer-quiz__question input:checked")).to_have_count(0)
    expect(worksheet.locator(".closer-worksheet__note")).to_have_count(0)  # the printed note goes too

    answer_by_clicking(check_in(checkin), [None, None, None, 4])
    journal(lesson).press_sequentially("Only this.")
    after = kept(lesson)
    assert set(after) == {ANSWERS, JOURNAL}  # no check, mark or history written back
    assert json.loads(after[ANSWERS])["answers"] == [None, None, None, 4] + [None] * (ITEMS - 4)
    assert json.loads(after[JOURNAL])["notes"] == {"0": "Only this."}
    assert errors == []


def test_a_widget_s_clear_and_a_deleted_history_reach_its_twin_in_another_tab(open_site, served_site):
    first, _, errors = open_site(f"/quizzes/{CHECK_IN}/")
    show_results(first, [2, 3, 2])
    check_in(first).locator("[data-closer-history-toggle]").check()
    show_results(first, [4, 4, 4])
    second = new_tab(first.context, f"{served_site}/quizzes/{CHECK_IN}/", errors)
    view = check_in(second).locator("[data-closer-history]")
    expect(view.locator("[data-history-entry]")).to_have_count(2)
    expect(check_in(second).locator("input:checked")).to_have_count(3)  # restored; the screen never is

    check_in(first).locator("[data-history-entry]").first.get_by_role("button", name="Delete", exact=False).click()
    expect(view.locator("[data-history-entry]")).to_have_count(1)
    check_in(first).get_by_role("button", name="Delete the whole history").click()
    expect(view).to_be_hidden()
    check_in(first).get_by_role("button", name="Clear my answers").click()
    expect(check_in(second).locator("input:checked")).to_have_count(0)

    answer_by_clicking(check_in(second), [None, 5])
    assert json.loads(kept(second)[ANSWERS])["answers"] == [None, 5] + [None] * (ITEMS - 2)
    assert HISTORY not in kept(second)
    assert errors == []


def test_a_knowledge_check_cleared_in_one_tab_is_not_written_back_by_another(open_site, served_site):
    first, _, errors = open_site(f"/lessons/{LESSON}/")
    check_first_question(first)
    second = new_tab(first.context, f"{served_site}/lessons/{LESSON}/", errors)
    expect(knowledge_check(second).locator(".closer-quiz__question--right")).to_have_count(1)
    knowledge_check(first).get_by_role("button", name="Clear my answers").click()
    expect(knowledge_check(second).locator(".closer-quiz__question--right, .closer-quiz__question--wrong")).to_have_count(0)
    question = knowledge_check(second).locator(".closer-quiz__question").nth(1)
    question.locator("input").first.check()
    question.get_by_role("button", name="Check").click()
    assert json.loads(kept(second)[CHECKED])["answers"][0] == []  # the cleared answer stays cleared
    assert errors == []
