"""Closer's benchmarks: build time, scale, page weight and start-up, each beside its target.

    ./dev bench                      every benchmark (about 9 minutes on 2 cores)
    ./dev bench --only weight,startup --pairs 3
    ./dev bench --only peer          Closer against mkdocs-quiz on the same course, at 20 and 200 pages
    ./dev bench --only serve,languages   the author's wait under serve; what Spanish adds
    ./dev bench --only lighthouse    Lighthouse 12 on home, a lesson and the check-in (needs npx)

Figures are printed, never asserted: tests check behaviour, these scripts measure it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path
import statistics
import subprocess
import sys
import tempfile

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.languages import bench_languages  # noqa: E402
from benchmarks.lighthouse import bench_lighthouse  # noqa: E402
from benchmarks.peer import bench_peer  # noqa: E402
from benchmarks.serve import bench_serve  # noqa: E402
from closer.publish.assets import minified  # noqa: E402
from closer.publish.bundle import COMPONENTS, bundle_script, bundle_stylesheet, site_bundle, site_needs  # noqa: E402
from tests.support import copy_project, free_port  # noqa: E402  (one copy of these helpers)

ORIGIN = f"http://127.0.0.1:{free_port()}"
KIB = 1024


def gz(data: bytes | str) -> int:
    """Bytes after gzip -9, as a server compressing text would send them."""
    return len(gzip.compress(data.encode() if isinstance(data, str) else data, 9))


def kib(size: float) -> str:
    return f"{size / KIB:.1f} KiB"


def row(name: str, figure: str, target: str = "", met: bool | None = None) -> None:
    verdict = "" if met is None else ("meets" if met else "MISSES")
    print(f"  {name:<52} {figure:>14}  {target:<14} {verdict}")


def build(project: Path, site: Path, without_quizzes: bool = False) -> dict:
    """One timed build in a fresh process (no warm caches of ours carried between runs)."""
    command = [sys.executable, str(ROOT / "benchmarks" / "build_once.py"), str(project), str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CLOSER_SITE_URL": ORIGIN + "/"}
    result = subprocess.run(command + (["--without-quizzes"] if without_quizzes else []),
                            env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(run.get(key, 0.0) for run in runs)


def bench_build(work: Path, pairs: int) -> tuple[Path, Path]:
    print(f"\nBuild: the site as built (A) against every quiz call removed (B), {pairs} pairs A B A B")
    project = copy_project(work / "project")
    build(project, work / "warm-up")
    runs_a, runs_b = [], []
    for _ in range(pairs):
        runs_a.append(build(project, work / "site-a"))
        runs_b.append(build(project, work / "site-b", without_quizzes=True))
    for key, name in (("total", "wall"), ("cpu", "CPU")):
        ratios = [a[key] / b[key] for a, b in zip(runs_a, runs_b)]
        ratio = statistics.median(ratios)
        row(f"build A, median, {name} time", f"{median_of(runs_a, key):.2f} s")
        row(f"build B, median, {name} time", f"{median_of(runs_b, key):.2f} s")
        row(f"A / B, median of paired ratios, {name} time", f"{ratio:.3f}", "<= 1.10", ratio <= 1.10)
        row("  paired ratios", " ".join(f"{r:.3f}" for r in ratios))
    for step, name in (("load", "loading and validating every quiz"), ("exports", "embeds, downloads, worksheets"),
                       ("schema", "JSON Schema"), ("policy", "script policy and headers (hashing)")):
        row(f"A: {name}", f"{median_of(runs_a, step) * 1000:.0f} ms",
            f"{median_of(runs_a, step) / median_of(runs_a, 'total'):.1%} of A")
    row("B: embeds, downloads, worksheets (quizzes empty)", f"{median_of(runs_b, 'exports') * 1000:.0f} ms")
    return work / "site-a", work / "site-b"


SCALE_PAGE = '---\ntitle: Scale page {n}\n---\n\n{{{{ quiz("scale-{n}") }}}}\n'


def scaled_project(work: Path, count: int) -> Path:
    """The project plus `count` generated quizzes, each on a page kept out of the navigation."""
    project = copy_project(work / f"scale-{count}")
    example = (ROOT / "quizzes" / "sample-knowledge-check.yml").read_text()
    (project / "docs" / "scale").mkdir()
    for n in range(count):
        (project / "quizzes" / f"scale-{n}.yml").write_text(example.replace("title: ", f"title: Scale {n} - ", 1))
        (project / "docs" / "scale" / f"q-{n}.md").write_text(SCALE_PAGE.format(n=n))
    with (project / "mkdocs.yml").open("a") as config:
        config.write("\nnot_in_nav: |\n  /scale/\n")
    return project


def bench_scale(work: Path, counts: list[int]) -> None:
    print(f"\nScale: {', '.join(map(str, counts))} generated quizzes, each on a page out of the navigation")
    project = scaled_project(work, 0)
    base = [build(project, work / "scale-site-0") for _ in range(3)]
    row("0 extra quizzes: build, median of 3", f"{median_of(base, 'total'):.2f} s")
    for count in counts:
        project = scaled_project(work, count)
        runs = [build(project, work / f"scale-site-{count}") for _ in range(1 if count >= 1000 else 3)]
        extra = {key: (median_of(runs, key) - median_of(base, key)) / count for key in ("total", "load", "exports")}
        row(f"{count} quizzes: build", f"{median_of(runs, 'total'):.2f} s")
        row(f"{count} quizzes: per quiz, whole build", f"{extra['total'] * 1000:.1f} ms")
        row(f"{count} quizzes: per quiz, loading and validating", f"{extra['load'] * 1000:.2f} ms")
        row(f"{count} quizzes: per quiz, embed + download", f"{extra['exports'] * 1000:.2f} ms")


WIDGET_KINDS = {  # each kind's own scripts and stylesheet, in bundle order
    "knowledge-check": (["knowledge-check/knowledge-check.js"], ["knowledge-check/knowledge-check.css"]),
    "deck": (["deck/deck.js"], ["deck/deck.css"]),
    "self-assessment": (["self-assessment/scoring.js", "self-assessment/results.js",
                         "self-assessment/self-assessment.js"], ["self-assessment/self-assessment.css"]),
}


def widgets_alone(kinds=tuple(WIDGET_KINDS)) -> dict[str, int]:
    """The widgets' own code, minified as the build minifies it: the core and these kinds, no site-only parts."""
    scripts = ["core/core.js", "core/kept.js", *(name for kind in kinds for name in WIDGET_KINDS[kind][0]),
               "core/start.js"]
    styles = ["core/quiz.css", *(name for kind in kinds for name in WIDGET_KINDS[kind][1])]
    script = bundle_script([COMPONENTS / name for name in scripts])
    return {"script": gz(minified(script, ".js")), "style": gz(minified(bundle_stylesheet(styles), ".css"))}


