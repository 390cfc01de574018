"""A coach's page on another origin embeds Closer: frames fit, keyboards work, strangers are ignored."""

from __future__ import annotations

import pytest

from tests.support import free_port, project_quizzes
from tests.support.browser import NEUTRAL, axe_violations, host_page, serving, stand_in_for_the_neutral_site, take_quiz

pytestmark = pytest.mark.browser
QUIZZES = sorted(project_quizzes().quizzes)
LESSON = "trust"
FIT = 3  # pixels: the frame's height may differ from its content's by rounding only
CHROME = ".md-header, .md-sidebar, .md-footer, .md-search"
CHECK_IN_AREAS = project_quizzes().quizzes["intimacy-check-in"].quiz.dimensions  # mkdocs.yml's extra.quick_exit_url


@pytest.fixture()
def open_host(browser, served_site, tmp_path):
    """Serve a host page from http://localhost:<port>, another origin than the site's 127.0.0.1."""
    contexts = []
    port = free_port()
    with serving(tmp_path, f"http://127.0.0.1:{port}"):
        def open_(paths: list[str], extra: str = "", **context_options):
            (tmp_path / "index.html").write_text(host_page(served_site, paths, extra))
            context = browser.new_context(service_workers="block", **context_options)
            contexts.append(context)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"http://localhost:{port}/")
            for frame in page.locator("iframe").all():
                frame.scroll_into_view_if_needed()
                frame.content_frame.locator("footer").wait_for(state="attached")  # site pages hide in frames
            page.wait_for_load_state("load")
            return page, errors

        yield open_
        for context in contexts:
            context.close()


def frame_of(page, index: int):
    return page.locator("iframe").nth(index)


def fits(page, index: int) -> tuple[float, float]:
    """(the iframe's height, its document's height), once resizing has settled."""
    element = frame_of(page, index)
    inner = element.element_handle().content_frame()
    page.wait_for_function("([frame, height]) => Math.abs(frame.getBoundingClientRect().height - height) <= %d" % FIT,
                           arg=[element.element_handle(),
                                inner.evaluate("document.documentElement.getBoundingClientRect().height")],
                           timeout=5000)
    return (element.evaluate("e => e.getBoundingClientRect().height"),
            inner.evaluate("document.documentElement.getBoundingClientRect().height"))


def test_every_quiz_and_a_lesson_embed_without_chrome_and_fit_their_frames(open_host, served_site):
    paths = [f"/embed/quizzes/{quiz_id}/" for quiz_id in QUIZZES] + [f"/embed/lessons/{LESSON}/"]
    page, errors = open_host(paths)
    for index, path in enumerate(paths):
        inner = frame_of(page, index).element_handle().content_frame()
        assert inner.url == served_site + path
        assert inner.locator(CHROME).count() == 0, path
        assert inner.locator("[data-quiz][data-ready]").count() == 1, path
        outer, content = fits(page, index)
        assert abs(outer - content) <= FIT and content > 300, path
        assert inner.evaluate("document.documentElement.scrollHeight <= innerHeight + 1"), f"{path} scrolls inside"
    assert errors == []


def focus_in(frame, predicate: str) -> bool:
    return frame.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}")


