"""The built site asks nothing of other hosts and carries one hash-only script policy."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
import pytest

from tests.support import ROOT, run_mkdocs_build
from tests.support.checks import sha256
from tests.support.hosting import HOSTS, headers_for, read_rules

LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon",
                 "prefetch", "preconnect", "dns-prefetch", "mask-icon"}
CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")\s]+)")
# The theme's bundle names two CDN files it loads only on demand: mermaid (pages with mermaid
# diagrams: this site has none) and a ResizeObserver polyfill (browsers without one). The
# policy's script-src 'self' would block both.
CONDITIONAL_CDN = {"https://unpkg.com/mermaid@11/dist/mermaid.min.js", "https://unpkg.com/resize-observer-polyfill"}
CDN_HOSTS = re.compile(r"https?://(?:unpkg\.com|cdn\.|cdnjs\.|fonts\.|[a-z.]*jsdelivr|[a-z.]*googleapis|"
                       r"[a-z.]*gstatic|[a-z.]*analytics|[a-z.]*googletagmanager)[^\s\"'`)]*")


def pages(site, downloads: bool = True):
    """Every built page; single-file downloads carry a policy of their own (tests/build/test_embed_pages.py)."""
    return {path: BeautifulSoup(path.read_text(), "html.parser") for path in sorted(site.rglob("*.html"))
            if downloads or "downloads" not in path.relative_to(site).parts[:2]}  # /downloads/, /es/downloads/


def loads_elsewhere(url: str, origin: str) -> bool:
    url = url.strip()
    if url.startswith("data:") or url.startswith("#"):
        return False
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return bool(parts.scheme) and f"{parts.scheme}://{parts.netloc}" != origin


def test_no_page_or_stylesheet_loads_anything_from_another_host(built_site, site_origin):
    found = []
    for path, soup in pages(built_site).items():
        for tag in soup.find_all(True):
            urls = [tag.get(a) for a in ("src", "poster", "data", "action", "formaction") if tag.get(a)]
            if tag.name == "link" and LOADING_LINKS & set(tag.get("rel", [])):
                urls.append(tag.get("href", ""))
            urls += [part.split()[0] for part in tag.get("srcset", "").split(",") if part.strip()]
            urls += CSS_URL.findall(tag.get("style", ""))
            if tag.name == "style":
                urls += CSS_URL.findall(tag.get_text())
            found += [(path.name, url) for url in urls if loads_elsewhere(url, site_origin)]
        refresh = soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
        assert refresh is None, path
    for css in built_site.rglob("*.css"):
        found += [(css.name, url) for url in CSS_URL.findall(css.read_text()) if loads_elsewhere(url, site_origin)]
    assert found == []


def test_scripts_name_no_cdn_beyond_the_themes_on_demand_files(built_site):
    names = set()
    for script in built_site.rglob("*.js"):
        names |= set(CDN_HOSTS.findall(script.read_text(errors="replace")))
    assert names <= CONDITIONAL_CDN
    for path, soup in pages(built_site).items():
        assert not soup.select(".mermaid, pre.mermaid, code.language-mermaid"), path


def test_config_calls_no_outside_service():
    config = (ROOT / "mkdocs.yml").read_text()
    for setting in ("repo_url", "analytics", "google", "consent", "social"):
        assert not re.search(rf"^\s*{setting}\s*:", config, re.M), setting
    assert re.search(r"^\s*font:\s*false", config, re.M)


def test_one_hash_only_policy_first_in_every_head(built_site):
    policies, inline = set(), set()
    for path, soup in pages(built_site, downloads=False).items():
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        first_script = soup.head.find("script")
        assert first_script is None or metas[0].sourceline < first_script.sourceline or (  # None: embeds
            metas[0].sourceline == first_script.sourceline and metas[0].sourcepos < first_script.sourcepos), path
        policies.add(metas[0]["content"])
        # No page tells the next where the reader came from, on any host (the quick exit's replace() included).
        assert soup.head.find("meta", attrs={"name": "referrer", "content": "no-referrer"}), path
        for script in soup.find_all("script"):
            if not script.get("src") and script.get("type", "text/javascript") in ("text/javascript", "module"):
                inline.add(sha256(script.string or ""))
    assert len(policies) == 1
    directives = dict((d.split(" ", 1) + [""])[:2] for d in policies.pop().split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    script_sources = set(directives["script-src"].split())
    assert "'unsafe-inline'" not in script_sources and "'unsafe-eval'" not in script_sources
    assert script_sources == {"'self'"} | inline  # exactly the site's inline scripts, found anew here
    assert inline, "the theme has inline scripts; none found means the check is broken"


# Paths a reader may ask for: pages, an embed, a download, assets, and addresses the site lacks (a 404).
ASKED_FOR = ["/", "/about/", "/quizzes/trust/", "/embed/quizzes/trust/", "/embed/lessons/trust/",
             "/downloads/quizzes/trust.html", "/assets/closer/closer.js", "/sitemap.xml", "/404.html",
             "/no-such-page", "/no-such-page/", "/lessons/no-such-lesson/", "/favicon.ico"]


def who_may_frame(sent: dict[str, str]) -> str:
    """What a browser lets frame a response: "any site" or "this site", from its policies and X-Frame-Options."""
    ancestors = [directive.split()[1:] for policy in sent.get("content-security-policy", "").split(",")
                 for directive in policy.split(";") if directive.split()[:1] == ["frame-ancestors"]]
    if ancestors:  # then browsers ignore X-Frame-Options; every policy must allow the frame
        return "any site" if all(sources == ["*"] for sources in ancestors) else "this site"
    return "this site" if sent.get("x-frame-options") in ("SAMEORIGIN", "DENY") else "any site"


@pytest.mark.parametrize("host", HOSTS)
def test_every_response_carries_the_headers_and_only_embeds_take_another_site_s_frame(built_site, host):
    rules = read_rules((built_site / "_headers").read_text())
    for path in ASKED_FOR:
        sent = headers_for(rules, path, host)
        assert sent.get("referrer-policy") == "no-referrer", path
        assert sent.get("x-content-type-options") == "nosniff", path
        assert sent.get("cross-origin-opener-policy") == "same-origin", path
        assert "content-security-policy" in sent, path
        assert who_may_frame(sent) == ("any site" if path.startswith("/embed/") else "this site"), path


@pytest.mark.parametrize("host", HOSTS)
def test_each_page_is_sent_its_own_policy_and_no_policy_that_blocks_its_scripts(built_site, host):
    """Where a host joins two rules' policies, a browser enforces both: neither may block what the page runs."""
    rules = read_rules((built_site / "_headers").read_text())
    for path, file, ancestors in (("/", "index.html", "'self'"), ("/quizzes/trust/", "quizzes/trust/index.html", "'self'"),
                                  ("/embed/quizzes/trust/", "embed/quizzes/trust/index.html", "*"),
                                  ("/downloads/quizzes/trust.html", "downloads/quizzes/trust.html", "'self'"),
                                  ("/no-such-page", "404.html", None)):
        meta = BeautifulSoup((built_site / file).read_text(), "html.parser").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        policies = [policy.strip() for policy in headers_for(rules, path, host)["content-security-policy"].split(",")]
        assert ancestors is None or f"{meta}; frame-ancestors {ancestors}" in policies, path
        for policy in policies:
            assert set(_sources(meta, "script-src")) <= set(_sources(policy, "script-src")), (path, policy)


def _sources(policy: str, directive: str) -> list[str]:
    return next((part.split()[1:] for part in policy.split(";") if part.split()[:1] == [directive]), [])


def test_strict_build_refuses_an_external_asset(project_copy):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text() + '\n<img src="https://tracker.example/pixel.gif" alt="">\n')
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "External file: https://tracker.example/pixel.gif" in result.stdout + result.stderr
