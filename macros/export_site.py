"""Add to a built site everything Closer adds, from the sources and the built pages, with no generator running.

    closer-export site/            # after a generator has written the pages into site/

It runs every check of `closer-check`, then checks the built pages (each page of the sources is
there, inside an <article>, with Closer's quick exit and policy), and stops before writing
anything on a problem. Then it writes Closer's own script and stylesheets over any the site
has, each quiz's page the generator did not make, and publishes embeds, downloads, packages,
worksheets, oEmbed answers, the schema and the policy exactly as the plugin does
(`publish.site.publish`). Each other language the plugin's `languages` option names is exported
the same way into site/<lang>/, from docs/<lang>/ and quizzes/<lang>/, in its own language.
"""

from __future__ import annotations

import argparse
from contextvars import copy_context
from dataclasses import dataclass, field
import html
from pathlib import Path
import posixpath
import re
import shutil
import sys

from .check import check_project, report
from .engine.catalog import Catalog
from .engine.lessons import ORDER, Lesson, checked_lesson
from .engine.problems import Problem
from .engine.site_config import THEME
from .messages import _, speak
from .project import Layout, read_layout
from .publish.bundle import SCRIPT_NAME, STYLESHEET_NAME, bundle_script, bundle_stylesheet
from .publish.export import SiteFacts
from .publish.security import PLACEHOLDER, template_script_hashes
from .publish.site import course_page, lesson_standalone, page_address, publish, quiz_panel, use_panel
from .publish.site_pages import LanguagePages, SitePages, relative_url
from .publish.urls import ASSETS
from .render.rendering import render_quiz
from .render.text import plain, removed_markup

_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
_THEME_TITLE = re.compile(r"\A\s*<h1>[^<]*</h1>")  # the heading material adds to content that has none
_LANGUAGE_CHOICE = re.compile(r'\A\s*<nav class="closer-languages"[^>]*>.*?</nav>', re.S)  # Closer's main.html adds
_TITLE = re.compile(r"<title>.*?</title>", re.S)
# What every page needs: the quick exit and the policy's place (Closer's main.html), and Closer's
# script and stylesheet (which the plugin lists in extra_javascript and extra_css).
NEEDED = ("data-closer-exit", PLACEHOLDER, f"{ASSETS}/{SCRIPT_NAME}", f"{ASSETS}/{STYLESHEET_NAME}")
SHELL = "404.html"  # the theme's page for any address: quiz pages the generator did not make go in its frame


@dataclass
class Edition:
    """One language's part of the site: its pages, quizzes and folder (the default's is the site's root)."""

    lang: str
    folder: Path  # where its pages are built: site/, or site/<lang>/
    docs: Path  # where their sources are: docs/, or docs/<lang>/
    catalog: Catalog  # its quizzes: the default's files, or their translations
    pages: SitePages | LanguagePages
    own: SitePages  # its own pages, which the generator built
    site_url: str
    quick_exit_url: str
    lessons: list[Lesson] = field(default_factory=list)

    @property
    def is_default(self) -> bool:
        return self.pages is self.own  # another language's pages reach the default's


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closer-export", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="folder holding mkdocs.yml, its pages and quizzes (default: here)")
    args = parser.parse_args(argv)
    layout = read_layout(args.project)
    catalog, problems = check_project(layout)
    editions = site_editions(layout, catalog, args.site)
    for edition in editions:
        edition.lessons = load_lessons(layout, edition)
    built = {edition.lang: read_built(edition) for edition in editions} if not problems else {}
    if not problems:
        problems += check_built_site(args.site, {file: text for pages in built.values() for file, text in pages.items()})
    if report(problems, f"{len(catalog.quizzes)} quiz file(s) valid"):
        return 1
    # The other languages first, as the plugin builds them: the default's policy then covers them all.
    published = {edition.lang: copy_context().run(export, edition, layout, built[edition.lang], {})
                 for edition in editions[1:]}
    copy_context().run(export, editions[0], layout, built[editions[0].lang], published)
    print(f"closer-export: {len(editions[0].lessons)} lesson(s) and {len(catalog.quizzes)} quiz(zes) published in "
          f"{args.site}" + "".join(f", and in {e.lang}: {len(e.lessons)} and {len(e.catalog.quizzes)}"
                                   for e in editions[1:]), file=sys.stderr)
    return 0


