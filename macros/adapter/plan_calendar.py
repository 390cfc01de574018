"""A plan page's "Add to my calendar": the events read from the page's own table, linked from the page."""

from __future__ import annotations

import yaml

from ..engine.pages import split_front_matter
from ..engine.plan import read_plan
from ..engine.problems import Problem
from ..render.rendering import render_plan_calendar
from ..render.text import plain
from .build import Build, page_file, translations_folder
from .course_pages import course_page

SAFETY_PAGE = "right-for-you.md"  # the course's safety page, as the plugin names it for every copy


def plan_calendar_html(build: Build, page, line: int, col: int, args: tuple, kwargs: dict) -> str:
    """The control, held back from Markdown, or nothing with a located problem for a call it cannot serve.

    Its links stay relative to the page, as every link of the site; the script reads them back
    absolute (the page's address resolves them), which is what a calendar file needs.
    """
    path = page_file(page)
    events, problems = read_plan(page.file.content_string, page.file.src_uri, (path, line, col), args, kwargs,
                                 build.catalog, build.untranslated, translations_folder(page))
    safety = course_page(build, None, SAFETY_PAGE, page)
    if safety is None:
        problems.append(Problem(path, line, col, f"plan_calendar() has no safety page to link ({SAFETY_PAGE})",
                                "add the page, or name the published course in the closer plugin's course_url"))
    build.page_problems.extend(problems)
    if problems or not events:
        return ""
    return build.stash(render_plan_calendar(
        [{"part": event.part, "week": event.week, "day": event.day,
          "pages": [{"url": build.link(page, linked.target, linked.written), "title": plain(linked.title)}
                    for linked in event.pages]} for event in events],
        {"url": safety, "title": _title(build, SAFETY_PAGE)}), searchable=False)


def _title(build: Build, target: str) -> str:
    """A page's title, as its links show it; one the build has not read yet (later in its order) by its front matter."""
    file = build.target_file(target)
    if file is not None and file.page is not None and file.page.title is None:
        try:
            meta = yaml.safe_load(split_front_matter(file.content_string)[0] or "")
        except yaml.YAMLError:  # reported, located, when the build reads that page
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            return meta["title"]
    return build.link_title(target)
