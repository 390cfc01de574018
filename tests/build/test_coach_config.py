"""A coach's mkdocs.yml written for an older Closer: told where and how to fix it, with every other problem."""

from __future__ import annotations

import shutil

from tests.support import FIXTURES, closer_check, run_mkdocs_build

OLD, NEW = "modules: [macros.adapter]", "modules: [closer.adapter]"


def test_the_old_module_name_gets_a_located_error_giving_the_new_line_from_build_and_check(tmp_path):
    project = shutil.copytree(FIXTURES / "coach-site", tmp_path / "coach")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(NEW, OLD))
    quiz = project / "quizzes" / "first-session.yml"
    quiz.write_text(quiz.read_text().replace("version: 1", "version: one"))  # and a problem of another kind
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if OLD in text)
    column = config.read_text().splitlines()[line - 1].index("[") + 1
    said = (f"mkdocs.yml:{line}:{column}: the macros plugin's modules name macros.adapter, Closer's module before it "
            "was installed as the package `closer`; write `modules: [closer.adapter]` under the macros plugin")
    build = run_mkdocs_build(project, project / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output
    assert said in output
    assert "quizzes/first-session.yml:3:" in output  # reported together: the build did not stop at the first
    check = closer_check(project)
    assert check.returncode != 0 and said in check.stdout + check.stderr
    assert "quizzes/first-session.yml:3:" in check.stdout + check.stderr
