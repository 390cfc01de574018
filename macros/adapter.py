"""MkDocs glue, the only module that knows MkDocs and mkdocs-macros.

The `closer` plugin loads every quiz once per build, adds each quiz's own page and stops the
build with every located problem. mkdocs-macros loads this module as a pluglet for `quiz()`,
which never raises: it records problems at the page's line and column.
"""

from __future__ import annotations

import functools
import html
import logging
from pathlib import Path, PurePosixPath
import re
import secrets
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from .assets import minify_assets
from .catalog import Catalog, LoadedQuiz, load_catalog
from .export import Standalone, Worksheet, export_all, write_schema
from .problems import Problem, by_closeness
from .lessons import ORDER, Lesson, check_knowledge_check, load_lesson
from .pages import MacroCall, body_line, check_body, check_front_matter, has_markers
from .content import check_content
from .rendering import (render_file_listing, render_learning_path, render_lesson, render_privacy_controls,
                        render_quiz, render_use_panel)
from .security import PLACEHOLDER, apply_policy, template_script_hashes
from .text import MarkdownRenderer, plain, to_html

log = logging.getLogger("mkdocs.plugins.closer")

_NOT_RENDERED = "This page has errors: see the build output."
# What a macro may read with show_file(): the course's own sources, never the rest of the machine.
_SHOWABLE = ("docs", "quizzes")
# Files of docs/ that are not pages: the project's own assets, and pictures that cannot carry
# script (no SVG, no HTML), so no file an author adds is served as a page of the site.
_OWN_ASSETS = "assets/closer/"
_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")


class _Build:
    """What one build knows: the quizzes, the site's files and the problems found in pages."""

    def __init__(self):
        self.catalog = Catalog()
        self.lessons: dict[str, Lesson] = {}
        self.files = None
        self.page_problems: list[Problem] = []
        self.calls: dict[str, list[MacroCall]] = {}  # page uri -> its allowed macro calls, in render order
        self.quizzes_on_page: dict[str, int] = {}  # page uri -> quiz widgets so far (their ids differ)
        self.refused: set[str] = set()  # pages whose front matter failed: never rendered
        self.quiz_pages: dict[str, str] = {}  # generated page -> quiz id
        self.standalone: list[Standalone] = []  # lessons as rendered, for embeds and downloads
        self.worksheets: list[Worksheet] = []
        # HTML made from author text goes into pages after Markdown, so it is never read twice;
        # the placeholder carries a token of this build that no page can guess.
        self.token = secrets.token_hex(8)
        self.placeholder = re.compile(self.token + r"-(\d+)")
        self.stash: list[str] = []
        self.script_hashes: set[str] = set()  # inline scripts the theme and our templates write

    def problems(self) -> list[Problem]:
        return sorted(set(self.catalog.problems + self.page_problems))


_build = _Build()


