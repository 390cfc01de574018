"""Hostile quiz text from public payload lists never runs, and the policy blocks what is not ours."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
import pytest

from tests.support import copy_project, free_port, quiz_from_text, run_mkdocs_build
from tests.support.browser import open_page, serving
from tests.support.payloads import NAUGHTY, PAYLOADS, browser_url

pytestmark = pytest.mark.browser
TRAPS = """
window.__executed = 0;
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  window[name] = () => { window.__executed += 1; };
}
"""


# Titles whose decoded text is markup: a tooltip that made HTML of them would plant a link over the
# page, restyle it or run a handler.
PLANTED = ('&lt;a class=&quot;planted&quot; href=&quot;https://planted.example/&quot; data-closer-exit&gt;'
           'Leave&lt;/a&gt;&lt;img class=&quot;planted&quot; src=x onerror=alert(1)&gt;')
TITLES_QUIZ = f"""kind: knowledge-check
title: Titles
questions:
  - type: single
    prompt: 'An <abbr title="{PLANTED}">ABBR</abbr> and [a link](../about/ "<b class=planted>bold</b>")'
    options:
      - {{text: 'See <abbr title="{PLANTED}">it</abbr>', correct: true}}
      - {{text: Other}}
"""


def knowledge_check(t) -> str:
    questions = "".join(f"""
  - type: single
    prompt: {next(t)}
    options:
      - {{text: {next(t)}, correct: true, feedback: {next(t)}}}
      - {{text: "second option", feedback: {next(t)}}}
    explanation: {next(t)}""" for _ in range(4))
    return f"kind: knowledge-check\ntitle: {next(t)}\nintro: {next(t)}\nquestions:{questions}\n"


def self_assessment(t) -> str:
    return f"""kind: self-assessment
title: {next(t)}
intro: {next(t)}
scale: {{min: 1, max: 3, labels: [{next(t)}, "middle", {next(t)}]}}
dimensions:
  - {{id: d, title: {next(t)}, description: {next(t)}, bands: [{{upto: 3, label: {next(t)}, message: {next(t)}}}]}}
items:
  - {{text: {next(t)}, dimension: d}}
  - {{text: {next(t)}, dimension: d, reverse: true}}
overall: {{bands: [{{upto: 3, label: {next(t)}, message: {next(t)}}}]}}
screen: {{title: {next(t)}, message: {next(t)}, items: [{{text: {next(t)}, when: [3]}}]}}
"""


def deck(t) -> str:
    cards = "".join(f"\n  - {{text: {next(t)}, level: {'a' if n < 3 else 'b'}}}" for n in range(6))
    return (f"kind: deck\ntitle: {next(t)}\nintro: {next(t)}\nlevels:\n  - {{key: a, title: {next(t)}}}\n"
            f"  - {{key: b, title: {next(t)}}}\ncards:{cards}\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The project with every public payload in quiz text fields, built (not --strict) and served."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    strings = [json.dumps(s, ensure_ascii=False) for s in PAYLOADS + NAUGHTY]
    kept, refused = [], []
    texts = iter(strings + strings[:40])  # wrap around so the last quiz is full too
    used = 0
    while used < len(strings):
        for make in (knowledge_check, self_assessment, deck):
            before = used
            counted = _Counting(texts)
            text = make(counted)
            used += counted.count
            quiz_id = f"hostile-{len(kept) + len(refused)}"
            _, problems = quiz_from_text(text.encode(), f"quizzes/{quiz_id}.yml")
            if any(not p.warning for p in problems):
                refused.append(problems)
                continue
            (project / "quizzes" / f"{quiz_id}.yml").write_text(text)
            kept.append((quiz_id, used - before))
    (project / "quizzes" / "hostile-titles.yml").write_text(TITLES_QUIZ)
    origin = f"http://127.0.0.1:{free_port()}"
    site = tmp_path_factory.mktemp("hostile-site")
    result = run_mkdocs_build(project, site, origin + "/", strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    with serving(site, origin):
        yield {"site": site, "origin": origin, "kept": kept, "refused": refused,
               "output": result.stdout + result.stderr}


class _Counting:
    """An iterator that counts what it hands out."""

    def __init__(self, source):
        self.source, self.count = source, 0

    def __next__(self):
        self.count += 1
        return next(self.source)


def test_refused_payload_quizzes_were_refused_with_located_lines(hostile_site):
    for problems in hostile_site["refused"]:
        assert all(str(p).startswith("quizzes/hostile-") and str(p).count(":") >= 3 for p in problems)
    warnings = [line for line in hostile_site["output"].splitlines() if line.startswith("WARNING")]
    assert warnings and all("quizzes/hostile-" in line or "External" in line for line in warnings)
    # A quiz with one refused string is refused whole; hundreds still reach the browser.
    assert sum(count for _, count in hostile_site["kept"]) >= 400


def test_built_widgets_carry_no_handler_script_or_javascript_url(hostile_site):
    for quiz_id, _ in hostile_site["kept"]:
        soup = BeautifulSoup((hostile_site["site"] / "quizzes" / quiz_id / "index.html").read_text(),
                             "html.parser")
        widget = soup.select_one(f'[data-quiz="{quiz_id}"]')
        assert widget is not None and not widget.find(["script", "iframe", "object", "embed", "style"])
        oembed = json.loads((hostile_site["site"] / "oembed" / "quizzes" / f"{quiz_id}.json").read_text())
        assert [tag.name for tag in BeautifulSoup(oembed["html"], "html.parser").find_all(True)] == ["iframe"]
        pages = [widget]
        if widget["data-quiz-kind"] == "deck":  # and its cards to print, made from the same texts
            pages.append(BeautifulSoup((hostile_site["site"] / "worksheets" / "decks" / quiz_id / "index.html")
                                       .read_text(), "html.parser").main)
            assert not pages[-1].find(["script", "iframe", "object", "embed", "style"])
        for tag in (tag for part in pages for tag in part.find_all(True)):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (quiz_id, tag)
                if name in ("href", "src"):
                    assert urlsplit(browser_url(value)).scheme in ("", "http", "https", "mailto"), tag


def test_answering_every_hostile_quiz_runs_none_of_it(browser, hostile_site):
    page, log, errors = open_page(browser, hostile_site["origin"], "/about/")
    page.context.add_init_script(TRAPS)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for quiz_id, _ in hostile_site["kept"]:
        page.goto(f"{hostile_site['origin']}/quizzes/{quiz_id}/")
        widget = page.locator(f'[data-quiz="{quiz_id}"]')
        if widget.get_attribute("data-quiz-kind") == "knowledge-check":
            for question in widget.locator(".closer-quiz__question").all():
                question.locator("input").first.check()
                question.locator(".closer-quiz__check").click()
            widget.locator(".closer-quiz__summary").filter(has_text="of 4").wait_for()
        elif widget.get_attribute("data-quiz-kind") == "deck":  # every card drawn and kept as a favourite
            for _ in range(6):
                widget.locator("[data-deck-next]").click()
                widget.locator("[data-deck-favourite]").click()
            widget.locator("[data-deck-favourites] li").nth(5).wait_for()
        else:  # every answer at the top: the screen flags and its message is shown first
            for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
                item.locator("input").last.check()
            widget.locator("[type=submit]").click()
            widget.locator('[data-screen-result][data-flagged="true"]').wait_for()
        assert page.evaluate("window.__executed") == 0, quiz_id
    assert dialogs == [] and errors == [] and log.foreign == []


def test_policy_blocks_a_script_the_build_did_not_hash(open_site):
    page, _, errors = open_site("/samples/")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.append(script);
    }""")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__ran") is None
    assert any(error.startswith("CSP violation: script-src") for error in errors)


