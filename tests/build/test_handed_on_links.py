"""Every link in what the site hands on (embeds, downloads, learning-platform packages, worksheets) reaches its page."""

from __future__ import annotations

from bs4 import BeautifulSoup

from closer.engine.lessons import ORDER
from tests.support import project_quizzes
from tests.support.links import broken_links, handed_on


def test_every_link_in_every_embed_download_package_and_worksheet_reaches_a_file_of_the_site(built_site, site_origin):
    pages = handed_on(built_site)
    quizzes = project_quizzes().quizzes
    decks = sum(loaded.quiz.kind == "deck" for loaded in quizzes.values())
    items = len(ORDER) + len(quizzes)
    # an embed, a download and a package of each; a worksheet per lesson, and cards to cut out per deck
    assert len(pages) == 3 * items + len(ORDER) + decks
    count, broken = broken_links(built_site, site_origin, pages)
    assert count > 5 * len(pages)  # the links were read: each page has at least its credit, privacy and help links
    assert broken == []


def test_the_check_in_s_flagged_result_sends_readers_to_the_page_that_exists(built_site, site_origin):
    pages = handed_on(built_site)
    for url in ("embed/quizzes/intimacy-check-in/", "downloads/quizzes/intimacy-check-in.html",
                "downloads/scorm/quizzes/intimacy-check-in.zip"):
        read_next = BeautifulSoup(pages[url], "html.parser").select(".closer-quiz__screen-flagged .closer-quiz__recommend a")
        assert read_next and read_next[0].get_text() == "Is this course right for you now?", url
        assert read_next[0]["href"] == f"{site_origin}/right-for-you/", url
