"""`./dev serve` notices a save within 0.1 s; plain `mkdocs serve` keeps MkDocs' own interval."""

from __future__ import annotations

from mkdocs.livereload import LiveReloadServer

from closer.adapter.serve_watch import POLL_SECONDS, watch_closer
from closer.publish.bundle import COMPONENTS


def server_watching(folder) -> LiveReloadServer:
    """MkDocs' server as `mkdocs serve` makes it, watching folder before the plugins' on_serve."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
    server.watch(str(folder))
    return server


def intervals(server: LiveReloadServer) -> set[float]:
    return {emitter.timeout for emitter in server.observer.emitters}


def test_dirty_serve_polls_every_watch_often(tmp_path):
    (tmp_path / "docs").mkdir()
    server = server_watching(tmp_path / "docs")
    assert intervals(server) == {0.5}  # MkDocs' own
    assert watch_closer(server, dirty=True) is server
    server.watch(str(tmp_path))  # a folder from mkdocs.yml's watch:, added after on_serve
    assert len(server.observer.emitters) == 3  # docs, Closer's components, the later one
    assert str(COMPONENTS) in {emitter.watch.path for emitter in server.observer.emitters}
    assert intervals(server) == {POLL_SECONDS} == {0.1}


def test_a_full_serve_keeps_mkdocs_interval(tmp_path):
    server = watch_closer(server_watching(tmp_path), dirty=False)
    assert str(COMPONENTS) in {emitter.watch.path for emitter in server.observer.emitters}
    assert intervals(server) == {0.5}
