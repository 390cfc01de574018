"""What coaches upload to learning platforms: SCORM packages, GIFT question files, oEmbed answers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

from bs4 import BeautifulSoup

from closer.engine.lessons import ORDER
from tests.support import project_quizzes

CATALOG = project_quizzes()


def test_every_lesson_and_quiz_has_a_package_with_a_sound_manifest(built_site):
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    names = [f"lessons/{slug}.zip" for slug in ORDER] + [f"quizzes/{quiz_id}.zip" for quiz_id in CATALOG.quizzes]
    for name in names:
        with zipfile.ZipFile(built_site / "downloads" / "scorm" / name) as archive:
            files = set(archive.namelist())
            root = ET.fromstring(archive.read("imsmanifest.xml"))
            launch = archive.read("index.html").decode()
        assert root.tag == f"{{{ns['cp']}}}manifest" and root.get("identifier")
        assert [root.findtext("cp:metadata/cp:schema", namespaces=ns),
                root.findtext("cp:metadata/cp:schemaversion", namespaces=ns)] == ["ADL SCORM", "1.2"]
        organizations = root.find("cp:organizations", ns)
        organization = organizations.find(f"cp:organization[@identifier='{organizations.get('default')}']", ns)
        item = organization.find("cp:item", ns)
        assert organization.findtext("cp:title", namespaces=ns) and item.findtext("cp:title", namespaces=ns)
        resource = root.find(f"cp:resources/cp:resource[@identifier='{item.get('identifierref')}']", ns)
        assert resource.get(f"{{{ns['adlcp']}}}scormtype") == "sco" and resource.get("type") == "webcontent"
        listed = {f.get("href") for f in resource.findall("cp:file", ns)}
        assert resource.get("href") in listed and listed | {"imsmanifest.xml"} == files, name
        assert '<meta name="closer-scorm"' in launch and '<meta name="closer-frame-guard"' not in launch  # it runs framed


def test_lesson_and_quiz_pages_name_an_oembed_answer_that_frames_their_embed(built_site, site_origin):
    pages = [("lessons", slug) for slug in ORDER] + [("quizzes", quiz_id) for quiz_id in CATALOG.quizzes]
    for kind, name in pages:
        soup = BeautifulSoup((built_site / kind / name / "index.html").read_text(), "html.parser")
        link = soup.select_one('link[rel="alternate"][type="application/json+oembed"]')
        assert link["href"] == f"{site_origin}/oembed/{kind}/{name}.json", name
        answer = json.loads((built_site / "oembed" / kind / f"{name}.json").read_text())
        assert answer["version"] == "1.0" and answer["type"] == "rich" and answer["provider_name"] == "Closer"
        assert answer["title"] == link["title"] and answer["width"] and answer["height"]
        frame = BeautifulSoup(answer["html"], "html.parser")
        assert [tag.name for tag in frame.find_all()] == ["iframe"]  # nothing for a consumer to run
        assert frame.iframe["src"] == f"{site_origin}/embed/{kind}/{name}/" and frame.iframe["title"].endswith("(Closer)")
    assert not BeautifulSoup((built_site / "index.html").read_text(), "html.parser").select(
        'link[type="application/json+oembed"]')  # other pages have nothing to embed


def test_use_panels_offer_the_packages_and_moodle_s_questions(built_site):
    for path, gift in (("lessons/trust", "trust"), ("quizzes/trust", "trust"), ("quizzes/intimacy-check-in", None)):
        panel = BeautifulSoup((built_site / path / "index.html").read_text(), "html.parser").select_one(".closer-use")
        kind, name = path.split("/")
        scorm = panel.find("a", string="SCORM 1.2 package")
        assert (built_site / path / scorm["href"]).resolve() == (built_site / "downloads" / "scorm" / kind / f"{name}.zip")
        moodle = panel.find("a", string=lambda text: text and "as GIFT" in text)
        if gift is None:
            assert moodle is None  # a self-assessment has no right answers to import
        else:
            assert (built_site / path / moodle["href"]).resolve() == built_site / "downloads" / "gift" / f"{gift}.txt"
            assert "Use in Moodle" in moodle.parent.get_text()
