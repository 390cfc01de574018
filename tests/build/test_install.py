"""The project as a user installs it: a wheel in a fresh environment, at the versions CI tested."""

from __future__ import annotations

import json
from pathlib import Path
import re
import shutil
import subprocess
import sys

from bs4 import BeautifulSoup
import pytest

from tests.support import BUILD_ENV, FIXTURES, ROOT, UNSERVED_SITE_URL

COACH_SITE = FIXTURES / "coach-site"
# Nothing of this checkout on the path; the address a user publishes at, as the README says.
BUILD_FROM_WHEEL = {**BUILD_ENV, "PATH": "/usr/bin:/bin", "CLOSER_SITE_URL": UNSERVED_SITE_URL}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The Python of a fresh environment with the project installed from its wheel, as a user installs it."""
    tmp_path = tmp_path_factory.mktemp("install")
    wheels, env_dir, source = (tmp_path / name for name in ("wheels", "venv", "source"))
    source.mkdir()  # built from a clean copy: an earlier build/ folder would hide missing package data
    for name in ("pyproject.toml", "README.md", "LICENSE", "macros"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    wheel = next(wheels.glob("closer-*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", str(ROOT / "constraints.txt"), str(wheel)], check=True, capture_output=True)
    return python


def build_with(python: Path, project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-P", "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(project / "site")], cwd=project, env=BUILD_FROM_WHEEL,
                          capture_output=True, text=True, timeout=600)


def test_the_site_builds_from_the_wheel_installed_in_a_fresh_environment(installed, tmp_path):
    # The sources without the engine: every template and module must come from the installed wheel.
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "quizzes", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    config = project / "mkdocs.yml"  # `watch` names the engine's folder, for ./dev serve only
    config.write_text(config.read_text().replace("\n  - macros\n", "\n"))
    result = build_with(installed, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "lessons" / "trust" / "index.html").read_text().count("closer-lesson__steps") == 1


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(), "html.parser")


def test_a_coach_s_own_site_with_only_quizzes_builds_strict(installed, tmp_path):
    project = shutil.copytree(COACH_SITE, tmp_path / "coach")
    result = build_with(installed, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    site = project / "site"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == [
        "404.html", "downloads/quizzes/first-session.html", "embed/quizzes/first-session/index.html",
        "index.html", "quizzes/first-session/index.html"]
    home = page(site, "index.html")
    assert home.select_one('[data-quiz="first-session"]') is not None  # the coach's own page, not the course's hero
    assert home.title.get_text() == "Sam's coaching notes"
    assert home.select_one("a.closer-exit")["href"] == "https://www.bbc.com/weather"  # every page can be left fast
    assert "sha256-" in home.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    # No link to a page of the course that this site does not have.
    panel = page(site, "quizzes/first-session/index.html").select_one(".closer-use")
    assert "How embedding" not in panel.get_text()
    embed = page(site, "embed/quizzes/first-session/index.html")
    hrefs = [a["href"] for a in embed.select("a[href]")]
    assert all(href.startswith(("https://coach.example/", "https://www.bbc.com/", "https://findahelpline.com/"))
               for href in hrefs), hrefs
    # With no safety page of its own, a copy still points someone who is afraid to help lines worldwide.
    assert embed.find("a", string="If you are afraid")["href"] == "https://findahelpline.com/"
    credit = embed.select_one("footer.closer-standalone__credit").get_text(" ", strip=True)
    assert credit.startswith("From Sam's coaching notes :") and "open course" not in credit
    # What the coach hands on names the coach's site, not the course the quizzes came from.
    name = "Sam's coaching notes"
    snippet = BeautifulSoup(panel.select_one("textarea").get_text(), "html.parser")
    assert snippet.iframe["title"] == f"What a boundary is ({name})"
    assert embed.title.get_text() == f"What a boundary is · {name}"
    oembed = json.loads((site / "oembed" / "quizzes" / "first-session.json").read_text())
    assert oembed["provider_name"] == name and f'title="What a boundary is ({name})"' in oembed["html"].replace("&#x27;", "'")
    gift = (site / "downloads" / "gift" / "first-session.txt").read_text()
    assert f"$CATEGORY: $course$/{name}/first-session" in gift.splitlines() and "Closer" not in gift
    assert home.select_one('meta[name="closer-frame-guard"]')["content"] == name  # "This page is from …" when framed


def test_a_coach_s_site_can_point_at_the_published_course_for_help(installed, tmp_path):
    project = shutil.copytree(COACH_SITE, tmp_path / "coach")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - closer\n", "  - closer:\n      course_url: https://closer.example/\n"))
    result = build_with(installed, project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    panel = page(site, "quizzes/first-session/index.html").select_one(".closer-use")
    assert panel.find("a", string="How embedding, downloads and printing work")["href"] == \
        "https://closer.example/practice/"
    embed = page(site, "embed/quizzes/first-session/index.html")
    assert embed.find("a", string="If you are afraid")["href"] == "https://closer.example/right-for-you/"
    assert embed.find("a", string="Privacy")["href"] == "https://closer.example/privacy/"


def test_the_authoring_guide_shows_the_coach_s_site_that_builds():
    guide = (ROOT / "docs" / "authoring.md").read_text()
    section = guide[guide.index("## Quizzes on your own site"):]
    shown = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    assert shown == (COACH_SITE / "mkdocs.yml").read_text()
