"""The browser's scoring module and the Python reference agree on random quizzes and answers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from closer.engine.scoring import score
from closer.publish.bundle import COMPONENTS
from closer.render.text import plain
from tests.support import quiz_from_text

pytestmark = pytest.mark.browser
CASES = {"count": 0}
SCORING = COMPONENTS / "self-assessment" / "scoring.js"


@st.composite
def quizzes(draw):
    low = draw(st.integers(-3, 3))
    high = low + draw(st.integers(1, 7))

    def bands():
        decimals = draw(st.integers(0, 3))
        scale = 10 ** decimals
        inner = draw(st.lists(st.integers(low * scale, high * scale - 1), max_size=3, unique=True))
        uptos = [Decimal(v) / scale for v in sorted(inner)] + [Decimal(high)]
        return "[" + ", ".join(f"{{upto: {u}, label: Band {i}}}" for i, u in enumerate(uptos)) + "]"

    sizes = draw(st.lists(st.integers(2, 6), min_size=1, max_size=4))
    items = [(f"d{d}", draw(st.booleans())) for d, size in enumerate(sizes) for _ in range(size)]
    items = draw(st.permutations(items))
    labels = ", ".join(f"p{v}" for v in range(low, high + 1))
    text = (f"kind: self-assessment\ntitle: Random\nscale: {{min: {low}, max: {high}, labels: [{labels}]}}\n"
            "dimensions:\n" + "".join(f"  - {{id: d{d}, title: D{d}, bands: {bands()}}}\n" for d in range(len(sizes)))
            + "items:\n" + "".join(f"  - {{text: Item {i}, dimension: {dim}, reverse: {str(rev).lower()}}}\n"
                                   for i, (dim, rev) in enumerate(items)))
    if draw(st.booleans()):
        text += f"overall: {{bands: {bands()}}}\n"
    loaded, problems = quiz_from_text(text.encode(), "quizzes/random.yml")
    assert loaded is not None, (text, problems)
    answers = draw(st.lists(st.one_of(st.none(), st.integers(low, high)), min_size=len(items), max_size=len(items)))
    return loaded.quiz, answers


def spec_of(quiz) -> dict:
    """What the widget reads from the rendered HTML, built from the same model."""
    def bands(list_):
        return [{"upto": str(b.upto), "label": plain(b.label)} for b in list_]
    return {"min": quiz.scale.min, "max": quiz.scale.max,
            "items": [{"dimension": i.dimension, "reverse": i.reverse} for i in quiz.items],
            "dimensions": [{"id": d.id, "bands": bands(d.bands)} for d in quiz.dimensions],
            "overall": bands(quiz.overall.bands) if quiz.overall else []}


@pytest.fixture(scope="module")
def scoring_page(browser):
    """A blank page with the scoring script alone: no built site, no other component."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content(f"<!doctype html><title>scoring</title><script>{SCORING.read_text()}</script>")
    yield page
    assert errors == []
    context.close()


def test_browser_and_reference_agree_on_random_quizzes(scoring_page):
    @settings(max_examples=400, deadline=None, database=None)
    @given(quizzes())
    def agree(case):
        quiz, answers = case
        reference = score(quiz, answers)
        browser = scoring_page.evaluate("([spec, answers]) => score(spec, answers)",
                                        [spec_of(quiz), answers])
        for key, expected in reference.items():
            got = browser[key]
            assert (got["sum"], got["count"], got["enough"]) == (expected.sum, expected.count, expected.enough), key
            assert got["score2"] == expected.rounded(2) and got["score1"] == expected.rounded(1), key
            assert got["label"] == plain(expected.band), key
        CASES["count"] += 1

    agree()
    print(f"\nbrowser and reference agreed on {CASES['count']} generated cases")
    assert CASES["count"] >= 400