def test_search_finds_course_text_without_leaving_the_site(open_site):
    page, log, errors = open_site("/")
    page.get_by_role("search").get_by_role("textbox").first.wait_for(state="attached")
    page.keyboard.press("s")  # the theme's shortcut opens search
    page.keyboard.type("closeness")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    assert errors == [] and log.foreign == []


def test_hovering_any_title_never_turns_it_into_markup(browser, hostile_site):
    page, log, errors = open_page(browser, hostile_site["origin"], "/quizzes/hostile-titles/")
    page.context.add_init_script(TRAPS)
    page.reload()
    titled = page.locator("article [title]")  # where author text is; the theme's own titles are fixed
    assert titled.count() >= 3  # the two abbreviations and the link title at least
    before = page.evaluate("document.querySelectorAll('*').length")
    for index in range(titled.count()):
        element = titled.nth(index)
        if element.is_visible():
            element.hover(force=True)
            page.wait_for_timeout(50)
            assert page.locator(".planted").count() == 0
            assert page.evaluate("document.querySelectorAll('*').length") == before
    assert page.evaluate("window.__executed") == 0 and errors == [] and log.foreign == []


def test_hostile_text_in_a_restored_backup_and_a_pasted_code_stays_text(open_site, served_site, tmp_path):
    # A backup file comes from outside: the payload lists go into journal notes, a history entry
    # and the code field; every one must come back as text, run nothing and load nothing.
    payloads = PAYLOADS[::25] + NAUGHTY[::60]
    notes = {str(i): text for i, text in enumerate(payloads[:4])}
    history = [{"version": 2, "savedAt": "2026-01-05T10:00:00.000Z", "scores": {"overall": "3.00"}},
               {"version": 2, "savedAt": payloads[4], "scores": {"overall": payloads[5]}}]
    backup = {"closer-backup": 1, "exportedAt": "2026-12-01T10:00:00Z", "items": {
        "closer:journal:trust": json.dumps({"savedAt": "2026-12-01T10:00:00Z", "notes": notes}),
        "closer:intimacy-check-in:history": json.dumps(history)}}
    (tmp_path / "backup.json").write_text(json.dumps(backup))
    page, log, errors = open_site("/privacy/")
    page.context.add_init_script(TRAPS)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator('[data-closer-backup="import"]').set_input_files(str(tmp_path / "backup.json"))
    page.locator(".closer-privacy__status", has_text="Restored 2 items").wait_for()
    page.goto(served_site + "/lessons/trust/")
    for index, text in notes.items():
        assert page.locator(f'textarea[data-journal-prompt="{index}"]').input_value() == text
    page.goto(served_site + "/worksheets/trust/")
    assert page.locator(".closer-worksheet__note").count() == len(notes)
    page.goto(served_site + "/quizzes/intimacy-check-in/")
    view = page.locator("[data-closer-history]")
    assert view.locator("[data-history-entry]").count() == 1  # the entry with hostile values is set aside
    widget = page.locator('[data-quiz="intimacy-check-in"]')
    for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
        item.locator("input").nth(1).check()
    widget.locator("[type=submit]").click()
    for text in payloads:
        widget.locator("[data-compare-input]").fill(text)
        widget.locator("[data-compare-run]").click()
        assert widget.locator(".closer-compare__message:visible").count() == 1, text
    assert page.evaluate("window.__executed") == 0
    assert page.locator("img, iframe, object, embed").count() == page.evaluate(
        "document.querySelectorAll('.md-header img, .md-footer img').length")
    assert dialogs == [] and errors == [] and log.foreign == []
