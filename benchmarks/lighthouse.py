"""Lighthouse 12 on the built site, served compressed as a host would: home, a lesson, the check-in.

Lighthouse runs from the npm registry (`npx lighthouse@12`, on the Node the machine has; 13
needs Node 22) with Debian's Chromium. Its default settings are kept: a mid-range phone on a
slow 4G network, simulated. Without Node and npm the figures are skipped, with the reason.
"""

from __future__ import annotations

import gzip
from io import BytesIO
import json
import os
import shutil
import subprocess

from tests.support.browser import QuietHandler, serving  # the tests' server, with a compressing handler

PAGES = {"home": "/", "a lesson (trust)": "/lessons/trust/", "the check-in": "/quizzes/intimacy-check-in/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


class CompressingHandler(QuietHandler):
    """Static files, gzipped for a client that accepts it, as any real host serves them."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def lighthouse(url: str, chromium: str) -> dict[str, int]:
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
            "--disable-component-update --no-first-run"
    result = subprocess.run(
        ["npx", "--yes", "lighthouse@12", url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "lighthouse failed")
    report = json.loads(result.stdout)
    scores = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    failing = [audit["title"] for audit in report["audits"].values()
               if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"]
    return {**scores, "failing": failing}


def bench_lighthouse(site, port: int, chromium: str | None, row) -> None:
    print("\nLighthouse 12 (Debian's Chromium, default mobile settings, pages served compressed)")
    if not shutil.which("npx") or chromium is None:
        row("Lighthouse", "skipped", "needs Node's npx and Chromium")
        return
    with serving(site, f"http://127.0.0.1:{port}", CompressingHandler):
        for name, path in PAGES.items():
            try:
                scores = lighthouse(f"http://127.0.0.1:{port}{path}", chromium)
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
                row(name, "not measured", str(error)[:80])
                continue
            figure = " / ".join(str(scores[c]) for c in CATEGORIES)
            met = all(scores[c] >= TARGETS[c] for c in CATEGORIES)
            row(f"{name}: performance / accessibility / best practices / SEO", figure,
                "≥ 98 / 100 / 100 / 100", met)
            for title in scores["failing"][:5]:
                print(f"    failing audit: {title}")
