"""What a quiz publishes beyond its page, embed, download, package and oEmbed answer: the exports its kind names.

A kind (engine/kinds/) lists export names; this module maps each name to its writer, so a kind
with a new export adds one entry here and no branch anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..engine.catalog import Catalog, LoadedQuiz
from ..engine.kinds import kind_of
from ..messages import _
from ..render.rendering import render_deck_cards, text_html
from ..render.text import plain
from .export import SiteFacts, paper_page, write_file
from .gift import gift_of
from .urls import absolute_url, cards_url, file_of, gift_url

CARDS_STYLESHEETS = ("standalone.css", "closer.css", "cards.css")
Link = Callable[[str], str]  # a docs-relative page path -> its absolute address


def write_gift(site: Path, loaded: LoadedQuiz, facts: SiteFacts, link: Link, policy: str | None) -> None:
    """A knowledge check's questions as GIFT, for a learning platform's question bank."""
    write_file(site / gift_url(loaded.id), gift_of(loaded.quiz, loaded.id, facts.site_name,
                                                   lambda source, inline: text_html(source, inline, link)))


def write_cards(site: Path, loaded: LoadedQuiz, facts: SiteFacts, link: Link, policy: str | None) -> None:
    """A deck's cards to print and cut out, each with the deck's title and its level on its foot."""
    deck, page_url, path = loaded.quiz, f"quizzes/{loaded.id}/", file_of(cards_url(loaded.id))
    levels = {level.key: plain(level.title) for level in deck.levels or ()}
    on_paper, assets = paper_page(path, facts.site_url, page_url, CARDS_STYLESHEETS)
    deck_url, title = absolute_url(facts.site_url, page_url), plain(deck.title)
    write_file(site / path, render_deck_cards(
        title=title, intro=on_paper(text_html(deck.intro, False, link)) if deck.intro else None,
        cards=[{"text": on_paper(text_html(card.text, True, link)), "level": levels.get(card.level or "")}
               for card in deck.cards], count=len(deck.cards), deck_url=deck_url,
        embed=False, inline=False, csp=policy, **facts.footer(), credit_url=deck_url,
        # Translators: what a page on its own credits, after "From <site>: ", when it is a quiz of no lesson.
        credit_title=_("“{title}”", title=title), **assets))


QUIZ_EXPORTS = {"gift": write_gift, "cards": write_cards}


def write_quiz_exports(site: Path, catalog: Catalog, facts: SiteFacts, link: Link, policy: str | None) -> None:
    """Every export each quiz's kind names, for every quiz of the catalog."""
    for loaded in catalog.quizzes.values():
        for name in sorted(kind_of(loaded.quiz).exports):
            QUIZ_EXPORTS[name](site, loaded, facts, link, policy)
