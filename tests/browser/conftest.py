"""The built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os

import pytest

from tests.support.browser import CHROMIUM_FLAGS, chromium_path, open_page, serving


@pytest.fixture(scope="session")
def served_site(built_site, site_origin):
    """The built site at its site_url, served from this process."""
    with serving(built_site, site_origin) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Debian's chromium is not installed (./dev test installs it: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def open_site(browser, served_site):
    """open_page on the project's built site; contexts close after the test."""
    pages = []

    def open_(path: str = "/", **options):
        opened = open_page(browser, served_site, path, **options)
        pages.append(opened[0])
        return opened

    yield open_
    for page in pages:
        page.context.close()
