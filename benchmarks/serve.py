"""How long an author waits under `./dev serve` (`mkdocs serve --dirty`): from saving a file to the rebuilt page."""

from __future__ import annotations

import os
from pathlib import Path
import statistics
import subprocess
import sys

from tests.support import copy_project, free_port, wait_for


def edit_times(path: Path, url: str, old: str, edits: int) -> list[float]:
    """Seconds from saving each edit of the file at path (old replaced) to url showing it."""
    original = path.read_text()
    wait_for(url, old)
    times = []
    for edit in range(edits):
        new = f"{old} (edit {edit})"
        path.write_text(original.replace(old, new, 1))
        times.append(wait_for(url, new))
    path.write_text(original)
    return times


def bench_serve(work: Path, edits: int, row) -> None:
    print(f"\nServe: saving a file to its rebuilt page under mkdocs serve, {edits} edits each")
    project = copy_project(work / "serve-project")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        quiz = project / "quizzes" / "sample-knowledge-check.yml"
        title = quiz.read_text().split("title: ", 1)[1].split("\n", 1)[0]
        lesson = project / "docs" / "lessons" / "trust.md"
        sentence = "Being reliable means your words and your actions match"
        for name, times in (("quiz file", edit_times(quiz, f"{origin}/quizzes/sample-knowledge-check/", title, edits)),
                            ("lesson", edit_times(lesson, f"{origin}/lessons/trust/", sentence, edits))):
            row(f"saved {name} to rebuilt page, median", f"{statistics.median(times):.2f} s",
                f"(min {min(times):.2f}, max {max(times):.2f})", statistics.median(times) <= 1.0)
    finally:
        server.terminate()
        server.wait(timeout=30)
