"""The plan's calendar in the real build: its weeks from the page's own table, a broken table stopping the build at its row."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.support import closer_check, run_mkdocs_build
from tests.support.checks import assert_failed_with


def calendar(site, path: str):
    return BeautifulSoup((site / path / "index.html").read_text(), "html.parser").select_one(".closer-calendar")


def test_each_plan_page_has_a_hidden_calendar_of_its_own_table(built_site):
    for path, safety in [("plan", "Is this course right for you now?"), ("es/plan", "¿Es este curso para ti ahora?")]:
        control = calendar(built_site, path)
        assert control.has_attr("hidden") and control["data-closer-controls"] == "plan-calendar"
        table = [a["href"] for a in BeautifulSoup((built_site / path / "index.html").read_text(), "html.parser")
                 .select("article table a[href]")]
        events = control.select(".closer-calendar__events > li")
        assert [li["data-calendar-day"] for li in events] == [str(7 * n) for n in range(8)]
        assert [li.a["href"] for li in events[1:7]] == table
        assert events[0].a["href"] == events[-1].a["href"] == "../quizzes/intimacy-check-in/"
        assert control.select_one(".closer-calendar__safety").get_text() == safety  # in the page's language


def test_a_plan_table_out_of_order_stops_the_build_and_the_check_at_its_row(project_copy):
    page = project_copy / "docs" / "es" / "plan.md"
    lines = page.read_text().splitlines()
    row = next(number for number, line in enumerate(lines, 1) if line.startswith("| 3 |"))
    page.write_text("\n".join(line.replace("| 3 |", "| 4 |", 1) if number == row else line
                              for number, line in enumerate(lines, 1)) + "\n")
    expected = f"docs/es/plan.md:{row}:1: this row of the plan's table should be week 3"
    assert_failed_with(run_mkdocs_build(project_copy, project_copy / "site"), expected, project_copy)
    assert_failed_with(closer_check(project_copy), expected, project_copy)
