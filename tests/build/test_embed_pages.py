"""Every lesson and quiz as an embed page and a single-file download, and the panel that offers them."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup
import pytest

from closer.engine.lessons import ORDER
from tests.support import project_quizzes
from tests.support.checks import sha256

QUIZZES = sorted(project_quizzes().quizzes)
ITEMS = [("lessons", slug) for slug in ORDER] + [("quizzes", quiz_id) for quiz_id in QUIZZES]
THEME_CHROME = ".md-header, .md-tabs, .md-sidebar, .md-nav, .md-footer, .md-search, [data-md-component]"
SITE_ONLY = ".closer-use, .closer-lesson__pager, .closer-lesson__progress"
EXIT_URL = "https://www.bbc.com/weather"  # mkdocs.yml's extra.quick_exit_url


def off_site_safety(soup: BeautifulSoup, site_origin: str):
    """The quick exit a page on its own leads with, after checking what every off-site copy carries."""
    exits = soup.select("[data-closer-exit], .closer-exit")
    assert len(exits) == 1 and exits[0].parent is soup.body and exits[0] is soup.body.find(True), exits
    assert exits[0]["href"] == EXIT_URL and "noreferrer" in exits[0]["rel"]
    credit = soup.select_one("footer.closer-standalone__credit")
    assert credit.find("a", string="If you are afraid")["href"] == f"{site_origin}/right-for-you/"
    assert "anyone who uses this device could find them" in credit.get_text()
    return exits[0]


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_lesson_and_quiz_has_an_embed_and_a_download(built_site):
    assert len(ITEMS) == len(ORDER) + len(QUIZZES) and len(QUIZZES) >= 17
    for kind, name in ITEMS:
        assert (built_site / "embed" / kind / name / "index.html").is_file(), (kind, name)
        assert (built_site / "downloads" / kind / f"{name}.html").is_file(), (kind, name)
    generated = {(p.parent.parent.name, p.parent.name) for p in (built_site / "embed").rglob("index.html")}
    assert generated == set(ITEMS)  # nothing stale or hand-kept beside them


@pytest.mark.parametrize("kind, name", ITEMS)
def test_embed_has_no_site_chrome_and_every_link_opens_the_published_site(built_site, site_origin, kind, name):
    soup = soup_of(built_site / "embed" / kind / name / "index.html")
    assert soup.select(THEME_CHROME) == [] and soup.select(SITE_ONLY) == []
    assert soup.html.has_attr("data-closer-embed")
    assert [s["src"] for s in soup.find_all("script")] == ["../../../assets/closer/closer.js"]
    assert len(soup.find_all("h1")) == 1
    widget = soup.select_one("[data-quiz]")
    assert widget is not None and widget.select("input, [data-deck-card]")  # something to answer, or cards to draw
    credit = soup.select_one("footer.closer-standalone__credit")
    lesson_link = credit.find("a", string=lambda s: s and s.startswith("the lesson"))
    if kind == "lessons":
        assert lesson_link["href"] == f"{site_origin}/lessons/{name}/"
    exit_link = off_site_safety(soup, site_origin)
    assert exit_link["target"] == "_top"  # leaves the coach's whole page, where the frame allows it
    links = [a for a in soup.find_all("a", href=True) if not a["href"].startswith("#") and a is not exit_link]
    assert links, "an embed credits the site at least"
    for link in links:  # the site's pages, or help services the lesson names
        assert link["href"].startswith((site_origin + "/", "https://")), link
        assert link.get("target") == "_blank" and "noopener" in link.get("rel", []), link
    for anchor in soup.find_all("a", href=lambda h: h and h.startswith("#")):
        assert soup.find(id=anchor["href"][1:]) is not None, anchor


def test_lesson_embed_keeps_every_part_of_the_lesson(built_site):
    page = soup_of(built_site / "lessons" / "trust" / "index.html").select_one("article")
    embed = soup_of(built_site / "embed" / "lessons" / "trust" / "index.html").select_one("main")
    for heading in page.find_all("h2"):
        assert embed.find("h2", id=heading.get("id")) is not None, heading.get("id")
    assert embed.select_one(".closer-lesson__steps") and embed.select_one('[data-quiz="trust"]')


@pytest.mark.parametrize("kind, name", ITEMS)
def test_download_is_one_file_under_its_own_policy(built_site, site_origin, kind, name):
    soup = soup_of(built_site / "downloads" / kind / f"{name}.html")
    assert soup.find("link", rel="stylesheet") is None
    assert not soup.find_all(src=lambda s: s and not s.startswith("data:"))
    scripts, styles = soup.find_all("script"), soup.find_all("style")
    assert len(scripts) == 1 and len(styles) == 1
    assert scripts[0].string == (built_site / "assets/closer/closer.js").read_text()
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == sha256(scripts[0].string)
    assert directives["style-src"] == sha256(styles[0].string)
    assert soup.select_one("[data-quiz]") is not None and soup.select(SITE_ONLY) == []
    exit_link = off_site_safety(soup, site_origin)
    assert not exit_link.has_attr("target")
    for link in soup.find_all("a", href=True):
        assert link is exit_link or link["href"].startswith((site_origin + "/", "#", "https://")), link


@pytest.mark.parametrize("kind, name", ITEMS)
def test_page_offers_embed_code_download_and_print(built_site, site_origin, kind, name):
    page = built_site / kind / name / "index.html"
    panel = soup_of(page).select_one("details.closer-use")
    assert panel.summary.get_text() == "Use this in your material"
    code = BeautifulSoup(panel.select_one("textarea").get_text(), "html.parser")
    assert panel.find("label", attrs={"for": panel.select_one("textarea")["id"]}) is not None
    frame, host = code.find("iframe"), code.find("script")
    assert frame["src"] == f"{site_origin}/embed/{kind}/{name}/"
    assert frame["title"].endswith("(Closer)") and host["src"] == f"{site_origin}/assets/closer/embed.js"
    page_url = f"{site_origin}/{kind}/{name}/"
    targets = {a.get_text(): urljoin(page_url, a["href"]) for a in panel.find_all("a")}
    download = next(url for text, url in targets.items() if text.startswith("Download"))
    assert download == f"{site_origin}/downloads/{kind}/{name}.html"
    assert f"{site_origin}/embed/{kind}/{name}/" in targets.values()
    assert f"{site_origin}/practice/" in targets.values()
    worksheet = f"{site_origin}/worksheets/{name}/"
    assert (worksheet in targets.values()) == (kind == "lessons")
    if kind == "lessons":
        assert (built_site / "worksheets" / name / "index.html").is_file()
    assert [b.get_text() for b in panel.find_all("button")] == ["Copy the code", "Print this page"]


def test_headers_let_downloads_run_their_own_inline_assets(built_site):
    headers = (built_site / "_headers").read_text()
    download = soup_of(built_site / "downloads" / "quizzes" / "trust.html")
    own = download.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert f"/downloads/*\n  Content-Security-Policy: {own}; frame-ancestors 'self'\n" in headers
