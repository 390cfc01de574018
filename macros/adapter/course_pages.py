"""The course's pages as MkDocs builds them: each quiz's own page, lesson pages, and their parts."""

from __future__ import annotations

import html
from pathlib import Path, PurePosixPath
import posixpath
from typing import Callable

from mkdocs.utils import get_relative_url

from ..engine.lessons import ORDER, Lesson, checked_lesson, unknown_lesson
from ..publish.export import SiteFacts
from ..publish.site import course_page as site_course_page
from ..publish.site import page_address, publish, quiz_panel
from ..publish.site import use_panel as site_use_panel
from ..publish.urls import absolute_url
from ..render.rendering import render_lesson, render_quiz
from ..render.text import plain, removed_markup
from .build import Build, page_file
from .languages import parent
from .sidebars import shared_sidebars


def site_url(config) -> str:
    return (config.site_url or "/").rstrip("/") + "/"


def course_page(build: Build, config, target: str, page=None) -> str | None:
    """One of the course's own pages, linked from page (absolute without one), as `publish.site.course_page`."""
    here = None
    if build.target_file(target) is not None:
        here = build.link(page, target) if page is not None else page_address(build, site_url(config), target)
    elif (found := build.elsewhere(target, page.file.url if page is not None else "")) is not None:
        here = found[0] if page is not None else absolute_url(site_url(config), found[0])  # the default language's
    return site_course_page(target, here, build.course_url)


def widget(build: Build, page, loaded, *, level: int, instance: int = 1) -> str:
    """A quiz's widget on a page of the site, its links relative to that page."""
    return render_quiz(loaded, level=level, instance=instance, link=lambda target: build.link(page, target),
                       link_title=build.link_title, privacy=course_page(build, None, "privacy.md", page),
                       note=build.elsewhere_note)


def quiz_page_markdown(build: Build, page, config, quiz_id: str) -> str:
    """A quiz's own page: its widget and the panel for coaches; page.title becomes escaped text."""
    loaded = build.catalog.quizzes[quiz_id]
    title = plain(loaded.quiz.title)
    page.title = html.escape(title, quote=False)
    page.closer_sidebars = shared_sidebars(build)  # the theme renders them once for the quiz pages beside it
    panel = use_panel(build, page, config, "quizzes", quiz_id, title)
    return build.stash(widget(build, page, loaded, level=1), searchable=False) + "\n\n" + build.stash(panel)


def lesson_markdown(build: Build, lesson: Lesson, body: str, page, config) -> str:
    """A lesson page's Markdown: its parts around the body, then its knowledge check."""
    landed = build.landed_lessons()
    index = landed.index(lesson)

    def neighbour(other: Lesson | None):
        if other is None:
            return None
        return {"url": get_relative_url(f"lessons/{other.slug}/", page.file.url), "title": plain(other.parts.title)}

    copies = build.quizzes_on_page.get(page.file.src_uri, 0) + 1  # after any quiz() calls in the body
    quiz_html = widget(build, page, build.catalog.quizzes[lesson.quiz_id], level=3, instance=copies)
    return render_lesson(lesson, body, quiz_html, lesson.number, len(ORDER),
                         neighbour(landed[index - 1] if index > 0 else None),
                         neighbour(landed[index + 1] if index + 1 < len(landed) else None),
                         use_panel(build, page, config, "lessons", lesson.slug, plain(lesson.parts.title)), build.stash,
                         lesson_link(build, page))


def lesson_link(build: Build, page) -> Callable[[str], str]:
    """Points a link in a lesson's front matter, written relative to its file as in its body, from the page."""
    folder = posixpath.dirname(page.file.src_uri)
    return lambda target: build.link(page, posixpath.normpath(posixpath.join(folder, target)), written=target)


def use_panel(build: Build, page, config, kind: str, name: str, title: str) -> str:
    """The panel for coaches of a lesson's page (kind "lessons") or a quiz's ("quizzes")."""
    if kind == "lessons":  # a lesson's knowledge check is the one whose questions Moodle can import
        check = next((lesson.quiz_id for lesson in build.lessons.values() if lesson.slug == name), None)
        offers = {"noun": "lesson", "check": check, "cards": None}
    else:
        offers = quiz_panel(build.catalog.quizzes[name])
    return site_use_panel(kind, name, offers["noun"], title, page.file.url, site_url(config), config.site_name,
                          course_page(build, config, "practice.md", page), offers["check"], get_relative_url,
                          build.elsewhere_note("practice.md") or "", offers["cards"])


def load_lessons(build: Build, files) -> None:
    """Validate every lesson once per build and check each has its knowledge check."""
    for file in files.documentation_pages():
        path = PurePosixPath(file.src_uri)
        if path.parent.as_posix() != "lessons" or path.name == "index.md":
            continue
        where = page_file(file)
        if path.stem not in ORDER:
            build.page_problems.append(unknown_lesson(path.stem, where))
            continue
        lesson, problems = checked_lesson(build.source(file), where, path.stem, build.catalog, removed_markup)
        build.page_problems.extend(problems)
        if lesson is not None:
            build.lessons[file.src_uri] = lesson


def publish_site(build: Build, config, serving: bool, languages, published: dict | None,
                 changed: tuple[set[str], set[str]] | None = None) -> None:
    """A language's exports and headers, and in the default language the policy over every language."""
    facts = SiteFacts(site_url(config), config.site_name, config.extra["quick_exit_url"],
                      course_page(build, config, "privacy.md"), course_page(build, config, "right-for-you.md"),
                      bool(build.lessons))
    downloads_policy = publish(Path(config.site_dir), facts, build.catalog, list(build.lessons.values()),
                               build.standalone, build.worksheets, build, build.script_hashes, serving,
                               published, policy=languages.is_default, changed=changed)
    if not languages.is_default:
        parent().published[languages.current] = (build.script_hashes, downloads_policy)
