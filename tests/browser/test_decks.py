"""A conversation deck as a reader meets it: one card at a time, by keyboard, kept only in this browser."""

from __future__ import annotations

import json
import math

from playwright.sync_api import expect
import pytest

from closer.render.text import plain
from tests.support import free_port, project_quizzes
from tests.support.browser import flat, front, host_page, pdf_pages, serving

pytestmark = pytest.mark.browser
DECK = "knowing-each-other-now"
LOADED = project_quizzes().quizzes[DECK]
CARDS = LOADED.quiz.cards
KEY = f"closer:{DECK}:v{LOADED.quiz.version}"
LEVELS = {level.key: level.title for level in LOADED.quiz.levels}


def deck(page):
    return front(page).locator(f'[data-quiz="{DECK}"]')


def shown(page) -> int:
    return int(deck(page).locator("[data-deck-card]").get_attribute("data-card-index"))


def kept(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(text) if text else None


def test_a_round_draws_every_card_once_by_keyboard_then_offers_a_new_one(open_site):
    page, log, errors = open_site(f"/quizzes/{DECK}/")
    widget = deck(page)
    widget.locator("[data-deck-next]").focus()
    drawn = []
    for _ in CARDS:
        page.keyboard.press("Enter")
        drawn.append(shown(page))
        # The new card is what a screen reader hears: the live region holds its text, nothing else.
        face = widget.locator("[data-deck-card] [aria-live=polite]")
        assert flat(face.inner_text()).endswith(flat(CARDS[drawn[-1]].text))
    assert sorted(drawn) == list(range(len(CARDS)))
    assert drawn != sorted(drawn)  # shuffled on the device
    page.keyboard.press("Enter")  # nothing left: the widget says so and offers a new round
    expect(widget.locator("[data-deck-card] [aria-live=polite]")).to_contain_text("You have drawn every card")
    new_round = widget.locator("[data-deck-new-round]")
    expect(new_round).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget.locator("[data-deck-next]")).to_be_focused()
    assert len(kept(page)["drawn"]) == 1
    assert log.foreign == [] and errors == []


def test_the_level_choice_limits_the_draw_and_its_round(open_site):
    page, _, errors = open_site(f"/quizzes/{DECK}/")
    widget = deck(page)
    widget.locator("[data-deck-level]").select_option("deeper")
    deeper = [i for i, card in enumerate(CARDS) if card.level == "deeper"]
    seen = []
    for _ in deeper:
        widget.locator("[data-deck-next]").click()
        seen.append(shown(page))
        expect(widget.locator("[data-deck-card] .closer-deck__face:not(.closer-deck__sizer)")).to_contain_text(LEVELS["deeper"])
    assert sorted(seen) == deeper
    widget.locator("[data-deck-next]").click()
    expect(widget.locator("[data-deck-card]")).to_contain_text(f"every card of “{LEVELS['deeper']}”")
    widget.locator("[data-deck-level]").select_option("")  # every level: the others are still to draw
    widget.locator("[data-deck-next]").click()
    assert CARDS[shown(page)].level != "deeper"
    assert errors == []


def test_favourites_and_the_shown_card_stay_across_reloads_in_the_contract_s_form(open_site):
    page, _, errors = open_site(f"/quizzes/{DECK}/")
    widget = deck(page)
    for _ in range(3):
        widget.locator("[data-deck-next]").click()
        widget.locator("[data-deck-favourite]").click()
    favourite = widget.locator("[data-deck-favourite]")
    expect(favourite).to_have_attribute("aria-pressed", "true")
    state = kept(page)
    assert set(state) == {"fingerprint", "savedAt", "favourites", "drawn"}
    assert state["fingerprint"] == LOADED.fingerprint and state["favourites"] == state["drawn"]
    page.reload()
    widget = deck(page)
    favourites = widget.locator("[data-deck-favourites] li")
    expect(favourites).to_have_count(3)
    assert [flat(item) for item in favourites.locator(".closer-deck__text").all_inner_texts()] == [
        flat(CARDS[i].text) for i in state["favourites"]]
    assert shown(page) == state["drawn"][-1]
    expect(favourite).to_have_attribute("aria-pressed", "true")
    favourites.first.get_by_role("button", name="Remove").click()
    expect(favourites).to_have_count(2)
    assert kept(page)["favourites"] == state["favourites"][1:]
    assert errors == []


