"""Checks several test tiers share: a failed build's output, script hashes, data as an editor sees it."""

from __future__ import annotations

import base64
import hashlib
import re

from closer.engine.loading import load


def assert_failed_with(result, expected: str, project) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert "Traceback" not in output and 'File "' not in output
    problems = [line for line in output.splitlines() if not line.startswith("INFO")]
    assert not any(str(project) in line for line in problems)  # located by project-relative paths


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


# What an editor's YAML 1.2 parser (core schema, the VS Code YAML extension's default) makes of
# an unquoted scalar; written from the spec, independent of the engine's own Scalar.kind.
CORE = [
    (re.compile(r"null|Null|NULL|~|"), lambda s: None),
    (re.compile(r"true|True|TRUE"), lambda s: True),
    (re.compile(r"false|False|FALSE"), lambda s: False),
    (re.compile(r"[-+]?[0-9]+"), int),
    (re.compile(r"0o[0-7]+"), lambda s: int(s[2:], 8)),
    (re.compile(r"0x[0-9a-fA-F]+"), lambda s: int(s[2:], 16)),
    (re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"), float),
    (re.compile(r"[-+]?\.(?:inf|Inf|INF)"), lambda s: float(s.replace(".", "", 1))),
    (re.compile(r"\.(?:nan|NaN|NAN)"), lambda s: float("nan")),
]


def core_value(node):
    """The loader's data (Scalar strings) as the JSON an editor validates: keys text, scalars typed."""
    if isinstance(node, dict):
        return {str(key): core_value(value) for key, value in node.items()}
    if isinstance(node, list):
        return [core_value(item) for item in node]
    if not node.quoted:
        for pattern, convert in CORE:
            if pattern.fullmatch(node):
                return convert(str(node))
    return str(node)


def editor_data(raw: bytes):
    """A file as an editor's schema check sees it, or None when it is not one YAML mapping/value."""
    doc, _ = load(raw, "quizzes/x.yml")
    return None if doc is None else core_value(doc.data)
