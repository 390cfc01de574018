"""The flagship check-in and the barriers self-check: honest structure, kind results, real links."""

from __future__ import annotations

from bs4 import BeautifulSoup
import pytest

from macros.engine.scoring import score
from tests.support import project_quizzes

CATALOG = project_quizzes()
CHECK_IN = CATALOG.quizzes["intimacy-check-in"].quiz
BARRIERS = CATALOG.quizzes["barriers"].quiz


def test_check_in_has_the_planned_shape():
    items, dimensions = CHECK_IN.items, CHECK_IN.dimensions
    assert 24 <= len(items) <= 30 and 5 <= len(dimensions) <= 6
    for dimension in dimensions:
        own = [i for i in items if i.dimension == dimension.id]
        assert len(own) >= 4 and any(i.reverse for i in own), dimension.id
    assert 0.25 <= sum(i.reverse for i in items) / len(items) <= 0.4


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_agreeing_or_disagreeing_with_everything_never_gives_the_top_band(quiz):
    for answer in (quiz.scale.min, quiz.scale.max):
        for key, result in score(quiz, [answer] * len(quiz.items)).items():
            if key == "overall" and quiz.overall is None:
                continue
            top = (quiz.overall.bands if key == "overall" else
                   next(d for d in quiz.dimensions if d.id == key).bands)[-1].label
            assert result.band != top, (answer, key)


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_every_band_below_the_top_recommends_a_lesson(quiz):
    groups = [d.bands for d in quiz.dimensions] + ([quiz.overall.bands] if quiz.overall else [])
    for bands in groups:
        for band in bands[:-1]:
            assert any(target.startswith("lessons/") for target in band.recommend), band.label


def test_check_in_page_says_what_it_is_before_the_first_item(built_site):
    soup = BeautifulSoup((built_site / "quizzes" / "intimacy-check-in" / "index.html").read_text(), "html.parser")
    widget = soup.select_one('[data-quiz="intimacy-check-in"]')
    intro = widget.select_one(".closer-quiz__intro")
    assert intro.find_next("fieldset") is widget.select("fieldset")[0]
    text = intro.get_text(" ")
    for needed in ("not a validated test or a clinical tool", "not a diagnosis", "stay in this browser",
                   "on your own device", "Clear my answers"):
        assert needed in text
    links = [a["href"] for a in intro.select("a")]
    assert "../../right-for-you/" in links and "../../privacy/" in links


def test_home_links_to_both_self_assessments(built_site):
    home = BeautifulSoup((built_site / "index.html").read_text(), "html.parser")
    links = {a["href"] for a in home.select("article a[href]")}
    assert {"quizzes/intimacy-check-in/", "quizzes/barriers/"} <= links
