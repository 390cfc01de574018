"""A built site served as hosts that read `_headers` serve it (Netlify, Cloudflare Pages): every rule a path matches applies.

Both hosts match a rule's path with `*` as a splat (any characters, slashes too) and give a path
the headers of every rule it matches. They differ where two matching rules set the same header:
Cloudflare Pages joins the values with commas (two policies, both enforced); Netlify keeps the
later rule's (as its own engine does, `headersForPath` in @netlify/headers). A path with no file
gets the site's 404.html, with the headers of its own path.
"""

from __future__ import annotations

import io
from pathlib import Path
import re
from urllib.parse import unquote, urlsplit

from tests.support.browser import QuietHandler

HOSTS = ("netlify", "cloudflare")


def read_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(path pattern, [(header, value)…]) for each rule of a `_headers` file, in order."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern: str, path: str) -> bool:
    splat = re.escape(pattern).replace(r"\*", ".*")
    if pattern.endswith("/*"):  # "/about/*" covers "/about" too
        splat = splat[:-len("/.*")] + "(?:/.*)?"
    return re.fullmatch(splat, path) is not None


def headers_for(rules, path: str, host: str) -> dict[str, str]:
    """The headers a host sends for a request path (names in lower case)."""
    sent: dict[str, str] = {}
    for pattern, headers in rules:
        if not matches(pattern, path):
            continue
        own: dict[str, str] = {}
        for name, value in headers:  # one header twice in one rule: joined, on both hosts
            own[name.lower()] = f"{own[name.lower()]}, {value}" if name.lower() in own else value
        for name, value in own.items():
            sent[name] = f"{sent[name]}, {value}" if host == "cloudflare" and name in sent else value
    return sent


def hosted_handler(site: Path, host: str):
    """A request handler for `serving` that sends the site's `_headers` as the host would, and its 404 page."""
    rules = read_rules((site / "_headers").read_text(encoding="utf-8"))

    class Hosted(QuietHandler):
        def send_head(self):
            target = Path(self.translate_path(self.path))
            if not (target.is_file() or (target / "index.html").is_file()):
                body = (site / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)  # do_GET sends it, do_HEAD only closes it
            return super().send_head()

        def end_headers(self):
            for name, value in headers_for(rules, unquote(urlsplit(self.path).path), host).items():
                self.send_header(name, value)
            super().end_headers()

    return Hosted