class CloserPlugin(BasePlugin):
    """Quizzes from YAML: load once, give each its own page, fail the build on any problem."""

    config_scheme = (("quizzes_dir", config_options.Type(str, default="quizzes")),)
    serving = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        global _build
        _build = _Build()
        project = Path(config.config_file_path).parent
        _build.catalog = load_catalog(project / self.config["quizzes_dir"], project)
        _build.page_problems += check_quick_exit(config.extra.get("quick_exit_url"), Path(config.config_file_path))
        if self.serving:  # `mkdocs serve` injects a live-reload script no build-time hash allows
            config.extra["closer_csp"] = False
        return config

    def on_files(self, files, config):
        for quiz_id, loaded in _build.catalog.quizzes.items():
            uri = f"quizzes/{quiz_id}.md"
            if files.get_file_from_path(uri):
                _build.page_problems.append(Problem(f"docs/{uri}", 1, 1, "this page takes the URL of the "
                                                    f"quiz '{quiz_id}'", "remove it: each quiz gets its "
                                                    "own page from its file"))
                continue
            # No template code and no author text: its title and widget are put in after mkdocs-macros.
            files.append(File.generated(config, uri, content="---\nrender_macros: false\n---\n",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            _build.quiz_pages[uri] = quiz_id
        _build.files = files
        docs = Path(config.docs_dir)
        for file in files:
            source = Path(file.abs_src_path) if file.abs_src_path else None
            if source is None or not source.is_relative_to(docs):
                continue  # the theme's own files
            if source.is_symlink() or not source.resolve().is_relative_to(docs.resolve()):
                _build.page_problems.append(Problem(_page_file(file), 1, 1, "this file links to a file outside "
                                                    "docs/", "put the file itself in docs/"))
            elif not (file.is_documentation_page() or file.src_uri.startswith(_OWN_ASSETS)
                      or file.src_uri.lower().endswith(_PICTURES)):
                _build.page_problems.append(Problem(_page_file(file), 1, 1, "this kind of file is not allowed "
                                                    "in docs/", "write pages in Markdown; add pictures as "
                                                    + ", ".join(_PICTURES)))
        for file in files.documentation_pages():
            if file.src_uri in _build.quiz_pages:
                continue
            problems = check_front_matter(file.content_string, _page_file(file),
                                          lesson=PurePosixPath(file.src_uri).parent.as_posix() == "lessons")
            _build.page_problems.extend(problems)
            if any(not p.warning for p in problems):
                _build.refused.add(file.src_uri)
        _build.catalog.check_links({f.src_uri for f in files.documentation_pages()})
        _load_lessons(files)
        return files

    def on_nav(self, nav, config, files):
        # Titles given in mkdocs.yml's nav are written into every page as HTML: make them text.
        def escape(items):
            for item in items:
                if "title" in vars(item) and isinstance(item.title, str):  # set from the config
                    item.title = html.escape(item.title, quote=False)
                escape(getattr(item, "children", None) or [])
        escape(nav.items)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        markdown = self._page_markdown(markdown, page, config)
        # The theme writes page titles and descriptions into HTML as they are: make them text.
        # (The header writes the front-matter title, so it takes the escaped title too.)
        meta = page.meta
        if isinstance(meta.get("description"), str):
            meta["description"] = html.escape(meta["description"])
        if "title" in meta or page.file.src_uri in _build.quiz_pages:
            meta["title"] = page.title
        return markdown

    def _page_markdown(self, markdown, page, config) -> str:
        """A page's Markdown with what Closer adds; page.title becomes escaped text."""
        if isinstance(page.meta.get("title"), str):
            page.title = html.escape(page.meta["title"], quote=False)
        quiz_id = _build.quiz_pages.get(page.file.src_uri)
        if quiz_id is not None:
            loaded = _build.catalog.quizzes[quiz_id]
            title = plain(loaded.quiz.title)
            page.title = html.escape(title, quote=False)
            widget = render_quiz(loaded, level=1, link=lambda target: _link(page, target), link_title=_link_title)
            return _stash(widget) + "\n\n" + _stash(_use_panel(page, config, "quizzes", quiz_id, "quiz", title))
        lesson = _build.lessons.get(page.file.src_uri)
        if lesson is None:
            return markdown
        page.title = html.escape(lesson.title, quote=False)
        page.meta["description"] = plain(lesson.parts.description)
        return _lesson_markdown(lesson, markdown, page, config)

    def on_page_content(self, html, page, config, files):
        _build.page_problems.extend(check_content(html, page.file.content_string, _page_file(page),
                                                  _build.placeholder))
        html = _unstash(html)
        lesson = _build.lessons.get(page.file.src_uri)
        if lesson is not None:
            alone = Standalone("lessons", lesson.slug, lesson.title, html, page.url, page.url,
                               f"the lesson “{lesson.title}”")
            _build.standalone.append(alone)
            exercise = lesson.parts.exercise
            _build.worksheets.append(Worksheet(alone, ORDER.index(lesson.slug) + 1, len(ORDER),
                                               Markup(to_html(exercise.title, True)), exercise.minutes))
        return html

    def on_post_page(self, output, page, config):
        _build.script_hashes |= template_script_hashes(output, page.content)
        return output

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):  # the theme's own pages, such as 404.html
            _build.script_hashes |= template_script_hashes(output_content, "")
        return output_content

    def on_env(self, env, config, files):
        problems = _build.problems()
        for problem in problems:
            if problem.warning:
                log.warning(str(problem))
        errors = [str(p) for p in problems if not p.warning]
        if errors:
            raise PluginError(f"{len(errors)} problem(s) in quizzes or pages:\n" + "\n".join(errors))
        return env

    def on_post_build(self, config):
        site = Path(config.site_dir)
        if not self.serving:  # `mkdocs serve` keeps the commented sources, for debugging
            minify_assets(site)
        items = _build.standalone + [_quiz_standalone(loaded) for loaded in _build.catalog.quizzes.values()]
        downloads_policy = export_all(site, _site_url(config), items, _build.worksheets,
                                      None if self.serving else PLACEHOLDER)
        write_schema(site, _site_url(config))
        if not self.serving:
            apply_policy(site, _build.script_hashes, downloads_policy)


def check_quick_exit(url, config_file: Path) -> list[Problem]:
    """The quick exit must lead to an https: page: it is written into every page's header."""
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    match = re.search(r"^[ \t]*quick_exit_url[ \t]*:[ \t]*", text, re.M)
    line, col = (text.count("\n", 0, match.end()) + 1, match.end() - text.rfind("\n", 0, match.end())) \
        if match else (1, 1)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts and parts.scheme == "https" and parts.hostname and not re.search(r"[\s\x00-\x1f\x7f\"'<>\\]", url):
        return []
    what = "extra.quick_exit_url is missing" if url is None else f"extra.quick_exit_url '{str(url)[:60]}' " \
        "is not an https: address"
    return [Problem(config_file.name, line, col, what, "set it to the https: address of a neutral site, like "
                    "https://www.bbc.com/weather")]


def _site_url(config) -> str:
    return (config.site_url or "/").rstrip("/") + "/"


def _quiz_standalone(loaded: LoadedQuiz) -> Standalone:
    """A quiz on its own, crediting its lesson when it is a lesson's knowledge check."""
    page_url = f"quizzes/{loaded.id}/"
    html = render_quiz(loaded, level=1, link=lambda target: _site_path(target) or page_url,
                       link_title=_link_title)
    title = plain(loaded.quiz.title)
    lesson = next((lesson for lesson in _build.lessons.values() if lesson.quiz_id == loaded.id), None)
    if lesson is not None:
        return Standalone("quizzes", loaded.id, title, html, page_url, f"lessons/{lesson.slug}/",
                          f"the lesson “{lesson.title}”")
    return Standalone("quizzes", loaded.id, title, html, page_url, page_url, f"“{title}”")


def _site_path(target: str) -> str | None:
    """The site-relative URL of a docs-relative page path (links were checked when the site built)."""
    file = _target_file(target)
    if file is None:
        return None
    return file.url + _anchor(target)


def _anchor(target: str) -> str:
    """The '#…' part of a docs-relative link, or nothing."""
    return "#" + target.split("#", 1)[1] if "#" in target else ""


def _use_panel(page, config, kind: str, name: str, noun: str, title: str) -> str:
    site_url = _site_url(config)
    return render_use_panel(
        noun=noun, name=name, title=title, embed_src=f"{site_url}embed/{kind}/{name}/",
        host_script=f"{site_url}assets/closer/embed.js",
        embed_url=get_relative_url(f"embed/{kind}/{name}/", page.file.url),
        download_url=get_relative_url(f"downloads/{kind}/{name}.html", page.file.url),
        practice_url=_link(page, "practice.md"),
        worksheet_url=get_relative_url(f"worksheets/{name}/", page.file.url) if kind == "lessons" else None)


def _load_lessons(files) -> None:
    """Validate every lesson once per build and check each has its knowledge check."""
    renderer = MarkdownRenderer()
    for file in files.documentation_pages():
        path = PurePosixPath(file.src_uri)
        if path.parent.as_posix() != "lessons" or path.name == "index.md":
            continue
        where = f"docs/{file.src_uri}"
        if path.stem not in ORDER:
            _build.page_problems.append(Problem(where, 1, 1, f"'{path.stem}' is not one of the course's lessons",
                                                "lesson URLs are fixed: " + ", ".join(by_closeness(path.stem, ORDER)[:3])
                                                + " are the closest"))
            continue
        lesson, problems = load_lesson(file.content_string, where, path.stem, renderer)
        _build.page_problems.extend(problems)
        if lesson is not None:
            loaded = _build.catalog.quizzes.get(lesson.quiz_id)
            if loaded is None and lesson.quiz_id in _build.catalog.ids:
                continue  # the quiz file has errors of its own, already reported
            missing = check_knowledge_check(lesson, loaded.quiz if loaded else None)
            _build.page_problems.extend(missing)
            if not missing:
                _build.lessons[file.src_uri] = lesson


def _landed_lessons() -> list[Lesson]:
    by_slug = {lesson.slug: lesson for lesson in _build.lessons.values()}
    return [by_slug[slug] for slug in ORDER if slug in by_slug]


def _lesson_markdown(lesson: Lesson, body: str, page, config) -> str:
    landed = _landed_lessons()
    index = landed.index(lesson)

    def neighbour(other: Lesson | None):
        if other is None:
            return None
        return {"url": get_relative_url(f"lessons/{other.slug}/", page.file.url), "title": other.title}

    copies = _build.quizzes_on_page.get(page.file.src_uri, 0) + 1  # after any quiz() calls in the body
    quiz_html = render_quiz(_build.catalog.quizzes[lesson.quiz_id], level=3, instance=copies,
                            link=lambda target: _link(page, target), link_title=_link_title)
    return render_lesson(lesson, body, quiz_html, ORDER.index(lesson.slug) + 1, len(ORDER),
                         neighbour(landed[index - 1] if index > 0 else None),
                         neighbour(landed[index + 1] if index + 1 < len(landed) else None),
                         _use_panel(page, config, "lessons", lesson.slug, "lesson", lesson.title), _stash)


def _page_file(page_or_file) -> str:
    file = getattr(page_or_file, "file", page_or_file)
    return f"docs/{file.src_uri}"


def on_pre_page_macros(env) -> None:
    """Check a page's template code before mkdocs-macros renders it; a refused page is never rendered."""
    page = env.page
    uri = page.file.src_uri
    if uri in _build.quiz_pages:
        return  # generated without template code, and marked so mkdocs-macros leaves it alone
    _build.quizzes_on_page[uri] = 0
    first_line = body_line(page.file.content_string, env.markdown)
    check = check_body(env.markdown, _page_file(page), first_line, env.env)
    _build.page_problems.extend(check.problems)
    _build.calls[uri] = check.calls
    if has_markers(page.title or ""):  # mkdocs-macros would render it after the body
        if uri not in _build.refused:  # a front-matter title is reported where it is written
            _build.page_problems.append(Problem(_page_file(page), 1, 1, "template marker in the page's title "
                                                "(from mkdocs.yml's nav)", "write the title as plain text"))
        page.title = _NOT_RENDERED
    if check.problems or uri in _build.refused:
        env.markdown = _NOT_RENDERED


def _macro_call(page, name: str) -> tuple[int, int]:
    """The file position of this page's next call of the macro name (calls render in file order)."""
    calls = _build.calls.get(page.file.src_uri, [])
    index = next((i for i, call in enumerate(calls) if call.name == name), None)
    if index is None:
        return 1, 1
    call = calls.pop(index)
    return call.line, call.col


def _never_raises(env, macro):
    """The macro, given its page and position, recording a located problem instead of raising.

    mkdocs-macros would print a traceback and exit on an exception.
    """
    @functools.wraps(macro)
    def guarded(*args, **kwargs):
        page = env.page
        line, col = _macro_call(page, macro.__name__)
        try:
            return macro(page, line, col, *args, **kwargs)
        except Exception as err:  # noqa: BLE001 - every failure becomes a line of the build's report
            _build.page_problems.append(Problem(_page_file(page), line, col, f"{macro.__name__}() failed: "
                                                f"{type(err).__name__}", "check its arguments against the "
                                                "authoring guide"))
            return ""
    return guarded


def define_env(env) -> None:
    """Register quiz(), learning_path() and show_file() with mkdocs-macros."""
    guard = functools.partial(_never_raises, env)
    root = Path(env.project_dir).resolve()
    showable = [root / folder for folder in _SHOWABLE]

    @env.macro
    @guard
    def show_file(page, line, col, path: str, part: str | None = None) -> str:
        """A course file as written, or a lesson's front matter: the authoring guide's examples are real."""
        file = (root / path).resolve() if isinstance(path, str) and "\0" not in path else None
        if (file is None or not any(folder in file.parents for folder in showable) or not file.is_file()
                or part not in (None, "front matter")):
            _build.page_problems.append(Problem(_page_file(page), line, col, f"show_file() cannot show '{path}'",
                                                "name a file under docs/ or quizzes/, like "
                                                "quizzes/sample-knowledge-check.yml, and part=\"front matter\" "
                                                "only for a lesson"))
            return ""
        text = file.read_text(encoding="utf-8")
        if part == "front matter":
            text = "---\n" + text.split("---", 2)[1].strip("\n") + "\n---"
        return _stash(render_file_listing(path, text))

    @env.macro
    @guard
    def privacy_controls(page, line, col) -> str:
        return _stash(render_privacy_controls())

    @env.macro
    @guard
    def learning_path(page, line, col) -> str:
        return _stash(render_learning_path([
            {"slug": lesson.slug, "url": get_relative_url(f"lessons/{lesson.slug}/", page.file.url),
             "title": lesson.title, "description": lesson.parts.description, "minutes": lesson.minutes}
            for lesson in _landed_lessons()]))

    @env.macro
    @guard
    def quiz(page, line, col, *args, **kwargs) -> str:
        uri = page.file.src_uri
        nth = _build.quizzes_on_page.get(uri, 0)
        _build.quizzes_on_page[uri] = nth + 1

        def problem(what: str, fix: str) -> str:
            _build.page_problems.append(Problem(_page_file(page), line, col, what, fix))
            return ""

        level = kwargs.pop("level", 2)
        quiz_id = args[0] if len(args) == 1 and not kwargs else kwargs.get("id") if not args else None
        if not isinstance(quiz_id, str) or (len(kwargs) > (1 if "id" in kwargs else 0)) or level not in (1, 2, 3):
            return problem("quiz() takes one quiz id", 'write {{ quiz("<id>") }} with the id of a file '
                           "in quizzes/")
        catalog = _build.catalog
        loaded = catalog.quizzes.get(quiz_id)
        if loaded is None:
            if quiz_id in catalog.ids:
                return ""  # the quiz file itself has errors, already reported at their lines
            ids = by_closeness(quiz_id, catalog.ids)
            return problem(f"unknown quiz '{quiz_id}'",
                           ("quizzes that exist, closest first: " + ", ".join(ids)) if ids
                           else "add quizzes/" + quiz_id + ".yml")
        return _stash(render_quiz(loaded, level=level, instance=nth + 1,
                                  link=lambda target: _link(page, target), link_title=_link_title))


def _stash(finished_html: str) -> Markup:
    """A placeholder for Markdown to pass through; the finished HTML replaces it in on_page_content.

    HTML made from author text must not be read as Markdown a second time, and Markdown would
    only re-read a finished widget (a fifth of the quiz cost of a build).
    """
    _build.stash.append(finished_html)
    return Markup(f'<div data-closer-stash="{_build.token}-{len(_build.stash) - 1}"></div>')


def _unstash(page_html: str) -> str:
    placeholder = re.compile(f'<div data-closer-stash="{_build.placeholder.pattern}"></div>')
    return placeholder.sub(lambda match: _build.stash[int(match.group(1))], page_html)


def _target_file(target: str):
    return _build.files.get_file_from_path(target.split("#", 1)[0]) if _build.files else None


def _link(page, target: str) -> str:
    """The URL of a docs-relative page path, relative to the page being rendered."""
    file = _target_file(target)
    if file is None:
        _build.page_problems.append(Problem(_page_file(page), 1, 1, f"a quiz on this page links to "
                                            f"'{target}', which is not a page of the site",
                                            "in quiz text, name pages by their path under docs/, "
                                            "like lessons/trust.md"))
        return target
    return get_relative_url(file.url, page.file.url) + _anchor(target)


def _link_title(target: str) -> str:
    """The target page's title, or a readable form of its file name."""
    file = _target_file(target)
    if file is not None and file.page is not None and file.page.title:
        return html.unescape(file.page.title)  # page titles are kept as escaped HTML; the widget escapes
    stem = Path(target.split("#", 1)[0]).stem
    return "Home" if stem == "index" else stem.replace("-", " ").capitalize()
