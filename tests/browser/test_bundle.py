"""The bundled browser code as a page gets it: it adds no name to the page, and starts alone."""

from __future__ import annotations

import pytest

from closer.publish.bundle import NEEDS, bundle_script, script_sources, site_needs

pytestmark = pytest.mark.browser


def blank_page(browser):
    """A page with no site around it and one control for the core to start, and its script errors."""
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content('<!doctype html><title>blank</title><p data-closer-controls="print" hidden>'
                     '<button type="button" class="closer-print">Print</button></p>')
    return page, errors


def test_the_bundle_adds_no_global_and_starts_a_widget_without_the_site(browser):
    page, errors = blank_page(browser)
    before = set(page.evaluate("Object.getOwnPropertyNames(window)"))
    page.add_script_tag(content=bundle_script())
    added = set(page.evaluate("Object.getOwnPropertyNames(window)")) - before
    assert added == set()
    assert page.locator("[data-closer-controls]").is_visible()  # the core started the one component here
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("need", sorted(set(NEEDS.values())) + ["nothing"])
def test_a_site_s_bundle_with_only_some_parts_starts_alone(browser, need):
    # A site's bundle holds only the parts its pages use (a coach's site of checks has no deck or
    # journal); whatever the parts, the script must run without one of the parts it left out.
    page, errors = blank_page(browser)
    page.add_script_tag(content=bundle_script(script_sources(site_needs(set() if need == "nothing" else {need},
                                                                        False, False, []))))
    assert page.locator("[data-closer-controls]").is_visible()
    assert errors == []
    page.context.close()
