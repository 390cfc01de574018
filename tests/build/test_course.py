"""The course frame: every lesson built from one template, in order, readable, original, credited."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from bs4 import BeautifulSoup
import pytest
import textstat
import yaml

from closer.engine.lessons import ORDER
from closer.render.text import plain
from tests import originality
from tests.support import ROOT, closer_check, run_mkdocs_build
from tests.support.checks import assert_failed_with

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"  # present in CI and developers' machines, not in a clone

LESSONS = ROOT / "docs" / "lessons"
FIXED_BEFORE, FIXED_AFTER = ["what-you-will-learn"], ["try-it", "reflect", "key-takeaways", "references",
                                                       "check-your-understanding"]


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(), "html.parser")


def body_of(slug: str) -> str:
    return (LESSONS / f"{slug}.md").read_text().split("---", 2)[2]


def test_every_lesson_of_the_course_exists_at_its_fixed_url(built_site):
    assert sorted(p.stem for p in LESSONS.glob("*.md")) == sorted(ORDER)
    for slug in ORDER:
        assert (built_site / "lessons" / slug / "index.html").exists(), slug


@pytest.mark.parametrize("slug", ORDER)
def test_lesson_has_every_part_in_the_same_order(built_site, slug):
    page = soup(built_site, f"lessons/{slug}")
    article = page.select_one("article")
    ids = [h2.get("id") for h2 in article.find_all("h2")]
    fixed = [i for i in ids if i in FIXED_BEFORE + FIXED_AFTER]
    expected = FIXED_BEFORE + [i for i in FIXED_AFTER if i != "references" or "references" in ids]
    assert fixed == expected, ids
    assert ids[0] == "what-you-will-learn" and ids[-1] == "check-your-understanding"
    assert len(ids) - len(fixed) >= 2, "the body has its own sections between objectives and exercise"
    assert re.match(rf"Lesson {ORDER.index(slug) + 1} of {len(ORDER)} · about \d+ min to read · exercise \d+ min",
                    article.select_one(".closer-lesson__meta").get_text())
    assert len(article.select(".closer-lesson__objectives li")) >= 2
    assert len(article.select(".closer-lesson__steps li")) >= 2
    assert article.select_one(".closer-lesson__solo").get_text(strip=True)
    assert re.search(r"About \d+ minutes, for two people", article.select_one(".closer-lesson__duration").get_text())
    assert len(article.select(".closer-lesson__reflection li")) >= 2
    assert len(article.select(".closer-lesson__takeaways li")) >= 2
    quiz = article.select_one(".closer-lesson__check [data-quiz]")
    assert quiz is not None and 3 <= len(quiz.select("fieldset")) <= 5
    if re.search(r"\([A-Z][^()]*\d{4}\)", body_of(slug)):  # cites research, so lists references
        assert article.select(".closer-lesson__references li")


@pytest.mark.parametrize("slug", ORDER)
def test_previous_and_next_follow_the_learning_order(built_site, slug):
    pager = soup(built_site, f"lessons/{slug}").select_one(".closer-lesson__pager")
    index = ORDER.index(slug)
    previous, next_ = pager.select_one(".closer-lesson__previous"), pager.select_one(".closer-lesson__next")
    assert (previous["href"] if previous else None) == (f"../{ORDER[index - 1]}/" if index else None)
    assert (next_["href"] if next_ else None) == (f"../{ORDER[index + 1]}/" if index + 1 < len(ORDER) else None)


@pytest.mark.parametrize("slug", ORDER)
def test_lesson_reads_plainly_at_grade_eight_or_below(slug):
    body = body_of(slug)
    words = len(re.findall(r"[A-Za-z0-9]+", body))
    assert 700 <= words <= 1400, words
    assert textstat.flesch_kincaid_grade(body) <= 8


def test_content_is_in_the_projects_own_words():
    result = subprocess.run([sys.executable, "-m", "tests.originality"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "0 shared run(s)" in result.stdout


def test_the_fingerprint_finds_a_run_the_guides_share(tmp_path):
    seeds, course = tmp_path / "seeds", tmp_path / "lesson.md"
    seeds.mkdir()
    (seeds / "guide.txt").write_text("Twelve plain words make a line long enough to compare against every "
                                     "lesson we write here.\n")
    course.write_text("Intro.\nOur words: a line long enough to compare against every lesson we write here, ok.\n")
    _, hashes = originality.fingerprint(seeds)
    assert [(line, phrase) for _, line, phrase in originality.shared_runs([course], hashes)] == [
        (2, "a line long enough to compare against every lesson we write here")]


@pytest.mark.skipif(not (SHARED_SEEDS).is_dir(), reason="the source guides are not beside this clone")
def test_the_committed_fingerprint_is_the_guides_own():
    assert originality.read_fingerprint() == originality.fingerprint(SHARED_SEEDS)


def test_search_finds_lessons_but_never_shows_a_check_s_answers(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())

    def indexed(location: str) -> str:
        return " ".join(e["title"] + " " + e["text"] for e in index["docs"] if e["location"].startswith(location))
    assert "Being reliable means your words and your actions match" in indexed("lessons/trust/")
    check = indexed("lessons/trust/#check-your-understanding")
    assert check.startswith("Check your understanding")  # the heading that leads to the check is found
    trust = yaml.safe_load((ROOT / "quizzes" / "trust.yml").read_text())
    for question in trust["questions"]:  # prompts, options, feedback, explanations: the widget is not indexed
        for option in question.get("options", []):
            assert plain(option["text"]) not in check and plain(option.get("feedback", "-")) not in check
        assert plain(question["prompt"]) not in check and plain(question.get("explanation", "-")) not in check
    page = indexed("quizzes/intimacy-check-in/")
    assert page.startswith("Emotional intimacy check-in")  # the self-assessment is found by its title
    check_in = yaml.safe_load((ROOT / "quizzes" / "intimacy-check-in.yml").read_text())
    assert not any(plain(item["text"]) in page for item in check_in["items"])


def test_home_shows_the_learning_path_with_lengths_and_a_start(built_site):
    home = soup(built_site, "")
    path = home.select(".closer-path__lesson")
    assert [li["data-lesson"] for li in path] == ORDER
    assert all(re.fullmatch(r"\(\d+ min\)", li.select_one(".closer-path__minutes").get_text()) for li in path)
    start = home.find("a", string=re.compile("Start the first lesson"))
    assert start["href"] == "lessons/what-is-emotional-intimacy/"


def test_safety_page_is_linked_where_readers_are_asked_to_open_up(built_site):
    for path in ["", "lessons/vulnerability", "lessons/conflict", "lessons/rebuilding-trust",
                 "lessons/emotional-safety", "lessons/getting-help", "lessons/physical-intimacy",
                 "lessons/when-they-wont-engage", "lessons/knowing-each-other", "lessons/your-cycle",
                 "lessons/life-changes", "lessons/problems-that-last", "lessons/shared-meaning",
                 "lessons/forgiveness", "plan"]:
        links = [a["href"] for a in soup(built_site, path).select("article a[href]")]
        assert any(href.rstrip("/").endswith("right-for-you") for href in links), path
    page = soup(built_site, "right-for-you").select_one("article").get_text()
    for needed in ("Signs of control and abuse", "Numbers differ by country", "emergency number",
                   "Leave this page", "Clear all my answers"):
        assert needed in page


def test_safety_page_points_to_help_in_many_countries(built_site):
    article = soup(built_site, "right-for-you").select_one("article")
    text = article.get_text(" ")
    assert "Coercive control" in text  # each law, and where: tests/build/test_safety_page.py
    links = [a["href"] for a in article.select("a[href^='https://']")]
    # The worldwide directories come before any one country's lines.
    assert links[:2] == ["https://findahelpline.com/", "https://www.hotpeachpages.net/"]
    countries = {}
    for name in article.select("p > strong:only-child"):
        if name.parent.get_text(strip=True) != name.get_text(strip=True):
            continue  # emphasis inside a sentence, not a country's name
        lines = name.parent.find_next_sibling("ul")
        countries[name.get_text()] = [li.get_text(" ", strip=True) for li in lines.select("li")]
    assert len(countries) >= 8, list(countries)
    for country, lines in countries.items():
        assert any(line.startswith("Crisis:") for line in lines), country
        assert any(line.startswith("Emergency:") for line in lines), country
        assert any(line.startswith(("Domestic", "Family violence", "Violence against women", "Gender-based"))
                   for line in lines), country
    assert article.find("h3", id="if-you-have-hurt-someone-and-want-to-stop") is not None
    assert "Men's Advice Line" in text and "Galop" in text  # services for men and for LGBTQ+ people


def test_the_six_week_plan_has_a_practice_a_week_between_two_check_ins(built_site):
    article = soup(built_site, "plan").select_one("article")
    weeks = article.select("table tbody tr")
    assert [row.td.get_text() for row in weeks] == ["1", "2", "3", "4", "5", "6"]
    for row in weeks:  # each week is a lesson of the course, with a practice and a daily habit
        lesson = row.select_one("a[href]")["href"].strip("/").split("/")[-1]
        assert lesson in ORDER and all(cell.get_text(strip=True) for cell in row.select("td"))
    check_ins = [a for a in article.select("a[href]") if "quizzes/intimacy-check-in" in a["href"]]
    assert article.find("h2", id="week-0-take-the-check-in") and article.find("h2", id="week-6-take-the-check-in-again")
    assert len(check_ins) >= 2 and "Keep a history of my results" in article.get_text()


def test_the_plan_stops_at_week_0_when_the_check_in_puts_safety_first(built_site):
    heading = soup(built_site, "plan").find("h2", id="week-0-take-the-check-in")
    week_0 = list(heading.find_next_siblings())
    week_0 = week_0[:next((i for i, tag in enumerate(week_0) if tag.name == "h2"), len(week_0))]
    text = " ".join(" ".join(tag.get_text(" ", strip=True) for tag in week_0).split())
    # The reader is told the heading the flagged results open with, as the check-in names it.
    screen_title = yaml.safe_load((ROOT / "quizzes" / "intimacy-check-in.yml").read_text())["screen"]["title"]
    assert screen_title in text and "stop the plan" in text
    links = [a["href"] for tag in week_0 for a in tag.select("a[href]")]
    assert any(href.rstrip("/").endswith("right-for-you") for href in links), links


def test_sources_credit_every_guide_and_map_ideas_to_every_lesson(built_site):
    page = soup(built_site, "sources").select_one("article")
    guides = page.find("h2", id="the-five-guides").find_next("ol").find_all("li")
    assert len(guides) == originality.read_fingerprint()[0]
    taught = {a["href"].strip("/").split("/")[-1] for a in page.select("table a[href]")}
    assert taught == set(ORDER)
    assert len(page.find_all("h3")) == len(guides)  # one coverage table per guide


def test_sources_list_every_work_the_lessons_cite_once_in_one_list(built_site):
    cited = {plain(reference) for slug in ORDER
             for reference in yaml.safe_load((LESSONS / f"{slug}.md").read_text().split("---", 2)[1]).get("references", [])}
    heading = soup(built_site, "sources").find("h2", id="research-the-lessons-cite")
    listed = [li.get_text(" ", strip=True) for li in heading.find_next("ul").find_all("li")]
    assert sorted(listed) == sorted(cited)  # each cited work, once, and nothing no lesson cites
    assert listed == sorted(listed, key=str.casefold)  # in order of the first author's name


def test_glossary_explains_the_key_terms(built_site):
    glossary = soup(built_site, "glossary")
    terms = [dt.get_text(strip=True) for dt in glossary.select("article dt")]
    assert {"Emotional intimacy", "Vulnerability", "Boundary", "Validation", "Coercive control"} <= set(terms)
    coercive_control = glossary.find("dt", string="Coercive control").find_next_sibling("dd")
    assert coercive_control.find("a", href=re.compile(r"right-for-you/#coercive-control$"))


BROKEN_LESSONS = {
    "missing-part": (lambda t: re.sub(r"^takeaways:\n(  - .*\n)+", "", t, flags=re.M),
                     "docs/lessons/trust.md:2:1: missing key 'takeaways'"),
    "misspelt-part": (lambda t: t.replace("reflection:", "reflections:"),
                      "unknown key 'reflections'; did you mean 'reflection'?"),
    "no-front-matter": (lambda t: t.split("---", 2)[2], "docs/lessons/trust.md:1:1: the lesson has no front matter"),
    "unsafe-title": (lambda t: t.replace("title: ", "title: <script>alert(1)</script>", 1),
                     "docs/lessons/trust.md:2:8: warning: HTML tag <script> removed"),
    # Bad front matter: each is reported at the line and column of the mistake in the lesson file.
    "yaml-syntax": (lambda t: t.replace("  minutes: 20", "  minutes: 20: 30"),
                    "docs/lessons/trust.md:{line}:14: YAML syntax error"),
    "wrong-type": (lambda t: t.replace("  minutes: 20", "  minutes: twenty"),
                   "docs/lessons/trust.md:{line}:12: expected a whole number"),
    "tab": (lambda t: t.replace("  minutes: 20", "\tminutes: 20"), "docs/lessons/trust.md:{line}:1: tab character"),
    "not-a-mapping": (lambda t: "---\n- just a list\n---\n" + t.split("---", 2)[2],
                      "docs/lessons/trust.md:2:1: the front matter must be keys and values"),
    "dangling-link": (lambda t: t.replace("  solo: ", "  solo: See [the map](../no-such-page.md). ", 1),
                      "docs/lessons/trust.md:18:23: text on this page links to 'no-such-page.md', which is not a page"),
}
MINUTES_LINE = (ROOT / "docs/lessons/trust.md").read_text().splitlines().index("  minutes: 20") + 1


@pytest.mark.parametrize("name", BROKEN_LESSONS)
def test_broken_lesson_fails_the_build_at_its_line(project_copy, name):
    change, expected = BROKEN_LESSONS[name]
    path = project_copy / "docs" / "lessons" / "trust.md"
    path.write_text(change(path.read_text()))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and expected.format(line=MINUTES_LINE) in output, output[-2000:]
    assert "Traceback" not in output
    assert_failed_with(closer_check(project_copy), expected.format(line=MINUTES_LINE), project_copy)  # no build


def test_lesson_without_its_knowledge_check_fails(project_copy):
    (project_copy / "quizzes" / "trust.yml").unlink()
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/lessons/trust.md:2:1: no knowledge check for this lesson; add quizzes/trust.yml" in result.stderr


def test_a_nav_out_of_the_course_s_order_stops_the_build_and_the_check_at_its_line(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text()
    swapped = text.replace("      - lessons/trust.md\n      - lessons/vulnerability.md\n",
                           "      - lessons/vulnerability.md\n      - lessons/trust.md\n")
    assert swapped != text
    config.write_text(swapped)
    line = swapped[:swapped.index("lessons/vulnerability.md")].count("\n") + 1
    expected = (f"mkdocs.yml:{line}:9: the nav lists lessons/vulnerability.md where the course has "
                "lessons/trust.md; list the lessons in the nav in the course's order:")
    built = run_mkdocs_build(project_copy, project_copy / "site")
    checked = closer_check(project_copy)
    for result in (built, checked):
        assert result.returncode != 0 and expected in result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
