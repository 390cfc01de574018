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


def script_sources() -> list[Path]:
    """Every script of the bundle, in order."""
    return [COMPONENTS / "core" / "words.js", COMPONENTS / "core" / "core.js", COMPONENTS / "core" / "kept.js",
            *(COMPONENTS / name for name in ORDER), COMPONENTS / "core" / "start.js"]


def _joined(paths: list[Path]) -> str:
    """The files one after another, each headed by its path, so the built file names its sources."""
    return "\n".join(f"/* ---- {path.relative_to(COMPONENTS).as_posix()} ---- */\n"
                     + path.read_text(encoding="utf-8").strip() + "\n" for path in paths)


def bundle_script(sources: list[Path] | None = None, lang: str = DEFAULT) -> str:
    """The one script a language's pages load: every component's source (or those given) inside one strict function."""
    return (HEADER + '(function () {\n"use strict";\n\n' + _words(lang) + _joined(sources or script_sources())
            + "})();\n")


def _words(lang: str) -> str:
    """The language's messages for the scripts (words.js reads them), and its plural rule as code.

    The rule comes from Babel's locale data, checked to hold only n, digits and operators, never
    from a catalog; the messages are JSON, with "<" escaped so no text can close the script.
    """
    messages, rule = browser_messages(lang)
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


def bundle_stylesheet(parts: list[str] = STYLE_ORDER) -> str:
    """The one stylesheet pages load (or one of the parts given), its components' styles one after another."""
    return _joined([COMPONENTS / part for part in parts])
