"""A WordPress post that embeds a Closer page through oEmbed: sized by WordPress's own messages.

WordPress frames an embed from another site with `sandbox="allow-scripts"` (no storage, no new
tabs, no leaving the page), adds a secret to its address, and sets the frame's height from
`{message: "height", value, secret}`, kept between 200 and 1000 pixels. The host page here does
the same, in a few lines of its own.
"""

from __future__ import annotations

import pytest

from tests.support import free_port
from tests.support.browser import serving

pytestmark = pytest.mark.browser
SECRET = "Ab12Cd34Ef"
HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title></head>
<body><h1>My post</h1>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="{title}"
  src="{src}#?secret={secret}" data-secret="{secret}" width="600" height="338"></iframe>
<script>
window.heights = [];
window.closerHeights = [];  // Closer's own messages, which a page with embed.js would read
var frame = document.querySelector("iframe");
window.addEventListener("message", function (event) {{
  var data = event.data;
  if (data && data.type === "closer:height") closerHeights.push(data.height);
  if (!data || data.secret !== frame.dataset.secret || event.source !== frame.contentWindow) return;
  if (data.message === "height") {{
    heights.push(data.value);
    frame.height = Math.min(1000, Math.max(200, parseInt(data.value, 10)));
  }}
}});
frame.addEventListener("load", function () {{
  frame.contentWindow.postMessage({{ message: "ready", secret: frame.dataset.secret }}, "*");
}});
</script></body></html>"""


@pytest.fixture()
def wordpress_post(browser, served_site, tmp_path):
    contexts = []
    with serving(tmp_path, f"http://127.0.0.1:{free_port()}") as origin:
        def open_(path: str, title: str):
            (tmp_path / "index.html").write_text(HOST.format(src=served_site + path, secret=SECRET, title=title))
            context = browser.new_context(service_workers="block", viewport={"width": 800, "height": 900})
            contexts.append(context)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{origin}/".replace("127.0.0.1", "localhost"))
            page.wait_for_function("heights.length > 0")
            return page, page.frame_locator("iframe"), errors
        yield open_
    for context in contexts:
        context.close()


def test_a_post_sizes_the_frame_from_wordpress_height_messages(wordpress_post):
    page, frame, errors = wordpress_post("/embed/quizzes/trust/", "Trust (Closer)")
    page.wait_for_function("document.querySelector('iframe').height !== '338'")
    last = page.evaluate("heights[heights.length - 1]")
    inner = frame.locator("html").evaluate("html => Math.ceil(html.getBoundingClientRect().height)")
    assert last == inner and int(page.locator("iframe").get_attribute("height")) == min(1000, max(200, last))
    assert errors == []


def test_in_the_sandbox_a_quiz_works_and_says_it_cannot_save(wordpress_post):
    page, frame, errors = wordpress_post("/embed/quizzes/intimacy-check-in/", "Check-in (Closer)")
    widget = frame.locator("[data-quiz]")
    assert "not" in widget.locator(".closer-quiz__storage").inner_text().lower()  # no storage in the sandbox
    for item in widget.locator(".closer-quiz__item, .closer-quiz__screen-item").all():
        item.locator("input").last.check()  # every answer at the top: the safety screen flags
    widget.get_by_role("button", name="Show my results").click()
    assert widget.locator("[data-screen-result]").get_attribute("data-flagged") == "true"
    page.wait_for_timeout(300)  # the last height message has arrived
    # WordPress learns exactly what any host learns (the same heights, which never depend on
    # answers: test_embeds.py), and nothing else.
    assert page.evaluate("heights") == page.evaluate("closerHeights")
    assert errors == []


def test_in_the_sandbox_leave_this_page_hides_the_embed_and_says_how_to_leave(wordpress_post):
    page, frame, errors = wordpress_post("/embed/lessons/trust/", "Trust")
    height = page.locator("iframe").evaluate("f => f.height")
    frame.get_by_role("link", name="Leave this page").click()
    notice = frame.locator(".closer-exit__notice")
    notice.wait_for()
    assert notice.inner_text() == "This part of the page is hidden. To leave the whole page, close this tab or window."
    assert frame.locator("main").evaluate("m => getComputedStyle(m).visibility") == "hidden"
    page.wait_for_timeout(300)
    assert page.locator("h1").inner_text() == "My post"  # the sandbox keeps the post: the frame cannot leave it
    assert page.locator("iframe").evaluate("f => f.height") == height
    assert errors == []
