"""The fingerprint a quiz had before the model kept Markdown source, so no saved answers are lost.

Until the engine kept each text as its Markdown source, the fingerprint hashed the questions or
items with every text field as its sanitized HTML. Widgets still restore answers saved under that
value (`data-quiz-fingerprint-previous`). A later change of algorithm would move today's
`fingerprint_of(content)` here the same way, and the widget would accept the one before it.
"""

from __future__ import annotations

import functools
import json

from ..engine.catalog import LoadedQuiz, fingerprint_of
from .text import to_html

_INLINE_FIELDS = {"text", "prompt", "label", "feedback", "title", "true", "false"}
_BLOCK_FIELDS = {"explanation", "message", "description", "intro"}


def previous_fingerprint(loaded: LoadedQuiz) -> str:
    """The fingerprint of the same questions or items as the site computed it from rendered HTML."""
    return _previous(loaded.bound.content_json)


@functools.lru_cache(maxsize=1024)
def _previous(content_json: str) -> str:
    """Once per content: each page, embed and download of a quiz shows it."""
    return fingerprint_of(_as_rendered(json.loads(content_json)))


def _as_rendered(data):
    """Dumped content with each text field as its sanitized HTML, as the model used to hold it."""
    if isinstance(data, list):
        return [_as_rendered(value) for value in data]
    if not isinstance(data, dict):
        return data
    return {key: to_html(value, key in _INLINE_FIELDS) if isinstance(value, str)
            and key in _INLINE_FIELDS | _BLOCK_FIELDS else _as_rendered(value) for key, value in data.items()}
