"""Characters refused in author text, and when two texts count as the same.

Control characters and invisible format characters (Unicode category Cf: zero-width spaces and
joiners, direction overrides and isolates, soft hyphens, tag characters…) let a text display as
something other than what it holds: `Safe \u202ekcehc\u202c` shows as "Safe check". They reach
page titles, oEmbed, GIFT and SCORM manifests, so the loader refuses them in every scalar, named
by code point. Variation selectors stay allowed: emoji need U+FE0F.
"""

from __future__ import annotations

import re
import unicodedata

# Newline is the one control character text may hold (block Markdown); a raw tab has its own message.
ALLOWED_CONTROLS = "\n"
# Letters that display as nothing: Hangul fillers, and the combining grapheme joiner.
INVISIBLE_LETTERS = "\u034f\u115f\u1160\u3164\uffa0"
_REFUSED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")  # controls, format characters, line and paragraph separators
# No unicodedata name for controls: these are the ones a YAML escape writes (\0 \a \b \t \v \f \r \e \N).
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE",
                  0x7F: "DELETE", 0x85: "NEXT LINE"}
_CANDIDATES = re.compile(r"[^\n\x20-\x7e]")  # every character outside printable ASCII is looked at
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SHORT_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                  "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
FIX = "delete it: readers cannot see it, and it can change how the text around it shows"


def refused(char: str) -> bool:
    """Whether author text may not hold this character."""
    if char in ALLOWED_CONTROLS:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES or char in INVISIBLE_LETTERS


def name(char: str) -> str:
    """A refused character as an author can look it up: `U+202E RIGHT-TO-LEFT OVERRIDE`."""
    code = ord(char)
    kind = "control character" if unicodedata.category(char) == "Cc" else "invisible character"
    return f"{kind} U+{code:04X} {_CONTROL_NAMES.get(code) or unicodedata.name(char, '')}".rstrip()


def refused_in(text: str, skip: str = "") -> list[tuple[int, str]]:
    """Each refused character of text (but those in skip) with its index, in order."""
    return [(match.start(), match.group()) for match in _CANDIDATES.finditer(text)
            if match.group() not in skip and refused(match.group())]


def escape_of(source: str, char: str) -> int:
    """The index in a double-quoted scalar's source of the escape that writes char, or 0."""
    for match in _ESCAPE.finditer(source):
        written = match.group()[1:]
        value = _SHORT_ESCAPES.get(written) if len(written) == 1 else chr(int(written[1:], 16))
        if value == char:
            return match.start()
    return 0


def same_text(text: str) -> str:
    """What a text looks like to a reader, so texts that look alike compare equal.

    NFKC folds compatibility forms (a full-width `Ａ` is `A`, `ﬁ` is `fi`) and composes accents;
    variation selectors show nothing on letters; HTML shows any run of white space as one space.
    """
    return " ".join(_VARIATION_SELECTORS.sub("", unicodedata.normalize("NFKC", text)).split())
