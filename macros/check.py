"""Check every quiz and page without building the site: the build's lines and exit status, faster."""

from __future__ import annotations

import argparse
from pathlib import Path
import sys

import jinja2

from .engine.catalog import load_catalog
from .engine.lessons import check_nav_order
from .engine.pages import body_line, check_body, check_front_matter, split_front_matter
from .project import read_layout
from .render.text import removed_markup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closer-check", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="folder holding mkdocs.yml, its pages and quizzes (default: here)")
    args = parser.parse_args(argv)
    layout = read_layout(args.project)
    catalog = load_catalog(layout.quizzes, layout.root, removed_markup)
    docs = layout.docs
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
    pages |= {f"quizzes/{quiz_id}.md" for quiz_id in catalog.quizzes}
    catalog.check_links(pages)
    problems = catalog.problems + check_pages(docs)
    if layout.nav:  # without a nav, MkDocs lists pages by name and there is no order to check
        lessons = {p.stem for p in (docs / "lessons").glob("*.md")}
        problems += check_nav_order(layout.nav, lessons, layout.config_text)
    for problem in sorted(problems):
        print(problem)
    count = len(catalog.quizzes)
    if problems:
        print(f"{len(problems)} problem(s); {count} quiz file(s) valid", file=sys.stderr)
        return 1
    print(f"{count} quiz file(s) valid", file=sys.stderr)
    return 0


def check_pages(docs: Path) -> list:
    """The checks the build makes of every page before rendering it: front matter and template code."""
    env, problems = jinja2.Environment(), []  # parses as mkdocs-macros does; renders nothing
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        relative = page.relative_to(docs)
        path, text = f"docs/{relative.as_posix()}", page.read_text(encoding="utf-8")
        problems += check_front_matter(text, path, lesson=relative.parent.as_posix() == "lessons")
        _, body = split_front_matter(text)
        problems += check_body(body, path, body_line(text, body), env).problems
    return problems


if __name__ == "__main__":
    sys.exit(main())
