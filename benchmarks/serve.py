"""How long an author waits under `./dev serve`: from saving a quiz file to the rebuilt page."""

from __future__ import annotations

import os
from pathlib import Path
import statistics
import subprocess
import sys
import time
import urllib.request

from tests.support import copy_project, free_port


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 120.0) -> float:
    """Seconds until the page at url holds text."""
    start = time.perf_counter()
    while text not in page_text(url):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{url} never showed {text!r}")
        time.sleep(0.05)
    return time.perf_counter() - start


def bench_serve(work: Path, edits: int, row) -> None:
    print(f"\nServe: saving a quiz file to its rebuilt page under mkdocs serve, {edits} edits")
    project = copy_project(work / "serve-project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/quizzes/sample-knowledge-check/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        quiz = project / "quizzes" / "sample-knowledge-check.yml"
        original = quiz.read_text()
        first_title = original.split("title: ", 1)[1].split("\n", 1)[0]
        wait_for(url, first_title)
        times = []
        for edit in range(edits):
            title = f"Closeness, edit {edit}"
            quiz.write_text(original.replace(f"title: {first_title}", f"title: {title}", 1))
            times.append(wait_for(url, title))
        row("saved quiz file to rebuilt page, median", f"{statistics.median(times):.2f} s",
            f"(min {min(times):.2f}, max {max(times):.2f})")
    finally:
        server.terminate()
        server.wait(timeout=30)
