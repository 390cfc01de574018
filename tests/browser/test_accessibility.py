"""WCAG 2.1 AA in Chromium: axe-core on every page and quiz state, and what a reader needs besides.

Both palettes, small screens, zoom, reduced motion, forced colours and visible focus.
"""

from __future__ import annotations

import pytest

from tests.support import project_quizzes
from tests.support.browser import axe_violations, take_quiz
from tests.support.site_pages import pages_covering_every_style, sitemap_paths

pytestmark = pytest.mark.browser
CATALOG = project_quizzes()
PALETTES = {"light": "default", "dark": "slate"}


CHUNKS = 3  # every page, in three shares, so the two test workers finish together


def assert_axe_passes(open_site, served_site, paths, palette):
    page, log, errors = open_site("/", color_scheme=palette)
    for path in paths:
        page.goto(served_site + path)
        assert page.locator("h1").first.is_visible(), path
        assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette]
        assert axe_violations(page) == [], path
    # About a second on each page: a request made after it loads is seen too.
    assert log.foreign == [], f"requests to other hosts: {log.foreign}"
    assert errors == [] and len(log.seen) > len(paths)  # pages and their own assets all went through the log


SMALL_PHONE = {"width": 320, "height": 800}  # also a 1280-pixel window at 400 % zoom: the narrowest text has


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_page_loads_from_the_site_alone_passes_axe_and_never_scrolls_sideways_on_a_small_phone(
        open_site, served_site, built_site, chunk):
    """Each page once, at 320 CSS pixels: axe, nothing from another host, and no sideways scroll, its quiz taken too.

    Colour contrast is left to the test below: it is decided by each kind of element's style, the
    same on every page (pages carry no style attributes), and is half of axe's time. What only a
    wide screen shows (the side navigation, the table of contents) is in that test too.
    """
    paths = sitemap_paths(built_site)
    assert "/samples/" in paths and "/es/right-for-you/" in paths and len(paths) >= 20
    page, log, errors = open_site("/", viewport=SMALL_PHONE)
    for path in paths[chunk::CHUNKS]:
        page.evaluate("localStorage.clear()")  # each quiz starts unanswered
        page.goto(served_site + path)
        assert page.locator("h1").first.is_visible(), path
        assert axe_violations(page, contrast=False) == [], path
        widget = page.locator("[data-quiz]").first
        if widget.count():
            take_quiz(widget, widget.get_attribute("data-quiz-kind"))
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"], path
    # About a second on each page: a request made after it loads is seen too.
    assert log.foreign == [], f"requests to other hosts: {log.foreign}"
    assert errors == [] and len(log.seen) > len(paths) // CHUNKS  # pages and their own assets all went through the log


@pytest.mark.parametrize("palette", PALETTES)
def test_every_kind_of_element_passes_axe_with_its_contrast_in_both_palettes(open_site, served_site, built_site,
                                                                            palette):
    # A palette changes colours, one rule per kind of element: every element and class the site
    # uses, in whatever it sits in, is checked on a page that holds it.
    paths = pages_covering_every_style(built_site)
    assert "/" in paths and any(path.startswith("/lessons/") for path in paths)
    assert_axe_passes(open_site, served_site, paths, palette)


# In the dark palette, each self-assessment (their parts differ), the sample knowledge check,
# which has every type of question, and a deck; in light, every quiz.
DARK = sorted(q for q, loaded in CATALOG.quizzes.items() if loaded.quiz.kind == "self-assessment")
DARK += ["sample-knowledge-check", "knowing-each-other-now"]  # and a deck: every deck has the same parts
QUIZ_STATES = [(quiz_id, "light") for quiz_id in sorted(CATALOG.quizzes)] + [(quiz_id, "dark") for quiz_id in DARK]


def test_the_dark_palette_s_sample_knowledge_check_has_every_type_of_question():
    every = {q.type for loaded in CATALOG.quizzes.values() if loaded.quiz.kind == "knowledge-check"
             for q in loaded.quiz.questions}
    assert {q.type for q in CATALOG.quizzes["sample-knowledge-check"].quiz.questions} == every


@pytest.mark.parametrize(("quiz_id", "palette"), QUIZ_STATES)
def test_every_quiz_state_passes_axe(open_site, quiz_id, palette):
    page, _, errors = open_site(f"/quizzes/{quiz_id}/", color_scheme=palette)
    widget = page.locator(f'[data-quiz="{quiz_id}"]')
    kind = widget.get_attribute("data-quiz-kind")
    scope = f"document.querySelector('[data-quiz=\"{quiz_id}\"]')"  # the page around it: test above
    assert axe_violations(page, scope) == [], "before answering"
    if kind == "deck":
        widget.locator("[data-deck-next]").click()
    else:
        widget.locator("fieldset").first.locator("input").first.check()
    assert axe_violations(page, scope) == [], "while answering"
    take_quiz(widget, kind)
    assert axe_violations(page, scope) == [], "with results or feedback shown"
    if widget.locator("[data-compare-create]").count():
        widget.locator("[data-compare-create]").click()
        widget.locator("[data-compare-input]").fill(widget.locator("[data-compare-code]").inner_text())
        widget.locator("[data-compare-run]").click()
        assert axe_violations(page, scope) == [], "with a code made and compared"
        widget.locator("[data-compare-input]").fill("CLOSER1-TYPO")
        widget.locator("[data-compare-run]").click()
        assert axe_violations(page, scope) == [], "with a code refused"
    assert errors == []


def assert_nothing_scrolls_sideways(open_site, paths, width):
    page, _, _ = open_site("/", viewport={"width": width, "height": 800})
    origin = page.url.rstrip("/")
    for path in paths:
        page.evaluate("localStorage.clear()")  # start each quiz unanswered
        page.goto(origin + path)
        widget = page.locator("[data-quiz]").first
        if widget.count():
            take_quiz(widget, widget.get_attribute("data-quiz-kind"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


def test_nothing_scrolls_sideways_at_200_percent_zoom(open_site, built_site):
    """640 CSS pixels is a 1280-pixel window at 200 % zoom.

    Text that fits in 320 pixels fits in 640; what 640 adds is the rules for wider screens, one per
    kind of element, so each kind is checked on a page that holds it.
    """
    assert_nothing_scrolls_sideways(open_site, pages_covering_every_style(built_site), 640)


@pytest.mark.parametrize("quiz_id", sorted(CATALOG.quizzes))
def test_forced_colours_keep_every_control_visible(open_site, quiz_id):
    page, _, _ = open_site(f"/quizzes/{quiz_id}/", forced_colors="active")
    widget = page.locator("[data-quiz]")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    for control in widget.locator("input, button:visible").all():
        box = control.bounding_box()
        assert box and box["width"] >= 10 and box["height"] >= 10
    for button in widget.locator("button:visible").all():
        style = button.evaluate("e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).textDecorationLine]")
        assert style[0] != "none" or style[1] == "underline", style  # a button still looks like one


@pytest.mark.parametrize("quiz_id", sorted(CATALOG.quizzes))
def test_keyboard_focus_is_always_visible_in_widgets(open_site, quiz_id):
    page, _, _ = open_site(f"/quizzes/{quiz_id}/")
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        inside, outline = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return [!!el.closest('[data-quiz]'), style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2];
        }""")
        if inside:
            seen += 1
            assert outline, page.evaluate("document.activeElement.outerHTML")
    assert seen >= 3
