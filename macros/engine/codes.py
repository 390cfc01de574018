"""Comparison codes (QUIZ_FORMAT "Comparing with someone"): the reference compare.js mirrors.

A code reads, for example, CLOSER1-INTIMACY-CHECK-IN-V2-213312-88: the quiz id and version in
plain sight, so a reader can see everything it tells, then one character per scored area (0 for
an area with too few answers, else its band's number, 1 for the first band), then two check
digits: the code's letters and digits read as one base-36 number, modulo 97. As 97 is prime and
larger than 36, that catches every single mistyped character and every swap of two neighbours,
and digits cannot be misread as O or I.
Hyphens and spaces are only for reading: a code typed without them, or in lower case, reads the
same.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Sequence

from .kinds.self_assessment import SelfAssessment
from .scoring import band_index, score

PREFIX = "CLOSER1"
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")  # spaces, hyphens and the dashes that replace them


def check_digits(letters_and_digits: str) -> str:
    """The two check digits of the given letters and digits: their base-36 value modulo 97."""
    remainder = 0
    for char in letters_and_digits:
        remainder = (remainder * 36 + DIGITS.index(char)) % 97
    return f"{remainder:02d}"


def make_code(quiz_id: str, version: int, bands: Sequence[int | None]) -> str:
    """The code for one reader's bands (0-based band index per scored area, in file order; None without a score)."""
    body = f"{PREFIX}-{quiz_id.upper()}-V{version}-" + "".join("0" if b is None else DIGITS[b + 1] for b in bands)
    return f"{body}-{check_digits(compact(body))}"


def compact(text: str) -> str:
    """The code's letters and digits alone, upper case."""
    return _SEPARATORS.sub("", text).upper()


@dataclass(frozen=True)
class Reading:
    """What a pasted code says: bands when it is for this quiz and version, else why it is refused."""

    problem: str  # "", "empty", "not-a-code", "typo", "other-quiz" or "other-version"
    bands: tuple[int | None, ...] = ()


def read_code(text: str, quiz_id: str, version: int, band_counts: Sequence[int]) -> Reading:
    """Read a code pasted for the quiz whose areas have these numbers of bands."""
    code = compact(text)
    if not code:
        return Reading("empty")
    if not code.startswith(PREFIX) or any(char not in DIGITS for char in code):
        return Reading("not-a-code")
    if len(code) < len(PREFIX) + 5 or check_digits(code[:-2]) != code[-2:]:
        return Reading("typo")
    own = PREFIX + compact(quiz_id) + "V"
    rest = code[len(own):-2]
    if not code.startswith(own) or not rest[:1].isdigit():
        return Reading("other-quiz")
    areas = rest[-len(band_counts):] if band_counts else ""
    written_version = rest[:len(rest) - len(band_counts)]
    bands = [DIGITS.index(char) - 1 for char in areas]
    same_version = written_version.isdigit() and int(written_version) == version
    if not same_version or len(areas) != len(band_counts) or any(b >= n for b, n in zip(bands, band_counts)):
        return Reading("other-version")  # intact, yet other areas or bands: made by another version
    return Reading("", tuple(None if b < 0 else b for b in bands))


def code_for(quiz_id: str, quiz: SelfAssessment, answers: Sequence[int | None]) -> str:
    """The code a reader with these answers makes: their band in each area, nothing else."""
    scores = score(quiz, answers)
    return make_code(quiz_id, quiz.version, [
        band_index(scores[d.id].sum, scores[d.id].count, d.bands) if scores[d.id].enough else None
        for d in quiz.dimensions])
