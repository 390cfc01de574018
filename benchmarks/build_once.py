"""One `mkdocs build` in this process, timed, printed as JSON: a child process of run.py.

    python benchmarks/build_once.py PROJECT SITE [--without-quizzes]

--without-quizzes builds the same site with every quiz call removed: quiz() on pages, each
lesson's knowledge check and each quiz page render nothing; macros and all else stay on.
The steps after the pages (embeds, downloads and worksheets; the JSON Schema; the script
policy) and loading the quizzes are timed on their own as well.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import sys
import time


def main() -> None:
    project, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    os.chdir(project)
    sys.path.insert(0, str(project))  # the project's own macros package, as mkdocs-macros loads it
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from closer.adapter import course_pages, macros_module, plugin
    from closer.publish import site as publishing

    steps: dict[str, float] = {}

    def timed(name, function):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[name] = steps.get(name, 0.0) + time.perf_counter() - start
        return run

    plugin.load_catalog = timed("load", plugin.load_catalog)
    publishing.export_all = timed("exports", publishing.export_all)  # the steps after the pages, shared
    publishing.write_schema = timed("schema", publishing.write_schema)  # with closer-export
    publishing.apply_policy = timed("policy", publishing.apply_policy)
    if "--without-quizzes" in sys.argv:
        course_pages.render_quiz = macros_module.render_quiz = publishing.render_quiz = lambda *args, **kwargs: ""

    start, cpu = time.perf_counter(), time.process_time()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    # CPU time as well: on a shared machine, other processes stretch wall time but not this one's CPU.
    print(json.dumps({"total": time.perf_counter() - start, "cpu": time.process_time() - cpu, **steps}))


if __name__ == "__main__":
    main()
