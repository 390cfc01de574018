"""Closer against its peer on the same generated course: build time and a quiz page's first load.

The course is `../shared/tools/peer_site.py`'s: 20 pages of 1,500 words, 5 of them with the same
10-question check, built as plain mkdocs-material (a), with mkdocs-quiz (c) and with Closer (d).
Closer's variant is adapted here to the project as it is now (`closer_variant`), so the figure
follows the layout; mkdocs-quiz lives in its own environment (.venv-peer), never in the
project's.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = Path(__file__).resolve().parents[1]
PEER_SITE = ROOT.parent / "shared" / "tools" / "peer_site.py"
PEER_ENV = ROOT / ".venv-peer"
VARIANTS = {"a": "plain mkdocs-material", "c": "mkdocs-quiz", "d": "Closer"}
KIB = 1024


def peer_python() -> Path:
    """An environment with this project and mkdocs-quiz, remade when the requirements change.

    The project is installed editable, so the environment follows the working tree.
    """
    python, stamp = PEER_ENV / "bin" / "python", PEER_ENV / ".installed"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_ENV)], check=True)
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-c", str(ROOT / "constraints.txt"), "-e", str(ROOT), "mkdocs-quiz>=1.7,<2"], check=True)
        stamp.touch()
    return python


def closer_variant(project: Path) -> None:
    """Adapt variant d to today's layout.

    The bundle is made by the plugin, not copied from docs/, pages load one stylesheet, and a
    site names where its quick exit goes.
    """
    config = project / "mkdocs.yml"
    text = re.sub(r"extra_css:\n(  - .*\n)+", "extra_css:\n  - assets/closer/closer.css\n", config.read_text())
    config.write_text(text + "extra:\n  quick_exit_url: https://www.bbc.com/weather\n")
    assets = project / "docs" / "assets" / "closer"
    (assets / "closer.js").unlink(missing_ok=True)
    for path in (ROOT / "docs" / "assets" / "closer").iterdir():
        shutil.copy(path, assets / path.name)


def generate(work: Path) -> dict[str, Path]:
    projects = {}
    for variant in VARIANTS:
        project = work / f"peer-{variant}"
        env = {**os.environ, "CLOSER_ASSETS": str(ROOT / "docs" / "assets" / "closer")}
        subprocess.run([sys.executable, str(PEER_SITE), str(project), variant, "20", "1500"],
                       env=env, check=True, capture_output=True)
        if variant == "d":
            closer_variant(project)
        projects[variant] = project
    return projects


def build_seconds(python: Path, project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
                   cwd=project, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def first_load(site: Path, page: Path) -> int:
    """Gzipped bytes of a page and the site's own stylesheets and scripts it loads at once."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 9))
    for url in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        if "://" in url:
            continue  # another site's file (the theme's web fonts): not this site's weight
        path = (page.parent / url.split("?")[0]).resolve()
        if path.is_file() and site.resolve() in path.parents:
            total += len(gzip.compress(path.read_bytes(), 9))
    return total


def quiz_page(site: Path) -> Path:
    return site / "module-01" / "lesson-0002" / "index.html"  # the first page with the check


def plain_page(site: Path) -> Path:
    return site / "module-01" / "lesson-0001" / "index.html"


def bench_peer(work: Path, pairs: int, row) -> None:
    if not PEER_SITE.is_file():
        print(f"\nPeer: skipped, {PEER_SITE} is not beside this clone")
        return
    print(f"\nPeer: the same course as plain material, mkdocs-quiz and Closer, {pairs} rounds a c d")
    python = peer_python()
    projects = generate(work)
    times = {variant: [] for variant in VARIANTS}
    for variant, project in projects.items():
        build_seconds(python, project)  # warm-up
    for _ in range(pairs):
        for variant, project in projects.items():
            times[variant].append(build_seconds(python, project))
    ratios = {v: statistics.median(t / a for t, a in zip(times[v], times["a"])) for v in ("c", "d")}
    for variant, name in VARIANTS.items():
        row(f"build, {name}, median", f"{statistics.median(times[variant]):.2f} s")
    row("mkdocs-quiz / plain, median of paired ratios", f"{ratios['c']:.2f}")
    row("Closer / plain, median of paired ratios", f"{ratios['d']:.2f}", "≤ mkdocs-quiz", ratios["d"] <= ratios["c"])
    weights = {v: first_load(p / "site", quiz_page(p / "site")) for v, p in projects.items()}
    plain = {v: first_load(p / "site", plain_page(p / "site")) for v, p in projects.items()}
    for variant, name in VARIANTS.items():
        row(f"quiz page first load, {name}", f"{weights[variant] / KIB:.1f} KiB")
    row("Closer quiz page over plain", f"{(weights['d'] - weights['a']) / KIB:.1f} KiB", "≤ 8 KiB",
        weights["d"] - weights["a"] <= 8 * KIB)
    row("page without a quiz, Closer over plain", f"{(plain['d'] - plain['a']) / KIB:.1f} KiB",
        "one cached file")
    row("page without a quiz, mkdocs-quiz over plain", f"{(plain['c'] - plain['a']) / KIB:.1f} KiB")
