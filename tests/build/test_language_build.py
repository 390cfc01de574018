"""The course in two languages: Spanish under /es/ with the same paths, each page in its own language."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
import pytest

from closer.messages import catalog
from tests.support import ROOT, UNSERVED_SITE_URL, closer_check, project_quizzes, run_mkdocs_build

CHECK_IN = "quizzes/intimacy-check-in/index.html"
TRANSLATED = sorted(project_quizzes().translations["es"])


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def test_spanish_pages_have_the_english_paths_and_speak_spanish(built_site):
    assert soup(built_site, "index.html").html["lang"] == "en"
    for path in ("es/index.html", f"es/{CHECK_IN}"):
        assert soup(built_site, path).html["lang"] == "es", path
    assert TRANSLATED == sorted(p.stem for p in (ROOT / "quizzes" / "es").glob("*.yml"))  # each file is read
    assert {"intimacy-check-in", "trust"} <= set(TRANSLATED)
    for path in ("es/embed/quizzes/intimacy-check-in/index.html", "es/downloads/quizzes/intimacy-check-in.html",
                 "es/oembed/quizzes/intimacy-check-in.json", "es/downloads/scorm/quizzes/intimacy-check-in.zip"):
        assert (built_site / path).is_file(), path
    for path in ("es/embed/quizzes/intimacy-check-in/index.html", "es/downloads/quizzes/intimacy-check-in.html"):
        assert soup(built_site, path).html["lang"] == "es", path
    assert soup(built_site, "embed/quizzes/intimacy-check-in/index.html").html["lang"] == "en"
    # A lesson translated with its knowledge check: its page, copies, worksheet and question file, in Spanish.
    for path in ("es/lessons/trust/index.html", "es/embed/lessons/trust/index.html", "es/downloads/lessons/trust.html",
                 "es/worksheets/trust/index.html", "es/quizzes/trust/index.html"):
        assert soup(built_site, path).html["lang"] == "es", path
    for path in ("es/downloads/scorm/lessons/trust.zip", "es/downloads/gift/trust.txt", "es/oembed/lessons/trust.json"):
        assert (built_site / path).is_file(), path
    assert "Comprueba lo que has aprendido" in (built_site / "es/downloads/gift/trust.txt").read_text(encoding="utf-8")
    assert not (built_site / "es" / "es").exists()


def test_each_page_names_its_copy_in_every_language_that_has_it(built_site, site_origin):
    english, spanish = soup(built_site, CHECK_IN), soup(built_site, f"es/{CHECK_IN}")
    assert alternates(english) == {"en": f"{site_origin}/quizzes/intimacy-check-in/",
                                   "es": f"{site_origin}/es/quizzes/intimacy-check-in/",
                                   "x-default": f"{site_origin}/quizzes/intimacy-check-in/"}
    assert alternates(spanish) == alternates(english)
    # The language choice, in the page's content so instant navigation keeps it right.
    for page, other, name in ((english, "../../es/quizzes/intimacy-check-in/", "Español"),
                              (spanish, "../../../quizzes/intimacy-check-in/", "English")):
        choice = page.select_one("article nav.closer-languages")
        link = choice.select_one(f'a[hreflang][href="{other}"]')
        assert link is not None and link.get_text(strip=True) == name, choice
        assert link["lang"] == link["hreflang"]


@pytest.fixture()
def half_translated(project_copy):
    """The project built with a lesson, its check, the privacy page and the practice page not yet in Spanish."""
    for path in ("docs/es/lessons/vulnerability.md", "quizzes/es/vulnerability.yml", "docs/es/privacy.md",
                 "docs/es/practice.md"):
        (project_copy / path).unlink(missing_ok=True)
    result = run_mkdocs_build(project_copy, project_copy / "site", UNSERVED_SITE_URL)  # its copies' addresses
    assert result.returncode == 0, result.stdout + result.stderr
    return project_copy / "site"


def test_a_page_not_yet_translated_is_the_english_one_everywhere_and_says_so(half_translated):
    site = half_translated
    # The lesson and its check have no Spanish page, copy or export, and the English page offers no choice.
    for path in ("es/lessons/vulnerability", "es/quizzes/vulnerability", "es/embed/quizzes/vulnerability",
                 "es/embed/lessons/vulnerability", "es/downloads/quizzes/vulnerability.html",
                 "es/worksheets/vulnerability", "es/downloads/gift/vulnerability.txt"):
        assert not (site / path).exists(), path
    english = soup(site, "lessons/vulnerability/index.html")
    assert alternates(english) == {} and english.select_one("nav.closer-languages") is None
    # A link in a Spanish lesson goes to the English page and says so.
    link = soup(site, "es/lessons/trust/index.html").select_one('article a[href="../../../lessons/vulnerability/"]')
    assert link is not None and link["hreflang"] == "en"
    assert link.next_sibling.strip().startswith("(en inglés)")
    # The quiz's recommendations too: a Spanish result's "read next" names the English page...
    check_in = soup(site, f"es/{CHECK_IN}")
    recommended = {a.get_text(): a["href"] for a in check_in.select(".closer-quiz__recommend a")}
    assert recommended["Vulnerability (en inglés)"] == "../../../lessons/vulnerability/"
    # ...and a translated page by its Spanish title, in Spanish.
    assert recommended["Confianza"] == "../../lessons/trust/"
    assert recommended["¿Es este curso para ti ahora?"] == "../../right-for-you/"
    # Links in the quiz's own text, and the coach's panel's link to the practice page.
    for link in (check_in.select_one('.closer-quiz__intro a[href="../../../privacy/"]'),
                 check_in.select_one('.closer-quiz__screen-clear a[href="../../../privacy/#browsing-history"]'),
                 check_in.select_one('.closer-use a[href="../../../practice/"]')):
        assert link is not None and link.next_sibling.startswith(" (en inglés)"), link
    # And in its copies away from the site, to the English page's whole address.
    for copy in ("es/embed/quizzes/intimacy-check-in/index.html", "es/downloads/quizzes/intimacy-check-in.html"):
        links = {a.get_text(): a["href"] for a in soup(site, copy).select("a[href]")}
        assert links["Vulnerability (en inglés)"] == f"{UNSERVED_SITE_URL}lessons/vulnerability/", copy
        assert links["Confianza"] == f"{UNSERVED_SITE_URL}es/lessons/trust/", copy
    # Spanish search holds only Spanish pages.
    spanish = json.loads((site / "es" / "search" / "search_index.json").read_text())
    assert not any(doc["location"].startswith("lessons/vulnerability/") for doc in spanish["docs"])


def test_each_language_has_its_own_search_index_and_script(built_site):
    english = json.loads((built_site / "search" / "search_index.json").read_text())
    spanish = json.loads((built_site / "es" / "search" / "search_index.json").read_text())
    assert spanish["config"]["lang"] == ["es"] and english["config"]["lang"] == ["en"]
    assert {doc["location"].split("#")[0] for doc in spanish["docs"]} >= {"", "quizzes/intimacy-check-in/",
                                                                          "lessons/trust/", "right-for-you/"}
    assert not any(doc["location"].startswith("es/") for doc in english["docs"])
    assert any("016" in doc["text"] for doc in spanish["docs"])  # Spain's abuse line is found in Spanish search
    # Each language's pages load a script that speaks it, and only it.
    # (The catalog's keys are the English messages; what is shown is each language's own.)
    said = catalog("es").gettext("Your results")
    assert said != "Your results"
    assert said in (built_site / "es" / "assets" / "closer" / "closer.js").read_text()
    assert said not in (built_site / "assets" / "closer" / "closer.js").read_text()


def test_the_policy_covers_every_language_and_lets_only_embeds_be_framed(built_site):
    rules = {}
    for block in (built_site / "_headers").read_text().split("\n\n"):
        path, *lines = block.strip().splitlines()
        rules[path] = " ".join(lines)
    assert "frame-ancestors *" in rules["/es/embed/*"] and "frame-ancestors 'self'" in rules["/es/quizzes/*"]
    assert rules["/es/downloads/*"].count("sha256-") >= 2  # a download's own inline script and style
    assert not (built_site / "es" / "_headers").exists()
    for page in (built_site / "es").rglob("*.html"):
        assert "closer-content-security-policy" not in page.read_text(encoding="utf-8"), page


def test_a_spanish_page_that_calls_an_untranslated_quiz_fails_located(project_copy):
    (project_copy / "quizzes" / "es" / "conflict.yml").unlink(missing_ok=True)
    page = project_copy / "docs" / "es" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ quiz("conflict") }}\n', encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert re.search(r"docs/es/index\.md:\d+:\d+: the quiz 'conflict' has no translation in this page's language; "
                     r"add its translation to quizzes/es/conflict\.yml", result.stdout + result.stderr)


def test_a_language_s_lessons_are_checked_as_lessons_by_the_build_and_by_closer_check(project_copy):
    lessons = project_copy / "docs" / "es" / "lessons"
    (lessons / "confianza.md").write_text("---\ntitle: Confianza\n---\n# Confianza\n", encoding="utf-8")
    expected = "docs/es/lessons/confianza.md:1:1: 'confianza' is not one of the course's lessons; lesson URLs are fixed"
    built = run_mkdocs_build(project_copy, project_copy / "site")
    checked = closer_check(project_copy)
    for result in (built, checked):
        assert result.returncode != 0 and expected in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("broken", ["missing", "untranslated"])
def test_a_catalog_that_lacks_a_message_stops_the_build_located(project_copy, broken):
    # The catalogs are the package's; a copy of the project builds with the copy's own package.
    po = project_copy / "macros" / "messages" / "es.po"
    text = po.read_text(encoding="utf-8")
    said = catalog("es").gettext("Your results")
    if broken == "missing":
        text = text.replace('msgid "Your results"\nmsgstr "' + said + '"\n', "")
    else:
        text = text.replace('msgstr "' + said + '"', 'msgstr ""', 1)
    po.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "macros/messages/es.po:1:1: message 'Your results' is missing or untranslated" in result.stdout + result.stderr


def test_a_recommendation_names_its_page_by_the_page_s_title_in_either_language(built_site):
    """Whether the recommended page is rendered before or after the quiz that links it."""
    links = 0
    for page in built_site.rglob("index.html"):
        if page.relative_to(built_site).parts[0 if page.relative_to(built_site).parts[0] != "es" else 1] in (
                "embed", "downloads", "worksheets"):
            continue
        for link in soup(built_site, page.relative_to(built_site)).select(".closer-quiz__recommend a[href]"):
            if link["href"].startswith(("http:", "https:", "#")):
                continue
            target = (page.parent / link["href"].split("#")[0]).resolve() / "index.html"
            title = soup(built_site, target.relative_to(built_site)).title.get_text().rsplit(" - ", 1)[0]
            assert link.get_text(" ", strip=True) == title, (page, link["href"])
            links += 1
    assert links > 50