def tab_into(page, frame, predicate: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focus_in(frame, predicate):
            return
    raise AssertionError(f"Tab never reached {predicate} inside the frame")


def test_keyboard_answers_a_knowledge_check_and_the_frame_follows(open_host):
    page, errors = open_host([f"/embed/quizzes/{LESSON}/"])
    inner = frame_of(page, 0).element_handle().content_frame()
    before = fits(page, 0)[1]
    questions = inner.locator(".closer-quiz__question")
    for index in range(questions.count()):
        tab_into(page, inner, f"el.name && el.name.endsWith('-q{index}')")
        page.keyboard.press("Space")
        tab_into(page, inner, "el.classList.contains('closer-quiz__check')")
        page.keyboard.press("Enter")
        assert questions.nth(index).locator(".closer-quiz__verdict").inner_text() != ""
    assert inner.locator(".closer-quiz__summary").inner_text() != ""
    outer, content = fits(page, 0)
    assert content > before and abs(outer - content) <= FIT
    assert errors == []


def test_keyboard_takes_a_self_assessment_and_the_frame_fits_the_results(open_host):
    page, errors = open_host(["/embed/quizzes/sample-self-assessment/"])
    inner = frame_of(page, 0).element_handle().content_frame()
    items = inner.locator(".closer-quiz__item")
    for index in range(items.count()):
        tab_into(page, inner, f"el.name && el.name.endsWith('-i{index}')")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
    tab_into(page, inner, "el.type === 'submit'")
    page.keyboard.press("Enter")
    inner.locator("[data-dimension='overall']").wait_for()
    assert focus_in(inner, "el.closest('.closer-quiz__results')")
    outer, content = fits(page, 0)
    assert abs(outer - content) <= FIT
    assert errors == []


def test_height_messages_from_another_origin_or_frame_are_ignored(open_host):
    page, errors = open_host([f"/embed/quizzes/{LESSON}/", "/embed/quizzes/sample-knowledge-check/", "/privacy/"])
    heights = [fits(page, index)[0] for index in range(2)]
    forged = "parent.postMessage({type: 'closer:height', height: 77}, '*')"
    page.evaluate(forged.replace("parent", "window"))  # the host page's own origin
    frame_of(page, 2).element_handle().content_frame().evaluate(forged)  # the site, but not an embed
    page.wait_for_timeout(300)
    assert [frame_of(page, i).evaluate("e => e.getBoundingClientRect().height") for i in range(2)] == heights
    first = frame_of(page, 0).element_handle().content_frame()
    first.evaluate(forged)  # an embed may resize only its own frame
    page.wait_for_function("e => e.getBoundingClientRect().height === 77", arg=frame_of(page, 0).element_handle())
    assert frame_of(page, 1).evaluate("e => e.getBoundingClientRect().height") == heights[1]
    assert errors == []


def test_the_embed_tells_the_host_its_height_and_nothing_else(open_host):
    watch = ("<script>window.seen = []; addEventListener('message', e => seen.push(JSON.stringify(e.data)));</script>")
    page, _ = open_host(["/embed/quizzes/sample-self-assessment/"], extra=watch)
    inner = frame_of(page, 0).element_handle().content_frame()
    take_quiz(inner.locator("[data-quiz]"), "self-assessment")
    fits(page, 0)
    seen = page.evaluate("seen")
    assert seen and all(message.startswith('{"type":"closer:height","height":') for message in seen)
    assert all(len(message) < 48 for message in seen)


def test_refused_storage_in_a_frame_works_without_saving_and_says_so(open_host, served_site):
    refuse = ("if (window !== top && location.origin === %r) Object.defineProperty(window, 'localStorage', "
              "{get() { throw new DOMException('third-party storage is blocked', 'SecurityError'); }});") % served_site
    page, errors = open_host([f"/embed/quizzes/{LESSON}/"])
    page.context.add_init_script(refuse)
    page.reload()
    inner = frame_of(page, 0).element_handle().content_frame()
    inner.locator("[data-quiz][data-ready]").wait_for(state="attached")
    widget = inner.locator("[data-quiz]")
    take_quiz(widget, "knowledge-check", settle=lambda: fits(page, 0))
    assert "not letting the site keep your answers" in widget.locator(".closer-quiz__storage").inner_text()
    assert widget.locator(".closer-quiz__summary").inner_text() != ""
    assert errors == []


# An embed is its widget in a frame of its own: every quiz's widget, in every state and palette, is
# checked on its page (test_accessibility.py). Here, the frame's page around each kind of widget.
EMBEDS = ["/embed/quizzes/intimacy-check-in/", "/embed/quizzes/barriers/", "/embed/quizzes/sample-knowledge-check/",
          "/embed/quizzes/repair/",
          f"/embed/lessons/{LESSON}/", f"/es/embed/lessons/{LESSON}/"]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_axe_finds_nothing_inside_the_embeds(open_host, palette):
    for path in EMBEDS:
        page, errors = open_host([path], color_scheme=palette)  # alone: no frame above it resizes
        inner = frame_of(page, 0).element_handle().content_frame()
        assert axe_violations(inner) == [], f"{path} before answering"
        widget = inner.locator("[data-quiz]")
        take_quiz(widget, widget.get_attribute("data-quiz-kind"), settle=lambda: fits(page, 0))
        assert axe_violations(inner) == [], f"{path} with feedback or results"
        assert errors == []
        page.context.close()


def test_site_pages_refuse_another_site_s_frame_and_offer_to_open_on_their_own(browser, served_site, tmp_path):
    paths = ["/lessons/trust/", "/quizzes/intimacy-check-in/", "/worksheets/trust/", "/embed/lessons/trust/"]
    (tmp_path / "index.html").write_text(host_page(served_site, paths))
    port = free_port()
    with serving(tmp_path, f"http://127.0.0.1:{port}"):
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://localhost:{port}/")
        for index, path in enumerate(paths):
            frame = frame_of(page, index).element_handle().content_frame()
            frame.wait_for_load_state()
            if path.startswith("/embed/"):
                frame.locator("footer").wait_for()
                assert frame.locator(".closer-framed").count() == 0
                assert frame.locator(".closer-lesson__steps").is_visible()
                continue
            notice = frame.locator(".closer-framed")
            notice.wait_for()
            assert notice.inner_text().startswith("This page is from Closer. It is not shown inside another site's frame.")
            link = notice.get_by_role("link", name="Open it on its own")
            assert link.get_attribute("href") == served_site + path and link.get_attribute("target") == "_blank"
            visible = frame.evaluate("""() => Array.from(document.body.querySelectorAll('*'))
                .filter(n => n.checkVisibility() && !n.closest('.closer-framed')).length""")
            assert visible == 0, path  # nothing of the page itself shows
        context.close()
    assert errors == []


def test_site_pages_show_normally_when_not_framed(open_site):
    page, _, errors = open_site("/lessons/trust/")
    assert page.locator(".closer-lesson__steps").is_visible() and page.locator(".closer-framed").count() == 0
    assert errors == []


WATCH = "<script>window.seen = []; addEventListener('message', e => seen.push(e.data && e.data.height));</script>"


def loaded_and_watching(page) -> float:
    """The frame's height once it has loaded and fitted; from then on, record what the frame says.

    Messages sent while the host is still laying itself out (its frame briefly a few pixels wide)
    come before any answer, so they cannot tell anything about one; only later ones are compared.
    """
    height = fits(page, 0)[0]
    page.evaluate("window.seen = []")
    return height
# Very different readers: every statement and safety question at the lowest value (a calm screen),
# at the highest (a flagged one), and one answer only.
READERS = {
    "lowest": lambda items: [item.locator("input").first.check() for item in items],
    "highest": lambda items: [item.locator("input").last.check() for item in items],
    "one-answer": lambda items: items[0].locator("input").nth(2).check(),
}


def heights_a_host_sees(open_host, width: int, reader: str, flags: list) -> list:
    """The height messages and frame heights a host sees while a reader takes the check-in.

    flags gets what the safety screen said, which the host must not be able to tell.
    """
    page, errors = open_host(["/embed/quizzes/intimacy-check-in/"], extra=WATCH,
                             viewport={"width": width, "height": 900})
    inner = frame_of(page, 0).element_handle().content_frame()
    widget = inner.locator("[data-quiz]")
    seen = [loaded_and_watching(page)]
    READERS[reader](widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all())
    seen.append(fits(page, 0)[0])
    widget.get_by_role("button", name="Show my results").click()
    widget.locator("[data-dimension='overall']").wait_for()
    flags.append(widget.locator("[data-screen-result]").get_attribute("data-flagged"))
    seen.append(fits(page, 0)[0])
    # A calm reader makes a code, types a wrong one, then compares (a flagged one is never offered it).
    for step in ("make", "wrong", "compare"):
        if flags[-1] == "false":
            if step == "make":
                widget.locator("[data-compare-create]").click()
            widget.locator("[data-compare-input]").fill("CLOSER1-NOT-A-REAL-CODE" if step == "wrong" else
                                                        widget.locator("[data-compare-code]").inner_text())
            if step != "make":
                widget.locator("[data-compare-run]").click()
            if step == "compare":
                assert widget.locator("[data-compare-dimension]:visible").count() == len(CHECK_IN_AREAS)
        seen.append(fits(page, 0)[0])
    widget.locator(".closer-quiz__item").first.locator("input").nth(1).check()  # an answer changed after results
    seen.append(fits(page, 0)[0])
    # Each clears in their own way: a flagged reader from the safety message, the others below the form.
    clear = "Clear my answers from this device" if flags[-1] == "true" else "Clear my answers"
    widget.get_by_role("button", name=clear, exact=True).click()
    seen.append(fits(page, 0)[0])
    assert errors == []
    return seen + page.evaluate("seen")


@pytest.mark.parametrize("width", [1280, 360])
def test_a_host_sees_the_same_heights_whatever_the_reader_answers(open_host, width):
    flags = []
    seen = {reader: heights_a_host_sees(open_host, width, reader, flags) for reader in READERS}
    assert flags == ["false", "true", "false"]  # a calm screen, a flagged one, none answered
    assert seen["lowest"] == seen["highest"] == seen["one-answer"], seen
    frame_heights = seen["lowest"][:8]
    assert frame_heights[2] > frame_heights[1]  # results opened: the one thing a host may learn


def test_a_host_sees_the_same_heights_for_right_and_wrong_answers(open_host):
    seen = {}
    for reader, pick in (("right", "[data-correct]"), ("wrong", ":not([data-correct])")):
        page, errors = open_host([f"/embed/quizzes/{LESSON}/"], extra=WATCH)
        inner = frame_of(page, 0).element_handle().content_frame()
        heights = [loaded_and_watching(page)]
        for question in inner.locator(".closer-quiz__question").all():
            question.locator(f"input{pick}").first.check()
            question.get_by_role("button", name="Check").click()
            heights.append(fits(page, 0)[0])
        inner.get_by_role("button", name="Try again").click()
        heights.append(fits(page, 0)[0])
        seen[reader] = heights + page.evaluate("seen")
        assert errors == []
    assert seen["right"] == seen["wrong"], seen


@pytest.mark.parametrize("how", ["tab-and-enter", "escape-twice"])
def test_leave_this_page_in_an_embed_leaves_the_coach_s_whole_page(open_host, how):
    page, errors = open_host(["/embed/quizzes/intimacy-check-in/"])
    stand_in_for_the_neutral_site(page.context)
    inner = frame_of(page, 0).element_handle().content_frame()
    tab_into(page, inner, "el.matches('[data-closer-exit]')")  # the first thing in the frame
    assert focus_in(inner, "el.textContent.startsWith('Leave this page')")
    if how == "tab-and-enter":
        page.keyboard.press("Enter")
    else:
        inner.locator("h1").click()  # a reader reading the frame
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL + "**")  # the host page itself, not only the frame, has gone
    assert errors == []


