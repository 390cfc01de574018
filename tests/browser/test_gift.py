"""GIFT files read back by an outside GIFT parser (gift-pegjs, run in Chromium) as the same questions."""

from __future__ import annotations

import html as html_text
from urllib.parse import urljoin

import pytest

from closer.engine.kinds.knowledge_check import KnowledgeCheck, TrueFalseQuestion
from closer.publish.gift import gift_of
from closer.render.rendering import text_html
from tests.support import FIXTURES, ROOT, project_quizzes, quiz_from_text

pytestmark = pytest.mark.browser
PARSER = ROOT / "tests" / "data" / "public" / "gift-pegjs" / "gift-parser-globals.js"
CHECKS = sorted(quiz_id for quiz_id, loaded in project_quizzes().quizzes.items()
                if isinstance(loaded.quiz, KnowledgeCheck))


@pytest.fixture(scope="module")
def parse(browser):
    """GIFT text -> what gift-pegjs makes of it (its questions, without the category line)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.set_content("<!doctype html><title>GIFT</title>")
    page.add_script_tag(content=PARSER.read_text(encoding="utf-8"))
    yield lambda text: [q for q in page.evaluate("text => giftParser.parse(text)", text) if q["type"] != "Category"]
    context.close()


def expect_same(parsed: list, quiz: KnowledgeCheck, html) -> None:
    """Every question, option, right answer and feedback of the quiz, as the parser read them."""
    def text(source, inline=True):
        return html_text.unescape(" ".join(html(source, inline).split())) if source else None

    def read(field):  # a leading "%" or "[" is written as an entity, which HTML reads the same
        return html_text.unescape(field["text"]) if field else None

    assert len(parsed) == len(quiz.questions)
    for question, got in zip(quiz.questions, parsed):
        assert read(got["stem"]) == text(question.prompt) and got["stem"]["format"] == "html"
        assert read(got["globalFeedback"]) == text(question.explanation, False)
        if isinstance(question, TrueFalseQuestion):
            given = question.feedback
            assert got["type"] == "TF" and got["isTrue"] is question.answer
            chose = {True: given.true if given else None, False: given.false if given else None}
            # GIFT's first feedback goes with the wrong choice, the second with the right one.
            assert [read(got["trueFeedback"]), read(got["falseFeedback"])] == \
                [text(chose[not question.answer]), text(chose[question.answer])]
            continue
        assert got["type"] == "MC" and len(got["choices"]) == len(question.options)
        right = sum(o.correct for o in question.options)
        for option, choice in zip(question.options, got["choices"]):
            assert read(choice["text"]) == text(option.text) and read(choice["feedback"]) == text(option.feedback)
            if question.type == "single":
                assert choice["isCorrect"] is option.correct and choice["weight"] is None
            else:
                assert choice["weight"] == (pytest.approx(100 / right, abs=1e-4) if option.correct else -100)


@pytest.mark.parametrize("quiz_id", CHECKS)
def test_each_check_s_gift_file_reads_back_as_its_questions(parse, built_site, site_origin, quiz_id):
    quiz = project_quizzes().quizzes[quiz_id].quiz
    text = (built_site / "downloads" / "gift" / f"{quiz_id}.txt").read_text(encoding="utf-8")
    pages = {f"{p.relative_to(ROOT / 'docs').as_posix()}": p for p in (ROOT / "docs").rglob("*.md")}

    def link(target):  # links point at the published site, as the build writes them
        page = target.split("#", 1)[0]
        assert page in pages, target
        url = page[:-3] + "/" if not page.endswith("index.md") else page[:-8]
        return urljoin(site_origin + "/", url) + ("#" + target.split("#", 1)[1] if "#" in target else "")
    expect_same(parse(text), quiz, lambda source, inline: text_html(source, inline, link))


def test_every_sign_gift_gives_a_meaning_survives_in_every_kind_of_text(parse):
    loaded, problems = quiz_from_text((FIXTURES / "valid" / "gift-special.yml").read_bytes(), "quizzes/gift-special.yml")
    assert problems == []

    def html(source, inline=True):
        return text_html(source, inline, lambda target: target)
    parsed = parse(gift_of(loaded.quiz, loaded.id, "Closer", html))
    assert [q["title"] for q in parsed] == [f"Signs: ~ = # {{ }} : \\ and more {n}" for n in (1, 2, 3)]
    expect_same(parsed, loaded.quiz, html)


@pytest.mark.parametrize(("site_name", "category"), [
    ("Closer", "Closer"),
    ("Sam's notes/week 1\n::Injected::Sky? {=blue ~green}\n$CATEGORY: elsewhere",  # a coach's site, named badly
     "Sam's notes week 1 ::Injected::Sky? {=blue ~green} $CATEGORY: elsewhere")])
def test_a_title_or_site_name_over_several_lines_cannot_start_a_gift_line_of_its_own(parse, site_name, category):
    source = ('kind: knowledge-check\ntitle: "Trust\\n::Injected::Sky? {=blue ~green}\\n$CATEGORY: elsewhere"\n'
              "questions:\n  - {type: true-false, prompt: Is it?, answer: true}\n")
    loaded, problems = quiz_from_text(source.encode(), "quizzes/title-lines.yml")
    assert problems == [] and "\n" in loaded.quiz.title
    gift = gift_of(loaded.quiz, loaded.id, site_name, lambda text, inline: text_html(text, inline, lambda target: target))
    parsed = parse(gift)
    assert len(parsed) == 1 and parsed[0]["type"] == "TF"
    # The questions are filed under the site they come from, in one category (no "/" to nest one).
    assert [line for line in gift.splitlines() if line.startswith("$CATEGORY")] == [f"$CATEGORY: $course$/{category}/title-lines"]
