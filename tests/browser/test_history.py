"""History of a self-assessment, kept in this browser only after the reader turns it on."""

from __future__ import annotations

import json
import math

import pytest

from closer.engine.scoring import score
from tests.support import project_quizzes
from tests.support.browser import show_results_calmly

pytestmark = pytest.mark.browser
QUIZ_ID = "intimacy-check-in"
PAGE = f"/quizzes/{QUIZ_ID}/"
QUIZ = project_quizzes().quizzes[QUIZ_ID].quiz
KEY = f"closer:{QUIZ_ID}:history"
LOW, HIGH = QUIZ.scale.min, QUIZ.scale.max


def answers_for(keyed: dict[str, int]) -> list[int]:
    return [LOW + HIGH - keyed[i.dimension] if i.reverse else keyed[i.dimension] for i in QUIZ.items]


BEFORE = answers_for({"known": 2, "safety": 3, "trust": 3, "talking": 2, "care": 3, "time": 2})
AFTER = answers_for({"known": 4, "safety": 3, "trust": 3, "talking": 3, "care": 3, "time": 2})


def widget(page):
    return page.locator(f'[data-quiz="{QUIZ_ID}"]')


def submit(page, answers) -> None:
    show_results_calmly(widget(page), answers)


def history(page) -> list:
    text = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return json.loads(text) if text else []


def test_history_is_off_until_the_reader_turns_it_on_and_then_keeps_each_result(open_site):
    page, log, errors = open_site(PAGE)
    submit(page, BEFORE)
    assert history(page) == [] and not widget(page).locator("[data-closer-history]").is_visible()
    widget(page).get_by_label("Keep a history of my results in this browser", exact=False).check()
    submit(page, AFTER)
    kept = history(page)
    assert [entry["version"] for entry in kept] == [QUIZ.version, QUIZ.version]
    for entry, answers in zip(kept, (BEFORE, AFTER)):
        assert set(entry) == {"version", "savedAt", "scores"}
        expected = {key: result.rounded(2) or None for key, result in score(QUIZ, answers).items()}
        assert entry["scores"] == expected  # scores as data-score, never the safety screen
    page.reload()
    view = widget(page).locator(f'[data-closer-history="{QUIZ_ID}"]')
    assert view.is_visible()  # on page load, before any results
    entries = view.locator("[data-history-entry]")
    assert entries.count() == 2
    assert [e.get_attribute("data-saved-at") for e in entries.all()] == [kept[1]["savedAt"], kept[0]["savedAt"]]
    assert view.locator("svg").count() == 1 and view.locator("table th[scope=row]").count() == len(QUIZ.dimensions) + 1
    assert widget(page).locator("[data-dimension]").count() == 0  # reserved for results being shown
    assert errors == [] and log.foreign == []


def wobble(items: int) -> float:
    """The margin the privacy page states: 1.96 × (range / 8) × √(2 × (½ + ½ / items)), half of each answer's wobble shared."""
    return 1.96 * (HIGH - LOW) / 8 * math.sqrt(2 * (0.5 + 0.5 / items))


def test_before_and_after_calls_a_change_real_only_beyond_the_wobble(open_site):
    page, _, errors = open_site(PAGE)
    submit(page, BEFORE)
    widget(page).locator("[data-closer-history-toggle]").check()
    submit(page, AFTER)
    first, last = score(QUIZ, BEFORE), score(QUIZ, AFTER)
    sizes = {d.id: sum(i.dimension == d.id for i in QUIZ.items) for d in QUIZ.dimensions} | {"overall": len(QUIZ.items)}
    for area, size in sizes.items():
        change = float(last[area].rounded(2)) - float(first[area].rounded(2))
        expected = ("up" if change > 0 else "down") if abs(change) > wobble(size) else "within-wobble"
        line = widget(page).locator(f'[data-history-area="{area}"]')
        assert line.get_attribute("data-change") == expected, (area, change)
    assert widget(page).locator('[data-history-area="known"]').get_attribute("data-change") == "up"  # 2 to 4
    assert "larger than the usual week-to-week wobble" in widget(page).locator('[data-history-area="known"]').inner_text()
    assert widget(page).locator('[data-history-area="time"]').get_attribute("data-change") == "within-wobble"
    assert f"({wobble(5):.1f})" in widget(page).locator('[data-history-area="time"]').inner_text()  # one decimal, as scores
    assert errors == []


# Three sittings, two on one day: every area at 3.80, then 3.05, then 2.10 that evening.
SITTINGS = [("2026-11-02T09:00:00.000Z", "3.80"), ("2026-12-06T09:15:00.000Z", "3.05"), ("2026-12-06T20:40:00.000Z", "2.10")]


