"""The scoring reference of QUIZ_FORMAT.md, which the browser's scoring module mirrors exactly.

Everything is integer or exact-fraction arithmetic: a score is sum/count, bands compare that
fraction with the band's decimal, and rounding is half up on the fraction, never on a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

from .kinds.self_assessment import Band, SelfAssessment


@dataclass(frozen=True)
class Score:
    """One dimension's (or the overall) result; score is None when too few items were answered."""

    sum: int
    count: int
    items: int
    band: str  # the band's label as written (Markdown source), or "" when there is no score or no bands

    @property
    def enough(self) -> bool:
        return self.count * 2 >= self.items and self.count > 0

    def rounded(self, decimals: int) -> str:
        """The score half-up rounded to `decimals` places, or "" without a score."""
        return round_half_up(self.sum, self.count, decimals) if self.enough else ""


def keyed(answer: int, reverse: bool, low: int, high: int) -> int:
    return low + high - answer if reverse else answer


def round_half_up(total: int, count: int, decimals: int) -> str:
    """floor((2·10^k·sum + count) / (2·count)) / 10^k, printed with exactly k decimals."""
    scale = 10 ** decimals
    units = (2 * scale * total + count) // (2 * count)
    sign, units = ("-", -units) if units < 0 else ("", units)
    whole, fraction = divmod(units, scale)
    return f"{sign}{whole}.{fraction:0{decimals}d}" if decimals else f"{sign}{whole}"


def band_index(total: int, count: int, bands: Sequence[Band]) -> int | None:
    """The 0-based index of the first band whose upto is at least the exact score, or None."""
    exact = Fraction(total, count)
    return next((i for i, band in enumerate(bands) if exact <= Fraction(Decimal(band.upto))), None)


def band_for(total: int, count: int, bands: Sequence[Band]) -> str:
    """The label (its source) of the first band whose upto is at least the exact score."""
    index = band_index(total, count, bands)
    return "" if index is None else bands[index].label


def _score(values: list[int], items: int, bands: Sequence[Band]) -> Score:
    total, count = sum(values), len(values)
    enough = count > 0 and count * 2 >= items
    return Score(total, count, items, band_for(total, count, bands) if enough and bands else "")


def score(quiz: SelfAssessment, answers: Sequence[int | None]) -> dict[str, Score]:
    """Each dimension's Score by id, and the overall Score under "overall"."""
    low, high = quiz.scale.min, quiz.scale.max
    if len(answers) != len(quiz.items):
        raise ValueError(f"{len(answers)} answers for {len(quiz.items)} items")
    values: dict[str, list[int]] = {d.id: [] for d in quiz.dimensions}
    every: list[int] = []
    for item, answer in zip(quiz.items, answers):
        if answer is None:
            continue
        if not low <= answer <= high:
            raise ValueError(f"answer {answer} outside {low}..{high}")
        value = keyed(answer, item.reverse, low, high)
        values[item.dimension].append(value)
        every.append(value)
    results = {}
    for dimension in quiz.dimensions:
        size = sum(1 for item in quiz.items if item.dimension == dimension.id)
        results[dimension.id] = _score(values[dimension.id], size, dimension.bands)
    results["overall"] = _score(every, len(quiz.items), quiz.overall.bands if quiz.overall else ())
    return results


def screen_flagged(quiz: SelfAssessment, answers: Sequence[int | None]) -> bool:
    """Whether any safety-screen answer is one of its item's trigger values (never a score)."""
    items = quiz.screen.items if quiz.screen else ()
    if len(answers) != len(items):
        raise ValueError(f"{len(answers)} answers for {len(items)} screen items")
    return any(answer in item.when for item, answer in zip(items, answers) if answer is not None)
