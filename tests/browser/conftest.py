"""The built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site, site_origin):
    """The built site at its site_url, served from this process."""
    port = urlsplit(site_origin).port
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_origin
    server.shutdown()


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


class RequestLog:
    """Every request a page makes; anything off the site's origin is blocked and kept."""

    def __init__(self, origin: str):
        self.origin, self.seen, self.foreign = origin, [], []

    def route(self, route):
        url = route.request.url
        self.seen.append(url)
        if url.startswith(self.origin + "/") or url == self.origin or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture()
def open_site(browser, served_site):
    """A function giving (page, request log, page errors) in a fresh context; service workers blocked."""
    contexts = []

    def open_(path: str = "/", *, javascript: bool = True, **context_options):
        context = browser.new_context(java_script_enabled=javascript, service_workers="block", **context_options)
        contexts.append(context)
        log = RequestLog(served_site)
        context.route("**/*", log.route)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(served_site + path)
        return page, log, errors

    yield open_
    for context in contexts:
        context.close()
