"""Loading keeps scalars exactly as written and knows where every node starts."""

from __future__ import annotations

from macros.engine.loading import Scalar, load


def load_ok(text: str):
    doc, problems = load(text.encode(), "quizzes/x.yml")
    assert problems == []
    return doc


def test_text_scalars_keep_their_exact_spelling():
    doc = load_ok("a: No\nb: 1.10\nc: 007\nd: 'yes'\ne: off\n")
    assert [doc.data[k] for k in "abcde"] == ["No", "1.10", "007", "yes", "off"]


def test_scalar_kinds_follow_yaml_core_with_lowercase_booleans_only():
    doc = load_ok("a: true\nb: True\nc: 3\nd: 2.5\ne: '3'\nf:\ng: ~\n")
    kinds = {k: v.kind for k, v in doc.data.items()}
    assert kinds == {"a": "bool", "b": "str", "c": "int", "d": "float", "e": "str", "f": "null", "g": "null"}


def test_positions_are_one_based_for_values_keys_and_list_items():
    doc = load_ok("title: T\nlist:\n  - first\n  - {x: 1}\n")
    assert doc.positions[("title",)] == (1, 8)
    assert doc.key_positions[("list",)] == (2, 1)
    assert doc.positions[("list", 1)] == (4, 5)
    assert doc.positions[("list", 1, "x")] == (4, 9)
    assert isinstance(doc.data["title"], Scalar) and (doc.data["title"].line, doc.data["title"].col) == (1, 8)


def test_byte_order_mark_and_windows_line_endings_are_accepted():
    doc, problems = load("\ufefftitle: T\r\nkind: x\r\n".encode(), "quizzes/x.yml")
    assert problems == [] and doc.data["kind"] == "x" and doc.positions[("kind",)] == (2, 7)


def test_tabs_are_reported_once_per_line():
    _, problems = load(b"a:\t1\tb\nc: 2\n\td: 3\n", "quizzes/x.yml")
    assert [(p.line, p.col) for p in problems] == [(1, 3), (3, 1)]
