"""What `mkdocs serve` watches on a Closer site, and how soon `./dev serve` notices a save.

A changed component script rebuilds the site's bundle, so Closer's components are watched too.

MkDocs' live-reload server finds saved files by polling the watched folders every 0.5 s, so a
save waited 0.25 s on average, and up to 0.5 s, before its build even started: as long as the
build of a saved lesson itself. Where Closer renders only what a save changes (`./dev serve`,
which is `mkdocs serve --dirty`), it polls every 0.1 s instead. One poll of the course's watched
folders (docs, quizzes, the config, Closer's components) takes about 1 ms.
"""

from __future__ import annotations

from ..publish.bundle import COMPONENTS

POLL_SECONDS = 0.1


def watch_closer(server, dirty: bool):
    """The server, watching Closer's components too, and polling often when saves render only what they change."""
    server.watch(str(COMPONENTS))
    if dirty:
        poll_often(server)
    return server


def poll_often(server) -> None:
    """Make the server's file watcher poll every POLL_SECONDS, for its watches so far and to come.

    watchdog has no setter for a running interval: its observer hands `_timeout` to each watch's
    poller as the watch is added. A watcher without it is left as it is.
    """
    observer = getattr(server, "observer", None)
    for watcher in [observer, *getattr(observer, "emitters", ())]:
        if hasattr(watcher, "_timeout"):
            watcher._timeout = POLL_SECONDS
