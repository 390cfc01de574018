"""Hostile text from public lists (tests/data/public/, see its README), and how to tell it stayed inert."""

from __future__ import annotations

import codecs
import json
from urllib.parse import urlsplit
import warnings

from bs4 import BeautifulSoup

from closer.render.text import BLOCK_TAGS
from tests.support import PUBLIC_DATA as DATA

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}


def payloads() -> list[str]:
    r"""Every payload of the three lists, raw and with \xNN escapes decoded."""
    lines = []
    for name in ("xss_alert_identifiable.txt", "IntrudersXSS.txt", "XSS_Polyglots.txt"):
        lines += [line for line in (DATA / "xss" / name).read_text(errors="replace").splitlines() if line.strip()]
    decoded = []
    for line in lines:
        if "\\x" in line:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    decoded.append(codecs.decode(line, "unicode_escape"))
            except UnicodeDecodeError:
                pass
    return list(dict.fromkeys(lines + decoded))


PAYLOADS = payloads()


NAUGHTY = [s for s in json.loads((DATA / "blns.json").read_text()) if s.strip()]


def browser_url(value: str) -> str:
    """A URL as a browser reads it (WHATWG URL): C0 and spaces trimmed, tabs and newlines dropped."""
    trimmed = value.strip("".join(map(chr, range(0x21))))
    return "".join(ch for ch in trimmed if ch not in "\t\n\r").lower()


def assert_inert(html: str, allowed_tags: set[str]) -> None:
    """No script, handler, dangerous URL or foreign load in html, by a browser-like parse."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in allowed_tags, f"<{tag.name}> in {html!r}"
        for name, value in tag.attrs.items():
            assert not name.startswith("on"), f"handler {name} in {html!r}"
            value = " ".join(value) if isinstance(value, list) else value
            if name in URL_ATTRIBUTES:
                squashed = browser_url(value)
                assert not squashed.startswith(("javascript:", "vbscript:", "data:")), html
                if tag.name == "img":
                    parts = urlsplit(squashed)
                    assert not parts.scheme and not parts.netloc, html
                    assert not squashed.replace("\\", "/").startswith("//"), html


WIDGET_TAGS = BLOCK_TAGS | {"div", "h1", "h2", "fieldset", "legend", "label", "input", "span", "button",
                            "form", "section", "ul", "li", "p"}
