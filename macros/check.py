"""Checks every quiz, page and lesson as the build does, without building the site.

It prints the build's located lines, then a count, and exits non-zero if anything is wrong: the
quizzes, mkdocs.yml's settings, each page's front matter, template code (the allow-list) and its
quiz calls, each lesson's parts, and what Markdown makes of each page (the content check), in
every language. The same checks run in `closer-export`, so a site made by another generator
passes them too.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import posixpath
import re
import secrets
import sys

import jinja2
import markdown
from markupsafe import Markup

from .engine.catalog import Catalog, load_catalog, quiz_call_arguments, quiz_call_problem
from .engine.lessons import ORDER, check_nav_order, checked_lesson, unknown_lesson
from .engine.loading import line_col
from .engine.pages import body_line, check_body, check_front_matter, dangling_link, has_markers, split_front_matter
from .engine.plan import read_plan
from .engine.problems import Problem
from .engine.site_config import (
    check_docs_file,
    check_macros_modules,
    check_quick_exit,
    check_site_config,
    check_site_url,
    where,
)
from .messages import catalog_problems
from .project import Layout, plugin_options, read_layout
from .render.content import check_content
from .render.text import removed_markup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closer-check", description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="folder holding mkdocs.yml, its pages and quizzes (default: here)")
    args = parser.parse_args(argv)
    catalog, problems = check_project(read_layout(args.project))
    return report(problems, f"{len(catalog.quizzes)} quiz file(s) valid")


def report(problems: list[Problem], done: str) -> int:
    """Print each problem, one line each; 1 if there is any, as a --strict build fails on a warning too."""
    for problem in sorted(problems):
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); {done}", file=sys.stderr)
        return 1
    print(done, file=sys.stderr)
    return 0


def check_project(layout: Layout) -> tuple[Catalog, list[Problem]]:
    """The quizzes, and every problem the build would find in the quizzes and pages."""
    catalog = load_catalog(layout.quizzes, layout.root, removed_markup)
    docs = layout.docs
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
    pages |= {f"quizzes/{quiz_id}.md" for quiz_id in catalog.quizzes}
    catalog.check_links(pages)
    problems = catalog.problems + check_settings(layout) + check_docs(layout) + check_pages(layout, catalog)
    if layout.nav:  # without a nav, MkDocs lists pages by name and there is no order to check
        lessons = {p.stem for p in (docs / "lessons").glob("*.md")}
        problems += check_nav_order(layout.nav, lessons, layout.config_text)
    return catalog, problems


def check_languages(layout: Layout) -> list[Problem]:
    """Each language's message catalog and quick exit, as the plugin checks them."""
    found = [problem for lang in [layout.language, *layout.languages] for problem in catalog_problems(lang)]
    for options in layout.languages.values():
        found += check_quick_exit(options.get("quick_exit_url"), layout.config_text, "mkdocs.yml")
    return found


def check_settings(layout: Layout) -> list[Problem]:
    """mkdocs.yml's theme, fonts, templates, addresses and quick exit, as the plugin checks them."""
    config, name = layout.config, "mkdocs.yml"
    theme = config.get("theme")
    theme = theme if isinstance(theme, dict) else {"name": theme}
    custom = layout.root / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    # mkdocs-macros renders a page's title as a template: a nav title may hold none (the build refuses it too).
    titles = [Problem(name, *line_col(layout.config_text, max(0, layout.config_text.find(title))),
                      f"template marker in the nav's title for {path}", "write the title as plain text")
              for path, title in layout.nav_titles.items() if has_markers(title)]
    return (titles + check_quick_exit(extra.get("quick_exit_url"), layout.config_text, name)
            + check_site_url(config.get("site_url"), layout.config_text, name)
            + check_macros_modules(plugin_options(config, "macros").get("modules"), layout.config_text, name)
            + check_languages(layout)
            + check_site_config(theme.get("name"), theme.get("font"), custom, config.get("use_directory_urls", True)
                                is not False, layout.options.get("course_url"), layout.config_text, name))


def check_docs(layout: Layout) -> list[Problem]:
    """Every file of docs/ is a page or a picture, and every file of docs/lessons/ one of the course's lessons."""
    docs, problems = layout.docs, []
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        path = file.relative_to(docs).as_posix()
        if file.is_file() or file.is_symlink():
            problems += [p for p in [check_docs_file(path, file, docs)] if p]
        if file.suffix == ".md" and layout.lesson_folder(file.parent.relative_to(docs).as_posix()) \
                and file.stem not in ORDER:
            problems.append(unknown_lesson(file.stem, f"docs/{path}"))
    return problems