def two_tabs_with_a_favourite(open_site, served_site):
    """The deck open in two tabs of one browser, a card drawn and kept as a favourite in the first."""
    page, _, errors = open_site(f"/quizzes/{DECK}/")
    deck(page).locator("[data-deck-next]").click()
    deck(page).locator("[data-deck-favourite]").click()
    other = page.context.new_page()
    other.goto(f"{served_site}/quizzes/{DECK}/")
    return page, other, errors


def test_clear_all_and_dont_keep_reach_every_open_tab(open_site, served_site):
    page, other, errors = two_tabs_with_a_favourite(open_site, served_site)
    expect(deck(other).locator("[data-deck-favourites] li")).to_have_count(1)
    privacy = page.context.new_page()
    privacy.goto(f"{served_site}/privacy/")
    front(privacy).get_by_role("button", name="Clear all my answers").click()
    for tab in (page, other):
        expect(deck(tab).locator("[data-deck-favourites] li")).to_have_count(0)
        expect(deck(tab).locator("[data-deck-card]")).to_have_attribute("data-card-index", "")
    front(privacy).get_by_label("Don't keep my answers on this device").check()
    deck(page).locator("[data-deck-next]").click()
    deck(page).locator("[data-deck-favourite]").click()
    expect(deck(page).locator(".closer-quiz__storage")).to_contain_text("You chose not to keep answers on this device, so your favourites will be gone")
    assert kept(page) is None
    assert errors == []


def test_clear_in_the_widget_forgets_here_and_in_another_tab(open_site, served_site):
    page, other, errors = two_tabs_with_a_favourite(open_site, served_site)
    deck(page).get_by_role("button", name="Clear my favourites and cards drawn").click()
    assert kept(page) is None
    for tab in (page, other):
        expect(deck(tab).locator("[data-deck-favourites] li")).to_have_count(0)
        expect(deck(tab).locator("[data-deck-favourite]")).to_be_disabled()
    assert errors == []


EVERY_DECK = sorted(q for q, loaded in project_quizzes().quizzes.items() if loaded.quiz.kind == "deck")


@pytest.mark.parametrize("deck_id", EVERY_DECK)
def test_without_javascript_every_card_is_listed_under_its_level(open_site, deck_id):
    page, log, _ = open_site(f"/quizzes/{deck_id}/", javascript=False)
    quiz = project_quizzes().quizzes[deck_id].quiz
    widget = page.locator(f'[data-quiz="{deck_id}"]')
    expect(widget.locator("[data-deck-card]")).to_be_hidden()
    expect(widget.locator("button").first).to_be_hidden()
    headings = widget.locator(".closer-deck__list .closer-deck__level").all_inner_texts()
    assert headings == [plain(level.title) for level in quiz.levels]
    for group, level in zip(widget.locator(".closer-deck__list ol").all(), quiz.levels):
        assert [flat(t) for t in group.locator("li").all_inner_texts()] == [
            flat(plain(card.text)) for card in quiz.cards if card.level == level.key]
    assert log.foreign == []


