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


def apply_policy(site: Path, hashes: set[str], downloads_policy: str,
                 languages: dict[str, str] | None = None) -> str:
    """Write the site-wide policy, allowing the given script hashes, into every page and a headers file.

    languages: each other language's folder (built into site/<lang>/) -> its downloads' policy;
    hashes then include its pages' scripts too, as one policy serves the whole site.
    """
    languages = languages or {}
    site_policy = policy(hashes)
    for page in sorted(site.rglob("*.html")):
        parts = page.relative_to(site).parts
        if DOWNLOADS in parts[:1] or (parts[0] in languages and DOWNLOADS in parts[1:2]):
            continue  # each download carries its own policy
        text = page.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            page.write_text(text.replace(PLACEHOLDER, site_policy), encoding="utf-8")
    downloads = [downloads_policy, *languages.values()]
    every_page = policy(hashes | {source for each in downloads for source in _sources(each, "script-src")})
    (site / "_headers").write_text(headers_file(site, site_policy, every_page, downloads_policy, languages),
                                   encoding="utf-8")
    return site_policy


# What every response gets, from the catch-all rule alone: each header is set by one rule only.
EVERY_RESPONSE = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    # The site needs no handle on a window it opens, nor gives one to a window that opens it;
    # the quick exit replaces the page, and in an embed the coach's page decides.
    "Cross-Origin-Opener-Policy": "same-origin",
    # Only another site's frame around a path no folder rule covers (a 404) meets this: browsers
    # ignore it wherever a policy names frame-ancestors, as each folder's does (an embed's: any).
    "X-Frame-Options": "SAMEORIGIN",
}


def headers_file(site: Path, site_policy: str, every_page: str, downloads_policy: str,
                 languages: dict[str, str] | None = None) -> str:
    """Headers for Netlify- and Cloudflare-Pages-style hosts, on every path, existing or not; only embeds may be framed.

    A path takes the headers of every rule it matches. Where two rules set one header, Cloudflare
    Pages joins their values (two policies, both enforced) and Netlify keeps the later rule's. So
    the catch-all comes first and sets every_page, a policy that allows what any page needs (the
    downloads' inline script too) and names no frame-ancestors; each folder's rule then sets its
    own policy with its frame-ancestors, which is what a browser enforces either way.
    """
    def rule(path: str, headers: dict[str, str]) -> str:
        return path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())

    languages = languages or {}

    def own(path: str, ancestors: str, downloads: str) -> str:
        policy_ = downloads if DOWNLOADS in path.split("/")[1:3] else site_policy  # downloads inline their assets
        return rule(path, {"Content-Security-Policy": f"{policy_}; frame-ancestors {ancestors}"})

    def folder(root: Path, prefix: str, downloads: str) -> list[str]:
        found = [own(prefix, "'self'", downloads)]
        for entry in sorted(root.iterdir()):
            if entry.name == "_headers" or (root == site and entry.name in languages):
                continue
            name = entry.name + ("/*" if entry.is_dir() else "")
            found.append(own(prefix + name, "*" if entry.name == EMBED else "'self'", downloads))
        return found
    rules = [rule("/*", {"Content-Security-Policy": every_page, **EVERY_RESPONSE}), *folder(site, "/", downloads_policy)]
    for lang, downloads in sorted(languages.items()):  # a language's folder holds the same folders as the root
        rules += folder(site / lang, f"/{lang}/", downloads)
    return "\n".join(rules)


def _sources(policy_: str, directive: str) -> list[str]:
    """The sources one directive of a policy names."""
    return next((part.split()[1:] for part in policy_.split(";") if part.split()[:1] == [directive]), [])
