"""A site's bundle: the parts of the browser code its pages can use, and no others."""

from __future__ import annotations

from closer.publish.bundle import NEEDS, script_sources, site_needs


def test_a_site_needs_what_its_quizzes_lessons_and_macro_calls_use():
    assert site_needs({"knowledge-check"}, False, False, ["# Notes\n\n{{ quiz('first') }}"]) == {"knowledge-check"}
    course = site_needs({"knowledge-check", "deck", "self-assessment"}, True, True,
                        ['{{ plan_calendar("intimacy-check-in") }}', "{{privacy_controls()}}"])
    assert course == set(NEEDS.values())  # the course uses every part, so its bundle is the whole
    assert script_sources(course) == script_sources()
    assert site_needs(set(), False, False, ["{{ privacy_controls() }}"]) == {"privacy-controls", "lessons"}
    names = {path.name for path in script_sources(site_needs({"knowledge-check"}, False, False, []))}
    assert "knowledge-check.js" in names and not names & {"deck.js", "journal.js", "ics.js", "scoring.js"}
