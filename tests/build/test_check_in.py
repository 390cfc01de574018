"""The flagship check-in and the barriers self-check: honest structure, kind results, real links."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
import pytest

from closer.engine.scoring import score
from closer.render.text import plain
from tests.support import project_quizzes

CATALOG = project_quizzes()
CHECK_IN = CATALOG.quizzes["intimacy-check-in"].quiz
BARRIERS = CATALOG.quizzes["barriers"].quiz


SELF_ASSESSMENTS = {quiz_id: loaded.quiz for quiz_id, loaded in CATALOG.quizzes.items()
                    if loaded.quiz.kind == "self-assessment"}
AFRAID_LINE = re.compile(r"\[[^\]]+\]\(right-for-you\.md\)[^\n]*$")


def soup_of(site, quiz_id):
    return BeautifulSoup((site / "quizzes" / quiz_id / "index.html").read_text(), "html.parser")


def bands_of(quiz):
    return [d.bands for d in quiz.dimensions] + ([quiz.overall.bands] if quiz.overall else [])


def test_check_in_has_the_planned_shape():
    items, dimensions = CHECK_IN.items, CHECK_IN.dimensions
    assert CHECK_IN.version == 3
    assert 24 <= len(items) <= 32 and 5 <= len(dimensions) <= 6
    for dimension in dimensions:
        own = [i for i in items if i.dimension == dimension.id]
        assert len(own) >= 4 and any(i.reverse for i in own), dimension.id
    assert 0.25 <= sum(i.reverse for i in items) / len(items) <= 0.5
    assert [d.id for d in dimensions if d.id == "known"], "feeling known, understood and accepted is measured"


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_no_statement_merges_both_people_or_asks_two_things(quiz):
    for item in quiz.items:
        words = set(re.findall(r"[a-z']+", item.text.lower()))
        assert not words & {"we", "us", "our", "ourselves"}, item.text
        assert not re.search(r"\b(fears or hopes|without a fuss|brushed aside)\b", item.text), item.text


@pytest.mark.parametrize("quiz_id", sorted(SELF_ASSESSMENTS))
def test_no_area_is_scored_from_one_answer(quiz_id):
    quiz = SELF_ASSESSMENTS[quiz_id]
    for dimension in quiz.dimensions:
        answers = [None] * len(quiz.items)
        answers[next(i for i, item in enumerate(quiz.items) if item.dimension == dimension.id)] = quiz.scale.max
        assert not score(quiz, answers)[dimension.id].enough, (quiz_id, dimension.id)


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_a_plainly_good_pattern_reads_as_the_top_band_and_neither_as_the_middle(quiz):
    low, high = quiz.scale.min, quiz.scale.max
    agree, disagree, neither = high - 1, low + 1, (low + high) // 2
    good = [disagree if item.reverse else agree for item in quiz.items]
    for key, result in score(quiz, good).items():
        if key == "overall" and quiz.overall is None:
            continue
        bands = quiz.overall.bands if key == "overall" else next(d for d in quiz.dimensions if d.id == key).bands
        assert result.band == bands[-1].label, key
        assert score(quiz, [neither] * len(quiz.items))[key].band == bands[1].label, key


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_the_intro_states_the_cut_points_the_bands_use(quiz):
    cuts = {str(band.upto) for bands in bands_of(quiz) for band in bands[:-1]}
    assert len({tuple(str(b.upto) for b in bands) for bands in bands_of(quiz)}) == 1  # one set for every area
    intro = " ".join(plain(quiz.intro).lower().split())
    for cut in cuts:
        assert f"up to {cut}" in intro, cut
    assert "never scored or saved" in intro


@pytest.mark.parametrize("quiz_id", sorted(SELF_ASSESSMENTS))
def test_band_advice_is_read_beside_one_line_for_a_reader_who_is_afraid(quiz_id):
    # Every band below the top gives advice (talk, share, open up, rebuild), which is unsafe to
    # follow with a partner one fears; the top bands only describe a strength. With a safety
    # screen, the results say it once, from the screen (its line for a calm screen, the page it
    # recommends); without one, each band's advice says it.
    quiz = SELF_ASSESSMENTS[quiz_id]
    for bands in bands_of(quiz):
        for band in bands[:-1]:
            if band.message:
                last = band.message.strip().split("\n\n")[-1]
                said = last.startswith("If you are afraid of them") and AFRAID_LINE.search(last)
                assert not said if quiz.screen else said, (quiz_id, band.label)
    if quiz.screen:
        assert "right-for-you.md" in quiz.screen.recommend


@pytest.mark.parametrize("quiz", [CHECK_IN, BARRIERS], ids=["check-in", "barriers"])
def test_fear_and_control_are_screened_never_scored(quiz):
    screen = quiz.screen
    assert 2 <= len(screen.items) <= 6 and "right-for-you.md" in screen.recommend
    texts = " ".join(item.text.lower() for item in screen.items)
    assert "afraid" in texts and "control" in texts
    for item in quiz.items:
        assert not re.search(r"afraid|watch what i say|push past|control", item.text.lower()), item.text


SCREENED = sorted(quiz_id for quiz_id, quiz in SELF_ASSESSMENTS.items() if quiz.screen)
# Each sign of danger a screen asks about, as what one of its statements must say.
SIGNS = {"fear": r"\b(afraid|scared|frightened)\b",
         "changing what you say or do to avoid their anger": r"\bchange what i say or do\b.*\b(angry|anger|temper)\b",
         "control of who you see or where you go": r"\bcontrol who i see\b.*\bwhere i go\b",
         "checking your phone, messages or money": r"\bphone\b.*\bmessages\b.*\b(money|spend)\b",
         "sexual pressure": r"\bpressured me into sex\b"}


def screen_fieldsets(site, quiz_id):
    widget = soup_of(site, quiz_id).select_one(f'[data-quiz="{quiz_id}"]')
    return widget, widget.select("[data-quiz-screen] fieldset")


@pytest.mark.parametrize("quiz_id", SCREENED)
def test_every_sign_puts_safety_first_from_the_middle_of_the_scale_up(built_site, quiz_id):
    # "Neither" about any one sign is as worrying as about another: no sign needs a firmer answer.
    widget, fieldsets = screen_fieldsets(built_site, quiz_id)
    low, high = int(widget["data-scale-min"]), int(widget["data-scale-max"])
    assert fieldsets
    middle_up = {point for point in range(low, high + 1) if 2 * point >= low + high}
    for fieldset in fieldsets:
        when = {int(point) for point in fieldset["data-when"].split()}
        assert middle_up <= when, (fieldset.legend.get_text(), sorted(when))


@pytest.mark.parametrize("quiz_id", ["intimacy-check-in", "barriers"])
def test_the_screen_asks_about_every_sign_of_control_and_sexual_pressure(built_site, quiz_id):
    _, fieldsets = screen_fieldsets(built_site, quiz_id)
    asked = [" ".join(fieldset.legend.get_text().lower().split()) for fieldset in fieldsets]
    for sign, pattern in SIGNS.items():
        assert any(re.search(pattern, text) for text in asked), (sign, asked)


@pytest.mark.parametrize("quiz_id", SCREENED)
def test_the_safety_message_offers_to_clear_the_check_and_says_what_it_cannot_clear(built_site, quiz_id):
    # The message a flagged result copies: its clear control, and a link to where the privacy
    # page says how to clear the browser's own history of visited pages.
    widget, _ = screen_fieldsets(built_site, quiz_id)
    message = widget.select_one("[data-screen-key] .closer-quiz__screen-flagged")
    control = message.select("[data-screen-clear]")
    assert len(control) == 1 and control[0].name == "button"
    assert control[0].get_text(" ", strip=True) == "Clear my answers from this device"
    part = control[0].find_parent(class_="closer-quiz__screen-clear")
    assert part.has_attr("hidden")  # on paper nothing is kept, so nothing is offered to clear
    said = " ".join(part.get_text(" ").split())
    assert "cannot remove the browser’s own history of the pages you visited" in said
    link = part.select_one("a[href]")
    assert link["href"] == "../../privacy/#browsing-history"
    privacy = BeautifulSoup((built_site / "privacy" / "index.html").read_text(), "html.parser")
    assert privacy.select_one("h2#browsing-history") is not None


def test_barriers_give_each_barrier_three_or_four_statements():
    for dimension in BARRIERS.dimensions:
        own = [i for i in BARRIERS.items if i.dimension == dimension.id]
        assert 3 <= len(own) <= 4 and any(i.reverse for i in own) and not all(i.reverse for i in own), dimension.id


def test_the_screen_sits_in_the_form_apart_from_the_scored_statements(built_site):
    for quiz_id, quiz in (("intimacy-check-in", CHECK_IN), ("barriers", BARRIERS)):
        soup = BeautifulSoup((built_site / "quizzes" / quiz_id / "index.html").read_text(), "html.parser")
        form = soup.select_one(f'[data-quiz="{quiz_id}"] form')
        screen = form.select_one("[data-quiz-screen]")
        scored = [fs for fs in form.select("fieldset") if not fs.find_parent(attrs={"data-quiz-screen": True})]
        assert len(scored) == len(quiz.items) and len(screen.select("fieldset")) == len(quiz.screen.items)
        # No browser restores the screen's answers either (on a reload, or going back to the page);
        # the form says so, as autocomplete is not allowed on a radio button itself (Nu Html Checker).
        assert form["autocomplete"] == "off" and not soup.select("input[type=radio][autocomplete]")
        assert form.select("button[type=submit]")[0].find_previous("fieldset").find_parent(
            attrs={"data-quiz-screen": True}) is screen  # the screen comes last, just before results


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
