"""One Content-Security-Policy for the whole built site, from the hashes of the theme's inline scripts.

Instant navigation keeps the first page's policy, and the theme's inline scripts differ with
page depth, so the policy allows every inline script that the theme and the project's
templates write on any page. Scripts in a page's content are never hashed: content is
author text, and the content check refuses scripts there anyway.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
import re

from .urls import DOWNLOADS, EMBED

PLACEHOLDER = "closer-content-security-policy"
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}

DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",  # the theme sets style attributes; scripts stay hash-only
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",  # no form on this site sends answers anywhere
]


# A script element's text ends at the first "</script" (HTML's script data state); the theme's
# scripts never use the "<!--<script" escape that would change that. Tests recount with an HTML parser.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\s/>]", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The exact text of every inline script a browser would run (a regex: parsing pages was slow)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind.group(1).lower() if kind else "") in _EXECUTABLE:
            found.append(text)
    return found


def template_script_hashes(page_html: str, content: str) -> set[str]:
    """The hashes of a page's inline scripts outside its content (the theme's and ours)."""
    return {script_hash(script) for script in inline_scripts(page_html.replace(content, "", 1) if content
                                                              else page_html)}


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def standalone_policy(script: str, styles: str) -> str:
    """A single-file download's own policy: its one inline script and stylesheet, nothing else."""
    return (f"default-src 'none'; script-src {script_hash(script)}; style-src {script_hash(styles)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def policy(hashes: set[str]) -> str:
    return "; ".join(DIRECTIVES).format(hashes=" ".join(sorted(hashes)))


def apply_policy(site: Path, hashes: set[str], downloads_policy: str) -> str:
    """Write the site-wide policy, allowing the given script hashes, into every page and a headers file."""
    site_policy = policy(hashes)
    for page in sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != DOWNLOADS):
        text = page.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            page.write_text(text.replace(PLACEHOLDER, site_policy), encoding="utf-8")
    (site / "_headers").write_text(headers_file(site, site_policy, downloads_policy), encoding="utf-8")
    return site_policy


def headers_file(site: Path, site_policy: str, downloads_policy: str) -> str:
    """Headers for Netlify- and Cloudflare-Pages-style hosts; only embed pages may be framed."""
    def rule(path: str, ancestors: str) -> str:
        own = downloads_policy if path.startswith(f"/{DOWNLOADS}/") else site_policy  # inline assets
        return (f"{path}\n  Content-Security-Policy: {own}; frame-ancestors {ancestors}\n"
                "  Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n")
    rules = [rule("/", "'self'")]
    for entry in sorted(site.iterdir()):
        name = entry.name + ("/*" if entry.is_dir() else "")
        if entry.name != "_headers":
            rules.append(rule("/" + name, "*" if entry.name == EMBED else "'self'"))
    return "\n".join(rules)
