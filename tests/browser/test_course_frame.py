"""Leaving quickly and keeping track of lessons, as a reader would use them."""

from __future__ import annotations

import pytest

from tests.support.browser import NEUTRAL, stand_in_for_the_neutral_site

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
