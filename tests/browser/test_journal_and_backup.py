"""The journal under each reflection prompt, and backing up everything to a file and back."""

from __future__ import annotations

import json

import pytest

from tests.support.browser import take_quiz

pytestmark = pytest.mark.browser
LESSON = "trust"
JOURNAL = f"closer:journal:{LESSON}"
NOTE = "I hold back when I am tired.\nNext time I will say so."


def stored(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def test_notes_are_kept_as_typed_come_back_and_print_on_the_worksheet(open_site, served_site):
    page, log, errors = open_site(f"/lessons/{LESSON}/")
    assert "Anyone using this device can read them" in page.locator(".closer-journal__kept").inner_text()
    prompts = page.locator(".closer-lesson__reflection > li")
    assert page.locator("textarea[data-journal-prompt]").count() == prompts.count() >= 2
    page.locator('textarea[data-journal-prompt="1"]').press_sequentially(NOTE)
    state = json.loads(stored(page)[JOURNAL])  # saved while typing: there is no save button
    assert set(state) == {"savedAt", "notes"} and state["notes"] == {"1": NOTE}
    page.reload()
    assert page.locator('textarea[data-journal-prompt="1"]').input_value() == NOTE
    assert page.locator('textarea[data-journal-prompt="0"]').input_value() == ""
    page.goto(f"{served_site}/worksheets/{LESSON}/")
    assert page.locator('[data-journal-print="1"] .closer-worksheet__note').inner_text() == NOTE
    assert page.locator('[data-journal-print="0"] .closer-worksheet__note').count() == 0
    page.goto(f"{served_site}/privacy/")
    page.get_by_role("button", name="Clear all my answers").click()
    assert JOURNAL not in stored(page)
    assert errors == [] and log.foreign == []


def test_notes_are_not_kept_when_the_reader_chose_not_to_keep_answers(open_site, served_site):
    page, _, errors = open_site("/privacy/")
    page.get_by_label("Don't keep my answers on this device").check()
    page.goto(f"{served_site}/lessons/{LESSON}/")
    assert "You chose not to keep answers" in page.locator(".closer-journal__kept").inner_text()
    page.locator('textarea[data-journal-prompt="0"]').fill(NOTE)
    assert JOURNAL not in stored(page)
    assert errors == []


def test_without_javascript_the_prompts_read_and_no_dead_note_field_shows(open_site):
    page, _, _ = open_site(f"/lessons/{LESSON}/", javascript=False)
    assert page.locator(".closer-lesson__reflection > li").first.is_visible()
    assert page.locator("textarea[data-journal-prompt]:visible").count() == 0


def write_file(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_a_backup_carries_answers_history_notes_and_progress_to_another_browser(open_site, served_site, tmp_path):
    page, _, errors = open_site(f"/lessons/{LESSON}/")
    page.locator('textarea[data-journal-prompt="0"]').fill(NOTE)
    page.get_by_role("button", name="Mark this lesson as done").click()
    page.goto(f"{served_site}/quizzes/sample-self-assessment/")
    take_quiz(page.locator("[data-quiz]"), "self-assessment")
    page.locator("[data-closer-history-toggle]").check()
    page.evaluate("localStorage.setItem('someone-else', 'not ours')")
    page.goto(f"{served_site}/privacy/")
    with page.expect_download() as download:
        page.locator('[data-closer-backup="export"]').click()
    backup = json.loads(open(download.value.path()).read())
    assert set(backup) == {"closer-backup", "exportedAt", "items"} and backup["closer-backup"] == 1
    kept = stored(page)
    assert set(backup["items"]) == {JOURNAL, "closer:progress", "closer:sample-self-assessment:v1",
                                    "closer:sample-self-assessment:history"}
    assert all(backup["items"][key] == kept[key] for key in backup["items"])
    other, _, other_errors = open_site("/privacy/")  # a fresh browser context: another device
    other.locator('[data-closer-backup="import"]').set_input_files(write_file(tmp_path, "backup.json", backup))
    other.locator(".closer-privacy__status", has_text="Restored 4 items").wait_for()
    assert {k: v for k, v in stored(other).items() if k.startswith("closer:")} == backup["items"]
    other.goto(f"{served_site}/lessons/{LESSON}/")
    assert other.locator('textarea[data-journal-prompt="0"]').input_value() == NOTE
    assert errors == [] and other_errors == []


def backup_of(items: dict) -> dict:
    return {"closer-backup": 1, "exportedAt": "2026-12-01T10:00:00Z", "items": items}


@pytest.mark.parametrize("content, says", [
    ("not json at all", "could not be read"),
    ({"closer-backup": 2, "exportedAt": "2026-12-01T10:00:00Z", "items": {}}, "is not a Closer backup"),
    (backup_of({"closer:progress": ["trust"]}), "is not a Closer backup"),
    (backup_of({"closer:progress": "[]", "token": "x"}), "\u201ctoken\u201d, which a backup never restores"),
    # A backup never changes the reader's choice not to keep answers, nor plants keys of its own.
    (backup_of({"closer:progress": "[]", "closer:keep-answers": "no"}), "\u201ccloser:keep-answers\u201d"),
    (backup_of({"closer:probe": "1"}), "\u201ccloser:probe\u201d"),
    (backup_of({"closer:trust:v1:extra": "{}"}), "\u201ccloser:trust:v1:extra\u201d"),
    (backup_of({"closer:Trust:v1": "{}"}), "\u201ccloser:Trust:v1\u201d"),
    (backup_of({"closer:trust:v0": "{}"}), "\u201ccloser:trust:v0\u201d"),
    (backup_of({"closer:journal:trust": "x" * (256 * 1024 + 1)}), "larger than Closer ever keeps (closer:journal:trust)"),
    (backup_of({f"closer:junk-{n}:v1": "{}" for n in range(100_000)}), "more items than Closer ever keeps"),
])
def test_a_malformed_or_foreign_file_is_refused_and_nothing_is_written(open_site, tmp_path, content, says):
    page, _, errors = open_site("/privacy/")
    page.evaluate("localStorage.setItem('closer:progress', '[\"trust\"]')")
    before = stored(page)
    page.locator('[data-closer-backup="import"]').set_input_files(write_file(tmp_path, "file.json", content))
    page.locator(".closer-privacy__status", has_text=says).wait_for()
    assert "Nothing was changed" in page.locator(".closer-privacy__status").inner_text()
    assert stored(page) == before
    assert not page.get_by_label("Don't keep my answers on this device").is_checked()
    assert errors == []


def test_a_backup_at_the_largest_size_a_widget_keeps_is_restored(open_site, tmp_path):
    page, _, errors = open_site("/privacy/")
    note = json.dumps({"savedAt": "2026-12-01T10:00:00Z", "notes": {"0": "x"}})
    value = note[:-3] + " " * (256 * 1024 - len(note)) + note[-3:]
    page.locator('[data-closer-backup="import"]').set_input_files(write_file(
        tmp_path, "full.json", backup_of({JOURNAL: value, "closer:sample-self-assessment:v9999": "{}"})))
    page.locator(".closer-privacy__status", has_text="Restored 2 items").wait_for()
    assert stored(page)[JOURNAL] == value
    assert errors == []


def test_a_backup_the_browser_cannot_hold_in_full_is_rolled_back(open_site, tmp_path):
    page, _, errors = open_site("/privacy/")
    page.evaluate("localStorage.setItem('closer:progress', '[\"trust\"]')")
    before = stored(page)
    # The browser's storage fills up on the third write: the first two must be undone.
    page.evaluate("""() => {
        const real = Storage.prototype.setItem; let writes = 0;
        Storage.prototype.setItem = function (k, v) {
            if (k.startsWith('closer:') && k !== 'closer:probe' && ++writes === 3) throw new DOMException('full', 'QuotaExceededError');
            return real.call(this, k, v);
        };
    }""")
    items = {"closer:progress": "[\"vulnerability\"]", "closer:journal:trust": "{}", "closer:journal:conflict": "{}"}
    page.locator('[data-closer-backup="import"]').set_input_files(write_file(
        tmp_path, "big.json", {"closer-backup": 1, "exportedAt": "2026-12-01T10:00:00Z", "items": items}))
    page.locator(".closer-privacy__status", has_text="would not keep the whole backup").wait_for()
    assert stored(page) == before
    assert errors == []
