"""Pages whose only template code is plain macro calls, read without Jinja's parser.

Most pages with template code only call a macro with constant text or numbers, such as
`{{ quiz("trust") }}`. Such a body is read here, in the time a search takes, with exactly what
Jinja's parser would give `check_body` (pages.py): each call, its line and its arguments. A
body holding anything else, or written in any way this module does not read, is left to Jinja.
"""

from __future__ import annotations

import re

# Jinja's default delimiters, and no line statements: other settings are left to Jinja.
_DEFAULTS = {"variable_start_string": "{{", "variable_end_string": "}}", "block_start_string": "{%",
             "comment_start_string": "{#", "line_statement_prefix": None, "line_comment_prefix": None}
_STRING = r"""(?:"[^"'\\{}%#\n\r]*"|'[^"'\\{}%#\n\r]*')"""  # no escapes, no delimiters inside
_NUMBER = r"(?:0|[1-9][0-9]*)"
_VALUE = f"(?:{_STRING}|{_NUMBER})"
_KEYWORD = rf"(?:id|level|part)[ \t]*=[ \t]*{_VALUE}"
_ARGUMENTS = (rf"(?:{_VALUE}(?:[ \t]*,[ \t]*{_VALUE})*(?:[ \t]*,[ \t]*{_KEYWORD})*"
              rf"|{_KEYWORD}(?:[ \t]*,[ \t]*{_KEYWORD})*)?")
_CALL = re.compile(rf"\{{\{{[ \t]*(?P<name>[a-z_]+)[ \t]*\((?P<args>[ \t]*{_ARGUMENTS}[ \t]*)\)[ \t]*\}}\}}")
_ARGUMENT = re.compile(rf"(?:(?P<key>[a-z]+)[ \t]*=[ \t]*)?(?P<value>{_VALUE})")
_STARTS = re.compile(r"(?=\{\{|\{%|\{#)")


def plain_calls(body: str, env, names: tuple[str, ...]) -> list[tuple[int, int, str, int, tuple, tuple]] | None:
    """(start, end, name, line, args, kwargs) of each call in body, when they are its only template code; else None.

    names: the macros a page may call. line is 1-based in body, as Jinja counts lines.
    """
    if any(getattr(env, setting) != default for setting, default in _DEFAULTS.items()) or "\r" in body:
        return None
    calls = list(_CALL.finditer(body))
    # Every place Jinja would start template code is the start of one of these calls.
    if [m.start() for m in _STARTS.finditer(body)] != [call.start() for call in calls]:
        return None
    found = []
    for call in calls:
        if call.group("name") not in names:
            return None
        arguments = [(m.group("key"), _constant(m.group("value"))) for m in _ARGUMENT.finditer(call.group("args"))]
        keys = [key for key, _value in arguments if key]
        if len(set(keys)) != len(keys):
            return None  # a repeated keyword is Python's error, left to Jinja to report
        found.append((call.start(), call.end(), call.group("name"), body.count("\n", 0, call.start()) + 1,
                      tuple(value for key, value in arguments if not key),
                      tuple((key, value) for key, value in arguments if key)))
    return found


def _constant(written: str) -> str | int:
    return written[1:-1] if written[0] in "\"'" else int(written)


def render_plain(body: str, calls: list[tuple[int, int, str, int, tuple, tuple]], call) -> str:
    """The body with each plain call replaced by call(name, args, kwargs), as Jinja would render it.

    As Jinja (without keep_trailing_newline), the body's last newline is dropped.
    """
    out, at = [], 0
    for start, end, name, _line, args, kwargs in calls:
        out += [body[at:start], str(call(name, args, dict(kwargs)))]
        at = end
    rest = body[at:]
    out.append(rest[:-1] if rest.endswith("\n") else rest)
    return "".join(out)
