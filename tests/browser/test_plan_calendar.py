"""The six-week plan's "Add to my calendar": an .ics file made in the browser, read back as calendar apps read it."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from tests.support.browser import axe_violations, tab_to
from tests.support.pixels import edge_contrast

pytestmark = pytest.mark.browser
START = date(2026, 3, 2)  # week 4 crosses the change to summer time in New York (8 March)
TYPED = START.strftime("%m%d%Y")  # as a reader types it into an en-US date field
CONTEXT = {"locale": "en-US", "timezone_id": "America/New_York", "accept_downloads": True}
STATUS = ".closer-calendar__status"


def choose_start_by_keyboard(page) -> None:
    tab_to(page, "el.classList.contains('closer-calendar__start')")
    page.keyboard.type(TYPED)
    assert page.locator(".closer-calendar__start").input_value() == START.isoformat()


def download_calendar(page) -> tuple[bytes, str, list[str]]:
    """The file's bytes and name, and every request the page made while it was made."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    with page.expect_download() as download:
        page.get_by_role("button", name=page.locator(".closer-calendar__make").inner_text()).click()
    raw = open(download.value.path(), "rb").read()
    return raw, download.value.suggested_filename, seen


def events_of(raw: bytes) -> list:
    return icalendar.Calendar.from_ical(raw).walk("VEVENT")


def absolute(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("links => links.map(link => link.href)")


def assert_well_formed(raw: bytes) -> None:
    """CRLF at the end of every line, none longer than 75 octets, and the calendar's required parts."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded, not cut
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL"):
            assert name in event, name
        assert event["DTSTART"].params.get("VALUE") == "DATE"
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_the_plan_becomes_eight_neutral_all_day_events_without_a_request(open_site, served_site):
    page, log, errors = open_site("/plan/", **CONTEXT)
    choose_start_by_keyboard(page)
    raw, name, seen = download_calendar(page)
    assert_well_formed(raw)
    assert name == "reading-time.ics"
    assert page.locator(STATUS).inner_text() == "Your calendar file is ready: open it to add the events."
    events = events_of(raw)
    assert [event.decoded("DTSTART") for event in events] == [START + timedelta(weeks=n) for n in range(8)]
    assert [event.decoded("DTEND") - event.decoded("DTSTART") for event in events] == [timedelta(days=1)] * 8
    assert {str(event["SUMMARY"]) for event in events} == {"Reading time"}
    assert all(not event.walk("VALARM") for event in events)
    # Each event links its own page: the check-in, the lesson of each row of the plan's table, the check-in.
    check_in = f"{served_site}/quizzes/intimacy-check-in/"
    lessons = absolute(page, "article table a[href*='lessons/']")
    assert len(lessons) == 6 and all(url.startswith(f"{served_site}/lessons/") for url in lessons)
    assert [str(event["URL"]) for event in events] == [check_in, *lessons, check_in]
    for event in events:
        assert str(event["URL"]) in str(event["DESCRIPTION"])
    week_0 = str(events[0]["DESCRIPTION"])
    assert "stop the plan here" in week_0 and f"“Is this course right for you now?” instead: {served_site}/right-for-you/" \
        in week_0
    assert "stop the plan" not in str(events[1]["DESCRIPTION"])
    assert [request for request in seen if not request.startswith("blob:")] == []
    assert log.foreign == [] and errors == []


def test_lesson_titles_and_reminders_only_when_the_reader_asks(open_site):
    page, log, errors = open_site("/plan/", **CONTEXT)
    choose_start_by_keyboard(page)
    for box in (".closer-calendar__titles", ".closer-calendar__reminders"):
        tab_to(page, f"el.matches('{box}')")
        page.keyboard.press("Space")
    raw, _, _ = download_calendar(page)
    assert_well_formed(raw)
    events = events_of(raw)
    lessons = page.locator("article table a[href*='lessons/']").all_inner_texts()
    assert [str(event["SUMMARY"]) for event in events] == (
        ["Week 0: Emotional intimacy check-in"] + [f"Week {n}: {title}" for n, title in enumerate(lessons, 1)]
        + ["After week 6: Emotional intimacy check-in"])
    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == -timedelta(hours=15)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert log.foreign == [] and errors == []


def test_without_a_date_the_reader_is_told_and_nothing_is_made(open_site):
    page, _, errors = open_site("/plan/", **CONTEXT)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    tab_to(page, "el.classList.contains('closer-calendar__make')")
    page.keyboard.press("Enter")
    assert page.locator(STATUS).inner_text() == "Choose the day you start first: each event is counted from it."
    start = page.locator(".closer-calendar__start")
    assert start.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.classList.contains('closer-calendar__start')")
    page.wait_for_timeout(300)
    assert downloads == [] and errors == []


def test_the_spanish_plan_s_file_is_in_spanish(open_site, served_site):
    page, log, errors = open_site("/es/plan/", **CONTEXT)
    choose_start_by_keyboard(page)
    raw, name, _ = download_calendar(page)
    assert_well_formed(raw)
    assert name == "rato-de-lectura.ics"
    events = events_of(raw)
    assert len(events) == 8 and {str(event["SUMMARY"]) for event in events} == {"Rato de lectura"}
    week_0 = str(events[0]["DESCRIPTION"])
    assert "detén el plan aquí" in week_0 and f"«¿Es este curso para ti ahora?»: {served_site}/es/right-for-you/" \
        in week_0
    assert "Semana 1 del plan" in str(events[1]["DESCRIPTION"])
    lessons = absolute(page, "article table a[href*='lessons/']")
    assert [str(event["URL"]) for event in events[1:7]] == lessons
    assert all(url.startswith(f"{served_site}/es/lessons/") for url in lessons)
    assert page.locator(STATUS).inner_text() == "Tu archivo de calendario está listo: ábrelo para añadir los eventos."
    assert log.foreign == [] and errors == []


def test_without_javascript_the_page_reads_as_before(open_site):
    page, _, _ = open_site("/plan/", javascript=False)
    assert page.locator(".closer-calendar").count() == 1 and not page.locator(".closer-calendar").is_visible()
    assert page.locator("article table").is_visible()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_control_passes_axe_and_its_boxes_stand_out_at_320_px(open_site, palette):
    page, _, errors = open_site("/plan/", color_scheme=palette, viewport={"width": 320, "height": 700})
    control = page.locator(".closer-calendar")
    control.scroll_into_view_if_needed()
    assert control.is_visible()
    assert axe_violations(page, "document.querySelector('.closer-calendar')") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # nothing wider than the screen
    for box in control.locator("input[type=checkbox]").all():
        against_page, against_inside = edge_contrast(page, box)
        assert against_page >= 3 and against_inside >= 3, (against_page, against_inside)
    for target in control.locator("label, button").all():
        size = target.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24  # WCAG 2.2's 2.5.8, as the quizzes' controls
    assert errors == []
