"""What a new reader sees first: an inviting home, one title a page, rows across, results at a glance."""

from __future__ import annotations

import pytest

from closer.engine.lessons import ORDER
from closer.engine.scoring import score
from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking

pytestmark = pytest.mark.browser
CHECK_IN = project_quizzes().quizzes["intimacy-check-in"].quiz


def test_home_leads_with_its_promise_and_the_three_ways_in(open_site, served_site):
    page, log, errors = open_site("/")
    headings = page.locator("h1")
    assert headings.count() == 1 and headings.inner_text().startswith("Feel safe, known and close")
    assert page.title() == "Closer"
    hero = page.locator(".closer-hero")
    links = {a.inner_text(): a.get_attribute("href") for a in hero.locator("a").all()}
    assert links == {"Start the first lesson": f"{served_site}/lessons/what-is-emotional-intimacy/",
                     "Take the check-in": f"{served_site}/quizzes/intimacy-check-in/",
                     "Is this course right for you now?": f"{served_site}/right-for-you/"}
    tops = {round(a.bounding_box()["y"]) for a in hero.locator("a").all()}
    assert len(tops) == 1  # the three buttons sit on one line at 1280 px
    assert errors == [] and log.foreign == []


def test_the_path_shows_each_lesson_as_a_step_and_counts_the_done_ones(open_site, served_site):
    page, _, _ = open_site("/lessons/trust/")
    page.get_by_role("button", name="Mark this lesson as done").click()
    page.goto(served_site + "/")
    steps = page.locator(".closer-path__lesson")
    assert steps.count() == len(ORDER)
    assert page.locator(".closer-path__progress").inner_text() == f"1 of {len(ORDER)} lessons marked as done in this browser."
    trust = page.locator('.closer-path__lesson[data-lesson="trust"]')
    assert "✓ done" in trust.inner_text()
    filled = trust.evaluate("li => getComputedStyle(li, '::before').backgroundColor")
    other = steps.first.evaluate("li => getComputedStyle(li, '::before').backgroundColor")
    assert filled != other  # the finished step is filled, not only ticked in words


def test_the_search_dialog_has_a_name(open_site):
    page, _, _ = open_site("/")
    assert page.locator('.md-search[role="dialog"]').get_attribute("aria-label") == "Search this site"


@pytest.mark.parametrize("width,across", [(1280, True), (360, False)])
def test_answer_rows_read_across_on_desktop_and_down_on_a_phone(open_site, width, across):
    page, _, _ = open_site("/quizzes/intimacy-check-in/", viewport={"width": width, "height": 900})
    for item in page.locator(".closer-quiz__item").all()[:6]:
        boxes = [label.bounding_box() for label in item.locator("label").all()]
        tops = [round(box["y"]) for box in boxes]
        if across:
            assert len(set(tops)) == 1  # the whole scale on one line
        else:
            assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one point per line, in order


def test_results_open_with_a_chart_of_every_score_and_its_table(open_site):
    page, _, errors = open_site("/quizzes/intimacy-check-in/")
    widget = page.locator('[data-quiz="intimacy-check-in"]')
    answers = [5 - (i % 3) for i in range(len(CHECK_IN.items))]
    answer_by_clicking(widget, answers)
    widget.get_by_role("button", name="Show my results").click()
    chart = widget.locator(".closer-chart")
    assert chart.locator("svg").get_attribute("aria-hidden") == "true"  # the table speaks for it
    assert chart.locator("svg .closer-chart__bar").count() == len(CHECK_IN.dimensions) + 1
    rows = {r.locator("th").inner_text(): r.locator("td").inner_text() for r in chart.locator("tbody tr").all()}
    expected = {"Overall": score(CHECK_IN, answers)["overall"].rounded(1)}
    expected |= {d.title: score(CHECK_IN, answers)[d.id].rounded(1) for d in CHECK_IN.dimensions}
    assert rows == expected
    page.emulate_media(media="print")
    assert chart.locator("svg").is_visible()
    assert errors == []


@pytest.mark.parametrize("path", ["/lessons/trust/", "/quizzes/intimacy-check-in/"])
def test_a_page_with_an_oembed_link_makes_no_request_that_fails(browser, served_site, path):
    # The theme fetches sitemap.xml beside every <link rel="alternate">, oEmbed's included.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(served_site + path, wait_until="networkidle")
    assert page.locator('link[type="application/json+oembed"]').count() == 1
    assert failed == []
    context.close()
