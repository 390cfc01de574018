"""Each lesson's worksheet printed to PDF on A4 and US Letter, read back page by page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
import pytest

from closer.engine.lessons import ORDER
from tests.support.browser import flat, pdf_pages

pytestmark = pytest.mark.browser
SITE_CHROME = ("Leave this page", "Skip to content", "Print this worksheet", "Use this in your material",
               "Previous lesson", "Next lesson", "Read the lesson")


def parts_with_space(built_site, slug: str) -> list[tuple[str, str]]:
    """(text, caption of its writing space) for every step, the solo variant and every prompt."""
    soup = BeautifulSoup((built_site / "worksheets" / slug / "index.html").read_text(), "html.parser")
    return [(flat(item.select_one(".closer-worksheet__text").get_text()),
             flat(item.select_one(".closer-worksheet__caption").get_text()))
            for item in soup.select(".closer-worksheet__item")]


@pytest.mark.parametrize("slug", ORDER)
def test_worksheet_prints_every_step_and_prompt_with_its_space_on_both_papers(open_site, built_site, site_origin,
                                                                              slug):
    page, _, errors = open_site(f"/worksheets/{slug}/")
    title = flat(page.locator(".closer-worksheet__kicker").inner_text().split(": ", 1)[1])
    parts = parts_with_space(built_site, slug)
    lesson = BeautifulSoup((built_site / "lessons" / slug / "index.html").read_text(), "html.parser")
    steps = len(lesson.select(".closer-lesson__steps > li"))
    prompts = len(lesson.select(".closer-lesson__reflection > li"))
    assert len(parts) == steps + 1 + prompts  # nothing of the exercise or reflection left out
    for paper in ("A4", "Letter"):
        pages = pdf_pages(page, paper)
        print(f"worksheet {slug}: {len(pages)} page(s) on {paper}")
        for number, text in enumerate(pages, 1):
            assert f"Closer · {title}" in text and f"{site_origin}/lessons/{slug}/" in text, (paper, number)
            assert f"Page {number} of {len(pages)}" in text, (paper, number)
            assert not [words for words in SITE_CHROME if words in text], (paper, number)
        for text, caption in parts:
            where = [number for number, page_text in enumerate(pages, 1) if text in page_text]
            assert len(where) == 1, f"{paper}: '{text[:40]}…' is split across pages or missing"
            assert re.search(rf"{re.escape(caption)}(?!\d)", pages[where[0] - 1]), \
                f"{paper}: '{text[:40]}…' is on page {where[0]} but its writing space is not"
    assert errors == []


def test_worksheet_on_screen_prints_with_a_button_and_links_back(open_site, served_site):
    page, _, errors = open_site("/worksheets/trust/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this worksheet").click()
    assert page.evaluate("window.printed") is True
    assert page.get_by_role("link", name="Read the lesson").get_attribute("href") == f"{served_site}/lessons/trust/"
    assert errors == []


def test_worksheet_on_screen_warns_that_it_can_be_found_and_leaves_quickly(open_site):
    page, log, errors = open_site("/worksheets/rebuilding-trust/")
    page.route("https://www.bbc.com/weather**", lambda route: route.fulfill(
        body="<title>Weather</title>Weather", content_type="text/html"))  # mkdocs.yml's quick_exit_url
    assert page.get_by_text("Anyone who finds this sheet can read it.").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Leave this page")
    page.keyboard.press("Enter")
    page.wait_for_url("https://www.bbc.com/weather**")
    assert errors == []
