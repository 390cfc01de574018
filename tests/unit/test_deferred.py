"""mkdocs-macros' `git` variable: git runs when a page reads it, not in every build."""

from __future__ import annotations

from mkdocs_macros import context

from closer.adapter.deferred import OnFirstRead, defer_git_variables


def test_the_contents_are_made_once_and_only_when_read():
    calls = []
    lazy = OnFirstRead(lambda: calls.append(1) or {"short_commit": "abc1234"})
    repr(lazy)  # mkdocs-macros writes every variable into a debug message on every build
    assert calls == []
    assert lazy["short_commit"] == "abc1234" and dict(lazy) == {"short_commit": "abc1234"}
    assert calls == [1]


def test_the_git_variable_reads_what_git_says(monkeypatch):
    monkeypatch.setattr(context, "get_git_info", lambda: {"status": True, "short_commit": "abc1234"})
    defer_git_variables()
    defer_git_variables()  # a second build in the process wraps it once
    variable = context.get_git_info()
    assert isinstance(variable, OnFirstRead)
    assert variable["short_commit"] == "abc1234"
