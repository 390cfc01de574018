"""Quiz pages share their sidebars only where the theme would render the same HTML for each."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import material

from closer.adapter.sidebars import SharedSidebars


def page(url: str, toc=(), **meta):
    return SimpleNamespace(url=url, toc=list(toc), meta=meta)


def item(url: str | None = None, *, link: bool = False, children=()):
    return SimpleNamespace(url=url, is_link=link, is_page=not link and url is not None, children=list(children))


def nav(*items, pages=()):
    return SimpleNamespace(items=list(items), pages=list(pages))


THEME = str(Path(material.__file__).parent / "templates")
CONFIG = SimpleNamespace(extra={}, theme=SimpleNamespace(dirs=[THEME], get=lambda key: None))
LESSONS = nav(item(""), item(children=[item("lessons/trust/"), item("https://example.org/", link=True)]))


def test_quiz_pages_outside_the_nav_share_one_rendering_per_folder():
    shared = SharedSidebars()
    assert shared.key(page("quizzes/a/"), LESSONS, CONFIG) == shared.key(page("quizzes/b/"), LESSONS, CONFIG) \
        == "quizzes/"
    assert shared.key(page("quizzes/a.html"), LESSONS, CONFIG) == "quizzes/"  # use_directory_urls: false
    assert shared.get("quizzes/") is None
    assert shared.keep("quizzes/", "<nav>") == "<nav>" and shared.get("quizzes/") == "<nav>"


def test_a_page_whose_sidebars_may_differ_renders_its_own():
    shared, listed = SharedSidebars(), page("quizzes/a/")
    assert shared.key(listed, nav(item("quizzes/a/"), pages=[listed]), CONFIG) is None  # current in the nav
    assert shared.key(page("quizzes/a/", toc=["Heading"]), LESSONS, CONFIG) is None
    assert shared.key(page("quizzes/a/", hide=["navigation"]), LESSONS, CONFIG) is None
    assert shared.key(page("quizzes/a/"), None, CONFIG) is None
    # A target inside the page's own folder is linked as "./…" from it and "../a/…" from the others.
    assert shared.key(page("quizzes/a/"), nav(item("quizzes/a/notes/")), CONFIG) is None
    assert shared.key(page("quizzes/b/"), nav(item("quizzes/a/notes/")), CONFIG) == "quizzes/"
    assert shared.key(page("quizzes/a/"), nav(item("../elsewhere/", link=True)), CONFIG) is None
    logo = SimpleNamespace(extra={}, theme=SimpleNamespace(dirs=[THEME], get={"logo": "quizzes/a/logo.png"}.get))
    assert shared.key(page("quizzes/a/"), LESSONS, logo) is None


def test_a_site_s_own_nav_template_keeps_every_page_s_own_sidebars(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "nav-item.html").write_text("{{ page.title }}")  # a coach's: it names the page
    own = SimpleNamespace(extra={}, theme=SimpleNamespace(dirs=[str(tmp_path), THEME], get=lambda key: None))
    assert SharedSidebars().key(page("quizzes/a/"), LESSONS, own) is None
    assert SharedSidebars().key(page("quizzes/a/"), LESSONS, CONFIG) == "quizzes/"
