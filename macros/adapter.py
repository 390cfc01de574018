"""MkDocs glue, the only module that knows MkDocs and mkdocs-macros.

The `closer` plugin loads every quiz once per build, adds each quiz's own page and stops the
build with every located problem. mkdocs-macros loads this module as a pluglet for `quiz()`,
which never raises: it records problems at the page's line and column.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path, PurePosixPath
import re

import jinja2
from jinja2 import meta
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from .assets import minify_assets
from .catalog import Catalog, LoadedQuiz, load_catalog
from markupsafe import Markup

from .export import Standalone, Worksheet, export_all, write_schema
from .problems import Problem, by_closeness
from .lessons import ORDER, Lesson, check_knowledge_check, load_lesson
from .rendering import render_file_listing, render_learning_path, render_lesson, render_quiz, render_use_panel
from .security import PLACEHOLDER, apply_policy
from .text import MarkdownRenderer, plain_text

log = logging.getLogger("mkdocs.plugins.closer")

_QUIZ_CALL = re.compile(r"\bquiz\s*\(")
_SHOW_FILE_CALL = re.compile(r"\bshow_file\s*\(")
_WIDGET = re.compile(r'<div data-closer-widget="(\d+)"></div>')
_NOT_RENDERED = "This page has errors: see the build output."


class _Build:
    """What one build knows: the quizzes, the site's files and the problems found in pages."""

    def __init__(self):
        self.catalog = Catalog()
        self.lessons: dict[str, Lesson] = {}
        self.files = None
        self.page_problems: list[Problem] = []
        self.calls: dict = {}  # page uri (or uri and macro) -> calls so far
        self.quiz_pages: dict[str, str] = {}  # generated page -> quiz id
        self.standalone: list[Standalone] = []  # lessons as rendered, for embeds and downloads
        self.worksheets: list[Worksheet] = []
        self.widgets: list[str] = []  # rendered widgets, put back into pages after Markdown

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
            # The theme writes page titles into navigation and <title> as HTML: escape the text.
            title = json.dumps(html.escape(plain_text(loaded.quiz.title)))
            body = f'---\ntitle: {title}\n---\n\n{{{{ quiz("{quiz_id}", level=1) }}}}\n'
            files.append(File.generated(config, uri, content=body, inclusion=InclusionLevel.NOT_IN_NAV))
            _build.quiz_pages[uri] = quiz_id
        _build.files = files
        _build.catalog.check_links({f.src_uri for f in files.documentation_pages()})
        _load_lessons(files)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # The theme writes page titles and descriptions into HTML as they are: make them text.
        meta = page.meta
        if isinstance(meta.get("title"), str):
            page.title = html.escape(meta["title"], quote=False)
        if isinstance(meta.get("description"), str):
            meta["description"] = html.escape(meta["description"])
        quiz_id = _build.quiz_pages.get(page.file.src_uri)
        if quiz_id is not None:
            return markdown + "\n\n" + _use_panel(page, config, "quizzes", quiz_id, "quiz",
                                                   plain_text(_build.catalog.quizzes[quiz_id].quiz.title))
        lesson = _build.lessons.get(page.file.src_uri)
        if lesson is None:
            return markdown
        page.title = html.escape(lesson.title, quote=False)
        meta["description"] = html.escape(plain_text(lesson.parts.description))
        return _lesson_markdown(lesson, markdown, page, config)

    def on_page_content(self, html, page, config, files):
        html = _WIDGET.sub(lambda match: _build.widgets[int(match.group(1))], html)
        lesson = _build.lessons.get(page.file.src_uri)
        if lesson is not None:
            alone = Standalone("lessons", lesson.slug, lesson.title, html, page.url, page.url,
                               f"the lesson “{lesson.title}”")
            _build.standalone.append(alone)
            exercise = lesson.parts.exercise
            _build.worksheets.append(Worksheet(alone, ORDER.index(lesson.slug) + 1, len(ORDER),
                                               Markup(exercise.title), exercise.minutes))
        return html

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
            apply_policy(site, downloads_policy)


def _site_url(config) -> str:
    return (config.site_url or "/").rstrip("/") + "/"


def _quiz_standalone(loaded: LoadedQuiz) -> Standalone:
    """A quiz on its own, crediting its lesson when it is a lesson's knowledge check."""
    page_url = f"quizzes/{loaded.id}/"
    html = render_quiz(loaded, level=1, link=lambda target: _site_path(target) or page_url,
                       link_title=_link_title)
    title = plain_text(loaded.quiz.title)
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

    copies = _build.calls.get(page.file.src_uri, 0) + 1  # after any quiz() calls in the body
    quiz_html = render_quiz(_build.catalog.quizzes[lesson.quiz_id], level=3, instance=copies,
                            link=lambda target: _link(page, target), link_title=_link_title)
    return render_lesson(lesson, body, _past_markdown(quiz_html), ORDER.index(lesson.slug) + 1, len(ORDER),
                         neighbour(landed[index - 1] if index > 0 else None),
                         neighbour(landed[index + 1] if index + 1 < len(landed) else None),
                         _use_panel(page, config, "lessons", lesson.slug, "lesson", lesson.title))