def check_pages(layout: Layout, catalog: Catalog) -> list[Problem]:
    """The checks the build makes of every page, as the build makes them.

    Front matter, template code and its quiz calls, a lesson's parts, and what Markdown makes of it.
    """
    env, problems = jinja2.Environment(), []  # parses as mkdocs-macros does
    docs, extensions = layout.docs, markdown_extensions(layout)
    try:
        markdown.Markdown(**extensions)
    except Exception as error:  # an extension that is not installed, or options it refuses
        return [Problem("mkdocs.yml", *where(layout.config_text, "markdown_extensions"),
                        f"a Markdown extension cannot be loaded ({error})", "install it, or remove it from the list")]
    sources = sorted(docs.rglob("*.md")) if docs.is_dir() else []
    every_page = {page.relative_to(docs).as_posix() for page in sources}
    # Per language (None: the site's own): the quizzes its pages show, those it lacks, and its pages.
    spoken = {lang: (*catalog.in_language(lang), pages_of(every_page, catalog, layout, lang))
              for lang in [None, *layout.languages]}
    for page in sources:
        relative = page.relative_to(docs)
        path, text = f"docs/{relative.as_posix()}", page.read_text(encoding="utf-8")
        lang = relative.parts[0] if len(relative.parts) > 1 and relative.parts[0] in layout.languages else None
        quizzes, untranslated, linkable = spoken[lang]
        lesson = layout.lesson_folder(relative.parent.as_posix())
        problems += check_front_matter(text, path, lesson=lesson)
        if lesson and page.stem in ORDER:  # as the build loads each lesson (others are named by check_docs)
            problems += checked_lesson(text, path, page.stem, quizzes, removed_markup)[1]
            problems += lesson_links(text, path, linkable)
        _, body = split_front_matter(text)
        checked = check_body(body, path, body_line(text, body), env)
        problems += checked.problems + [
            Problem(path, call.line, call.col, *found) for call in checked.calls if call.name == "quiz"
            and (found := quiz_call_problem(quiz_call_arguments(call.args, dict(call.kwargs))[0], quizzes,
                                            untranslated, f"quizzes/{lang}"))]
        uri = relative.relative_to(lang).as_posix() if lang else relative.as_posix()  # as the language's build sees it
        problems += [problem for call in checked.calls if call.name == "plan_calendar"
                     for problem in read_plan(text, uri, (path, call.line, call.col), call.args, dict(call.kwargs),
                                              quizzes, untranslated, f"quizzes/{lang}")[1]]
        if not any(not p.warning for p in checked.problems):
            problems += check_content(rendered(body, layout, env, extensions), text, path, _STASHED)
    return problems


def pages_of(every_page: set[str], catalog: Catalog, layout: Layout, lang: str | None) -> set[str]:
    """The pages a page in lang may link to: its language's, and the default's (linked across)."""
    default = {page for page in every_page if page.split("/", 1)[0] not in layout.languages}
    default |= {f"quizzes/{quiz_id}.md" for quiz_id in catalog.ids}
    own = {page[len(lang) + 1:] for page in every_page if page.startswith(f"{lang}/")} if lang else set()
    return default | own


# A link to a page by its source path, as rendering._PAGE_LINK finds it in the HTML: no scheme, not
# from the root, not an anchor alone, ending in .md (and maybe an anchor).
_PAGE_LINK = re.compile(r"\]\(((?![a-z][a-z0-9+.-]*:|/|#)[^)\s]*?\.md(?:#[^)\s]*)?)\)")


def lesson_links(text: str, path: str, pages: set[str]) -> list[Problem]:
    """A lesson's front-matter links to pages the site lacks, written relative to the lesson as in its body."""
    head, _ = split_front_matter(text)
    found = []
    for match in _PAGE_LINK.finditer(head or ""):
        target = posixpath.normpath(posixpath.join("lessons", match.group(1)))
        if target.split("#", 1)[0] not in pages:
            found.append(dangling_link(path, text, match.group(1), target))
    return found


_TOKEN = secrets.token_hex(8)
_STASHED = re.compile(_TOKEN + r"-(\d+)")


def rendered(body: str, layout: Layout, env: jinja2.Environment, extensions: dict) -> str:
    """What Markdown makes of a page whose template code passed the allow-list; each macro's HTML held back."""
    def held(*args, **kwargs) -> Markup:  # the project's own HTML, put in after the check, as in the build
        return Markup(f'<div data-closer-stash="{_TOKEN}-0"></div>')
    text = env.from_string(body).render(quiz=held, learning_path=held, show_file=held, privacy_controls=held,
                                        plan_calendar=held, config={"site_url": layout.config.get("site_url") or "/"})
    return markdown.markdown(text, **extensions)


def markdown_extensions(layout: Layout) -> dict:
    """The site's Markdown extensions and their options, as arguments for Python-Markdown."""
    names, configs = ["toc", "tables", "fenced_code"], {}  # MkDocs always adds these three
    for entry in layout.config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names += [] if name in names else [str(name)]
        configs |= {name: options} if isinstance(options, dict) else {}
    return {"extensions": names, "extension_configs": configs}


if __name__ == "__main__":
    sys.exit(main())
