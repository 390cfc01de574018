"""The safety page: a line for every UK nation, the laws against coercive control, silent calls, tech safety."""

from __future__ import annotations

from itertools import takewhile
import re

from bs4 import BeautifulSoup

COERCIVE_CONTROL_LAWS = {  # place: (the law's name, the year its offence came into force)
    "England and Wales": ("Serious Crime Act 2015", "2015"),
    "Ireland": ("Domestic Violence Act 2018", "2019"),
    "Scotland": ("Domestic Abuse (Scotland) Act 2018", "2019"),
    "Northern Ireland": ("Domestic Abuse and Civil Proceedings Act (Northern Ireland) 2021", "2022"),
    "New South Wales": ("Crimes Legislation Amendment (Coercive Control) Act 2022", "2024"),
    "Queensland": ("Criminal Law (Coercive Control and Affirmative Consent) and Other Legislation "
                   "Amendment Act 2024", "2025"),
}
UK_NATION_LINES = {"England": "0808 2000 247", "Scotland": "0800 027 1234", "Wales": "0808 80 10 800",
                   "Northern Ireland": "0808 802 1414"}
SILENT_CALL_COUNTRIES = ["United Kingdom", "Ireland", "United States", "Canada", "Australia", "New Zealand",
                         "France", "Germany", "India"]
TECH_SAFETY_ADVICE = ["https://stopstalkerware.org/", "https://refugetechsafety.org/", "https://www.techsafety.org/"]


def article(site):
    return BeautifulSoup((site / "right-for-you" / "index.html").read_text(), "html.parser").select_one("article")


def items(tag) -> list[str]:
    return [" ".join(li.get_text(" ", strip=True).split()) for li in tag.find_next_sibling("ul").select("li")]


def country_lines(site, country: str) -> list[str]:
    name = article(site).find("strong", string=country)
    return items(name.parent)


def section(site, heading: str):
    """The elements under one h2, up to the next."""
    h2 = next((h for h in article(site).find_all("h2") if h.get_text(strip=True).startswith(heading)), None)
    assert h2 is not None, f"the safety page has no section {heading!r}"
    below = takewhile(lambda tag: tag.name != "h2", h2.find_next_siblings())
    return BeautifulSoup("".join(map(str, below)), "html.parser")


def test_each_coercive_control_law_is_named_with_when_it_came_into_force(built_site):
    intro = article(built_site).find(lambda tag: tag.name == "p" and "Coercive control is a crime" in tag.text)
    laws = items(intro)
    for place, (law, year) in COERCIVE_CONTROL_LAWS.items():
        assert any(line.startswith(place) and law in line and re.search(rf"since \w+ {year}\b", line)
                   for line in laws), (place, laws)


def test_every_uk_nation_has_its_own_abuse_line_open_day_and_night(built_site):
    lines = country_lines(built_site, "United Kingdom")
    for nation, number in UK_NATION_LINES.items():
        assert any(f" in {nation}, " in line and number in line and "day and night" in line
                   for line in lines), (nation, lines)


def test_a_crisis_line_for_young_people_is_not_offered_as_abuse_help(built_site):
    trevor = next(line for line in country_lines(built_site, "United States") if "Trevor Project" in line)
    assert trevor.startswith("Crisis") and "not an abuse service" in trevor


def test_germany_lists_a_line_for_men(built_site):
    assert any(line.startswith("Violence against men") and "0800 123 99 00" in line
               for line in country_lines(built_site, "Germany"))


def test_silent_ways_to_reach_emergency_help_are_given_country_by_country(built_site):
    silent = section(built_site, "Asking for help without speaking")
    countries = {li.strong.get_text(strip=True).rstrip(":"): li.get_text(" ", strip=True)
                 for li in silent.select("li") if li.strong}
    assert list(countries) == SILENT_CALL_COUNTRIES
    assert "999" in countries["United Kingdom"] and "press 55" in countries["United Kingdom"]


def test_tech_safety_names_the_risks_and_where_to_get_advice(built_site):
    tech = section(built_site, "Phones, apps and accounts")
    text = " ".join(tech.get_text(" ").split())
    for risk in ("stalkerware", "Location sharing", "cloud backups", "A sudden change", "Use a safer device"):
        assert risk in text, risk
    links = [a["href"] for a in tech.select("a[href]")]
    assert all(address in links for address in TECH_SAFETY_ADVICE), links
