"""Paths and helpers shared by every test tier."""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from closer.engine.catalog import Catalog, LoadedQuiz, load_catalog, load_quiz
from closer.engine.problems import Problem
from closer.render.text import removed_markup

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_DATA = ROOT / "tests" / "data" / "public"  # outside lists, vendored with their licences
FIXTURES = ROOT / "tests" / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROPERDOCS = [sys.executable, "-m", "properdocs"]  # the maintained MkDocs 1.x fork; the same build
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
UNSERVED_SITE_URL = "https://closer.test/"  # the address of builds no test serves (tests/conftest.py)


def run_mkdocs_build(project: Path, site: Path, site_url: str | None = None,
                     strict: bool = True, generator: list[str] = MKDOCS) -> subprocess.CompletedProcess:
    """The real `mkdocs build` (--strict unless told) of a project folder, with its output."""
    env = {**os.environ, **BUILD_ENV}  # read now: a test may have changed PATH
    if site_url:
        env["CLOSER_SITE_URL"] = site_url
    command = [*generator, "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def closer_check(project: Path) -> subprocess.CompletedProcess:
    """`closer-check` of a project folder, as an author runs it: no build."""
    return subprocess.run([sys.executable, "-m", "closer.check", "--project", str(project)],
                          capture_output=True, text=True, timeout=300)


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the project's site sources, to change on purpose."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "quizzes", "overrides", "macros"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    # The copy's code is what a build in it imports, changes and all: `closer` names it there first.
    (destination / "closer").symlink_to("macros", target_is_directory=True)
    return destination


def page_text(url: str) -> str:
    """The page at url as text; "" while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 180.0) -> float:
    """Seconds until the page at url holds text (a server starting, or rebuilding after a save)."""
    start = time.perf_counter()
    while text not in page_text(url):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{url} never showed {text!r}")
        time.sleep(0.05)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]




def project_quizzes() -> Catalog:
    """The project's own quizzes (the samples live only in quizzes/), validated as a build does."""
    return load_catalog(ROOT / "quizzes", ROOT, removed_markup)


def quiz_from_text(text: str | bytes, file: str) -> tuple[LoadedQuiz | None, list[Problem]]:
    """One quiz file's text, validated as a build does; file is its project-relative path."""
    return load_quiz(text.encode() if isinstance(text, str) else text, file, removed_markup)
