"""Every malformed quiz in the corpus fails with a located `path:line:col: what; fix` line."""

from __future__ import annotations

import re

import pytest

from closer.engine.kinds import check_links
from closer.engine.loading import MAX_BYTES
from tests.support import FIXTURES, quiz_from_text

CORPUS = FIXTURES / "invalid"
CASES = [line.split("\t") for line in (CORPUS / "EXPECTED.tsv").read_text().splitlines()[1:]]
LINE = re.compile(r"^quizzes/[^:]+:\d+:\d+: (warning: )?[^;]+; .+$")


def problems_of(name: str, raw: bytes):
    loaded, problems = quiz_from_text(raw, f"quizzes/{name}")
    if loaded:  # a valid structure can still point at a page the site lacks
        problems = problems + check_links(loaded.quiz, loaded.document, loaded.file, {"index.md"})
    return loaded, [str(p) for p in problems]


def test_corpus_is_large_and_fully_listed():
    files = {p.name for p in CORPUS.glob("*.yml")}
    assert len(CASES) >= 40
    assert files == {name for name, _, _ in CASES}


@pytest.mark.parametrize("name,where,expect", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_refused_at_its_line_and_column(name, where, expect):
    loaded, lines = problems_of(name, (CORPUS / name).read_bytes())
    assert loaded is None or any("does not exist" in line for line in lines)
    assert lines, "no problem reported"
    for line in lines:
        assert LINE.match(line), f"not in the located format: {line}"
    assert any(line.startswith(f"quizzes/{name}:{where}: ") and expect in line for line in lines), lines


def test_all_problems_of_a_file_are_reported_at_once():
    _, lines = problems_of("several-problems.yml", (CORPUS / "several-problems.yml").read_bytes())
    assert any(":2:1: unknown key 'titel'" in line for line in lines)
    assert any(":7:49: expected true or false" in line for line in lines)


def test_oversized_file_is_refused():
    raw = b"kind: knowledge-check\ntitle: Big\n" + b"# padding\n" * (MAX_BYTES // 10 + 1)
    _, lines = problems_of("big.yml", raw)
    assert lines == [f"quizzes/big.yml:1:1: file is {len(raw)} bytes, over the {MAX_BYTES} byte limit; "
                     "split it into smaller quizzes"]


def test_alias_bomb_is_refused_before_expansion():
    _, lines = problems_of("alias-bomb.yml", (CORPUS / "alias-bomb.yml").read_bytes())
    assert len(lines) < 100  # one per anchor or alias, never one per expanded node


KNOWLEDGE_CHECK = (CORPUS / "version-too-large.yml").read_text().replace("version: 1000000000000000000000\n", "")
SELF_ASSESSMENT = (CORPUS / "sa-max-word.yml").read_text()
DIGITS = "9" * 5000  # past Python's int() limit of 4,300 digits


@pytest.mark.parametrize("text,where,bounds", [
    (KNOWLEDGE_CHECK + f"version: {DIGITS}\n", "9:10", "at most 9999, found 999999999999… (5000 digits); "
     "write a whole number from 1 to 9999"),
    (KNOWLEDGE_CHECK + f"version: -{DIGITS}\n", "9:10", "at least 1, found -99999999999… (5000 digits); "
     "write a whole number from 1 to 9999"),
    (SELF_ASSESSMENT.replace("max: five", f"max: {DIGITS}"), "5:8", "at most 100, found 999999999999… (5000 "
     "digits); write a whole number from -100 to 100"),
    (SELF_ASSESSMENT.replace("min: 1", f"min: -{DIGITS}").replace("max: five", "max: 5"), "4:8",
     "at least -100, found -99999999999… (5000 digits); write a whole number from -100 to 100"),
], ids=["version", "negative version", "scale max", "scale min"])
def test_a_number_of_thousands_of_digits_is_refused_with_its_bounds(text, where, bounds):
    _, lines = problems_of("big.yml", text.encode())
    assert lines == [f"quizzes/big.yml:{where}: must be {bounds}"]


@pytest.mark.parametrize("first,second", [
    ("Keeping promises", "\uff2beeping promises"), ("Keep the \ufb01re", "Keep the fire"),
    ("Caf\u00e9", "Cafe\u0301"), ("Keep  small promises", "Keep small promises"),
    ("Keep\u00a0promises", "Keep promises"), ("Keep promises \u2764", "Keep promises \u2764\ufe0f"),
], ids=["full width", "ligature", "composed accent", "double space", "no-break space", "variation selector"])
def test_options_that_look_the_same_count_as_a_repeat(first, second):
    text = KNOWLEDGE_CHECK.replace("Keeping small promises", first).replace("Grand gestures", second)
    _, lines = problems_of("same.yml", text.encode())
    assert lines == ["quizzes/same.yml:8:16: this option repeats an earlier one; give every option a different text"]
