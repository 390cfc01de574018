"""Fixtures shared by every test tier: the site built once, and the origin it is served from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import ROOT, UNSERVED_SITE_URL, copy_project, free_port, run_mkdocs_build


def pytest_configure(config):
    # A build needs the site's address. Builds that are never served (copies of the project, broken on
    # purpose) get this one; the served site is built for its own origin (built_site, below).
    os.environ.setdefault("CLOSER_SITE_URL", UNSERVED_SITE_URL)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from today's rendering instead of comparing with it")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def site_origin() -> str:
    """The origin the built site is served from in browser tests (its site_url)."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_origin) -> Path:
    """The project built once with `mkdocs build --strict` for the served origin."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site, site_origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture()
def project_copy(tmp_path):
    """A throwaway copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")
