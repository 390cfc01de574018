"""Quizzes render as plain HTML in the form fixed by QUIZ_FORMAT.md, readable without JavaScript."""

from __future__ import annotations

from bs4 import BeautifulSoup
import pytest

from closer.publish.security import script_hash, template_script_hashes
from closer.render.rendering import folded_at_rule, render_quiz
from closer.render.text import BLOCK_TAGS, to_html
from tests.support import FIXTURES, ROOT, quiz_from_text
from tests.support.payloads import NAUGHTY, PAYLOADS, assert_inert

SAMPLES = ROOT / "quizzes"


def loaded(path):
    quiz, problems = quiz_from_text(path.read_bytes(), f"quizzes/{path.name}")
    assert problems == [] and quiz is not None
    return quiz


def soup_of(path, **options):
    return BeautifulSoup(render_quiz(loaded(path), **options), "html.parser")


def test_scalars_keep_their_text_and_markup_is_escaped():
    quiz = loaded(FIXTURES / "valid" / "scalars-as-written.yml").quiz
    assert quiz.title == "1.10" and quiz.version == 3
    first = quiz.questions[0]
    assert first.prompt == "No"
    assert [o.text for o in first.options] == ["Yes", "true", "null"]
    assert first.options[0].feedback == "007"
    assert [o.text for o in quiz.questions[1].options] == ["A & B", "1 < 2"]  # the source, as written


def test_model_is_immutable():
    quiz = loaded(SAMPLES / "sample-knowledge-check.yml").quiz
    with pytest.raises(Exception):
        quiz.title = "changed"


def test_knowledge_check_form():
    path = SAMPLES / "sample-knowledge-check.yml"
    quiz = loaded(path).quiz
    root = soup_of(path).select_one("[data-quiz]")
    assert root["data-quiz"] == "sample-knowledge-check"
    fieldsets = root.select("fieldset")
    assert len(fieldsets) == len(quiz.questions)
    for fieldset, question in zip(fieldsets, quiz.questions):
        assert fieldset.legend.decode_contents() == to_html(question.prompt, True)
        inputs = fieldset.select("input")
        kind = "checkbox" if question.type == "multiple" else "radio"
        assert {i["type"] for i in inputs} == {kind}
        assert len({i["name"] for i in inputs}) == 1
        assert [i["value"] for i in inputs] == [str(n) for n in range(len(inputs))]
        check = fieldset.select("button")
        assert len(check) == 1 and check[0]["type"] == "button" and check[0].has_attr("hidden")
        if question.type == "true-false":
            assert [label.get_text(strip=True) for label in fieldset.select("label")] == ["True", "False"]
            assert inputs[1 if question.answer is False else 0].has_attr("data-correct")


def test_self_assessment_form():
    path = SAMPLES / "sample-self-assessment.yml"
    quiz = loaded(path).quiz
    root = soup_of(path).select_one("[data-quiz]")
    forms = root.select("form")
    assert len(forms) == 1
    fieldsets = forms[0].select("fieldset")
    assert [f.legend.decode_contents() for f in fieldsets] == [item.text for item in quiz.items]
    points = quiz.scale.max - quiz.scale.min + 1
    for fieldset in fieldsets:
        radios = fieldset.select("input")
        assert len(radios) == points and {r["type"] for r in radios} == {"radio"}
        assert [int(r["value"]) for r in radios] == list(range(quiz.scale.min, quiz.scale.max + 1))
        assert [r.parent.get_text(strip=True) for r in radios] == list(quiz.scale.labels)
    submits = forms[0].select("[type=submit]")
    assert len(submits) == 1 and submits[0].has_attr("hidden") and submits[0].has_attr("disabled")
    assert not root.select("[data-dimension]")  # reserved for result elements


def test_copies_on_one_page_get_their_own_input_names():
    path = SAMPLES / "sample-self-assessment.yml"
    first, second = soup_of(path, instance=1), soup_of(path, instance=2)
    assert not {i["name"] for i in first.select("input")} & {i["name"] for i in second.select("input")}


def test_the_policy_hashes_the_theme_s_scripts_never_the_content_s():
    content = '<p>Hi</p><script>window.planted = 1</script>'
    page = f'<head><script>var theme = 1</script></head><body><article>{content}</article></body>'
    assert template_script_hashes(page, content) == {script_hash("var theme = 1")}


def test_an_intro_folds_only_at_a_rule_of_its_own():
    shown, folded = folded_at_rule("Intro\n\n> quoted\n>\n> ---\n>\n> still quoted\n\nAfter\n\n---\n\nMore")
    quote = BeautifulSoup(shown, "html.parser").blockquote  # whole elements: the quote is not cut open
    assert shown.count("<blockquote>") == shown.count("</blockquote>") == 1
    assert quote.hr is not None and "still quoted" in quote.get_text() and folded == "<p>More</p>"
    assert folded_at_rule("No rule here") == ("<p>No rule here</p>", "")


@pytest.mark.parametrize("payload", PAYLOADS + NAUGHTY[:200])
def test_hostile_text_either_side_of_the_fold_stays_inert(payload):
    for part in folded_at_rule(f"{payload}\n\n---\n\n{payload}"):
        assert_inert(part, BLOCK_TAGS)
