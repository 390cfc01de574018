"""`./dev serve` (`mkdocs serve --dirty`): a save renders only the pages it changes.

The site it serves afterwards is byte for byte the site a full build of the same sources gives.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
import subprocess
import sys

from tests.support import BUILD_ENV, copy_project, free_port, page_text, wait_for

BUILDS = Path(__file__).parents[1] / "support" / "serve_builds.py"
SENTENCE = "Being reliable means your words and your actions match"
LESSON_EDIT = {"path": "docs/lessons/trust.md", "old": SENTENCE, "new": SENTENCE + " (saved once)"}


def serve_builds(project: Path, site: Path, dirty: bool, steps: list[dict]) -> list[dict]:
    """Each build's result, as tests/support/serve_builds.py reports it: the first, then one per save."""
    done = subprocess.run([sys.executable, str(BUILDS), str(site), "1" if dirty else "0", json.dumps(steps)],
                          cwd=project, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def contents(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in site.rglob("*") if path.is_file()}


def test_a_saved_lesson_renders_its_page_and_leaves_the_others(tmp_path):
    project = copy_project(tmp_path / "project")
    first, saved = serve_builds(project, tmp_path / "site", True, [LESSON_EDIT])
    assert first["ok"] and saved["ok"]
    assert "lessons/trust/index.html" in saved["written"]
    assert SENTENCE + " (saved once)" in (tmp_path / "site" / "lessons/trust/index.html").read_text(encoding="utf-8")
    # Its copies follow it; no other page, and nothing of the Spanish site, is written again.
    assert {"embed/lessons/trust/index.html", "downloads/lessons/trust.html"} <= set(saved["written"])
    pages = [name for name in saved["written"] if name.endswith("index.html") and not name.startswith(
        ("embed/", "worksheets/"))]
    assert pages == ["lessons/trust/index.html"]
    assert not [name for name in saved["written"] if name.startswith("es/")]
    # The search index still finds every page, and the saved sentence.
    index = json.loads((tmp_path / "site" / "search/search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0] for doc in index["docs"]} >= {"", "lessons/trust/", "lessons/conflict/",
                                                                      "glossary/"}
    assert any("(saved once)" in doc["text"] for doc in index["docs"] if doc["location"].startswith("lessons/trust/"))


SAVES = [
    LESSON_EDIT,
    {"path": "quizzes/sample-knowledge-check.yml", "old": "Trust grows from many small moments",
     "new": "Trust grows, as a rule, from many small moments"},  # a quiz's text: its page and the pages showing it
    {"path": "quizzes/sample-knowledge-check.yml", "old": "title: Closeness, in brief",
     "new": "title: Closeness, briefly"},  # its title: the pages that link it by its title too
    {"path": "docs/es/lessons/trust.md", "old": "Ser de fiar", "new": "Ser de fiar (guardado)"},
    {"path": "quizzes/es/trust.yml", "old": "Comprueba lo que", "new": "Comprueba ahora lo que"},  # a translation
    {"path": "quizzes/sample-knowledge-check.yml", "old": "kind: knowledge-check", "new": "kind: knowledge-chek"},
    {"path": "quizzes/sample-knowledge-check.yml", "old": "kind: knowledge-chek", "new": "kind: knowledge-check"},
    {"path": "docs/lessons/trust.md", "old": "(saved once)", "new": "(saved twice)"},
    {"path": "docs/notes.md", "text": "# Notes\n\nA page saved while the site is served.\n"},
    {"path": "docs/privacy.md", "old": "\n## Backups", "new": "\n## A new heading\n\nText.\n\n## Backups"},
    {"path": "docs/notes.md", "delete": True},
]


def test_after_many_saves_the_served_site_is_what_a_full_build_gives(tmp_path):
    project = copy_project(tmp_path / "project")
    results = serve_builds(project, tmp_path / "served", True, SAVES)
    assert [result["ok"] for result in results] == [True] * 6 + [False] + [True] * 5
    assert "notes/index.html" in results[9]["written"] and "notes/index.html" in results[11]["removed"]
    (full,) = serve_builds(project, tmp_path / "full", False, [])
    assert full["ok"]
    served, built = contents(tmp_path / "served"), contents(tmp_path / "full")
    assert sorted(served) == sorted(built)
    assert [name for name in served if served[name] != built[name]] == []


# Saves that reach past their own file: a template, a file another language's page shows, a
# heading written with an underline, a quiz's title in another quiz's copies, and mkdocs.yml.
REACHING = [
    {"path": "overrides/home.html", "old": "Take the check-in", "new": "Take the check-in now"},
    {"path": "docs/es/about.md", "old": "# Sobre Closer y sus licencias\n",
     "new": "# Sobre Closer y sus licencias\n\n{{ show_file(\"docs/privacy.md\") }}\n"},
    {"path": "docs/privacy.md", "old": "**Your answers never leave your browser.**",
     "new": "**Your answers never, ever leave your browser.**"},
    {"path": "docs/authoring.md", "old": '{{ show_file("quizzes/sample-deck.yml") }}',
     "new": '{{ show_file("quizzes/sample-deck.yml") }}\n\n{{ show_file("quizzes/es/trust.yml") }}'},
    {"path": "quizzes/es/trust.yml", "old": "Comprueba lo que", "new": "Comprueba ahora lo que"},
    {"path": "docs/es/privacy.md", "old": "# Privacidad y tus respuestas\n",
     "new": "Privacidad y tus respuestas\n===========================\n"},
    {"path": "docs/es/privacy.md", "old": "Privacidad y tus respuestas\n=", "new": "Privacidad y respuestas\n="},
    {"path": "quizzes/barriers.yml", "old": "  recommend: [right-for-you.md]\n",
     "new": "  recommend: [right-for-you.md, quizzes/repair.md]\n"},
    {"path": "quizzes/es/barriers.yml", "old": "  recommend: [right-for-you.md]\n",
     "new": "  recommend: [right-for-you.md, quizzes/repair.md]\n"},
    {"path": "quizzes/repair.yml", "old": "title: Repair\n", "new": "title: Repair, step by step\n"},
    {"path": "mkdocs.yml", "old": "watch:\n", "new": "exclude_docs: |\n  /generators.md\n\nwatch:\n"},
]


def test_saves_that_reach_other_pages_and_languages_serve_what_a_full_build_gives(tmp_path):
    project = copy_project(tmp_path / "project")
    results = serve_builds(project, tmp_path / "served", True, REACHING)
    assert [result["ok"] for result in results] == [True] * 8 + [False] + [True] * 3  # barriers: one side first
    (full,) = serve_builds(project, tmp_path / "full", False, [])
    served, built = contents(tmp_path / "served"), contents(tmp_path / "full")
    assert sorted(served) == sorted(built)
    assert [name for name in served if served[name] != built[name]] == []


def test_dev_serve_shows_a_saved_lesson(tmp_path):
    """The command ./dev serve runs: the page shows what the author saved, and the log says what it did."""
    project = copy_project(tmp_path / "project")
    origin = f"http://127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", origin[7:]],
                                  cwd=project, env={**os.environ, **BUILD_ENV}, stdout=output, stderr=output)
    try:
        wait_for(f"{origin}/lessons/trust/", SENTENCE)
        lesson = project / "docs/lessons/trust.md"
        lesson.write_text(lesson.read_text(encoding="utf-8").replace(SENTENCE, SENTENCE + " (saved)", 1), encoding="utf-8")
        wait_for(f"{origin}/lessons/trust/", SENTENCE + " (saved)")
        assert "Emotional intimacy check-in" in page_text(f"{origin}/lessons/conflict/")  # another page, as it was
    finally:
        server.terminate()
        server.wait(timeout=30)
    said = log.read_text(encoding="utf-8")
    assert "each save renders only the pages it can change" in said
    assert "A 'dirty' build is being performed" not in said
