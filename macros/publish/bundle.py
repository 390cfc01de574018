"""The browser code and styles: one file per component plus the core, bundled into what pages load.

Each file is plain declarations; the bundle puts the core first, the components in `ORDER`,
and the start-up last, inside one function, so they share the core's names and the page gets
no global. The bundle is made at build time and never kept in the repository; minifying is left
to `assets.minify_assets`, like every other asset. One script and one stylesheet, so
every page after the first loads both from the browser's cache.
"""

from __future__ import annotations

import json
from pathlib import Path
import re

from ..messages import DEFAULT, browser_messages
from ..render.rendering import COMPONENTS

SCRIPT_NAME = "closer.js"  # in assets/closer/ of the built site, like the stylesheets below
ORDER = [  # after the core's own files, before core/start.js; scoring.js before the widget that uses it
    "frame-guard/frame-guard.js",  # first: a page in another site's frame hides before anything starts
    "knowledge-check/knowledge-check.js",
    "deck/deck.js",
    "chart/chart.js",
    "self-assessment/scoring.js",
    "self-assessment/results.js",
    "self-assessment/reserved-room.js",
    "self-assessment/screen-clear.js",
    "self-assessment/compare.js",
    "history/history.js",
    "history/history-view.js",
    "self-assessment/self-assessment.js",
    "privacy-controls/backup.js",
    "privacy-controls/privacy-controls.js",
    "plan-calendar/ics.js",  # before the control that writes its file
    "plan-calendar/plan-calendar.js",
    "journal/journal.js",
    "quick-exit/quick-exit.js",
    "search-name/search-name.js",
    "scroll-regions/scroll-regions.js",
    "lesson-progress/lesson-progress.js",
    "use-panel/use-panel.js",
    "worksheet/worksheet.js",
    "embed-frame/embed-frame.js",
]
HEADER = """/* Closer's browser code, bundled from macros/components/ (one file per component).
   No dependencies, no globals. Answers stay in this browser (localStorage), never sent anywhere. */
"""


# What a component folder serves, when it is not every page: a quiz kind (named as the kinds
# registry names it) or a feature a site may lack. A site's bundle holds only what its pages can
# use (`site_needs`), so a coach's site of knowledge checks does not carry the course's decks,
# check-in, journal and calendar. Folders not named here (core, quick exit, frame guard, use
# panel, embeds) serve every site.
NEEDS = {
    "knowledge-check": "knowledge-check", "deck": "deck",
    "self-assessment": "self-assessment", "chart": "self-assessment", "history": "self-assessment",
    "lesson": "lessons", "lesson-progress": "lessons", "learning-path": "lessons", "journal": "lessons",
    "privacy-controls": "privacy-controls", "plan-calendar": "plan-calendar", "home": "home",
}
NEEDED_TOO = {"privacy-controls": "lessons"}  # a backup is bounded by the journal's largest note (journal.js)
MACRO_NEEDS = {"plan_calendar": "plan-calendar", "privacy_controls": "privacy-controls", "learning_path": "lessons"}
MACRO_CALL = re.compile(r"\{\{-?\s*(" + "|".join(MACRO_NEEDS) + r")\s*\(")


def site_needs(kinds: set[str], has_lessons: bool, has_home: bool, page_sources: list[str]) -> frozenset[str]:
    """What a site's pages can use: its quizzes' kinds, its lessons and home, and the macros its pages call."""
    needs = set(kinds) | ({"lessons"} if has_lessons else set()) | ({"home"} if has_home else set())
    needs |= {MACRO_NEEDS[name] for source in page_sources for name in MACRO_CALL.findall(source)}
    return frozenset(needs | {NEEDED_TOO[need] for need in needs if need in NEEDED_TOO})


def _serves(part: str, needs: frozenset[str] | None) -> bool:
    need = NEEDS.get(part.split("/")[0])
    return needs is None or need is None or need in needs


def script_sources(needs: frozenset[str] | None = None) -> list[Path]:
    """The scripts of the bundle (of every part, or of the parts that serve needs), in order."""
    return [COMPONENTS / "core" / "words.js", COMPONENTS / "core" / "core.js", COMPONENTS / "core" / "kept.js",
            *(COMPONENTS / name for name in ORDER if _serves(name, needs)), COMPONENTS / "core" / "start.js"]


def _joined(paths: list[Path]) -> str:
    """The files one after another, each headed by its path, so the built file names its sources."""
    return "\n".join(f"/* ---- {path.relative_to(COMPONENTS).as_posix()} ---- */\n"
                     + path.read_text(encoding="utf-8").strip() + "\n" for path in paths)


def bundle_script(sources: list[Path] | None = None, lang: str = DEFAULT) -> str:
    """The one script a language's pages load: every component's source (or those given) inside one strict function."""
    sources = sources or script_sources()
    return (HEADER + '(function () {\n"use strict";\n\n' + _words(lang, sources) + _joined(sources) + "})();\n")


def _words(lang: str, sources: list[Path]) -> str:
    """The language's messages for the scripts (words.js reads them), and its plural rule as code.

    Only the messages of the scripts bundled travel. The rule comes from Babel's locale data,
    checked to hold only n, digits and operators, never from a catalog; the messages are JSON,
    with "<" escaped so no text can close the script.
    """
    scripts = frozenset(f"components/{path.relative_to(COMPONENTS).as_posix()}" for path in sources)
    messages, rule = browser_messages(lang, scripts)
    data = json.dumps(messages, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return (f"/* ---- messages/{lang}.po: the texts the scripts show ---- */\nvar MESSAGES = {data};\n"
            f"function pluralForm(n) {{ return Number({rule}); }}\n")


STYLESHEET_NAME = "closer.css"  # the one stylesheet every page loads, beside the script
STYLE_ORDER = [  # the cascade's order: site-wide adjustments first, then components
    "core/theme.css", "quick-exit/quick-exit.css", "lesson/lesson.css", "lesson-progress/lesson-progress.css",
    "learning-path/learning-path.css", "home/home.css", "use-panel/use-panel.css", "core/quiz.css",
    "knowledge-check/knowledge-check.css", "deck/deck.css", "chart/chart.css", "history/history.css", "journal/journal.css", "self-assessment/self-assessment.css", "embed-frame/embed-frame.css",
    "plan-calendar/plan-calendar.css",
]


def bundle_stylesheet(parts: list[str] = STYLE_ORDER, needs: frozenset[str] | None = None) -> str:
    """The one stylesheet pages load (or the parts given, or those that serve needs), one style after another."""
    return _joined([COMPONENTS / part for part in parts if _serves(part, needs)])


def site_bundle(needs: frozenset[str], lang: str) -> dict[str, str]:
    """A site's script and stylesheet by name, each with the parts that serve needs."""
    return {SCRIPT_NAME: bundle_script(script_sources(needs), lang=lang), STYLESHEET_NAME: bundle_stylesheet(needs=needs)}
