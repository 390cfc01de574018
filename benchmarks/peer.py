"""Closer against its peer on the same generated course: build time, CPU, memory and page weight.

The course is `../shared/tools/peer_site.py`'s, at two sizes: 20 pages of 1,500 words with the
same 10-question check on 5 of them, and 200 pages with it on 50. Each size is built as plain
mkdocs-material (a), with mkdocs-quiz (c) and with Closer (d), the generator's smallest coach's
site. mkdocs-quiz lives in its own environment (.venv-peer), never in the project's. Every build
is cold: a fresh process, a fresh site folder.
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
COURSES = {20: 5, 200: 50}  # pages: pages with the check
TARGETS = {20: 1.15, 200: 1.10}  # Closer / mkdocs-quiz, wall time (issue 43)
KIB, MIB = 1024, 1024 * 1024


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


def generate(work: Path, pages: int, checks: int) -> dict[str, Path]:
    """The course in each variant; Closer's imports its macros as the installed package does."""
    env = {**os.environ, "CLOSER_MODULE": "closer.adapter"}
    projects = {}
    for variant in VARIANTS:
        project = work / f"peer-{pages}-{variant}"
        subprocess.run([sys.executable, str(PEER_SITE), str(project), variant, str(pages), "1500",
                        "--quiz-pages", str(checks)], env=env, check=True, capture_output=True)
        projects[variant] = project
    return projects


def build(python: Path, project: Path) -> dict[str, float]:
    """One cold build: wall seconds, CPU seconds (user + system) and peak memory in MiB."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    # Python keeps compiled bytecode, as an installed package has it: with PYTHONDONTWRITEBYTECODE
    # set, the project's own modules (installed editable) were compiled from source in every build.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    child = subprocess.Popen([str(python), "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own usage, not every child's so far
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{project}: mkdocs build failed\n{child.stderr.read().decode()}")
    child.stderr.close()
    # ru_maxrss is in KiB on Linux.
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "memory": usage.ru_maxrss * KIB / MIB}


def rounds(python: Path, projects: dict[str, Path], pairs: int) -> dict[str, list[dict]]:
    """Builds in rounds a c d, so each round's ratios share the machine's mood of the moment."""
    for project in projects.values():
        build(python, project)  # warm-up: the disk cache and Python's bytecode, not our state
    runs = {variant: [] for variant in projects}
    for _ in range(pairs):
        for variant, project in projects.items():
            runs[variant].append(build(python, project))
    return runs


def report_course(pages: int, runs: dict[str, list[dict]], row) -> None:
    median = {v: {key: statistics.median(r[key] for r in rs) for key in ("wall", "cpu", "memory")}
              for v, rs in runs.items()}
    for variant, name in VARIANTS.items():
        m = median[variant]
        row(f"{pages} pages: {name}, medians", f"{m['wall']:.2f} s wall", f"{m['cpu']:.2f} s CPU, {m['memory']:.0f} MiB")
    for key in ("wall", "cpu"):
        ratios = sorted(d[key] / c[key] for d, c in zip(runs["d"], runs["c"]))
        ratio = statistics.median(ratios)
        target = TARGETS[pages] if key == "wall" else None
        row(f"{pages} pages: Closer / mkdocs-quiz, {key}, median of pairs", f"{ratio:.2f}",
            f"<= {target:.2f}" if target else "", ratio <= target if target else None)
        row("  spread of the paired ratios (the machine's noise)", f"{ratios[0]:.2f} to {ratios[-1]:.2f}")
    plain = statistics.median(a["wall"] / c["wall"] for a, c in zip(runs["a"], runs["c"]))
    row(f"{pages} pages: plain / mkdocs-quiz, wall, median of pairs", f"{plain:.2f}")
    extra = median["d"]["memory"] - median["c"]["memory"]
    row(f"{pages} pages: Closer's peak memory over mkdocs-quiz's", f"{extra:+.0f} MiB", "<= +25 MiB", extra <= 25)


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


def report_weight(projects: dict[str, Path], row) -> None:
    quiz = {v: first_load(p / "site", p / "site" / "module-01" / "lesson-0002" / "index.html")
            for v, p in projects.items()}  # the first page with the check
    plain = {v: first_load(p / "site", p / "site" / "module-01" / "lesson-0001" / "index.html")
             for v, p in projects.items()}
    for variant, name in VARIANTS.items():
        row(f"quiz page first load, {name}", f"{quiz[variant] / KIB:.1f} KiB")
    row("Closer quiz page over plain", f"{(quiz['d'] - quiz['a']) / KIB:.1f} KiB", "<= 10 KiB",
        quiz["d"] - quiz["a"] <= 10 * KIB)
    row("page without a quiz, Closer over plain", f"{(plain['d'] - plain['a']) / KIB:.1f} KiB", "one cached file")
    row("page without a quiz, mkdocs-quiz over plain", f"{(plain['c'] - plain['a']) / KIB:.1f} KiB")


def bench_peer(work: Path, pairs: int, row, sizes: tuple[int, ...] = tuple(COURSES)) -> None:
    if not PEER_SITE.is_file():
        print(f"\nPeer: skipped, {PEER_SITE} is not beside this clone")
        return
    python = peer_python()
    for pages in sizes:
        print(f"\nPeer: {pages} pages, {COURSES[pages]} with the check, as plain material, mkdocs-quiz and "
              f"Closer; {pairs} rounds a c d, each build cold")
        projects = generate(work, pages, COURSES[pages])
        report_course(pages, rounds(python, projects, pairs), row)
        if pages == min(sizes):
            report_weight(projects, row)
