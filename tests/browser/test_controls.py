"""The widgets' controls: big enough to hit, one Tab stop per question, edges a reader can see."""

from __future__ import annotations

import pytest

from tests.support.browser import show_results_calmly
from tests.support.pixels import edge_contrast

pytestmark = pytest.mark.browser
CHECK_IN = "/quizzes/intimacy-check-in/"
STATEMENTS = ".closer-quiz__item, .closer-quiz__screen-item"
FOCUSED = """() => {
    const el = document.activeElement;
    const group = el.closest('fieldset');
    return [el.tagName + (el.type ? ':' + el.type : ''), group ? [...document.querySelectorAll('fieldset')].indexOf(group) : -1];
}"""


def answer_every_statement(widget) -> None:
    for item in widget.locator(STATEMENTS).all():
        item.locator("input").nth(1).check()


def test_tab_stops_once_in_each_statement_even_when_all_are_answered(open_site):
    page, _, _ = open_site(CHECK_IN)
    widget = page.locator("[data-quiz]")
    answer_every_statement(widget)
    groups = widget.locator(STATEMENTS).count()
    widget.locator(".closer-quiz__item input:checked").first.focus()
    stops = [page.evaluate(FOCUSED)]
    while not page.evaluate("document.activeElement.type === 'submit'"):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        assert len(stops) <= 3 * groups, stops
    radios = [group for kind, group in stops if kind == "INPUT:radio"]
    assert radios == sorted(set(radios)) and len(radios) == groups, stops  # one stop in each, in order
    assert len(stops) == groups + 1, stops  # and nothing else before "Show my results"


@pytest.mark.parametrize("key", ["Delete", "Backspace"])
def test_the_delete_key_clears_an_answer_and_the_button_says_so(open_site, key):
    page, _, _ = open_site(CHECK_IN)
    statement = page.locator(".closer-quiz__item").nth(2)
    statement.locator("input").nth(3).check()
    clear = statement.locator(".closer-quiz__clear-item")
    assert clear.is_visible() and clear.inner_text() == "Clear this answer"  # for a pointer
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back on the answer, by keyboard
    assert clear.inner_text() == "Clear this answer (or press Delete)"
    page.keyboard.press(key)
    assert statement.locator("input:checked").count() == 0 and not clear.is_visible()
    assert page.evaluate("document.activeElement.type") == "radio"  # still in the statement
    page.reload()
    assert page.locator(".closer-quiz__item").nth(2).locator("input:checked").count() == 0  # not saved either


@pytest.mark.parametrize("width", [320, 1280])
def test_every_control_is_a_24_pixel_target(open_site, width):
    page, _, _ = open_site(CHECK_IN, viewport={"width": width, "height": 800})
    widget = page.locator("[data-quiz]")
    show_results_calmly(widget, [2] * widget.locator(".closer-quiz__item").count())
    widget.locator("[data-closer-history-toggle]").check()
    widget.get_by_role("button", name="Show my results").click()
    targets = widget.locator("button:visible, label:visible")
    assert targets.count() > 40
    small = []
    for target in targets.all():
        box = target.bounding_box()
        if box["height"] < 24 or box["width"] < 24:
            small.append((target.inner_text()[:40], box["width"], box["height"]))
    assert not small  # WCAG 2.2's 2.5.8: 24 by 24 CSS pixels


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("control", ["radio", "checkbox"])
def test_an_unchosen_control_s_edge_stands_out_3_to_1(open_site, palette, control):
    path = CHECK_IN if control == "radio" else "/lessons/trust/"  # the trust check has a "choose all" question
    page, _, _ = open_site(path, color_scheme=palette)
    box = page.locator(f"[data-quiz] input[type={control}]").first
    box.scroll_into_view_if_needed()
    against_page, against_inside = edge_contrast(page, box)
    assert against_page >= 3 and against_inside >= 3, (against_page, against_inside)


def test_the_history_checkbox_sits_on_its_label_s_first_line_at_320_px(open_site):
    page, _, _ = open_site(CHECK_IN, viewport={"width": 320, "height": 700})
    widget = page.locator("[data-quiz]")
    show_results_calmly(widget, [2] * widget.locator(".closer-quiz__item").count())
    box = widget.locator("[data-closer-history-toggle]").bounding_box()
    words = widget.get_by_text("Keep a history of my results", exact=False).bounding_box()
    assert words["x"] >= box["x"] + box["width"]  # beside the box
    assert abs((box["y"] + box["height"] / 2) - (words["y"] + 12)) < 10  # on the first line, not apart
