"""What the engine needs to know about Markdown, without making any HTML.

Validation reports markup that the renderer would remove (raw HTML, unsafe links), so it is
given a check to call; the engine itself never renders. `render.text.removed_markup` is the
check every caller passes.
"""

from __future__ import annotations

import re
from typing import Callable

# (Markdown source, inline?) -> a description of each thing rendering would remove from it
MarkupCheck = Callable[[str, bool], list[str]]

_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def words(source: str) -> int:
    """The number of words a reader sees in a Markdown source (link targets are not read)."""
    return len(re.findall(r"\w+", _LINK_TARGET.sub("]", source)))
