"""The authoring guide shows real files, and the published JSON Schema is the engine's own."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from closer.publish.json_schema import quiz_json_schema
from tests.support import ROOT, run_mkdocs_build
from tests.support.checks import editor_data

EXAMPLES = ["quizzes/sample-knowledge-check.yml", "quizzes/sample-self-assessment.yml"]


def guide(built_site) -> BeautifulSoup:
    return BeautifulSoup((built_site / "authoring" / "index.html").read_text(), "html.parser")


def test_guide_examples_are_the_real_files_shown_and_built(built_site):
    soup = guide(built_site)
    listings = {figure.figcaption.get_text(): figure.pre.get_text() for figure in soup.select("figure.closer-file")}
    for example in EXAMPLES:
        assert listings[example] == (ROOT / example).read_text()
        quiz_id = example.split("/")[1].removesuffix(".yml")
        assert soup.select_one(f'[data-quiz="{quiz_id}"] input') is not None  # and shown live
    lesson = listings["docs/lessons/appreciation.md"]
    assert lesson.startswith("---\ntitle: ") and lesson.endswith("\n---")
    assert lesson.strip("-\n") in (ROOT / "docs/lessons/appreciation.md").read_text()


def test_guide_gives_the_editor_line_with_the_published_schema_url(built_site, site_origin):
    text = guide(built_site).get_text()
    assert f"# yaml-language-server: $schema={site_origin}/schema/quiz.schema.json" in text
    for rule in ("label", "band", "duplicate key", "unique option texts"):
        assert rule in text, rule


def test_published_schema_is_the_engines_and_accepts_every_shipped_quiz(built_site, site_origin):
    url = f"{site_origin}/schema/quiz.schema.json"
    published = json.loads((built_site / "schema" / "quiz.schema.json").read_text())
    assert published == quiz_json_schema(url)  # generated, never a hand-kept copy
    validator = Draft202012Validator(published)
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        assert list(validator.iter_errors(editor_data(path.read_bytes()))) == [], path.name
    misspelt = (ROOT / EXAMPLES[0]).read_text().replace("title:", "titel:", 1).encode()
    errors = [error.message for error in validator.iter_errors(editor_data(misspelt))]
    assert any("'titel'" in message for message in errors), errors


def test_show_file_of_a_missing_file_fails_the_build_at_its_line(project_copy):
    page = project_copy / "docs" / "authoring.md"
    lines = page.read_text().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "show_file(" in line)
    lines[number - 1] = lines[number - 1].replace("sample-knowledge-check", "no-such-quiz")
    page.write_text("\n".join(lines) + "\n")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-1500:]
    assert f"docs/authoring.md:{number}:4: show_file() cannot show 'quizzes/no-such-quiz.yml'" in output
    assert "Traceback" not in output
