"""Leaving quickly and keeping track of lessons, as a reader would use them."""

from __future__ import annotations

import pytest

from tests.support.browser import NEUTRAL, show_results_calmly, stand_in_for_the_neutral_site

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("how", ["tab-and-enter", "escape-twice"])
def test_quick_exit_replaces_the_page_and_back_does_not_return(open_site, served_site, how):
    page, log, errors = open_site("/about/")
    stand_in_for_the_neutral_site(page)
    page.goto(served_site + "/lessons/vulnerability/")
    if how == "tab-and-enter":
        page.keyboard.press("Tab")  # the theme's "Skip to content" comes first
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent").startswith("Leave this page")
        page.keyboard.press("Enter")
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()
    page.wait_for_load_state()
    assert page.url == served_site + "/about/"  # the lesson was replaced in history
    assert errors == [] and log.foreign == []


def test_exit_stays_on_screen_and_uncovered_while_scrolling(open_site):
    for width in (1200, 320):
        page, _, _ = open_site("/lessons/conflict/", viewport={"width": width, "height": 700})
        for position in (0, 2000, 100000):
            page.evaluate(f"window.scrollTo(0, {position})")
            box = page.locator("[data-closer-exit]").bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= 700 and box["x"] + box["width"] <= width
            on_top = page.evaluate(f"document.elementFromPoint({box['x'] + box['width'] / 2}, "
                                   f"{box['y'] + box['height'] / 2}).closest('[data-closer-exit]') !== null")
            assert on_top


# Whatever a reader could need at a point of the screen where "Leave this page" is drawn instead.
# A button held at the top sits in a bar across the page (the theme's header, or a band of page
# colour on a page of its own): what scrolled up under that bar is behind it wherever the button is.
UNDER_THE_EXIT = """() => {
    const exit = document.querySelector('[data-closer-exit]');
    const box = exit.getBoundingClientRect();
    const bar = box.top <= 0.5 ? box.bottom : 0;
    const needed = 'a[href], button, input, label, summary, .closer-result__score, .closer-chart text';
    const covered = [];
    for (const el of document.querySelectorAll(needed)) {
        if (exit.contains(el)) continue;
        for (const rect of el.getClientRects()) {
            for (const share of [0.05, 0.5, 0.95]) {
                const x = rect.left + rect.width * share, y = rect.top + rect.height / 2;
                if (x < 0 || y < bar || x >= innerWidth || y >= innerHeight) continue;
                const top = document.elementFromPoint(x, y);
                if (top && exit.contains(top)) covered.push(el.outerHTML.slice(0, 90));
            }
        }
    }
    return covered;
}"""


def where_a_reader_stops(open_site, width: int):
    """Each place a reader stops, with the page as it is there: first screens, ends, results."""
    for path in ("/", "/es/", "/lessons/trust/", "/quizzes/intimacy-check-in/", "/downloads/lessons/trust.html"):
        page, _, _ = open_site(path, viewport={"width": width, "height": 700})
        yield f"{path} first screen", page
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        yield f"{path} end", page
    page, _, _ = open_site("/quizzes/intimacy-check-in/", viewport={"width": width, "height": 700})
    widget = page.locator("[data-quiz]")
    show_results_calmly(widget, [2] * widget.locator(".closer-quiz__item").count())
    heading = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                            " return document.elementFromPoint(r.left + 5, r.top + r.height / 2) === document.activeElement; })()")
    assert heading, "the results' heading, focused, is in sight and uncovered"
    yield "results after submitting", page


@pytest.mark.parametrize("width", [320, 390])
def test_the_exit_covers_no_link_control_or_score_where_a_reader_stops(open_site, width):
    for where, page in where_a_reader_stops(open_site, width):
        assert page.locator("[data-closer-exit]").is_visible(), where
        assert page.evaluate(UNDER_THE_EXIT) == [], where


def test_mark_as_done_shows_in_navigation_survives_reload_and_clears(open_site, served_site):
    page, log, errors = open_site("/lessons/trust/")
    button = page.get_by_role("button", name="Mark this lesson as done")
    button.click()
    assert page.get_by_role("button", name="✓ Done: mark as not done").get_attribute("aria-pressed") == "true"
    nav_link = page.locator('.md-nav__link[href$="lessons/trust/"]').first
    assert "✓ done" in nav_link.inner_text()
    page.reload()
    assert "✓ done" in page.locator('.md-nav__link[href$="lessons/trust/"]').first.inner_text()
    page.goto(served_site + "/")
    assert "✓ done" in page.locator('.closer-path__lesson[data-lesson="trust"]').inner_text()
    page.goto(served_site + "/privacy/")
    page.get_by_role("button", name="Clear all my answers").click()
    page.goto(served_site + "/lessons/trust/")
    assert page.get_by_role("button", name="Mark this lesson as done").get_attribute("aria-pressed") == "false"
    assert "done" not in page.locator('.md-nav__link[href$="lessons/trust/"]').first.inner_text()
    assert errors == [] and log.foreign == []


def test_quick_exit_goes_only_where_the_site_says_whatever_the_content_holds(open_site, served_site):
    page, log, errors = open_site("/lessons/vulnerability/")
    stand_in_for_the_neutral_site(page)
    # Content cannot carry this link (the build refuses it); the script must not trust it either.
    page.evaluate("""() => {
        const planted = document.createElement("a");
        planted.href = "https://planted.example/";
        planted.setAttribute("data-closer-exit", "");
        planted.className = "closer-exit";
        planted.textContent = "Leave";
        document.querySelector("article").prepend(planted);
    }""")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL + "**")
    assert "planted.example" not in " ".join(log.foreign)
    assert errors == []


def test_mark_as_done_keeps_nothing_when_the_reader_chose_not_to_keep_answers(open_site, served_site):
    page, log, errors = open_site("/privacy/")
    page.get_by_label("Don't keep my answers on this device").check()
    page.goto(served_site + "/lessons/trust/")
    page.get_by_role("button", name="Mark this lesson as done").click()
    assert page.get_by_role("button", name="✓ Done: mark as not done").get_attribute("aria-pressed") == "true"
    assert page.locator(".closer-lesson__progress-note").inner_text() == (
        "You chose not to keep answers on this device, so this mark will not be kept.")
    assert page.evaluate("localStorage.getItem('closer:progress')") is None
    page.reload()
    assert page.get_by_role("button", name="Mark this lesson as done").get_attribute("aria-pressed") == "false"
    assert errors == [] and log.foreign == []