def test_the_chart_shows_a_fall_at_its_size_on_labelled_axes_and_one_day_s_sittings_by_time(open_site):
    page, _, errors = open_site(PAGE, viewport={"width": 390, "height": 800}, timezone_id="UTC")
    areas = [d.id for d in QUIZ.dimensions] + ["overall"]
    planted = [{"version": QUIZ.version, "savedAt": at, "scores": dict.fromkeys(areas, kept)} for at, kept in SITTINGS]
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(planted))})")
    page.reload()
    view = widget(page).locator("[data-closer-history]")
    chart = view.locator("svg").first
    panels = len(areas)
    assert chart.locator("text.closer-chart__tick").all_text_contents()[:5] == ["1", "2", "3", "4", "5"]  # a labelled scale
    assert chart.locator("text.closer-chart__tick").count() >= panels * (HIGH - LOW + 1) + 2  # on every panel, and dates
    first = chart.locator("circle").nth(0).bounding_box()
    last = chart.locator("circle").nth(2).bounding_box()
    one_point = (last["y"] - first["y"]) / (3.80 - 2.10)
    assert one_point >= 20  # a fall of 1.7 on a 1 to 5 scale drops 34 px or more, not a gentle slope
    dates = chart.locator("text.closer-chart__tick").all_text_contents()[-2:]
    assert dates == ["Nov 2, 2026", "Dec 6, 2026, 8:40 PM"]
    entries = view.locator("[data-history-entry]").all_inner_texts()
    assert entries[0].startswith("Dec 6, 2026, 8:40 PM: Overall 2.1 ·") and entries[1].startswith("Dec 6, 2026, 9:15 AM: Overall 3.1 ·")
    assert entries[2].startswith("Nov 2, 2026: Overall 3.8 ·")  # its date alone is enough; one decimal, 3.05 as 3.1
    assert "Trust: 3.8 then 2.1. Down 1.7" in view.locator('[data-history-area="trust"]').inner_text()
    table = view.locator("table")  # the text alternative, heard by screen readers
    assert table.locator("thead th").all_inner_texts()[1:] == ["Nov 2, 2026", "Dec 6, 2026, 9:15 AM", "Dec 6, 2026, 8:40 PM"]
    assert table.locator("tbody tr").first.locator("td").all_inner_texts() == ["3.8", "3.1", "2.1"]
    assert errors == []


def test_a_mood_that_moves_every_answer_a_little_is_not_called_a_change(open_site):
    # A third of the statements a point lower: the overall score drops by a third of a point, as
    # a bad week can make it; that is no sign about the relationship.
    keyed = [3 if n % 3 else 2 for n in range(len(QUIZ.items))]
    after = [LOW + HIGH - k if item.reverse else k for k, item in zip(keyed, QUIZ.items)]
    page, _, errors = open_site(PAGE)
    submit(page, answers_for(dict.fromkeys(("known", "safety", "trust", "talking", "care", "time"), 3)))
    widget(page).locator("[data-closer-history-toggle]").check()
    submit(page, after)
    overall = widget(page).locator('[data-history-area="overall"]')
    assert overall.get_attribute("data-change") == "within-wobble"
    assert "is within the usual week-to-week wobble" in overall.inner_text()
    assert "not a fact about your relationship" in widget(page).locator(".closer-history__method").inner_text()
    assert errors == []


def test_entries_can_be_deleted_one_by_one_or_all_and_old_versions_are_not_compared(open_site):
    page, _, errors = open_site(PAGE)
    old = {"version": QUIZ.version - 1, "savedAt": "2026-01-05T10:00:00.000Z", "scores": {"overall": "2.00"}}
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps([old]))})")
    page.evaluate(f"localStorage.setItem({json.dumps(KEY + '-on')}, 'yes')")
    page.reload()
    submit(page, BEFORE)
    submit(page, AFTER)
    view = widget(page).locator("[data-closer-history]")
    assert view.locator("[data-history-entry]").count() == 3
    assert "an earlier version" in view.locator(f'[data-saved-at="{old["savedAt"]}"]').inner_text()
    assert view.locator("table thead th").count() == 1 + 2  # the chart compares this version's two only
    view.locator(f'[data-saved-at="{old["savedAt"]}"]').get_by_role("button").click()
    assert [e["version"] for e in history(page)] == [QUIZ.version, QUIZ.version]
    view.get_by_role("button", name="Delete the whole history").click()
    assert history(page) == [] and page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    assert not view.is_visible()
    assert errors == []


def test_history_keeps_the_newest_fifty(open_site):
    page, _, errors = open_site(PAGE)
    planted = [{"version": QUIZ.version, "savedAt": f"2026-01-{1 + i % 28:02d}T10:00:00.000Z", "scores": {"overall": "3.00"}}
               for i in range(50)]
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(planted))})")
    page.evaluate(f"localStorage.setItem({json.dumps(KEY + '-on')}, 'yes')")
    page.reload()
    submit(page, AFTER)
    kept = history(page)
    assert len(kept) == 50 and kept[:49] == planted[1:] and kept[-1]["scores"]["overall"] == score(QUIZ, AFTER)["overall"].rounded(2)
    assert errors == []


@pytest.mark.parametrize("why", ["not kept by choice", "refused by the browser"])
def test_without_storage_history_says_why_and_nothing_breaks(open_site, served_site, why):
    page, _, errors = open_site("/privacy/")
    if why == "not kept by choice":
        page.get_by_label("Don't keep my answers on this device").check()
    else:
        page.context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});")
    page.goto(served_site + PAGE)
    submit(page, BEFORE)
    toggle = widget(page).locator("[data-closer-history-toggle]")
    assert toggle.is_disabled()
    said = widget(page).locator(".closer-history__status").inner_text()
    assert ("You chose not to keep" in said) if why == "not kept by choice" else ("not letting the site keep anything" in said)
    assert widget(page).locator("[data-dimension='overall']").get_attribute("data-score")
    assert errors == []


def test_an_embed_offers_no_history_even_when_the_site_keeps_one(open_site, served_site):
    page, _, errors = open_site(PAGE)
    submit(page, BEFORE)
    widget(page).locator("[data-closer-history-toggle]").check()
    page.goto(served_site + f"/embed/quizzes/{QUIZ_ID}/")  # same origin, same storage: still nothing shown
    submit(page, AFTER)
    assert widget(page).locator("[data-closer-history-toggle]").count() == 0
    assert not widget(page).locator("[data-closer-history]").is_visible()
    assert len(history(page)) == 1  # an embed's submission is not kept either
    assert errors == []
