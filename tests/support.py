"""Paths and helpers shared by every test tier."""

from __future__ import annotations

import os
from pathlib import Path
import socket
import subprocess
import sys

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs_build(project: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` of a project folder, with its output."""
    env = dict(BUILD_ENV)
    if site_url:
        env["CLOSER_SITE_URL"] = site_url
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


