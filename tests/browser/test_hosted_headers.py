"""The built site served with its `_headers` as Netlify and Cloudflare Pages apply them: embeds, the quick exit and 404s."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT, free_port, run_mkdocs_build
from tests.support.browser import NEUTRAL, host_page, open_page, serving, stand_in_for_the_neutral_site
from tests.support.hosting import HOSTS, hosted_handler

pytestmark = pytest.mark.browser
BLOCKED = "chrome-error://chromewebdata/"  # where Chromium sends a frame its response refuses


@pytest.fixture(scope="session")
def hosted_build(tmp_path_factory) -> tuple[Path, str]:
    """The project built for an origin of its own, where it is served as a host serves it."""
    origin, site = f"http://127.0.0.1:{free_port()}", tmp_path_factory.mktemp("hosted")
    result = run_mkdocs_build(ROOT, site, origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site, origin


@pytest.fixture(params=HOSTS)
def hosted(request, hosted_build):
    """That site served with the headers of the host named by the parameter."""
    site, origin = hosted_build
    with serving(site, origin, hosted_handler(site, request.param)):
        yield origin


def test_another_site_s_frame_shows_an_embed_and_neither_a_page_nor_a_missing_one(browser, hosted, tmp_path):
    paths = ["/embed/quizzes/trust/", "/lessons/trust/", "/no-such-page"]
    (tmp_path / "index.html").write_text(host_page(hosted, paths))
    with serving(tmp_path, f"http://127.0.0.1:{free_port()}") as coach:
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(coach + "/")
        frames = [page.locator("iframe").nth(index).element_handle().content_frame() for index in range(len(paths))]
        frames[0].locator("[data-quiz][data-ready]").wait_for()
        page.wait_for_function("() => document.readyState === 'complete'")
        assert [frame.url for frame in frames] == [hosted + paths[0], BLOCKED, BLOCKED]
        context.close()


def test_the_quick_exit_leaves_a_page_sent_with_every_header_and_back_does_not_return(browser, hosted):
    page, log, errors = open_page(browser, hosted, "/about/")
    stand_in_for_the_neutral_site(page)
    response = page.goto(hosted + "/lessons/vulnerability/")
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    page.locator("main").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()
    page.wait_for_load_state()
    assert page.url == hosted + "/about/"
    assert errors == [] and log.foreign == []
    page.context.close()


def test_leave_this_page_in_an_embed_still_leaves_the_coach_s_whole_page(browser, hosted, tmp_path):
    (tmp_path / "index.html").write_text(host_page(hosted, ["/embed/quizzes/intimacy-check-in/"]))
    with serving(tmp_path, f"http://127.0.0.1:{free_port()}") as coach:
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        stand_in_for_the_neutral_site(page)
        with page.expect_response(hosted + "/embed/quizzes/intimacy-check-in/") as embed:
            page.goto(coach + "/")
        assert embed.value.headers["cross-origin-opener-policy"] == "same-origin"
        inner = page.locator("iframe").element_handle().content_frame()
        inner.locator("[data-quiz][data-ready]").wait_for()
        inner.get_by_role("link", name="Leave this page").click()
        page.wait_for_url(NEUTRAL + "**")  # the coach's page itself has gone
        context.close()


@pytest.mark.parametrize("path", ["/downloads/quizzes/trust.html", "/no-such-page", "/lessons/no-such-lesson/"])
def test_a_download_and_the_404_page_run_under_every_policy_they_are_sent(browser, hosted, path):
    page, log, errors = open_page(browser, hosted, "/")
    response = page.goto(hosted + path)
    assert response.status == (200 if path.startswith("/downloads/") else 404)
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "SAMEORIGIN" and "content-security-policy" in response.headers
    assert page.locator("a[data-closer-exit]").is_visible()
    if path.startswith("/downloads/"):
        page.locator("[data-quiz][data-ready]").wait_for()
    assert errors == [] and log.foreign == []  # no policy violation, nothing from elsewhere
    page.context.close()