def site_editions(layout: Layout, catalog: Catalog, site: Path) -> list[Edition]:
    """The default language's part of the site, then each other language's the plugin's options name."""
    config, options = layout.config, layout.languages
    default = layout.language
    site_url = str(config.get("site_url") or "/").rstrip("/") + "/"

    def titles(quizzes: dict) -> dict[str, str]:
        return {quiz_id: plain(loaded.quiz.title) for quiz_id, loaded in quizzes.items()}
    pages = SitePages(layout.docs, layout.nav_titles, titles(catalog.quizzes), tuple(options))
    editions = [Edition(default, site, layout.docs, catalog, pages, pages, site_url,
                        str((config.get("extra") or {}).get("quick_exit_url") or ""))]
    for lang, settings in options.items():
        translated = catalog.in_language(lang)[0]
        own = SitePages(layout.docs / lang, {}, titles(translated.quizzes))  # a language's nav: its pages' titles
        editions.append(Edition(lang, site / lang, layout.docs / lang, translated,
                                LanguagePages(own, pages, lang, default), own, f"{site_url}{lang}/",
                                str(settings.get("quick_exit_url") or "")))  # missing: reported by check_project
    return editions


def load_lessons(layout: Layout, edition: Edition) -> list[Lesson]:
    """The edition's valid lessons in the learning order (check_project reports the others' problems)."""
    found, folder = {}, edition.docs.relative_to(layout.root).as_posix()
    for file in sorted((edition.docs / "lessons").glob("*.md")):
        if file.stem in ORDER:
            found[file.stem] = checked_lesson(file.read_text(encoding="utf-8"), f"{folder}/lessons/{file.name}",
                                              file.stem, edition.catalog, removed_markup)[0]
    return [found[slug] for slug in ORDER if found.get(slug)]


def read_built(edition: Edition) -> dict[Path, str | None]:
    """The text of each page of the sources (None if not built), of each quiz page already made, and of 404.html."""
    site, pages = edition.folder, edition.own
    files = {path: site / url / "index.html" for path, url in pages.urls.items()}
    wanted = [file for path, file in files.items() if path in pages.sources or file.is_file()] + [site / SHELL]
    return {file: file.read_text(encoding="utf-8") if file.is_file() else None for file in wanted}


def check_built_site(site: Path, built: dict[Path, str | None]) -> list[Problem]:
    """Every page of the sources is built, inside an <article>, with Closer's quick exit and policy."""
    if not site.is_dir():
        return [Problem(str(site), 1, 1, "there is no built site here", "build the pages first, then run "
                        "closer-export on their folder")]
    problems = []
    for page, text in built.items():
        name = str(page)
        if text is None:
            problems.append(Problem(name, 1, 1, "this page was not built", "build the pages first, into this folder"))
        elif not _ARTICLE.search(text):
            problems.append(Problem(name, 1, 1, "the page has no <article> holding its content",
                                    "build with the material theme"))
        elif not all(needed in text for needed in NEEDED):
            problems.append(Problem(name, 1, 1, "the page lacks Closer's quick exit, the place for its policy, or its script "
                                    "and stylesheet",
                                    "build with Closer's plugin, or copy the files of macros/theme/ in Closer's "
                                    "package into the theme's custom_dir and list assets/closer/closer.css and "
                                    "closer.js in extra_css and extra_javascript"))
    return problems


