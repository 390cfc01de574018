"""SCORM 1.2 packages of lessons and quizzes, for learning platforms (Moodle, Canvas, LearnDash…).

A package is a zip with `imsmanifest.xml` and one launch page: the offline download of the
lesson or quiz, plus scorm.js beside this file (no site page runs it, so it is not one of the
bundle's components), which reports completion, and a knowledge check's score, and nothing else. Zips are written with a fixed date, so the
same sources always give the same bytes. scorm.js has no message catalog of its own, so the words it shows
are written into the launch page's markup, in the page's language (`with_words`).
"""

from __future__ import annotations

import html
import io
from pathlib import Path
import re
import xml.etree.ElementTree as ET
import zipfile

from ..messages import _
from .assets import minified

LAUNCH_PAGE = "index.html"
MANIFEST = "imsmanifest.xml"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (f"{IMSCP} imscp_rootv1p1p2.xsd "
                    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                    f"{ADLCP} adlcp_rootv1p2.xsd")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SCORM_META = '<meta name="closer-scorm" '  # as the standalone page template writes it


def scorm_script() -> str:
    """The launch page's reporting script, minified like the site's own."""
    return minified((Path(__file__).with_name("scorm.js")).read_text(encoding="utf-8"), ".js")


def with_words(launch_page: str) -> str:
    """The launch page with the words scorm.js shows, in the language spoken, as data-* attributes of its meta."""
    words = {"finish": _("I have finished this lesson"), "finished": _("✓ Marked as finished.")}
    attributes = "".join(f'data-{name}="{html.escape(text, quote=True)}" ' for name, text in words.items())
    return launch_page.replace(SCORM_META, SCORM_META + attributes, 1)


def manifest(identifier: str, title: str) -> str:
    """The package's manifest: one organization, one item, one SCO (the launch page)."""
    title = CONTROL.sub("", title)  # XML 1.0 has no place for them, and a platform would refuse the file
    for prefix, uri in (("", IMSCP), ("adlcp", ADLCP), ("xsi", XSI)):
        ET.register_namespace(prefix, uri)
    root = ET.Element(f"{{{IMSCP}}}manifest", {"identifier": identifier, "version": "1.0",
                                                f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS})
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": "closer"})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": "closer"})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item", {"identifier": "item", "identifierref": "sco",
                                                            "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "sco", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH_PAGE})
    ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": LAUNCH_PAGE})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def package(identifier: str, title: str, launch_page: str) -> bytes:
    """The zip a coach uploads: manifest and launch page at its root."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in ((MANIFEST, manifest(identifier, title)), (LAUNCH_PAGE, with_words(launch_page))):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
