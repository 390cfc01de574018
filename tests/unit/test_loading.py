"""Loading keeps scalars exactly as written and knows where every node starts."""

from __future__ import annotations

import pytest

from closer.engine.loading import MAX_BYTES, MAX_DEPTH, Scalar, load


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


def problem_lines(text: str) -> list[str]:
    _, problems = load(text.encode(), "quizzes/x.yml")
    return [str(p) for p in problems]


DEEP = "lists and mappings nested more than 32 levels deep; nest less: a quiz needs at most 6 levels and " \
       "front matter 3; check the brackets and indentation here"
NESTINGS = {  # a shape n levels below the top mapping, and where its 33rd level (the 32nd below) starts
    "flow mappings": (lambda n: "title: " + "{a: " * n + "x" + "}" * n + "\n", (1, 8 + 31 * 4)),
    "flow lists": (lambda n: "title: " + "[" * n + "]" * n + "\n", (1, 8 + 31)),
    "block lists": (lambda n: "title:\n" + "- " * n + "x\n", (2, 1 + 31 * 2)),
    "block mappings": (lambda n: "".join(" " * i + "a:\n" for i in range(n + 1)), (33, 33)),
}


def deepest(make) -> int:
    """The most levels of a shape that fit in a file of MAX_BYTES."""
    def fits(levels: int) -> bool:
        return len(make(levels).encode()) <= MAX_BYTES
    low = 1
    while fits(low * 2):
        low *= 2
    high = low * 2 - 1
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low


@pytest.mark.parametrize("depth", [600, "deepest"])
@pytest.mark.parametrize("shape", NESTINGS)
def test_nesting_of_any_depth_is_refused_where_it_passes_the_limit(shape, depth):
    make, (line, col) = NESTINGS[shape]
    depth = deepest(make) if depth == "deepest" else depth
    assert len(make(depth).encode()) <= MAX_BYTES
    assert problem_lines(make(depth)) == [f"quizzes/x.yml:{line}:{col}: {DEEP}"]
    assert problem_lines(make(MAX_DEPTH)) == [f"quizzes/x.yml:{line}:{col}: {DEEP}"]
    assert problem_lines(make(MAX_DEPTH - 1)) == []


FIX = "delete it: readers cannot see it, and it can change how the text around it shows"
CHARACTERS = [  # how a double-quoted YAML string writes it, and how the problem names it
    ("\\e", "control character U+001B ESCAPE"), ("\\a", "control character U+0007 BELL"),
    ("\\0", "control character U+0000 NULL"), ("\\t", "control character U+0009 CHARACTER TABULATION"),
    ("\\r", "control character U+000D CARRIAGE RETURN"), ("\\x9b", "control character U+009B"),
    ("\\N", "control character U+0085 NEXT LINE"), ("\\x7f", "control character U+007F DELETE"),
    ("\\L", "invisible character U+2028 LINE SEPARATOR"), ("\\P", "invisible character U+2029 PARAGRAPH SEPARATOR"),
    ("\\u202E", "invisible character U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u202a", "invisible character U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\\u2067", "invisible character U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\\u200f", "invisible character U+200F RIGHT-TO-LEFT MARK"),
    ("\\u200b", "invisible character U+200B ZERO WIDTH SPACE"),
    ("\\u200C", "invisible character U+200C ZERO WIDTH NON-JOINER"),
    ("\\u200d", "invisible character U+200D ZERO WIDTH JOINER"),
    ("\\u2060", "invisible character U+2060 WORD JOINER"),
    ("\\ufeff", "invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\\u00ad", "invisible character U+00AD SOFT HYPHEN"),
    ("\\u180e", "invisible character U+180E MONGOLIAN VOWEL SEPARATOR"),
    ("\\ufffb", "invisible character U+FFFB INTERLINEAR ANNOTATION TERMINATOR"),
    ("\\U000E0041", "invisible character U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("\\u3164", "invisible character U+3164 HANGUL FILLER"),
    ("\\u034f", "invisible character U+034F COMBINING GRAPHEME JOINER"),
]


@pytest.mark.parametrize("escape,named", CHARACTERS, ids=[named for _, named in CHARACTERS])
def test_a_character_readers_cannot_see_is_refused_at_its_escape_by_code_point(escape, named):
    text = f'kind: x\ntitle: "Safe {escape}check"\n'
    assert problem_lines(text) == [f"quizzes/x.yml:2:14: {named}; {FIX}"]


TYPED = [(escape, named) for escape, named in CHARACTERS if named.startswith("invisible")]


@pytest.mark.parametrize("escape,named", TYPED, ids=[named for _, named in TYPED])
def test_a_character_readers_cannot_see_is_refused_where_typed(escape, named):
    char = escape.encode().decode("unicode_escape") if escape[1] in "uU" else {"\\L": "\u2028", "\\P": "\u2029"}[escape]
    for text, (line, col) in [(f"title: Safe {char}check\n", (1, 13)), (f"a:\n  - 'x {char}'\n", (2, 8)),
                              (f"a: |\n  Line\n  more {char}\n", (3, 8)), (f"k{char}: v\n", (1, 2)),
                              (f"a: v  # note {char}\n", (1, 14))]:
        assert problem_lines(text) == [f"quizzes/x.yml:{line}:{col}: {named}; {FIX}"], text


def test_visible_text_of_every_script_passes_and_only_the_hidden_character_is_refused():
    shown = "Café e\u0301 \u2014 \u201cquoted\u201d \u00a0 ❤\ufe0f 👍🏽 日本語 עברית العربية \u3000 x"
    text = f"title: {shown}\nintro: |\n  Two\n  lines\nrtl: 'a\u202eb'\n"
    assert problem_lines(text) == [f"quizzes/x.yml:5:8: invisible character U+202E RIGHT-TO-LEFT OVERRIDE; {FIX}"]
