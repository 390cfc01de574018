"""Each single-file download, alone in an empty folder and opened from disk with no network, works."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from closer.engine.lessons import ORDER
from tests.support import project_quizzes
from tests.support.browser import take_quiz

pytestmark = pytest.mark.browser
DOWNLOADS = [f"lessons/{slug}.html" for slug in ORDER] + \
            [f"quizzes/{quiz_id}.html" for quiz_id in sorted(project_quizzes().quizzes)]
_WATCH_POLICY = """document.addEventListener("securitypolicyviolation",
  (event) => window.__closerReport(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));"""


@pytest.fixture()
def offline(browser):
    """A context with no network that records every request and error."""
    context = browser.new_context(service_workers="block")
    log = {"requests": [], "errors": []}
    context.on("request", lambda request: log["requests"].append(request.url))
    # Every request but file:// ones fails (intercepting the file itself upsets its storage).
    context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
    context.expose_function("__closerReport", lambda text: log["errors"].append(text))
    context.add_init_script(_WATCH_POLICY)
    yield context, log
    context.close()


@pytest.mark.parametrize("download", DOWNLOADS)
def test_download_works_from_disk_with_no_network(offline, built_site, tmp_path, download):
    context, log = offline
    alone = tmp_path / "empty-folder" / download.split("/")[1]
    alone.parent.mkdir()
    shutil.copy(built_site / "downloads" / download, alone)
    page = context.new_page()
    page.on("pageerror", lambda error: log["errors"].append(str(error)))
    page.goto(alone.as_uri())
    widget = page.locator("[data-quiz][data-ready]")
    kind = widget.get_attribute("data-quiz-kind")
    take_quiz(widget, kind)
    if kind == "self-assessment":
        assert widget.locator("[data-dimension='overall']").get_attribute("data-score")
        screen = widget.locator("[data-screen-result]")
        assert screen.count() == widget.locator("[data-quiz-screen]").count()
        assert screen.count() == 0 or screen.get_attribute("data-flagged") == "false"
        widget.locator("[data-compare-create]").click()  # comparing works from disk too
        widget.locator("[data-compare-input]").fill(widget.locator("[data-compare-code]").inner_text())
        widget.locator("[data-compare-run]").click()
        assert widget.locator("[data-compare-dimension]").count() == widget.locator("[data-key-dimension]").count() - (
            widget.locator('[data-key-dimension="overall"]').count())
    elif kind == "deck":
        assert widget.locator("[data-deck-favourites] li").count() == 1
    else:
        assert widget.locator(".closer-quiz__summary").inner_text() != ""
    checked = widget.locator(".closer-quiz__item input:checked, .closer-quiz__question input:checked").count()
    assert checked > 0 or kind == "deck"
    # Saved in this file's storage, in the contract's shape. (Reloading at once is not checked:
    # under load, Chromium sometimes drops a file:// page's storage writes across a reload.)
    quiz_id = widget.get_attribute("data-quiz")
    key = f"closer:{quiz_id}:v{widget.get_attribute('data-quiz-version')}"
    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
    assert saved["fingerprint"] == widget.get_attribute("data-quiz-fingerprint")
    if kind == "deck":  # five cards drawn, the last a favourite
        assert len(saved["drawn"]) == 5 and saved["favourites"] == saved["drawn"][-1:]
    else:
        assert sum(len(a) if isinstance(a, list) else a is not None for a in saved["answers"]) == checked
    assert set(log["requests"]) == {alone.as_uri()}, "the file references nothing outside itself"
    assert log["errors"] == []


def test_a_download_opened_from_disk_leaves_quickly(offline, built_site, tmp_path):
    context, log = offline
    context.route("https://www.bbc.com/weather**", lambda route: route.fulfill(
        body="<title>Weather</title>Weather", content_type="text/html"))  # mkdocs.yml's quick_exit_url
    alone = tmp_path / "check-in.html"
    shutil.copy(built_site / "downloads" / "quizzes" / "intimacy-check-in.html", alone)
    page = context.new_page()
    page.goto(alone.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Leave this page")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.com/weather**")
    assert log["errors"] == []
