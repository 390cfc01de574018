"""What mkdocs-macros loads: the page check before it renders, and the macros pages may call.

Macros never raise (mkdocs-macros would print a traceback and exit): each records a located
problem instead. The build's state is the `closer` plugin's, looked up when a page renders.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..engine.catalog import quiz_call_arguments, quiz_call_problem
from ..engine.pages import MACROS, body_line, check_body, has_markers, heading_level_above
from ..engine.plain_calls import plain_calls, render_plain
from ..engine.problems import Problem
from ..messages import _
from ..render.rendering import render_file_listing, render_learning_path, render_privacy_controls
from ..render.text import plain
from .build import Build, page_file, translations_folder
from .course_pages import widget
from .plan_calendar import plan_calendar_html

# What show_file() may read: the course's own sources, never the rest of the machine.
SHOWABLE = ("docs", "quizzes")


def not_rendered() -> str:
    """What a page the build refused says, in place of its title and content (`mkdocs serve` shows it)."""
    return _("This page has errors: see the build output.")


def _build(env) -> Build:
    return env.conf.plugins["closer"].build


def on_pre_page_macros(env) -> None:
    """Check a page's template code before mkdocs-macros renders it; a refused page is never rendered."""
    build, page = _build(env), env.page
    uri = page.file.src_uri
    if uri in build.quiz_pages:
        return  # generated without template code, and marked so mkdocs-macros leaves it alone
    build.quizzes_on_page[uri] = 0
    check = check_body(env.markdown, page_file(page), body_line(page.file.content_string, env.markdown), env.env)
    build.page_problems.extend(check.problems)
    build.calls[uri] = check.calls
    if has_markers(page.title or ""):  # mkdocs-macros would render it after the body
        if uri not in build.refused:  # a front-matter title is reported where it is written
            build.page_problems.append(Problem(page_file(page), 1, 1, "template marker in the page's title "
                                               "(from mkdocs.yml's nav)", "write the title as plain text"))
        page.title = not_rendered()
    if check.problems or uri in build.refused:
        env.markdown = not_rendered()
    elif not check.has_template_code and not has_markers(page.title or ""):
        page.meta["render_macros"] = False  # nothing to render: mkdocs-macros returns the page as it is
    elif not has_markers(page.title or "") and (rendered := _rendered_plainly(env)) is not None:
        env.markdown = rendered
        page.meta["render_macros"] = False  # rendered: mkdocs-macros returns it as it is
        page.closer_rendered_plainly = True


def on_post_page_macros(env) -> None:
    """Take back the mark left on a page rendered plainly: the theme reads the page's meta, as written."""
    if getattr(env.page, "closer_rendered_plainly", False):
        del env.page.meta["render_macros"]
        env.page.closer_rendered_plainly = False


def _rendered_plainly(env) -> str | None:
    """The page with its plain macro calls rendered, as mkdocs-macros would render them; else None.

    Only calls such as {{ quiz("trust") }} (engine/plain_calls.py), of macros no page variable
    hides, on a page mkdocs-macros renders with no extension or setting that changes the output:
    Jinja then outputs each call's text between the page's own, and compiling the page as a
    template is a millisecond per lesson saved.
    """
    jinja, meta = env.env, env.page.meta
    if (meta.get("render_macros") is not None or not env.config["render_by_default"] or jinja.autoescape
            or jinja.finalize is not None or jinja.keep_trailing_newline or jinja.extensions):
        return None
    calls = plain_calls(env.markdown, jinja, MACROS)
    if calls is None or any(name in env.variables or name in meta for _s, _e, name, *_rest in calls):
        return None
    return render_plain(env.markdown, calls, lambda name, args, kwargs: env.macros[name](*args, **kwargs))


def _never_raises(env, macro):
    """The macro, given the build, its page and position, recording a located problem instead of raising."""
    @functools.wraps(macro)
    def guarded(*args, **kwargs):
        build, page = _build(env), env.page
        line, col = build.macro_call(page, macro.__name__)
        try:
            return macro(build, page, line, col, *args, **kwargs)
        except Exception as err:  # noqa: BLE001 - every failure becomes a line of the build's report
            build.page_problems.append(Problem(page_file(page), line, col, f"{macro.__name__}() failed: "
                                               f"{type(err).__name__}", "check its arguments against the "
                                               "authoring guide"))
            return ""
    return guarded


def define_env(env) -> None:
    """Register quiz(), learning_path(), show_file(), privacy_controls() and plan_calendar() with mkdocs-macros."""
    guard = functools.partial(_never_raises, env)
    root = Path(env.project_dir).resolve()
    showable = [root / folder for folder in SHOWABLE]

    @env.macro
    @guard
    def show_file(build, page, line, col, path: str, part: str | None = None) -> str:
        """A course file as written, or a lesson's front matter: the authoring guide's examples are real."""
        file = (root / path).resolve() if isinstance(path, str) and "\0" not in path else None
        if (file is None or not any(folder in file.parents for folder in showable) or not file.is_file()
                or part not in (None, "front matter")):
            build.page_problems.append(Problem(page_file(page), line, col, f"show_file() cannot show '{path}'",
                                               "name a file under docs/ or quizzes/, like "
                                               "quizzes/sample-knowledge-check.yml, and part=\"front matter\" "
                                               "only for a lesson"))
            return ""
        text = file.read_text(encoding="utf-8")
        if part == "front matter":
            text = "---\n" + text.split("---", 2)[1].strip("\n") + "\n---"
        return build.stash(render_file_listing(path, text))

    @env.macro
    @guard
    def privacy_controls(build, page, line, col) -> str:
        return build.stash(render_privacy_controls())

    @env.macro
    @guard
    def plan_calendar(build, page, line, col, *args, **kwargs) -> str:
        return plan_calendar_html(build, page, line, col, args, kwargs)

    @env.macro
    @guard
    def learning_path(build, page, line, col) -> str:
        return build.stash(render_learning_path([
            {"slug": lesson.slug, "url": get_relative_url(f"lessons/{lesson.slug}/", page.file.url),
             "title": plain(lesson.parts.title), "description": lesson.parts.description, "minutes": lesson.minutes}
            for lesson in build.landed_lessons()]))

    @env.macro
    @guard
    def quiz(build, page, line, col, *args, **kwargs) -> str:
        return _quiz(build, page, line, col, *args, **kwargs)


def _quiz(build: Build, page, line: int, col: int, *args, **kwargs) -> str:
    """A quiz widget, held back from Markdown; a located problem for a bad call."""
    uri = page.file.src_uri
    nth = build.quizzes_on_page.get(uri, 0)
    build.quizzes_on_page[uri] = nth + 1

    def problem(what: str, fix: str) -> str:
        build.page_problems.append(Problem(page_file(page), line, col, what, fix))
        return ""

    quiz_id, level = quiz_call_arguments(args, kwargs)
    if "level" not in kwargs:  # its title one level below the heading above it, so the page's outline holds
        above = heading_level_above(page.file.content_string, line)
        level = min(above + 1, 3) if above else 2
    found = quiz_call_problem(quiz_id, build.catalog, build.untranslated, translations_folder(page))
    if found is not None:
        return problem(*found)
    loaded = build.catalog.quizzes.get(quiz_id)
    if loaded is None:
        return ""  # the quiz file itself has errors, already reported at their lines
    return build.stash(widget(build, page, loaded, level=level, instance=nth + 1), searchable=False)
