"""One reader, two languages: the Spanish check-in speaks only Spanish, and answers and codes cross over."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from babel.messages.pofile import read_po
import pytest

from closer.messages import TEMPLATE, catalog
from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking

pytestmark = pytest.mark.browser
QUIZ_ID = "intimacy-check-in"
ENGLISH, SPANISH = f"/quizzes/{QUIZ_ID}/", f"/es/quizzes/{QUIZ_ID}/"
QUIZ = project_quizzes().quizzes[QUIZ_ID].quiz
KEYED = {"known": 4, "safety": 4, "trust": 5, "talking": 2, "care": 3, "time": 2}
ANSWERS = [QUIZ.scale.min + QUIZ.scale.max - KEYED[i.dimension] if i.reverse else KEYED[i.dimension]
           for i in QUIZ.items]
SIGNS = len(QUIZ.screen.items)
CALM, AFRAID = [1] * SIGNS, [4] + [1] * (SIGNS - 1)


def widget(page):
    return page.locator(f'[data-quiz="{QUIZ_ID}"]')


def show(page, screen) -> None:
    answer_by_clicking(widget(page), ANSWERS)
    answer_by_clicking(widget(page), screen, "[data-quiz-screen] .closer-quiz__screen-item")
    widget(page).locator("button[type=submit]").click()
    widget(page).locator("[data-dimension='overall']").wait_for()


def what_a_reader_meets(page) -> str:
    """Every text the page shows or speaks: visible text, labels, status lines, titles, alt texts."""
    return page.evaluate("""() => {
      const parts = [document.body.innerText];
      for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [role=status]'))
        for (const name of ['aria-label', 'title', 'alt', 'placeholder'])
          if (el.getAttribute(name)) parts.push(el.getAttribute(name));
      for (const el of document.querySelectorAll('[role=status]')) parts.push(el.textContent);
      return parts.join('\\n');
    }""")


def every_state(page) -> list[str]:
    """The check-in as a reader meets it: calm results with history and a code, then a flagged result."""
    seen = [what_a_reader_meets(page)]
    show(page, CALM)
    widget(page).locator("[data-closer-history-toggle]").check()
    widget(page).locator("[data-compare-create]").click()
    seen.append(what_a_reader_meets(page))
    show(page, AFRAID)
    seen.append(what_a_reader_meets(page))
    return seen


def english_messages() -> list[re.Pattern]:
    """Each message of Closer's own that Spanish says differently, as a pattern its placeholders fill."""
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    spanish = catalog("es")
    found = []
    for message in template:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if not ids[0] or spanish.forms.get(ids[0], ())[:1] == (ids[0],):
            continue
        for text in ids:
            parts = [re.escape(part) for part in re.split(r"\{\w+\}", text.strip())]
            if sum(len(part) for part in parts) >= 8:  # long enough to mean something on its own
                found.append(re.compile(r".{0,200}?".join(parts)))
    return found


def lesson_states(page) -> list[str]:
    """The trust lesson as a reader meets it: its knowledge check answered and checked, a note, marked as done."""
    seen = [what_a_reader_meets(page)]
    for question in page.locator(".closer-quiz__question").all():
        question.locator("input").first.check()
        question.locator(".closer-quiz__check").click()
    page.locator(".closer-journal textarea").first.fill("una nota")
    page.locator('[data-closer-controls="lesson-done"] button').click()
    seen.append(what_a_reader_meets(page))
    return seen


def privacy_states(page) -> list[str]:
    """The privacy page's controls: as first met, after keeping nothing, and after clearing everything."""
    seen = [what_a_reader_meets(page)]
    page.locator(".closer-privacy__keep").click()
    seen.append(what_a_reader_meets(page))
    page.locator(".closer-privacy__keep").click()
    page.locator(".closer-privacy__clear").click()
    seen.append(what_a_reader_meets(page))
    return seen


PAGES = {  # path under the site's root and under /es/ -> the states a reader meets there, and how many messages
    f"quizzes/{QUIZ_ID}/": (every_state, 40),
    "lessons/trust/": (lesson_states, 12),
    "privacy/": (privacy_states, 8),
}


@pytest.mark.parametrize("path", PAGES)
def test_a_spanish_page_shows_none_of_the_english_messages(open_site, path):
    states, least = PAGES[path]
    patterns = english_messages()
    page, _, errors = open_site("/" + path)
    english = states(page)
    harvested = {p.pattern for p in patterns if any(p.search(text) for text in english)}
    assert len(harvested) >= least, sorted(harvested)  # the harvest did read the English page's messages
    page, _, errors_es = open_site("/es/" + path)
    spanish = states(page)
    left = sorted(p for p in harvested if any(re.search(p, text) for text in spanish))
    assert left == []
    assert errors == [] and errors_es == []


def test_answers_given_in_english_are_there_in_spanish(open_site, served_site):
    page, _, errors = open_site(ENGLISH)
    answer_by_clicking(widget(page), ANSWERS)
    page.goto(served_site + SPANISH)
    checked = [int(item.locator("input:checked").get_attribute("value"))
               for item in widget(page).locator(".closer-quiz__item").all()]
    assert checked == ANSWERS
    assert widget(page).locator("[data-quiz-screen] input:checked").count() == 0  # never kept, in any language
    assert errors == []


def test_a_code_made_in_spanish_is_read_on_the_english_page_in_english(open_site, browser, served_site):
    page, _, errors = open_site(SPANISH)
    show(page, CALM)
    widget(page).locator("[data-compare-create]").click()
    code = widget(page).locator("[data-compare-code]").inner_text()
    other, _, other_errors = open_site(ENGLISH)  # the other person, in their own browser and language
    show(other, CALM)
    widget(other).locator("[data-compare-input]").fill(code)
    widget(other).locator("[data-compare-run]").click()
    shown = widget(other).locator("[data-compare-dimension]:visible")
    assert shown.count() == len(QUIZ.dimensions)
    text = widget(other).locator(".closer-compare").inner_text()
    assert "Listening and talking" in text and "Escuchar y hablar" not in text
    assert errors == [] and other_errors == []


@pytest.mark.parametrize(("words", "lesson"), [("vulnerabilidad", "vulnerability"), ("promesas pequeñas", "trust")])
def test_spanish_search_finds_spanish_lessons_by_their_spanish_words(open_site, words, lesson):
    page, log, errors = open_site("/es/")
    page.get_by_role("search").get_by_role("textbox").first.wait_for(state="attached")
    page.keyboard.press("s")  # the theme's shortcut opens search
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    found = [urlsplit(results.nth(i).get_attribute("href")).path for i in range(results.count())]
    assert f"/es/lessons/{lesson}/" in found[:2], found  # the lesson, or its own check, first
    assert all(path.startswith("/es/") for path in found), found  # Spanish pages only, from Spanish words
    assert errors == [] and log.foreign == []