def bench_weight(site_a: Path, site_b: Path) -> None:
    print("\nWeight (gzip -9)")
    assets = site_a / "assets" / "closer"
    files = {name: gz((assets / name).read_bytes()) for name in ("closer.js", "closer.css")}
    for name, size in files.items():
        row(f"{name} (raw {kib((assets / name).stat().st_size)}), every page, cached", kib(size))
    total = sum(files.values())
    widgets = widgets_alone()
    row("widgets' own JS + CSS (core, the three kinds, their styles)",
        f"{kib(widgets['script'])} + {kib(widgets['style'])}", "<= 6 KiB", sum(widgets.values()) <= 6 * KIB)
    for kind in WIDGET_KINDS:
        alone = widgets_alone((kind,))
        row(f"  the core and {kind} alone", f"{kib(alone['script'])} + {kib(alone['style'])}")
    for kind in WIDGET_KINDS:  # what a coach's site of one kind loads on every page
        bundle = site_bundle(site_needs({kind}, False, False, []), "en")
        sizes = [gz(minified(bundle[name], suffix)) for name, suffix in (("closer.js", ".js"), ("closer.css", ".css"))]
        row(f"a site of {kind}s only: closer.js + closer.css", f"{kib(sizes[0])} + {kib(sizes[1])}")
    lesson = "lessons/trust/index.html"
    heavier = gz((site_a / lesson).read_bytes()) - gz((site_b / lesson).read_bytes())
    # Every page of this site loads closer.js and closer.css (quick exit, progress), with or
    # without a quiz, so the page without its check loads them too: only the HTML differs.
    row("lesson page with its check, first load, minus without", kib(heavier), "<= 8 KiB", heavier <= 8 * KIB)
    row("  the same if a page without quiz skipped the widget files", kib(heavier + total))
    pages = {page.parent.name: gz(page.read_bytes()) for page in (site_a / "quizzes").glob("*/index.html")}
    largest = max(pages, key=pages.get)
    row(f"largest quiz page HTML ({largest})", kib(pages[largest]), "<= 14 KiB", pages[largest] <= 14 * KIB)
    check_in = "quizzes/intimacy-check-in/index.html"
    added = gz((site_a / check_in).read_bytes()) - gz((site_b / check_in).read_bytes())
    row("check-in (27 items): HTML the quiz adds", kib(added))
    downloads = sorted((site_a / "downloads").rglob("*.html"))
    row("single-file downloads: largest, raw", kib(max(p.stat().st_size for p in downloads)))


