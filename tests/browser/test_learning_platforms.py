"""SCORM packages run inside a learning platform's frames and tell it "completed", and nothing more.

The platform is a stub: its page defines the SCORM 1.2 `API` and records every call; the
package's launch page runs two frames below it (a wrapper frame between, as many platforms
have), from the unpacked zip, as a platform serves it.
"""

from __future__ import annotations

import zipfile

import pytest

from tests.support import free_port, project_quizzes
from tests.support.browser import serving, take_quiz

pytestmark = pytest.mark.browser
CATALOG = project_quizzes()
PLATFORM = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A learning platform</title>
<script>
window.calls = [];
window.API = {};
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
 "LMSGetErrorString", "LMSGetDiagnostic"].forEach(function (name) {
  window.API[name] = function () { calls.push([name].concat([].slice.call(arguments))); return "true"; };
});
</script></head><body><h1>Course</h1>
<iframe id="wrapper" src="wrapper.html" title="Course content" style="width:100%;height:900px"></iframe></body></html>"""
WRAPPER = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
<body><iframe id="sco" src="package/index.html" title="Lesson" style="width:100%;height:880px"></iframe></body></html>"""


@pytest.fixture()
def platform(browser, built_site, tmp_path):
    """Open a package in the stub platform: (launch page frame, platform page, errors)."""
    contexts = []
    port = free_port()
    with serving(tmp_path, f"http://127.0.0.1:{port}") as origin:
        def open_(package: str, wrapper: str = WRAPPER):
            with zipfile.ZipFile(built_site / "downloads" / "scorm" / package) as archive:
                archive.extractall(tmp_path / "package")
            (tmp_path / "index.html").write_text(PLATFORM)
            (tmp_path / "wrapper.html").write_text(wrapper)
            context = browser.new_context(service_workers="block")
            contexts.append(context)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{origin}/")
            launch = page.frame_locator("#wrapper").frame_locator("#sco")
            launch.locator("[data-quiz][data-ready]").first.wait_for()
            return launch, page, errors
        yield open_
    for context in contexts:
        context.close()


def calls_after_leaving(page) -> list:
    """Every call the platform saw, once the reader has left the package (its frame removed)."""
    page.evaluate("document.getElementById('wrapper').contentDocument.getElementById('sco').remove()")
    return page.evaluate("calls")


def test_a_knowledge_check_reports_completion_and_its_score(platform):
    launch, page, errors = platform("quizzes/trust.zip")
    assert page.evaluate("calls") == [["LMSInitialize", ""]]
    take_quiz(launch.locator("[data-quiz]"), "knowledge-check")
    quiz = CATALOG.quizzes["trust"].quiz
    right = sum(1 for q in quiz.questions if (q.answer if q.type == "true-false" else
                                              [o.correct for o in q.options] == [True] + [False] * (len(q.options) - 1)))
    percent = str(round(100 * right / len(quiz.questions)))
    assert calls_after_leaving(page) == [
        ["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_status", "completed"],
        ["LMSSetValue", "cmi.core.score.raw", percent], ["LMSSetValue", "cmi.core.score.min", "0"],
        ["LMSSetValue", "cmi.core.score.max", "100"], ["LMSCommit", ""], ["LMSFinish", ""]]
    assert errors == []


def test_a_self_assessment_reports_completion_and_nothing_of_its_answers(platform):
    launch, page, errors = platform("quizzes/intimacy-check-in.zip")
    widget = launch.locator("[data-quiz]")
    for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
        item.locator("input").last.check()  # every statement and safety question at the top of the scale
    widget.get_by_role("button", name="Show my results").click()
    assert widget.locator("[data-screen-result]").get_attribute("data-flagged") == "true"
    # On a platform's computer, which learners may share, nothing is kept, and the page says so.
    assert "not kept" in widget.locator(".closer-quiz__storage").inner_text()
    assert launch.locator("html").evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('closer:'))") == []
    calls = calls_after_leaving(page)
    assert calls == [["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_status", "completed"],
                     ["LMSCommit", ""], ["LMSFinish", ""]], calls
    assert errors == []


def test_a_lesson_completes_when_the_reader_says_they_have_finished_it(platform):
    launch, page, errors = platform("lessons/trust.zip")
    launch.get_by_role("button", name="I have finished this lesson").click()
    assert launch.get_by_role("status").filter(has_text="Marked as finished").count() == 1
    assert calls_after_leaving(page) == [["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_status", "completed"],
                                         ["LMSCommit", ""], ["LMSFinish", ""]]
    assert errors == []


def test_an_element_named_api_between_the_package_and_the_platform_is_passed_over(platform):
    # A browser names an element with id "API" window.API: the wrapper's heading must not pass for the platform.
    launch, page, errors = platform("lessons/trust.zip", WRAPPER.replace("<body>", '<body><h2 id="API">Notes</h2>'))
    assert page.frame_locator("#wrapper").locator("#API").count() == 1
    launch.get_by_role("button", name="I have finished this lesson").click()
    assert calls_after_leaving(page) == [["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_status", "completed"],
                                         ["LMSCommit", ""], ["LMSFinish", ""]]
    assert errors == []


def test_a_lesson_completes_when_its_check_is_done(platform):
    launch, page, _ = platform("lessons/trust.zip")
    take_quiz(launch.locator("[data-quiz]"), "knowledge-check")
    assert ["LMSSetValue", "cmi.core.lesson_status", "completed"] in page.evaluate("calls")
    assert not any("score" in call[1] for call in page.evaluate("calls") if call[0] == "LMSSetValue")


def test_a_deck_completes_after_its_fifth_card_and_says_nothing_of_which(platform):
    launch, page, errors = platform("quizzes/repair.zip")
    draw = launch.locator("[data-deck-next]")
    for _ in range(4):
        draw.click()
    assert page.evaluate("calls") == [["LMSInitialize", ""]]  # four cards: not yet
    launch.locator("[data-deck-favourite]").click()
    draw.click()
    assert launch.locator("html").evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('closer:'))") == []
    assert calls_after_leaving(page) == [["LMSInitialize", ""], ["LMSSetValue", "cmi.core.lesson_status", "completed"],
                                         ["LMSCommit", ""], ["LMSFinish", ""]]
    assert errors == []


@pytest.mark.parametrize("package", ["lessons/trust.zip", "quizzes/intimacy-check-in.zip"])
def test_without_a_platform_the_launch_page_is_the_offline_download(browser, built_site, tmp_path, package):
    with zipfile.ZipFile(built_site / "downloads" / "scorm" / package) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(service_workers="block")
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "index.html").as_uri())
    widget = page.locator("[data-quiz][data-ready]").first
    take_quiz(widget, widget.get_attribute("data-quiz-kind"))
    assert page.get_by_role("button", name="I have finished this lesson").count() == 0  # nothing to tell
    assert requests == [(tmp_path / "index.html").as_uri()] and errors == []
    context.close()

