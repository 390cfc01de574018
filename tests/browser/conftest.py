"""The built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import os
import shutil
import sys
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


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # a browser dropping a request is not one


@contextlib.contextmanager
def serving(directory, origin: str):
    """Serve a built site folder at origin (http://127.0.0.1:<port>) from this process."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", urlsplit(origin).port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield origin
    finally:
        server.shutdown()
        server.server_close()


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


# Reports every Content-Security-Policy violation of every document to the test.
_WATCH_POLICY = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__closerReport(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def open_page(browser, origin: str, path: str = "/", *, javascript: bool = True, **context_options):
    """(page, request log, errors) in a fresh context with service workers blocked.

    errors collects uncaught page errors and Content-Security-Policy violations.
    """
    context = browser.new_context(java_script_enabled=javascript, service_workers="block", **context_options)
    log = RequestLog(origin)
    errors: list[str] = []
    context.route("**/*", log.route)
    context.expose_function("__closerReport", lambda text: errors.append(text))
    context.add_init_script(_WATCH_POLICY)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + path)
    return page, log, errors


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
