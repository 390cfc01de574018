"""Add to a built site everything Closer adds, from the sources and the built pages, with no generator running.

    closer-export site/            # after any generator has written the pages into site/

It runs every check of `closer-check` first and stops on a problem. Then it writes what the
site lacks of Closer's own (the script and stylesheets, each quiz's page), takes each lesson as
its built page shows it, and publishes embeds, downloads, packages, worksheets, oEmbed answers,
the schema and the policy exactly as the plugin does (`publish.site.publish`).
"""

from __future__ import annotations

import argparse
import html
import os
from pathlib import Path
import posixpath
import re
import shutil
import sys
from urllib.parse import urljoin

from .check import check_project, report
from .engine.catalog import Catalog
from .engine.lessons import ORDER, Lesson, check_knowledge_check, load_lesson
from .project import Layout, read_layout
from .publish.bundle import SCRIPT_NAME, STYLESHEET_NAME, THEME, bundle_script, bundle_stylesheet
from .publish.security import template_script_hashes
from .publish.site import SiteFacts, lesson_standalone, publish, use_panel
from .publish.site_pages import SitePages, relative_url
from .publish.urls import ASSETS, DOWNLOADS, EMBED, WORKSHEETS
from .render.rendering import render_quiz
from .render.text import plain, removed_markup

_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
_THEME_TITLE = re.compile(r"\A\s*<h1>[^<]*</h1>")  # the heading a theme adds to content that has none
_TITLE = re.compile(r"<title>.*?</title>", re.S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closer-export", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="folder holding mkdocs.yml, its pages and quizzes (default: here)")
    args = parser.parse_args(argv)
    layout = read_layout(args.project)
    catalog, problems = check_project(layout)
    lessons = load_lessons(layout, catalog, problems)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here; build the pages first, then run closer-export", file=sys.stderr)
        return 1
    if report(problems, f"{len(catalog.quizzes)} quiz file(s) valid"):
        return 1
    export(args.site, layout, catalog, lessons)
    print(f"closer-export: {len(lessons)} lesson(s) and {len(catalog.quizzes)} quiz(zes) published in {args.site}",
          file=sys.stderr)
    return 0


def load_lessons(layout: Layout, catalog: Catalog, problems: list) -> list[Lesson]:
    """The site's valid lessons in the learning order; their problems join problems."""
    found = {}
    for file in sorted((layout.docs / "lessons").glob("*.md")):
        if file.stem not in ORDER:
            continue  # the nav check names it
        path = f"docs/lessons/{file.name}"
        lesson, found_problems = load_lesson(file.read_text(encoding="utf-8"), path, file.stem, removed_markup)
        problems += found_problems
        if lesson is not None:
            loaded = catalog.quizzes.get(lesson.quiz_id)
            missing = check_knowledge_check(lesson, loaded.quiz if loaded else None)
            problems += missing
            found[lesson.slug] = lesson if not missing else None
    return [found[slug] for slug in ORDER if found.get(slug)]


def export(site: Path, layout: Layout, catalog: Catalog, lessons: list[Lesson]) -> None:
    config = layout.config
    site_url = (os.environ.get("CLOSER_SITE_URL") or config.get("site_url") or "/").rstrip("/") + "/"
    pages = SitePages(layout.docs, layout.nav_titles, {i: plain(q.quiz.title) for i, q in catalog.quizzes.items()},
                      config.get("use_directory_urls", True))
    course = layout.options.get("course_url")

    def course_page(target: str) -> str | None:
        if pages.site_path(target) is not None and (layout.docs / target).is_file():
            return urljoin(site_url, pages.site_path(target))
        return urljoin(course.rstrip("/") + "/", target.removesuffix(".md") + "/") if course else None

    write_assets(site)
    hashes = theme_script_hashes(site)  # before any page of Closer's own is added
    write_quiz_pages(site, catalog, pages, site_url, str(config.get("site_name") or ""), course_page("practice.md"))
    rendered, worksheets = [], []
    for lesson in lessons:
        url = f"lessons/{lesson.slug}/"
        link = lambda target, url=url: pages.link(url, posixpath.normpath(posixpath.join("lessons", target)))  # noqa: E731
        alone, worksheet = lesson_standalone(lesson, built_content(site / url / "index.html"), link)
        rendered.append(alone)
        worksheets.append(worksheet)
    facts = SiteFacts(site_url, str(config.get("site_name") or ""), (config.get("extra") or {})["quick_exit_url"],
                      course_page("privacy.md"), course_page("right-for-you.md"), bool(lessons))
    publish(site, facts, catalog, lessons, rendered, worksheets, pages, hashes)


def write_assets(site: Path) -> None:
    """Closer's script, stylesheets and host script, where the generator did not write them."""
    folder = site / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in ((SCRIPT_NAME, bundle_script), (STYLESHEET_NAME, bundle_stylesheet)):
        if not (folder / name).exists():
            (folder / name).write_text(make(), encoding="utf-8")
    for source in sorted((THEME / ASSETS).iterdir()):
        if not (folder / source.name).exists():
            shutil.copyfile(source, folder / source.name)


def theme_script_hashes(site: Path) -> set[str]:
    """The inline scripts of every built page outside its content: the theme's and the project's templates'."""
    hashes = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] not in (EMBED, DOWNLOADS, WORKSHEETS):
            text = page.read_text(encoding="utf-8")
            article = _ARTICLE.search(text)
            hashes |= template_script_hashes(text, article.group(2) if article else "")
    return hashes


def built_content(page: Path) -> str:
    """A page's content as its generator wrote it into <article>, without the title heading the theme adds."""
    article = _ARTICLE.search(page.read_text(encoding="utf-8"))
    # The theme indents around the content; the content ends its last line, as Markdown's output does here.
    return _THEME_TITLE.sub("", article.group(2)).strip() + "\n" if article else ""


def write_quiz_pages(site: Path, catalog: Catalog, pages: SitePages, site_url: str, site_name: str,
                     practice_url: str | None) -> None:
    """Each quiz's own page, where the generator made none: the built 404 page, holding the quiz instead."""
    shell = (site / "404.html").read_text(encoding="utf-8") if (site / "404.html").is_file() else None
    for quiz_id, loaded in catalog.quizzes.items():
        target = site / "quizzes" / quiz_id / "index.html"
        if target.exists() or shell is None or not _ARTICLE.search(shell):
            continue
        url, title = f"quizzes/{quiz_id}/", plain(loaded.quiz.title)
        widget = render_quiz(loaded, level=1, link=lambda t, url=url: pages.link(url, t), link_title=pages.link_title)
        check = quiz_id if loaded.quiz.kind == "knowledge-check" else None
        panel = use_panel("quizzes", quiz_id, "quiz", title, url, site_url, practice_url, check, relative_url)
        page = _ARTICLE.sub(lambda m: m.group(1) + widget + "\n" + panel + m.group(3), shell, count=1)
        page = _TITLE.sub(lambda m: f"<title>{html.escape(f'{title} - {site_name}', quote=False)}</title>", page,
                          count=1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
