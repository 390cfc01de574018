"""The course in its own words: runs of words it shares with the source guides, found by fingerprint.

The guides are not the project's to publish, so the repository keeps only a fingerprint of
them: a hash of every run of RUN words (lower-cased, as `../shared/tools/originality.py`
normalises them), never their text. The suite checks the course against it in any clone.

    python -m tests.originality                          # check docs/ and quizzes/
    python -m tests.originality --refresh ../shared/seeds  # rewrite the fingerprint from the guides
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
import re
import sys

ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = ROOT / "tests" / "data" / "guides.fingerprint"
RUN = 10  # the shortest shared run that counts
SHORT_LINE = 12  # guide lines under this many words (titles, headings) are not compared
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
CONTENT = (".md", ".yml", ".yaml", ".html", ".txt")


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def run_hash(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def fingerprint(seeds: Path) -> tuple[int, set[str]]:
    """The number of guides in a folder and the hashes of their runs."""
    guides = sorted(seeds.glob("*.txt"))
    hashes = set()
    for guide in guides:
        for line in guide.read_text(encoding="utf-8").splitlines():
            ws = words(line)
            if len(ws) >= SHORT_LINE:
                hashes.update(run_hash(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1))
    return len(guides), hashes


def write_fingerprint(seeds: Path, path: Path = FINGERPRINT) -> None:
    count, hashes = fingerprint(seeds)
    header = (f"# Fingerprint of the {count} source guides: sha256 of every run of {RUN} words, "
              "first 16 hex digits.\n# Made by `python -m tests.originality --refresh ../shared/seeds`; "
              "holds no text of the guides.\n")
    path.write_text(header + f"guides {count}\n" + "".join(h + "\n" for h in sorted(hashes)))


def read_fingerprint(path: Path = FINGERPRINT) -> tuple[int, set[str]]:
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return int(lines[0].split()[1]), set(lines[1:])


def shared_runs(paths: list[Path], hashes: set[str]) -> list[tuple[Path, int, str]]:
    """(file, line, the file's own words) for each run of RUN or more words that a guide also has."""
    found = []
    for path in paths:
        tokens = [(w, no) for no, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
                  for w in words(line)]
        ws = [w for w, _ in tokens]
        i = 0
        while i <= len(ws) - RUN:
            if run_hash(ws[i:i + RUN]) not in hashes:
                i += 1
                continue
            j = i + 1
            while j <= len(ws) - RUN and run_hash(ws[j:j + RUN]) in hashes:
                j += 1
            found.append((path, tokens[i][1], " ".join(ws[i:j + RUN - 1])))
            i = j + RUN - 1
    return found


def content_files(roots: list[Path]) -> list[Path]:
    return [path for root in roots for path in sorted(root.rglob("*")) if path.suffix in CONTENT and path.is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", type=Path, metavar="SEEDS", help="rewrite the fingerprint from this folder")
    args = parser.parse_args(argv)
    if args.refresh:
        write_fingerprint(args.refresh)
        print(f"wrote {FINGERPRINT.relative_to(ROOT)} from {read_fingerprint()[0]} guides")
        return 0
    runs = shared_runs(content_files([ROOT / "docs", ROOT / "quizzes"]), read_fingerprint()[1])
    for path, line, phrase in runs:
        print(f"{path.relative_to(ROOT)}:{line}: shares a run of {len(phrase.split())} words with a guide: {phrase}")
    print(f"{len(runs)} shared run(s)")
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main())
