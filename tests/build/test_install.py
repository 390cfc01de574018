"""The project as a user installs it: a wheel in a fresh environment, at the versions CI tested."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.support import BUILD_ENV, ROOT


def test_the_site_builds_from_the_wheel_installed_in_a_fresh_environment(tmp_path):
    wheels, env_dir, project, source = (tmp_path / name for name in ("wheels", "venv", "project", "source"))
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
    # The sources without the engine: every template and module must come from the installed wheel.
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "quizzes", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    config = project / "mkdocs.yml"  # `watch` names the engine's folder, for ./dev serve only
    config.write_text(config.read_text().replace("\n  - macros\n", "\n"))
    result = subprocess.run([str(python), "-P", "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(project / "site")], cwd=project, env={**BUILD_ENV, "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "lessons" / "trust" / "index.html").read_text().count("closer-lesson__steps") == 1
