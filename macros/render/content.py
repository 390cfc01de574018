"""What Markdown makes of a page, checked against an allow-list of the tags and attributes the course uses.

Raw HTML and attribute lists in a page could otherwise add a script (which the policy would
hash and run), a style, a form, a frame, an event handler or a widget's own `data-` hooks.
Anything not listed stops the build at the page's line and column.
"""

from __future__ import annotations

from html.parser import HTMLParser
import re

from ..engine.loading import line_col
from ..engine.problems import Problem
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
FIX = ("write Markdown, or only the HTML the course uses (see 'Pages and lessons' in the authoring guide); "
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
            self.found.append((f"HTML tag <{tag}> is not allowed in a page", rf"<{re.escape(tag)}\b"))
            return
        for name, value in attrs:
            value = value or ""
            if name not in ATTRIBUTES.get(tag, set()) | ANY_TAG:
                self.found.append((f"attribute '{name}' on <{tag}> is not allowed in a page",
                                   _word(name)))
            elif name == "class" and not all(CLASSES.fullmatch(token) for token in value.split()):
                self.found.append((f"class '{value}' on <{tag}> is not allowed in a page", _word(value)))
            elif name == "id" and not ID.fullmatch(value):
                self.found.append((f"id '{value}' is not allowed in a page", _word(value)))
            elif name in ("href", "src") and url_problem(tag, value):
                self.found.append((url_problem(tag, value) + " is not allowed in a page", re.escape(value[:20])))

    handle_startendtag = handle_starttag

    # Browsers end comments and read "<![CDATA[" differently from this parser ("<!-->" closes a
    # comment in HTML5), so markup could hide inside one: pages hold no comments or declarations.
    def handle_comment(self, data):
        self.found.append(("an HTML comment is not allowed in a page", r"<!"))

    def handle_decl(self, decl):
        self.found.append(("an HTML declaration is not allowed in a page", r"<!"))

    def unknown_decl(self, data):
        self.found.append(("an HTML declaration is not allowed in a page", r"<!"))

    def handle_pi(self, data):
        self.found.append(("an HTML processing instruction is not allowed in a page", r"<\?"))


def _word(text: str) -> str:
    """A pattern for text standing on its own: not inside a longer name, nor a tag's name."""
    return rf"(?<![\w</-]){re.escape(text)}(?![\w-])"


def check_content(html: str, source: str, path: str, placeholder: re.Pattern) -> list[Problem]:
    """Every refusal in a page's rendered content, located where its source shows it."""
    scan = _Scan(placeholder)
    scan.feed(html)
    scan.close()
    seen: dict[str, int] = {}  # the nth refusal of a pattern is the nth place the source shows it
    problems = set()
    for what, pattern in scan.found:
        nth = seen[pattern] = seen.get(pattern, -1) + 1
        problems.add(Problem(path, *_locate(source, pattern, nth), what, FIX))
    return sorted(problems)


def _locate(source: str, pattern: str, nth: int) -> tuple[int, int]:
    """1-based line and column of the nth match of pattern in source (ignoring case), or the last one."""
    matches = list(re.finditer(pattern, source, re.I)) if pattern else []
    if not matches:
        return 1, 1
    return line_col(source, matches[min(nth, len(matches) - 1)].start())