STARTUP = """
window.__bench = {};
document.addEventListener("DOMContentLoaded", () => { window.__bench.dcl = performance.now(); });
new MutationObserver((records, observer) => {
  // Delivered after the script task that set data-ready, so after the widget's start-up ran.
  if (document.querySelector("[data-quiz][data-ready]")) { window.__bench.ready = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"]});
"""


def bench_startup(site_a: Path, loads: int) -> None:
    print(f"\nStart-up in Chromium: DOMContentLoaded to widget interactive, median of {loads} loads")
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path, serving
    from tests.browser.test_scoring_agreement import spec_of
    from tests.support import project_quizzes

    check_in = project_quizzes().quizzes["intimacy-check-in"].quiz
    with serving(site_a, ORIGIN), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for path in ("/quizzes/intimacy-check-in/", "/lessons/trust/", "/embed/quizzes/intimacy-check-in/"):
            context = browser.new_context(service_workers="block")
            context.add_init_script(STARTUP)
            page = context.new_page()
            times = []
            for _ in range(loads):
                page.goto(ORIGIN + path)
                page.wait_for_function("window.__bench && window.__bench.ready !== undefined")
                times.append(page.evaluate("window.__bench.ready - window.__bench.dcl"))
            row(f"{path}", f"{statistics.median(times):.1f} ms", f"(min {min(times):.1f}, max {max(times):.1f})")
            context.close()
        from closer.publish.bundle import COMPONENTS
        page = browser.new_page()  # the scoring script alone, as its test loads it
        page.set_content(f"<script>{(COMPONENTS / 'self-assessment' / 'scoring.js').read_text()}</script>")
        answers = [(i % 5) + 1 for i in range(len(check_in.items))]
        per_call = page.evaluate("""([spec, answers]) => {
            const times = [];
            for (let round = 0; round < 21; round++) {
              const start = performance.now();
              for (let i = 0; i < 100; i++) score(spec, answers);
              times.push((performance.now() - start) / 100);
            }
            return times.sort((a, b) => a - b)[10];
        }""", [spec_of(check_in), answers])
        row(f"check-in scoring, full answer set ({len(check_in.items)} items)", f"{per_call * 1000:.0f} µs", "median of 21 x 100")
        page.goto(ORIGIN + "/quizzes/intimacy-check-in/")
        page.wait_for_selector("[data-quiz][data-ready]", state="attached")
        shown = page.evaluate("""(answers) => {
            const form = document.querySelector('[data-quiz="intimacy-check-in"] form') ||
                         document.querySelector('[data-quiz="intimacy-check-in"]').closest('form');
            document.querySelectorAll('[data-quiz="intimacy-check-in"] .closer-quiz__item').forEach((item, i) => {
              item.querySelector(`input[value="${answers[i]}"]`).checked = true;
            });
            const start = performance.now();
            form.querySelector('[type=submit]').click();
            return performance.now() - start;
        }""", answers)
        row("check-in: submit to results on screen", f"{shown:.1f} ms", "one run")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="build,scale,weight,startup,lighthouse,peer,serve,languages")
    parser.add_argument("--pairs", type=int, default=7, help="A B build pairs (default 7)")
    parser.add_argument("--scale", default="10,100,1000", help="generated quiz counts")
    parser.add_argument("--loads", type=int, default=15, help="page loads per start-up figure")
    args = parser.parse_args()
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="closer-bench-") as temporary:
        work = Path(temporary)
        print(f"Closer benchmarks, {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
        if only & {"build", "weight", "startup", "lighthouse"}:
            site_a, site_b = bench_build(work, args.pairs if "build" in only else 1)
        if "scale" in only:
            bench_scale(work, [int(n) for n in args.scale.split(",")])
        if "weight" in only:
            bench_weight(site_a, site_b)
        if "startup" in only:
            bench_startup(site_a, args.loads)
        if "lighthouse" in only:
            from tests.browser.conftest import chromium_path
            bench_lighthouse(site_a, int(ORIGIN.rsplit(":", 1)[1]), chromium_path(), row)  # its own origin
        if "peer" in only:
            bench_peer(work, args.pairs, row)
        if "serve" in only:
            bench_serve(work, 5, row)
        if "languages" in only:
            bench_languages(work, args.pairs, build, row)


if __name__ == "__main__":
    main()
