"""Every component's HTML for each of its examples, compared with tests/golden/<component>/<example>.html.

A rendering change shows up as a unified diff to review; `./dev test --update-golden` rewrites
the files once the change is meant. Files hold one element per line, so diffs stay readable.
The quiz examples are the samples in quizzes/, the same files authors read.
"""

from __future__ import annotations

import difflib
import re

import pytest

from closer.render.rendering import (
    COMPONENTS,
    render_learning_path,
    render_plan_calendar,
    render_privacy_controls,
    render_quiz,
    render_use_panel,
)
from tests.support import FIXTURES, ROOT, quiz_from_text

GOLDEN = ROOT / "tests" / "golden"


def quiz(path):
    loaded, problems = quiz_from_text(path.read_bytes(), f"quizzes/{path.name}")
    assert loaded is not None, problems
    return render_quiz(loaded)


EXAMPLES = {  # component -> example -> its HTML
    "knowledge-check": {
        "sample-knowledge-check": lambda: quiz(ROOT / "quizzes" / "sample-knowledge-check.yml"),
        "scalars-as-written": lambda: quiz(FIXTURES / "valid" / "scalars-as-written.yml"),
    },
    "deck": {
        "sample-deck": lambda: quiz(ROOT / "quizzes" / "sample-deck.yml"),
        "no-levels": lambda: quiz(FIXTURES / "valid" / "deck-no-levels.yml"),
    },
    "self-assessment": {
        "sample-self-assessment": lambda: quiz(ROOT / "quizzes" / "sample-self-assessment.yml"),
        "screened": lambda: quiz(FIXTURES / "valid" / "screened.yml"),
    },
    "use-panel": {
        "lesson-with-worksheet": lambda: render_use_panel(
            noun="lesson", name="trust", title="Trust & you", site_name="Closer", embed_src="https://example.org/embed/lessons/trust/",
            host_script="https://example.org/assets/closer/embed.js", embed_url="../../embed/lessons/trust/",
            download_url="../../downloads/lessons/trust.html", practice_url="../../practice/",
            worksheet_url="../../worksheets/trust/", scorm_url="../../downloads/scorm/lessons/trust.zip",
            gift_url="../../downloads/gift/trust.txt"),
    },
    "learning-path": {
        "two-lessons": lambda: render_learning_path([
            {"slug": "trust", "url": "lessons/trust/", "title": "Trust", "minutes": 25,
             "description": "Small promises, **kept**."},
            {"slug": "conflict", "url": "lessons/conflict/", "title": "Conflict <as> care", "minutes": 30,
             "description": "Fighting fair."}]),
    },
    "privacy-controls": {"the-controls": render_privacy_controls},
    "plan-calendar": {
        "two-weeks-one-with-two-lessons": lambda: render_plan_calendar([
            {"part": "check-in", "week": 0, "day": 0, "pages": [{"url": "../quizzes/check-in/", "title": "Check-in"}]},
            {"part": "week", "week": 1, "day": 7, "pages": [{"url": "../lessons/trust/", "title": "Trust & you"}]},
            {"part": "week", "week": 2, "day": 14, "pages": [{"url": "../lessons/conflict/", "title": "Conflict"},
                                                             {"url": "../lessons/repair/", "title": "<Repair>"}]},
            {"part": "again", "week": 2, "day": 21, "pages": [{"url": "../quizzes/check-in/", "title": "Check-in"}]}],
            {"url": "../right-for-you/", "title": "Is this course right for you now?"}),
    },
}
CASES = [(component, example) for component, examples in EXAMPLES.items() for example in examples]


def one_element_per_line(html: str) -> str:
    return re.sub(r">\s*<", ">\n<", html.strip()) + "\n"


@pytest.mark.parametrize(("component", "example"), CASES, ids=[f"{c}/{e}" for c, e in CASES])
def test_component_html_matches_its_golden_file(component, example, update_golden):
    html = one_element_per_line(EXAMPLES[component][example]())
    golden = GOLDEN / component / f"{example}.html"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html)
    expected = golden.read_text() if golden.exists() else ""
    diff = "".join(difflib.unified_diff(expected.splitlines(True), html.splitlines(True),
                                        f"golden/{component}/{example}.html", "rendered now"))
    assert not diff, ("the rendering differs from the golden file; review the diff, then run "
                      "`./dev test tests/unit/test_golden.py --update-golden` if it is meant:\n" + diff)


def test_every_component_with_a_template_has_a_golden_example():
    templates = {path.parent.name for path in COMPONENTS.glob("*/*.html")}
    whole_pages = {"worksheet", "lesson"}  # a page, or a page's frame: checked by the build and browser tests
    assert templates - whole_pages == set(EXAMPLES)
