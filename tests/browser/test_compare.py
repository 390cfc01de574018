"""Two readers compare their check-ins by a bands-only code, each in their own browser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from closer.engine.codes import DIGITS, code_for, make_code, read_code
from closer.engine.scoring import score
from closer.publish.bundle import COMPONENTS
from closer.render.text import plain
from tests.support import project_quizzes
from tests.support.browser import answer_by_clicking

pytestmark = pytest.mark.browser
QUIZ_ID = "intimacy-check-in"
PAGE = f"/quizzes/{QUIZ_ID}/"
QUIZ = project_quizzes().quizzes[QUIZ_ID].quiz
LOW, HIGH = QUIZ.scale.min, QUIZ.scale.max


def answers_for(keyed: dict[str, int]) -> list[int]:
    return [LOW + HIGH - keyed[i.dimension] if i.reverse else keyed[i.dimension] for i in QUIZ.items]


# Two readers who see most areas alike, and talking and time differently.
SAM = answers_for({"known": 4, "safety": 4, "trust": 5, "talking": 2, "care": 3, "time": 2})
ALEX = answers_for({"known": 5, "safety": 4, "trust": 4, "talking": 4, "care": 3, "time": 3})
CALM, AFRAID = [1, 2, 1], [3, 1, 1]


def widget(page):
    return page.locator(f'[data-quiz="{QUIZ_ID}"]')


def show_results(page, answers, screen) -> None:
    answer_by_clicking(widget(page), answers)
    answer_by_clicking(widget(page), screen, "[data-quiz-screen] .closer-quiz__screen-item")
    widget(page).get_by_role("button", name="Show my results").click()
    widget(page).locator("[data-dimension='overall']").wait_for()


def stored(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def make_my_code(page) -> str:
    widget(page).locator("[data-compare-create]").click()
    return widget(page).locator("[data-compare-code]").inner_text()


def compare(page, code: str) -> None:
    widget(page).locator("[data-compare-input]").fill(code)
    widget(page).locator("[data-compare-run]").click()


def labels(answers) -> dict[str, str]:
    scores = score(QUIZ, answers)
    return {d.id: plain(scores[d.id].band) for d in QUIZ.dimensions}


def test_two_readers_see_each_area_side_by_side_and_nothing_is_kept_or_sent(open_site):
    sam, sam_log, sam_errors = open_site(PAGE)
    show_results(sam, SAM, CALM)
    before = stored(sam)
    code = make_my_code(sam)
    assert code == code_for(QUIZ_ID, QUIZ, SAM)  # the reference's code: bands, nothing else
    alex, alex_log, alex_errors = open_site(PAGE)
    show_results(alex, ALEX, CALM)
    compare(alex, "  " + code.lower().replace("-", " "))  # read aloud and typed as heard
    rows = widget(alex).locator("[data-compare-dimension]")
    assert rows.count() == len(QUIZ.dimensions)
    mine, theirs = labels(ALEX), labels(SAM)
    differ = [mine[d.id] != theirs[d.id] for d in QUIZ.dimensions]
    asked = []
    for row, dimension, differs in zip(rows.all(), QUIZ.dimensions, differ):
        assert row.get_attribute("data-compare-dimension") == dimension.id
        assert (row.get_attribute("data-mine"), row.get_attribute("data-theirs")) == (mine[dimension.id], theirs[dimension.id])
        text = row.inner_text()
        assert ("see this area differently" in text) == (differs and "see this area differently" not in " ".join(asked))
        asked += [line for line in text.splitlines() if "Ask each other" in line]
        assert row.locator(".closer-compare__lessons a").count() >= 1
    assert len(asked) == len(set(asked)) >= 2  # each question once, at the first area it fits
    assert any("see this area differently" in line for line in asked) == any(differ)
    assert alex.evaluate("document.activeElement.textContent") == "Side by side"
    assert stored(sam) == before  # making a code kept nothing
    assert not any(code.lower() in value.lower() for value in stored(alex).values())
    assert sam_log.foreign == alex_log.foreign == [] and sam_errors == alex_errors == []


@pytest.mark.parametrize("code, says", [
    (make_code("barriers", 2, [0, 1, 2, 0, 1]), "from another questionnaire"),
    (make_code(QUIZ_ID, QUIZ.version - 1, [0] * len(QUIZ.dimensions)), "from another version"),
    (make_code(QUIZ_ID, QUIZ.version, [0] * len(QUIZ.dimensions))[:-1] + "X", "a typing mistake"),
    ("my answers: 4 4 2 4", "not a Closer comparison code"),
    ("", "Paste or type the other person's code first"),
])
def test_a_wrong_code_is_refused_with_a_plain_reason(open_site, code, says):
    page, _, errors = open_site(PAGE)
    show_results(page, SAM, CALM)
    compare(page, code)
    messages = widget(page).locator(".closer-compare__message:visible")
    assert messages.count() == 1 and says in messages.inner_text()
    assert widget(page).locator("[data-compare-dimension]").count() == 0
    assert not widget(page).locator(".closer-compare__result").is_visible()
    assert errors == []


def test_a_flagged_screen_never_makes_or_reads_codes(open_site):
    page, _, errors = open_site(PAGE)
    show_results(page, SAM, CALM)
    assert widget(page).locator("[data-compare-create]").is_visible()
    show_results(page, SAM, AFRAID)
    assert widget(page).locator("[data-screen-result]").get_attribute("data-flagged") == "true"
    for control in ("[data-compare-create]", "[data-compare-code]", "[data-compare-input]", "[data-compare-run]"):
        assert widget(page).locator(control).count() == 0, control
    assert errors == []


@pytest.fixture(scope="module")
def codes_page(browser):
    """A blank page with the comparison script alone, to hold it against the Python reference."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(f"<!doctype html><title>codes</title><script>{(COMPONENTS / 'self-assessment' / 'compare.js').read_text()}</script>")
    yield page
    context.close()


def test_browser_and_reference_make_and_read_the_same_codes(codes_page):
    @settings(max_examples=300, deadline=None, database=None)
    @given(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True), st.integers(1, 120),
           st.lists(st.integers(1, 12), min_size=1, max_size=8), st.data())
    def agree(quiz_id, version, counts, data):
        bands = [data.draw(st.one_of(st.none(), st.integers(0, n - 1))) for n in counts]
        code = make_code(quiz_id, version, bands)
        assert codes_page.evaluate("([id, v, b]) => makeCode(id, v, b)",
                                   [quiz_id, version, [-1 if b is None else b for b in bands]]) == code
        typed = data.draw(st.sampled_from([code, code[:-1], code.replace("-", ""), code + "1",
                                          code[:9] + data.draw(st.sampled_from(DIGITS)) + code[10:]]))
        reading = read_code(typed, quiz_id, version, counts)
        got = codes_page.evaluate("([t, id, v, c]) => readCode(t, id, v, c)", [typed, quiz_id, version, counts])
        assert got["problem"] == reading.problem
        if not reading.problem:
            assert got["bands"] == [-1 if b is None else b for b in reading.bands]

    agree()
