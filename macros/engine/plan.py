"""A plan page's calendar, read from the page's own Markdown: one event a week, and the check-in around them.

`plan_calendar("<check-in id>")` is given only the check-in: the weeks and their lessons are read
from the plan's table on the same page (each row starts with its week's number and links that
week's lessons), so the table stays the one place they are written and an author who swaps a
lesson edits nothing else. The check-in opens the plan (week 0) and closes it, a week after the
last week begins. The build and closer-check both ask `read_plan`.
"""

from __future__ import annotations

from dataclasses import dataclass
import posixpath
import re

from .catalog import Catalog, quiz_call_problem
from .problems import Problem

DAYS_A_WEEK = 7
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r" {0,3}[|:\- \t]*-[|:\- \t]*")  # |---|:--| under a table's header
_CELL_EDGE = re.compile(r"^\s*\||(?<!\\)\|\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_WEEK = re.compile(r"\d{1,2}")
# A link to a page by its source path, as the page's Markdown writes it: [text](lessons/trust.md).
_PAGE_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\(((?![a-z][a-z0-9+.-]*:|/|#)[^)\s]*?\.md(?:#[^)\s]*)?)\)")
_FIX_TABLE = ("write the weeks as a Markdown table whose rows start with the week's number (1, 2, …) and "
              "link that week's lesson, like | 1 | [Trust](lessons/trust.md) |, as docs/plan.md does")


@dataclass(frozen=True)
class PlanPage:
    """A page an event links: its title as Markdown source, its docs-relative path, and the link as written."""

    title: str
    target: str
    written: str | None = None


@dataclass(frozen=True)
class PlanEvent:
    """One event of the calendar: "check-in" (week 0), "week" or "again" (the closing check-in)."""

    part: str
    week: int
    day: int  # days after the start
    pages: tuple[PlanPage, ...]


def read_plan(text: str, page_uri: str, where: tuple[str, int, int], args: tuple, kwargs: dict,
              catalog: Catalog, untranslated: set[str], translations_folder: str
              ) -> tuple[list[PlanEvent], list[Problem]]:
    """The calendar's events from a plan page's file text and its call's arguments, or the problems that stop it.

    where: the page's path and the call's line and column; the other arguments as quiz_call_problem takes them.
    """
    path, line, col = where
    check_in = args[0] if len(args) == 1 and not kwargs else kwargs.get("check_in") if not args and \
        set(kwargs) == {"check_in"} else None
    if not isinstance(check_in, str):
        return [], [Problem(path, line, col, "plan_calendar() takes the check-in's quiz id",
                            'write {{ plan_calendar("<id>") }} with the quiz taken in week 0 and after the last week')]
    problems = [Problem(path, line, col, *found) for found in
                [quiz_call_problem(check_in, catalog, untranslated, translations_folder)] if found]
    table = next((rows for rows in _tables(text) if any(_WEEK.fullmatch(cells[0]) for _, cells in rows)), None)
    if table is None:
        return [], problems + [Problem(path, line, col, "plan_calendar() finds no plan table on this page", _FIX_TABLE)]
    weeks, found = _weeks(table, page_uri, path)
    loaded = catalog.quizzes.get(check_in)
    if problems or found or loaded is None:  # a check-in file with errors is reported at its own lines
        return [], problems + found
    opening = (PlanPage(loaded.quiz.title, f"quizzes/{check_in}.md"),)
    last = weeks[-1][0]
    return ([PlanEvent("check-in", 0, 0, opening)]
            + [PlanEvent("week", number, number * DAYS_A_WEEK, pages) for number, pages in weeks]
            + [PlanEvent("again", last, (last + 1) * DAYS_A_WEEK, opening)]), []


def _weeks(rows: list[tuple[int, list[str]]], page_uri: str, path: str
           ) -> tuple[list[tuple[int, tuple[PlanPage, ...]]], list[Problem]]:
    """Each row's week number and lessons, numbered 1, 2, 3… in order; a problem at each row that is not."""
    weeks, problems = [], []
    for line, cells in rows:
        expected = len(weeks) + 1
        if not _WEEK.fullmatch(cells[0]) or int(cells[0]) != expected:
            problems.append(Problem(path, line, 1, f"this row of the plan's table should be week {expected}",
                                    "number the weeks 1, 2, 3… in order, one row each"))
        pages = tuple(PlanPage(title, target, written) for title, written in _PAGE_LINK.findall(" | ".join(cells))
                      if (target := posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), written)))
                      .startswith("lessons/"))
        if not pages:
            problems.append(Problem(path, line, 1, f"week {expected} of the plan's table links no lesson",
                                    "link its lesson, like [Trust](lessons/trust.md)"))
        weeks.append((expected, pages))
    return weeks, problems


def _tables(text: str) -> list[list[tuple[int, list[str]]]]:
    """Each pipe table of a page's file outside code fences: its body rows as (line, cells)."""
    lines, tables, rows, fence = text.splitlines(), [], None, None
    for number, line in enumerate(lines, 1):
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence):
            fence, rows = None if fence else opened.group(1)[0], None
        elif fence is not None:
            continue
        elif rows is not None and "|" in line and line.strip():
            rows.append((number, [cell.strip() for cell in _CELL_SPLIT.split(_CELL_EDGE.sub("", line))]))
        elif "|" in line and _DELIMITER_ROW.fullmatch(line) and number > 1 and "|" in lines[number - 2]:
            rows = []
            tables.append(rows)
        else:
            rows = None
    return tables
