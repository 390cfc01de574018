"""Site-level checks on what MkDocs gives the plugin: the files of docs/ and every page's front matter."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..engine.pages import check_front_matter
from ..engine.site_config import check_docs_file
from .build import DOCS_FOLDER, Build, page_file


def check_docs_files(build: Build, files, docs: Path) -> None:
    """Every file of docs/ is a page or a picture, and lies in docs/ (the rule is the CLI's too)."""
    for file in files:
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or not source.is_relative_to(docs):
            continue  # the theme's own files, and generated pages
        problem = check_docs_file(file.src_uri, source, docs, DOCS_FOLDER.get())
        if problem is not None:
            build.page_problems.append(problem)


def check_front_matters(build: Build, files) -> None:
    """Front matter of every written page, before anything renders; a refused page is never rendered."""
    for file in files.documentation_pages():
        if file.src_uri in build.quiz_pages:
            continue
        problems = check_front_matter(build.source(file), page_file(file),
                                      lesson=PurePosixPath(file.src_uri).parent.as_posix() == "lessons")
        build.page_problems.extend(problems)
        if any(not p.warning for p in problems):
            build.refused.add(file.src_uri)
