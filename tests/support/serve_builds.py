"""Builds a project as `mkdocs serve` does, in one process, with saves between the builds.

    python serve_builds.py SITE DIRTY STEPS_JSON     (run in the project's folder)

DIRTY is 1 for `./dev serve` (`mkdocs serve --dirty`), 0 for a full build each time. STEPS_JSON
is a list of saves, each {"path", "old", "new"} (a replacement), {"path", "text"} (a new file)
or {"path", "delete": true}; a build follows each one. Prints one JSON line per build: whether it
ended well, and the site's files it wrote or removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8765/"


def files_of(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}


def build_once(site: Path, dirty: bool, first: bool) -> dict:
    before = files_of(site) if site.is_dir() else {}
    config = load_config("mkdocs.yml", site_dir=str(site))  # `mkdocs serve` loads it again for each build
    config.site_url = URL
    if first:
        config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        build(config, serve_url=URL, dirty=dirty)
        ok = True
    except BaseException:  # noqa: BLE001 (mkdocs serve logs a failed build and keeps serving)
        ok = False
    after = files_of(site)
    return {"ok": ok, "written": sorted(name for name in after if before.get(name) != after[name]),
            "removed": sorted(set(before) - set(after))}


def save(step: dict) -> None:
    path = Path(step["path"])
    time.sleep(0.01)  # a later modification time than the build's
    if step.get("delete"):
        path.unlink()
    elif "text" in step:
        path.write_text(step["text"], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert step["old"] in text, f"{path} lacks {step['old']!r}"
        path.write_text(text.replace(step["old"], step["new"], 1), encoding="utf-8")


def main(site: str, dirty: str, steps: str) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(json.dumps(build_once(Path(site), dirty == "1", True)), flush=True)
    for step in json.loads(steps):
        save(step)
        print(json.dumps(build_once(Path(site), dirty == "1", False)), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