def export(edition: Edition, layout: Layout, built: dict[Path, str],
           languages: dict[str, tuple[set[str], str]]) -> tuple[set[str], str]:
    """Publish what Closer adds to one edition, in its language; its scripts' hashes and downloads' policy.

    languages: what each other language published, for the default's one policy over the site.
    """
    speak(edition.lang)
    site, pages, course = edition.folder, edition.pages, layout.options.get("course_url")

    def absolute(target: str) -> str | None:
        return course_page(target, page_address(pages, edition.site_url, target), course)

    hashes = set()  # the inline scripts outside each page's content: the theme's and the project's templates'
    for text in built.values():
        hashes |= template_script_hashes(text, _ARTICLE.search(text).group(2))
    facts = SiteFacts(edition.site_url, str(layout.config.get("site_name") or ""), edition.quick_exit_url,
                      absolute("privacy.md"), absolute("right-for-you.md"), bool(edition.lessons))
    write_assets(site, edition.lang)
    write_quiz_pages(site, edition.catalog, pages, built[site / SHELL], facts, course)
    rendered, worksheets = [], []
    for lesson in edition.lessons:
        url = f"lessons/{lesson.slug}/"
        link = lambda target, url=url: pages.link(url, posixpath.normpath(posixpath.join("lessons", target)))  # noqa: E731
        alone, worksheet = lesson_standalone(lesson, built_content(built[site / url / "index.html"]), link)
        rendered.append(alone)
        worksheets.append(worksheet)
    downloads_policy = publish(site, facts, edition.catalog, edition.lessons, rendered, worksheets, pages, hashes,
                               languages=languages, policy=edition.is_default)
    return hashes, downloads_policy


def write_assets(site: Path, lang: str) -> None:
    """Closer's script (in lang), stylesheets and host script, in place of any the site has: only Closer's may run."""
    folder = site / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((SCRIPT_NAME, bundle_script(lang=lang)), (STYLESHEET_NAME, bundle_stylesheet())):
        (folder / name).write_text(text, encoding="utf-8")
    for source in sorted((THEME / ASSETS).iterdir()):
        shutil.copyfile(source, folder / source.name)


def built_content(page: str) -> str:
    """A page's content as its generator wrote it into <article>, without what the theme adds before it.

    (The language choice and the title heading: a copy of a page is the page's own content.)
    """
    article = _ARTICLE.search(page)
    # The theme indents around the content; the content ends its last line, as Markdown's output does here.
    return _THEME_TITLE.sub("", _LANGUAGE_CHOICE.sub("", article.group(2))).strip() + "\n"


def write_quiz_pages(site: Path, catalog: Catalog, pages: SitePages | LanguagePages, shell: str, facts: SiteFacts,
                     course: str | None) -> None:
    """Each quiz's own page the generator did not make: the theme's 404 page (shell), holding the quiz instead."""
    for quiz_id, loaded in catalog.quizzes.items():
        target = site / "quizzes" / quiz_id / "index.html"
        if target.exists():
            continue
        url, title = f"quizzes/{quiz_id}/", plain(loaded.quiz.title)
        def own(target: str, url=url) -> str | None:
            return course_page(target, pages.link(url, target) if pages.site_path(target) else None, course)
        widget = render_quiz(loaded, level=1, link=lambda t, url=url: pages.link(url, t), link_title=pages.link_title,
                             privacy=own("privacy.md"))
        practice = own("practice.md")
        offers = quiz_panel(loaded)
        panel = use_panel("quizzes", quiz_id, offers["noun"], title, url, facts.site_url, facts.site_name, practice,
                          offers["check"], relative_url, pages.note("practice.md") if practice else "", offers["cards"])
        page = _ARTICLE.sub(lambda m: m.group(1) + widget + "\n" + panel + m.group(3), shell, count=1)
        # Translators: a page's title in the browser's tab, then the site's name (as in the theme's main.html).
        name = _("{title} - {site_name}", title=title, site_name=facts.site_name)
        page = _TITLE.sub(lambda m: f"<title>{html.escape(name, quote=False)}</title>", page, count=1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