def _page_file(page) -> str:
    return f"docs/{page.file.src_uri}"


def _body_offset(page, markdown: str) -> int:
    """How many lines of the source file (front matter) come before the Markdown body."""
    source = page.file.content_string
    start = source.find(markdown.lstrip("\n")[:200]) if markdown.strip() else -1
    return source.count("\n", 0, start) if start > 0 else 0


def on_pre_page_macros(env) -> None:
    """Catch template mistakes before mkdocs-macros renders them (it would print a traceback)."""
    page = env.page
    _build.calls[page.file.src_uri] = 0
    offset = _body_offset(page, env.markdown)
    lines = env.markdown.splitlines()
    try:
        tree = env.env.parse(env.markdown)
    except jinja2.TemplateSyntaxError as err:
        line = lines[err.lineno - 1] if 0 < err.lineno <= len(lines) else ""
        col = max(line.find("{{"), line.find("{%"), 0) + 1
        _build.page_problems.append(Problem(_page_file(page), err.lineno + offset, col,
                                            f"template syntax error: {err.message}",
                                            "close every '{{' with '}}' and every '{%' with '%}'; "
                                            "write quiz calls like {{ quiz(\"trust-basics\") }}"))
        env.markdown = _NOT_RENDERED
        return
    known = set(env.env.globals) | set(env.variables) | set(page.meta)
    unknown = sorted(meta.find_undeclared_variables(tree) - known)
    for name in unknown:
        line_no, col = _find(lines, re.compile(rf"\b{re.escape(name)}\b"))
        _build.page_problems.append(Problem(_page_file(page), line_no + offset, col,
                                            f"unknown name '{name}' in a template",
                                            "the available macro is quiz(\"<id>\"); check the spelling"))
    if unknown:
        env.markdown = _NOT_RENDERED


def _find(lines: list[str], pattern: re.Pattern, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth match of pattern, or (1, 1)."""
    seen = 0
    for number, line in enumerate(lines, 1):
        for match in pattern.finditer(line):
            if seen == nth:
                return number, match.start() + 1
            seen += 1
    return 1, 1


def define_env(env) -> None:
    """Register quiz(), learning_path() and show_file() with mkdocs-macros."""

    @env.macro
    def show_file(path: str, part: str | None = None) -> str:
        """A project file as written, or a lesson's front matter: the authoring guide's examples are real."""
        page = env.page
        root = Path(env.project_dir).resolve()
        file = (root / path).resolve()
        counter = (page.file.src_uri, "show_file")  # quiz() counts under the page's own uri
        nth = _build.calls.get(counter, 0)
        _build.calls[counter] = nth + 1
        line, col = _find(page.file.content_string.splitlines(), _SHOW_FILE_CALL, nth)
        if root not in file.parents or not file.is_file() or part not in (None, "front matter"):
            _build.page_problems.append(Problem(_page_file(page), line, col, f"show_file() cannot show '{path}'",
                                                "name a file of the project, like quizzes/sample-knowledge-check.yml, "
                                                "and part=\"front matter\" only for a lesson"))
            return ""
        text = file.read_text(encoding="utf-8")
        if part == "front matter":
            text = "---\n" + text.split("---", 2)[1].strip("\n") + "\n---"
        return render_file_listing(path, text)

    @env.macro
    def learning_path() -> str:
        page = env.page
        return render_learning_path([
            {"slug": lesson.slug, "url": get_relative_url(f"lessons/{lesson.slug}/", page.file.url),
             "title": lesson.title, "description": lesson.parts.description, "minutes": lesson.minutes}
            for lesson in _landed_lessons()])

    @env.macro
    def quiz(*args, **kwargs) -> str:
        page = env.page
        uri = page.file.src_uri
        nth = _build.calls.get(uri, 0)
        _build.calls[uri] = nth + 1
        source_lines = page.file.content_string.splitlines()
        line, col = _find(source_lines, _QUIZ_CALL, nth)

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
        return _past_markdown(render_quiz(loaded, level=level, instance=nth + 1,
                                          link=lambda target: _link(page, target), link_title=_link_title))


def _past_markdown(widget_html: str) -> str:
    """A placeholder for Markdown to pass through; the widget replaces it in on_page_content.

    The widget is finished HTML: Markdown would only re-read it (a fifth of the quiz cost of a build).
    """
    _build.widgets.append(widget_html)
    return f'<div data-closer-widget="{len(_build.widgets) - 1}"></div>'


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
        return file.page.title
    stem = Path(target.split("#", 1)[0]).stem
    return "Home" if stem == "index" else stem.replace("-", " ").capitalize()
