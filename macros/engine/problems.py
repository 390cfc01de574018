"""Located problems: the one error format every part of the engine reports in."""

from __future__ import annotations

from dataclasses import dataclass
import difflib


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a 1-based line and column of a file, with what is wrong and how to fix it."""

    path: str
    line: int
    col: int
    what: str
    fix: str
    warning: bool = False

    def __str__(self) -> str:
        level = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.col}: {level}{self.what}; {self.fix}"


def closest(name: str, choices, limit: int = 3) -> list[str]:
    """The choices nearest to name, closest first (for "did you mean")."""
    return difflib.get_close_matches(name, list(choices), n=limit, cutoff=0.6)


def did_you_mean(name: str, choices, fallback: str) -> str:
    """A fix that names the nearest choice when there is one."""
    near = closest(name, choices, limit=1)
    return f"did you mean '{near[0]}'?" if near else fallback


def by_closeness(name: str, choices) -> list[str]:
    """All choices, the most similar to name first."""
    return sorted(choices, key=lambda c: (-difflib.SequenceMatcher(None, name, c).ratio(), c))
