"""Publishing: the GitHub Pages workflow tests before it publishes, and builds for the published address."""

from __future__ import annotations

import yaml

from tests.support import ROOT


def test_the_pages_workflow_runs_the_test_command_before_it_publishes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    build = workflow["jobs"]["build"]
    steps = [step.get("run") or step.get("uses") for step in build["steps"]]
    tested = steps.index("./dev test")
    built = next(i for i, step in enumerate(steps) if step and "mkdocs build --strict" in step)
    uploaded = next(i for i, step in enumerate(steps) if step and step.startswith("actions/upload-pages-artifact"))
    assert tested < built < uploaded
    assert build["steps"][tested]["env"]["CI"] == "true"  # browser tests fail, never skip, there
    assert "CLOSER_SITE_URL" in build["steps"][built]["env"]
    assert workflow["jobs"]["deploy"]["needs"] == "build"