def test_printed_the_deck_page_is_the_list_of_every_card(open_site):
    page, _, _ = open_site(f"/quizzes/{DECK}/")
    deck(page).locator("[data-deck-next]").click()
    printed = " ".join(pdf_pages(page))
    assert all(flat(card.text) in printed for card in CARDS)
    assert "Your favourites" not in printed and "Cards from" not in printed  # the controls stay on screen


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_cut_out_cards_print_twelve_whole_cards_a_sheet_each_with_the_deck_s_title(open_site, served_site, paper):
    page, log, errors = open_site(f"/worksheets/decks/{DECK}/", color_scheme="dark")
    sheets = pdf_pages(page, paper)
    printed = len(CARDS) + 1  # the deck's cards after one on how to use them, which travels with them
    assert len(sheets) == math.ceil(printed / 12)
    title = LOADED.quiz.title
    assert [sheet.count(f"{title} ·") for sheet in sheets] == [
        min(12, printed - 12 * n) - (n == 0) for n in range(len(sheets))]
    assert "Either of you can pass on any card" in sheets[0] and "If you are afraid of your partner" in sheets[0]
    assert f"{served_site}/right-for-you/" in sheets[0].replace(" ", "")
    for index, card in enumerate(CARDS, start=1):  # each card whole, on its sheet, in the file's order
        assert flat(card.text) in sheets[index // 12], card.text
    # Black on white on paper, even when the screen shows the dark palette.
    page.emulate_media(media="print")
    assert page.locator(".closer-cards__text").first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert log.foreign == [] and errors == []


WATCH = "<script>window.seen = []; addEventListener('message', e => seen.push(e.data && e.data.height));</script>"


@pytest.mark.parametrize("width", [1280, 360])
def test_an_embedded_deck_keeps_one_height_whatever_the_reader_does(browser, served_site, tmp_path, width):
    port = free_port()
    (tmp_path / "index.html").write_text(host_page(served_site, [f"/embed/quizzes/{DECK}/"], WATCH))
    with serving(tmp_path, f"http://127.0.0.1:{port}"):
        context = browser.new_context(service_workers="block", viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"http://localhost:{port}/")
        frame = page.locator("iframe").first
        widget = frame.content_frame.locator(f'[data-quiz="{DECK}"][data-ready]')
        widget.wait_for()
        page.wait_for_timeout(300)
        start = frame.evaluate("e => e.getBoundingClientRect().height")
        page.evaluate("window.seen = []")
        for count in range(len(CARDS) + 1):  # every card, the end of the round, favourites piling up
            widget.locator("[data-deck-next]").click()
            if count % 4 == 0 and count < len(CARDS):
                widget.locator("[data-deck-favourite]").click()
        widget.locator("[data-deck-new-round]").click()
        widget.get_by_role("button", name="Clear my favourites and cards drawn").click()
        page.wait_for_timeout(300)
        assert frame.evaluate("e => e.getBoundingClientRect().height") == start
        assert set(page.evaluate("seen")) <= {start}, page.evaluate("seen")
        context.close()


def test_arrowing_through_the_levels_says_what_each_holds_and_keeps_the_focus(open_site):
    page, _, errors = open_site(f"/quizzes/{DECK}/")
    widget = deck(page)
    choice = widget.locator("[data-deck-level]")
    choice.select_option("light")
    for _ in [card for card in CARDS if card.level == "light"]:
        widget.locator("[data-deck-next]").click()
    choice.focus()
    page.keyboard.press("ArrowUp")  # every level: cards left, so no "all drawn"
    page.keyboard.press("ArrowDown")  # light again: every card drawn, said at once, focus stays
    expect(choice).to_be_focused()
    expect(widget.locator("[data-deck-card]")).to_contain_text(f"every card of “{LEVELS['light']}”")
    page.keyboard.press("ArrowDown")  # further: cards left, and nothing stale said
    expect(choice).to_be_focused()
    expect(widget.locator("[data-deck-next]")).to_be_enabled()
    expect(widget.locator("[data-deck-card] .closer-deck__face:not(.closer-deck__sizer)")).not_to_contain_text("every card")
    assert errors == []


def test_removing_the_last_favourite_leaves_the_focus_on_a_control_of_the_deck(open_site):
    page, _, errors = open_site(f"/quizzes/{DECK}/")
    widget = deck(page)
    widget.locator("[data-deck-level]").select_option("light")
    for _ in [card for card in CARDS if card.level == "light"]:
        widget.locator("[data-deck-next]").click()
    widget.locator("[data-deck-favourite]").click()
    widget.locator("[data-deck-next]").click()  # the end of the round: no card shown
    remove = widget.locator("[data-deck-favourites] button")
    expect(remove).to_have_accessible_description(flat(CARDS[kept(page)["favourites"][0]].text))
    remove.click()
    assert page.evaluate("document.activeElement.closest('[data-quiz]') !== null")
    assert errors == []
