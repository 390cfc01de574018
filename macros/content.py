"""What Markdown makes of a page, checked against an allow-list of the tags and attributes the course uses.

Raw HTML and attribute lists in a page could otherwise add a script (which the policy would
hash and run), a style, a form, a frame, an event handler or a widget's own `data-` hooks.
Anything not listed stops the build at the page's line and column.
"""

from __future__ import annotations

from html.parser import HTMLParser
import re

from .problems import Problem
from .text import url_problem

_TEXT = {"p", "blockquote", "pre", "code", "em", "strong", "br", "hr", "sub", "sup", "kbd", "abbr", "del", "ins",
         "mark", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "div",
         "h1", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTES = {"a": {"href", "title", "class"}, "img": {"src", "alt", "title"}, "abbr": {"title"},
              "ol": {"start"}, "th": {"align"}, "td": {"align"}, "code": {"class"}, "div": {"class"},
              "p": {"class"}}
ANY_TAG = {"id"}
# Classes the course's Markdown writes (toc permalinks, admonitions, fenced code, buttons).
CLASSES = re.compile(r"headerlink|md-button|md-button--primary|admonition|admonition-title|language-[a-z0-9-]+|"
                     r"note|abstract|info|tip|success|question|warning|failure|danger|bug|example|quote")
# Ids may not shadow the theme's (`__config`, `__search`…) or the widgets' (`closer-…`).
ID = re.compile(r"(?!closer-)[A-Za-z0-9][A-Za-z0-9_-]*")
FIX = ("write Markdown, or only the HTML the course uses (see 'Pages' in the authoring guide); "
       "scripts, styles, frames, forms, handlers and data- attributes are never allowed")


class _Scan(HTMLParser):
    """Collects (what is wrong, text to find in the source) for each thing the allow-list refuses."""

    def __init__(self, placeholder: re.Pattern):
        super().__init__(convert_charrefs=True)
        self.placeholder, self.found = placeholder, []

    def handle_starttag(self, tag, attrs):
        if tag == "div" and len(attrs) == 1 and attrs[0][0] == "data-closer-stash" and \
                self.placeholder.fullmatch(attrs[0][1] or ""):
            return  # finished HTML of the project's own, put in after this check
        if tag not in _TEXT:
            self.found.append((f"HTML tag <{tag}> is not allowed in a page", f"<{tag}"))
            return
        for name, value in attrs:
            value = value or ""
            if name not in ATTRIBUTES.get(tag, set()) | ANY_TAG:
                self.found.append((f"attribute '{name}' on <{tag}> is not allowed in a page", name))
            elif name == "class" and not all(CLASSES.fullmatch(token) for token in value.split()):
                self.found.append((f"class '{value}' on <{tag}> is not allowed in a page", value))
            elif name == "id" and not ID.fullmatch(value):
                self.found.append((f"id '{value}' is not allowed in a page", value))
            elif name in ("href", "src") and url_problem(tag, value):
                self.found.append((url_problem(tag, value) + " is not allowed in a page", value[:20] or name))

    handle_startendtag = handle_starttag


def check_content(html: str, source: str, path: str, placeholder: re.Pattern) -> list[Problem]:
    """Every refusal in a page's rendered content, located at the first place in its source that shows it."""
    scan = _Scan(placeholder)
    scan.feed(html)
    scan.close()
    return sorted({Problem(path, *_locate(source, needle), what, FIX) for what, needle in scan.found})


def _locate(source: str, needle: str) -> tuple[int, int]:
    """1-based line and column of needle in source (ignoring case), or of the file's start."""
    index = source.lower().find(needle.lower()) if needle else -1
    if index < 0:
        return 1, 1
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1
