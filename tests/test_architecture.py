"""The layers stay apart: import rules and sizes, read from the code itself.

The rules are data here, in one place; each module's imports are read with `ast`, relative
imports resolved, so a rule breaks the moment someone crosses a line.
"""

from __future__ import annotations

import ast
from pathlib import Path
import subprocess
import sys

from closer.publish.bundle import COMPONENTS, SCRIPT_NAME, STYLE_ORDER, STYLESHEET_NAME, script_sources
from tests.support import ROOT

PACKAGE = ROOT / "macros"  # installed as the package `closer`
FRAMEWORK = {"mkdocs", "mkdocs_macros", "material"}  # the site generator and its theme
HTML = {"markdown", "nh3", "bs4", "selectolax", "markupsafe", "html"}  # code that makes or reads HTML
RULES = {
    # part of macros/ -> the modules it may not import (a name also forbids everything below it)
    "closer": FRAMEWORK | {"closer.adapter"},  # the CLI and everything else
    "closer.adapter": set(),  # the one part that knows MkDocs and mkdocs-macros
    "closer.engine": FRAMEWORK | HTML | {"closer.render", "closer.publish", "closer.adapter"},
    "closer.engine.scoring": FRAMEWORK | HTML | {"closer.render", "closer.publish", "closer.adapter",
                                                 "closer.engine.catalog", "closer.engine.loading"},
    "closer.render": FRAMEWORK | {"closer.publish", "closer.adapter"},
    "closer.publish": FRAMEWORK | {"closer.adapter"},
}
CLIS = ["closer.check", "closer.export_site"]  # run where no generator is installed
MAX_LINES, MAX_FUNCTION_LINES = 300, 50


def module_name(path: Path) -> str:
    """A file's module name in the installed package: macros/ installs as `closer` (pyproject.toml)."""
    parts = ("closer",) + path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The absolute names of the modules a file imports."""
    name, found = module_name(path), set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[:len(base) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}  # `from . import x` names a module
    return found


def rule_for(name: str) -> set[str]:
    part = max((p for p in RULES if name == p or name.startswith(p + ".")), key=len)
    return RULES[part]


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def forbidden(imported: str, rule: set[str]) -> bool:
    parts = imported.split(".")
    return any(".".join(parts[:n]) in rule for n in range(1, len(parts) + 1))


def test_each_part_imports_only_what_its_rule_allows():
    crossings = [(name, imported) for name, path in MODULES.items() for imported in imports(path)
                 if forbidden(imported, rule_for(name))]
    assert crossings == []


def test_the_rules_bind_real_code():
    """Each part exists, and the rules do forbid what the parts around them use."""
    assert all(any(name == part or name.startswith(part + ".") for name in MODULES) for part in RULES)
    assert forbidden("mkdocs.plugins", rule_for("closer.render.text"))
    assert any(imported.split(".")[0] == "mkdocs" for imported in imports(PACKAGE / "adapter" / "plugin.py"))
    assert any(imported.split(".")[0] == "nh3" for imported in imports(PACKAGE / "render" / "text.py"))
    assert forbidden("nh3", rule_for("closer.engine.catalog"))


def test_the_cli_imports_nothing_of_the_site_generator():
    seen, todo = set(), list(CLIS)
    while todo:
        name = todo.pop()
        if name in seen or name not in MODULES:
            continue
        seen.add(name)
        found = imports(MODULES[name])
        assert not {n.split(".")[0] for n in found} & FRAMEWORK, name
        todo += [n for n in found if n.startswith("closer")]
    assert {"closer.engine.catalog", "closer.project", "closer.publish.site"} <= seen  # the walk reached them


def test_the_cli_checks_a_project_where_mkdocs_cannot_be_imported():
    blocked = ("import sys, runpy; sys.modules.update(dict.fromkeys(['mkdocs', 'mkdocs_macros', 'material'])); "
               "sys.argv = ['closer-check', '--project', sys.argv[1]]; runpy.run_module('closer.check', "
               "run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", blocked, str(ROOT)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "quiz file(s) valid" in result.stderr


def test_python_modules_and_functions_stay_short():
    for name, path in MODULES.items():
        lines = path.read_text().splitlines()
        assert len(lines) <= MAX_LINES, f"{name} has {len(lines)} lines"
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{name}.{node.name} has {length} lines"


def top_level_functions(source: str) -> dict[str, int]:
    """Name -> lines, for each `function name(` at the start of a line, up to its closing `}`."""
    found, name, start = {}, None, 0
    for number, line in enumerate(source.splitlines(), 1):
        if line.startswith("function "):
            name, start = line.split("(")[0].split()[-1], number
        elif name and line.startswith("}"):
            found[name], name = number - start + 1, None
    return found


def test_browser_code_is_one_file_per_component_every_file_bundled_and_none_kept_built():
    sources = sorted(COMPONENTS.rglob("*.js"))
    assert sorted(script_sources()) == sources  # no file left out of the bundle, none listed twice
    assert {path.parent.name for path in sources} >= {"core", "knowledge-check", "self-assessment", "quick-exit"}
    for built in [SCRIPT_NAME, STYLESHEET_NAME]:
        assert not (ROOT / "docs" / "assets" / "closer" / built).exists()  # made at build time only
    styles = sorted(COMPONENTS.rglob("*.css"))
    assert sorted(COMPONENTS / part for part in STYLE_ORDER) == styles


def test_browser_files_and_functions_stay_short():
    for path in sorted(COMPONENTS.rglob("*.js")):
        source = path.read_text()
        assert len(source.splitlines()) <= MAX_LINES, f"{path.name} has {len(source.splitlines())} lines"
        functions = top_level_functions(source)
        assert functions or path.name == "start.js", path  # the reader found the file's functions
        for name, length in functions.items():
            assert length <= MAX_FUNCTION_LINES, f"{path.name}: {name} has {length} lines"
