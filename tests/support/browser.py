"""Serving a built site, driving Debian's Chromium, and what the browser tests do on a page."""

from __future__ import annotations

import contextlib
import functools
import html
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import io
import os
from pathlib import Path
import re
import shutil
import sys
import threading
from urllib.parse import urlsplit

import axe_playwright_python
from pypdf import PdfReader

NEUTRAL = "https://www.bbc.com/weather"  # mkdocs.yml's extra.quick_exit_url
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run",
                  # No name but this machine's resolves, so no request can leave it, whatever a page
                  # tries; tests see each attempt in their RequestLog.
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # a browser dropping a request is not one


@contextlib.contextmanager
def serving(directory, origin: str, handler_class=QuietHandler):
    """Serve a built site folder at origin (http://127.0.0.1:<port>) from this process."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = _QuietServer(("127.0.0.1", urlsplit(origin).port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield origin
    finally:
        server.shutdown()
        server.server_close()


def stand_in_for_the_neutral_site(page_or_context) -> None:
    """The exit goes to another site: serve a stand-in so no request leaves this machine."""
    page_or_context.route(NEUTRAL + "**", lambda route: route.fulfill(body="<title>Weather</title>Weather",
                                                                      content_type="text/html"))


def host_page(site: str, paths: list[str], extra: str = "") -> str:
    """A coach's page: the documented snippet once per embed, as the panel hands it out."""
    frames = "\n".join(f'<h2>{html.escape(path)}</h2>\n<iframe src="{site}{path}" title="{html.escape(path)} (Closer)" '
                       'style="width:100%;border:0" height="640"></iframe>' for path in paths)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A coach\'s page</title></head>'
            f'<body><main><h1>My practice</h1>{frames}{extra}</main>'
            f'<script src="{site}/assets/closer/embed.js" defer></script></body></html>')


class RequestLog:
    """Every request a page makes, and apart those off the site's origin (which fail: CHROMIUM_FLAGS).

    It listens rather than routes: a route stops every request for this process to let it go on,
    which doubled the time each page took to load.
    """

    def __init__(self, origin: str):
        self.origin, self.seen, self.foreign = origin, [], []

    def record(self, request):
        url = request.url
        self.seen.append(url)
        exit_ = url.startswith(NEUTRAL) and request.is_navigation_request()  # the quick exit leaving, by design
        if not (url.startswith(self.origin + "/") or url == self.origin or url.startswith(("data:", "blob:")) or exit_):
            self.foreign.append(url)


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
    context.on("request", log.record)
    context.expose_function("__closerReport", lambda text: errors.append(text))
    context.add_init_script(_WATCH_POLICY)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + path)
    return page, log, errors


AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()  # packaged, never a CDN


WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, scope: str = "document", contrast: bool = True) -> list[str]:
    """axe-core's WCAG 2.1 AA violations; contrast=False leaves out colour contrast, half of axe's time."""
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(AXE)
    rules = "{}" if contrast else "{'color-contrast': {enabled: false}}"
    result = page.evaluate("axe.run(%s, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations'], rules: %s})"
                           % (scope, WCAG_AA, rules))
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def take_quiz(widget, kind: str, settle=lambda: None) -> None:
    """Answer everything and show the outcome: every Check pressed, results submitted, or a deck's round begun.

    A self-assessment's safety questions are answered too, all "Disagree": a calm screen.
    `settle` runs after each Check: in an embed, the host resizes the frame a moment after its
    content grows, and a click aimed before that would land where the next question used to be.
    """
    if kind == "deck":  # five cards drawn (what a learning platform counts as done), one a favourite
        for _ in range(5):
            widget.locator("[data-deck-next]").click()
        widget.locator("[data-deck-favourite]").click()
    elif kind == "self-assessment":
        for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
            item.locator("input").nth(1).check()
        widget.locator("button[type=submit]").click()  # by its place, not its words: pages in any language
        widget.locator("[data-dimension='overall']").wait_for()
    else:
        for question in widget.locator(".closer-quiz__question").all():
            question.locator("input").first.check()
            question.locator(".closer-quiz__check").click()
            settle()


def answer_by_clicking(widget, answers, items: str = ".closer-quiz__item") -> None:
    """Choose each given point of a self-assessment's statements (or of items) with the mouse; None skips."""
    fieldsets = widget.locator(items)
    for index, value in enumerate(answers):
        if value is not None:
            fieldsets.nth(index).locator(f'input[value="{value}"]').check()


def show_results_calmly(widget, answers) -> None:
    """Answer a self-assessment's statements as given, each safety question "Strongly disagree" (a calm screen), and show results."""
    answer_by_clicking(widget, answers)
    for item in widget.locator("[data-quiz-screen] .closer-quiz__screen-item").all():
        item.locator("input").first.check()
    widget.get_by_role("button", name="Show my results").click()
    widget.locator("[data-dimension='overall']").wait_for()


def front(page):
    """The tab the reader turns to, put in front.

    A tab behind another draws no frames, so every click in it waits about two seconds for the
    element to be seen stable.
    """
    page.bring_to_front()
    return page


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches a JS predicate on `el`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(page, paper: str = "A4") -> list[str]:
    """The page printed to PDF as the browser prints it, each sheet's text read back on one line."""
    # A line that breaks after a hyphen ("ten-\nminute") reads back as the word it was.
    return [flat(re.sub(r"-\n", "-", sheet.extract_text())) for sheet in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]