# Each result's box: (its height, the bottom of what it shows, measured from its top).
RESULT_BOXES = """() => [...document.querySelectorAll('.closer-result')].map(box => {
    const top = box.getBoundingClientRect().top;
    const shown = [...box.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')]
        .filter(e => getComputedStyle(e).visibility === 'visible' && !e.closest('.closer-reserved'));
    return [box.getBoundingClientRect().height, Math.max(...shown.map(e => e.getBoundingClientRect().bottom - top))];
})"""


@pytest.mark.parametrize("width", [1280, 360])
def test_embedded_results_show_no_empty_box_and_say_why_space_is_kept(open_host, width):
    page, errors = open_host(["/embed/quizzes/intimacy-check-in/"], viewport={"width": width, "height": 900})
    inner = frame_of(page, 0).element_handle().content_frame()
    widget = inner.locator("[data-quiz]")
    for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
        item.locator("input").nth(1).check()  # a calm screen: the longest safety message is not shown
    widget.get_by_role("button", name="Show my results").click()
    widget.locator("[data-dimension='overall']").wait_for()
    boxes = inner.evaluate(RESULT_BOXES)
    assert len(boxes) == 1 + 1 + len(CHECK_IN_AREAS)  # the screen, overall, each area
    for height, shown in boxes:
        assert height - shown <= 40, boxes  # the box's padding and the last paragraph's margin, no more
    note = widget.get_by_text("Blank space may follow", exact=False)
    last = widget.locator(".closer-result, .closer-compare").last.bounding_box()
    assert note.is_visible() and note.bounding_box()["y"] >= last["y"] + last["height"]  # after every result
    assert errors == []
