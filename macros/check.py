"""Check every quiz without building the site: the build's lines and exit status, faster."""

from __future__ import annotations

import argparse
from pathlib import Path
import sys

from .catalog import load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closer-check", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="folder holding quizzes/ and docs/ (default: here)")
    args = parser.parse_args(argv)
    project = args.project
    catalog = load_catalog(project / "quizzes", project)
    docs = project / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
    pages |= {f"quizzes/{quiz_id}.md" for quiz_id in catalog.quizzes}
    catalog.check_links(pages)
    for problem in catalog.problems:
        print(problem)
    count = len(catalog.quizzes)
    if catalog.problems:
        print(f"{len(catalog.problems)} problem(s); {count} quiz file(s) valid", file=sys.stderr)
        return 1
    print(f"{count} quiz file(s) valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
