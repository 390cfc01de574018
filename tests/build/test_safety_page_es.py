"""The Spanish safety page: the directories first, then every Spanish-speaking country with its lines.

tests/data/safety-lines-es.tsv is the table of sources: each number the page gives, and where it
was checked. A country with no verified service of a kind sends the reader to the directories.
"""

from __future__ import annotations

import csv

from bs4 import BeautifulSoup

from tests.support import ROOT

SOURCES = ROOT / "tests" / "data" / "safety-lines-es.tsv"
# Every country where Spanish is an official language, and the United States for its Spanish speakers.
COUNTRIES = {
    "España", "México", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panamá", "Cuba",
    "República Dominicana", "Puerto Rico", "Colombia", "Venezuela", "Ecuador", "Perú", "Bolivia", "Chile",
    "Argentina", "Uruguay", "Paraguay", "Guinea Ecuatorial", "Estados Unidos",
}
LABELS = {"abuse": "Maltrato", "crisis": "Crisis", "emergency": "Emergencias"}


def sources() -> list[dict]:
    with SOURCES.open(encoding="utf-8") as file:
        return list(csv.DictReader((line for line in file if not line.startswith("#")), delimiter="\t"))


def article(site):
    return BeautifulSoup((site / "es" / "right-for-you" / "index.html").read_text(), "html.parser").select_one("article")


def country_entries(site) -> dict[str, list[str]]:
    """Each country named in bold under «Líneas por país», with the text of its list's items."""
    heading = article(site).find("h3", id="lineas-por-pais")
    entries = {}
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        strong = sibling.find("strong") if sibling.name == "p" else None
        if strong is not None and strong.get_text() == sibling.get_text().strip():
            entries[strong.get_text()] = [" ".join(li.get_text(" ", strip=True).split())
                                         for li in sibling.find_next_sibling("ul").select("li")]
    return entries


def test_every_row_of_the_sources_table_has_a_source_or_says_none_was_verified():
    rows = sources()
    assert {row["country"] for row in rows} == COUNTRIES
    for row in rows:
        if row["number"] == "none":
            assert row["source_url"] == "", row
        else:
            assert row["source_url"].startswith("https://") or row["source_url"].startswith("http://"), row
            assert row["source_excerpt"], row


def test_the_directories_come_before_any_country(built_site):
    headings = [h["id"] for h in article(built_site).select("h2, h3")]
    assert headings.index("directorios") + 1 == headings.index("lineas-por-pais")
    directories = article(built_site).find("h3", id="directorios").find_next_sibling("ul")
    assert [a["href"] for a in directories.select("a")] == ["https://findahelpline.com/",
                                                              "https://www.hotpeachpages.net/"]


def test_each_country_has_an_abuse_line_a_crisis_line_and_its_emergency_number(built_site):
    entries = country_entries(built_site)
    assert set(entries) == COUNTRIES
    assert list(entries) == sorted(entries, key=lambda name: name.replace("É", "E").replace("Á", "A"))  # findable
    for row in sources():
        country, kind, number = row["country"], row["kind"], row["number"]
        text = " ".join(entries[country])
        if number == "none":  # no verified service: said plainly, with the way to the directories
            assert "no hemos podido confirmar" in text and "directorios" in text, country
        elif kind in LABELS:
            item = next((line for line in entries[country] if line.startswith(LABELS[kind])
                         or line.startswith("Maltrato, crisis y emergencias")), None)
            assert item is not None and number in item, (country, kind, number)
    for country, lines in entries.items():
        for label in LABELS.values():  # every country says something for each of the three
            assert any(line.startswith((label, "Maltrato, crisis y emergencias")) for line in lines), (country, label)


def test_a_reader_jumps_to_their_country_from_the_top_of_the_list(built_site):
    heading = article(built_site).find("h3", id="lineas-por-pais")
    jumps = heading.find_next_sibling(lambda tag: tag.name == "p" and tag.get_text().startswith("Ir a tu país"))
    targets = {" ".join(a.get_text().split()): a["href"] for a in jumps.select("a")}
    assert set(targets) == COUNTRIES
    for country, href in targets.items():
        entry = article(built_site).find(id=href.removeprefix("#"))
        assert entry is not None and entry.get_text(strip=True) == country, country


def test_the_silent_ways_are_the_verified_ones(built_site):
    silent = article(built_site).find("h2", id="pedir-ayuda-sin-hablar").find_next_sibling("ul").get_text(" ")
    for row in sources():
        if row["kind"] == "silent":
            assert row["number"] in silent, row
