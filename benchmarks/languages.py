"""What a second language costs: the course built with its Spanish copy, and with English alone."""

from __future__ import annotations

from pathlib import Path
import re
import shutil
import statistics

from tests.support import copy_project


def english_only(project: Path) -> Path:
    """The same project without its languages: no `languages:` option, no Spanish pages or quizzes."""
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^  - closer:\n(?:      .*\n|        .*\n|          .*\n)+", "  - closer\n",
                             config.read_text()))
    shutil.rmtree(project / "docs" / "es")
    shutil.rmtree(project / "quizzes" / "es")
    return project


def bench_languages(work: Path, pairs: int, build, row) -> None:
    print(f"\nLanguages: the course in English and Spanish against English alone, {pairs} pairs, each build cold")
    both, one = copy_project(work / "lang-both"), english_only(copy_project(work / "lang-one"))
    build(both, work / "lang-site-both"), build(one, work / "lang-site-one")  # warm-up
    runs = [(build(both, work / "lang-site-both"), build(one, work / "lang-site-one")) for _ in range(pairs)]
    for key, name in (("total", "wall"), ("cpu", "CPU")):
        ratio = statistics.median(b[key] / o[key] for b, o in runs)
        row(f"English alone, median, {name}", f"{statistics.median(o[key] for _, o in runs):.2f} s")
        row(f"English and Spanish, median, {name}", f"{statistics.median(b[key] for b, _ in runs):.2f} s")
        row(f"both / English alone, median of pairs, {name}", f"{ratio:.2f}", "<= 2.0", ratio <= 2.0)
