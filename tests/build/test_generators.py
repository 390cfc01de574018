"""The course builds the same under ProperDocs, the maintained fork of MkDocs 1.x, as under MkDocs."""

from __future__ import annotations

import gzip
from pathlib import Path
import re

from tests.support import PROPERDOCS, ROOT, run_mkdocs_build
from tests.support.checks import assert_failed_with

GENERATOR_META = re.compile(rb'\s*<meta name="generator" content="[^"]*">')  # names the tool that built it
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")  # the day of the build: two builds may straddle midnight


def comparable(path: Path) -> bytes:
    """A built file's bytes without what names the generator or the day it ran."""
    data = path.read_bytes()
    if path.name.startswith("sitemap.xml"):
        return LASTMOD.sub(b"", gzip.decompress(data) if path.suffix == ".gz" else data)
    return GENERATOR_META.sub(b"", data)


def site_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, site_origin, tmp_path):
    site = tmp_path / "site"
    result = run_mkdocs_build(ROOT, site, site_origin + "/", generator=PROPERDOCS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    files = site_files(site)
    assert files == site_files(built_site)
    assert len([name for name in files if name.endswith(".html")]) > 100
    differing = [name for name in files if comparable(site / name) != comparable(built_site / name)]
    assert differing == []


def test_properdocs_stops_at_a_broken_quiz_with_its_location(project_copy):
    path = project_copy / "quizzes" / "sample-knowledge-check.yml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    result = run_mkdocs_build(project_copy, project_copy / "site", generator=PROPERDOCS)
    assert_failed_with(result, "quizzes/sample-knowledge-check.yml:2:1: unknown key 'titel'; did you mean 'title'?",
                       project_copy)
