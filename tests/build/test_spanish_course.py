"""Closer en español: each Spanish lesson teaches what the English one does, as plainly and as safely."""

from __future__ import annotations

from collections import Counter
import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup
import pytest
import textstat
import yaml

from closer.messages import catalog
from closer.render.text import plain
from tests.support import ROOT

ENGLISH, SPANISH = ROOT / "docs" / "lessons", ROOT / "docs" / "es" / "lessons"
TRANSLATED = sorted(p.stem for p in SPANISH.glob("*.md"))
# The headings every lesson's parts have, in any language (macros/render/templates/lesson.md).
PART_IDS = {"what-you-will-learn", "try-it", "reflect", "key-takeaways", "references", "check-your-understanding"}
# What is not the lesson's own prose: cited works keep their published titles; the check and the
# page's chrome are Closer's messages, read by tests of their own.
NOT_PROSE = ".closer-lesson__references, .closer-lesson__check, .closer-lesson__meta, .closer-lesson__pager, " \
            "nav.closer-languages, .headerlink"
BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, blockquote, th, td, figcaption"
FEAR = {"en": r"\b(afraid|scared|frightened|fear)\b", "es": r"\b(miedo|asustad[oa]s?|temor)\b"}


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def shape(value):
    """Front matter with its texts left out: keys, list lengths and numbers are what stays."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return str if isinstance(value, str) else value


def article(site, path):
    page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select_one("article")


def lesson_text(site, path):
    """The lesson's own part of its page: the article without references, check and chrome."""
    lesson = article(site, path)
    for chrome in lesson.select(NOT_PROSE):
        chrome.decompose()
    return lesson


def prose(lesson) -> list[str]:
    """Each block a reader meets in the lesson (headings, paragraphs, list items), as text."""
    blocks = [b for b in lesson.select(BLOCKS) if not b.find(re.compile(r"^(p|li|ul|ol|blockquote|dl)$"))]
    return [" ".join(b.get_text(" ").split()) for b in blocks if b.get_text(strip=True)]


def link_targets(lesson, path: str) -> Counter:
    """Where the lesson's links lead, as paths from the site's root, whatever the page's language."""
    base = f"https://site.test/{path}/"
    return Counter(re.sub(r"^https://site\.test/(es/)?", "/", urljoin(base, a["href"]))
                   for a in lesson.select("a[href]") if not a["href"].startswith("#"))


@pytest.mark.parametrize("slug", TRANSLATED)
def test_a_spanish_lesson_has_every_part_of_the_english_one_item_for_item(slug):
    english, spanish = front_matter(ENGLISH / f"{slug}.md"), front_matter(SPANISH / f"{slug}.md")
    assert shape(spanish) == shape(english)  # the same objectives, steps, prompts and takeaways, one for one
    assert spanish.get("references") == english.get("references")  # works are cited as published


@pytest.mark.parametrize("slug", TRANSLATED)
def test_a_spanish_lesson_has_the_english_lesson_s_headings_one_for_one(built_site, slug):
    def outline(path):
        return [(h.name, h.get("id") if h.get("id") in PART_IDS else None)
                for h in article(built_site, path).select("h2, h3")]
    english, spanish = outline(f"lessons/{slug}"), outline(f"es/lessons/{slug}")
    assert len(english) > 5 and spanish == english


@pytest.mark.parametrize("slug", TRANSLATED)
def test_a_spanish_lesson_reads_fairly_easily(built_site, slug):
    # INFLESZ (Szigriszt-Pazos) 65 or more is "bastante fácil", as grade 8 is plain English. Each
    # block ends a sentence, as a reader meets it; a heading or a list item has no full stop.
    blocks = prose(lesson_text(built_site, f"es/lessons/{slug}"))
    text = "\n".join(block if block[-1] in ".!?…:»)" else block + "." for block in blocks)
    textstat.set_lang("es")
    try:
        assert textstat.szigriszt_pazos(text) >= 65
    finally:
        textstat.set_lang("en_US")


@pytest.mark.parametrize("slug", TRANSLATED)
def test_a_spanish_lesson_keeps_every_link_and_every_word_to_a_reader_who_is_afraid(built_site, slug):
    paths = {"en": f"lessons/{slug}", "es": f"es/lessons/{slug}"}
    lessons = {lang: lesson_text(built_site, path) for lang, path in paths.items()}
    # The safety page, help lines and the lessons it sends a reader on to: the same links, as often.
    assert link_targets(lessons["es"], paths["es"]) == link_targets(lessons["en"], paths["en"])
    afraid = {lang: [b for b in prose(lesson) if re.search(FEAR[lang], b, re.I)] for lang, lesson in lessons.items()}
    assert len(afraid["es"]) >= len(afraid["en"]), afraid["en"]


def test_every_spanish_page_and_copy_leads_with_the_spanish_quick_exit(built_site):
    exit_url = re.search(r"^\s+es:\n\s+quick_exit_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
    pages = sorted((built_site / "es").rglob("*.html"))
    assert len(pages) > 3 * len(TRANSLATED)  # pages, embeds, downloads and worksheets
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        exits = page.select("a[data-closer-exit]")
        assert len(exits) == 1 and exits[0]["href"] == exit_url, path
        assert exits[0].get_text().startswith(catalog("es").gettext("Leave this page")), path


ENGLISH_PAGES = sorted(str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")
                       if not p.relative_to(ROOT / "docs").parts[0] == "es")


def test_every_english_page_has_its_spanish_page():
    spanish = {str(p.relative_to(ROOT / "docs" / "es")) for p in (ROOT / "docs" / "es").rglob("*.md")}
    assert [page for page in ENGLISH_PAGES if page not in spanish] == []


@pytest.mark.parametrize("page", [p for p in ENGLISH_PAGES if not p.startswith("lessons/")])
def test_a_spanish_page_has_the_english_page_s_headings_one_for_one(built_site, page):
    path = "" if page == "index.md" else page.removesuffix(".md") + "/"
    def outline(prefix):
        return [h.name for h in article(built_site, prefix + path).select("h1, h2, h3")]
    assert outline("es/") == outline("")


@pytest.mark.parametrize("quiz_id", ["intimacy-check-in", "barriers"])
def test_the_safety_screens_ask_and_answer_in_spanish(built_site, quiz_id):
    english, spanish = (yaml.safe_load((ROOT / folder / f"{quiz_id}.yml").read_text(encoding="utf-8"))["screen"]
                        for folder in ("quizzes", "quizzes/es"))
    page = article(built_site, f"es/quizzes/{quiz_id}").select_one(f'[data-quiz="{quiz_id}"]').get_text(" ")
    page = " ".join(page.split())
    said = [spanish["title"], *spanish["message"].split("\n\n"), *(item["text"] for item in spanish["items"])]
    for text in said:  # each question, and the message a frightened reader is shown, in Spanish
        assert " ".join(plain(text).split()) in page, text
    for item in english["items"]:
        assert plain(item["text"]) not in page


def test_every_copy_a_coach_takes_away_exists_in_spanish(built_site):
    # Embeds, downloads (pages, SCORM packages, GIFT files), worksheets and oEmbed answers.
    english = [path.relative_to(built_site) for folder in ("embed", "downloads", "worksheets", "oembed")
               for path in (built_site / folder).rglob("*") if path.is_file()]
    assert len(english) > 4 * len(TRANSLATED)
    assert [str(path) for path in english if not (built_site / "es" / path).is_file()] == []
