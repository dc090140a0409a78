"""An investigator attaches a statement to a crime in a real browser, downloads it, is refused a
program dressed as a PDF, and withdraws a file with a reason (issue 22 part 6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in
from recording.tests.factories import CrimeFactory
from staffing.models import AccessLog, RecordFile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def test_an_investigator_attaches_downloads_and_withdraws_a_file_on_a_crime(
    page: Any, make_user: Callable[..., Any], tmp_path: Path
) -> None:
    make_user("investigator", username="inv.files", password="correct-horse-battery")
    crime = CrimeFactory()
    statement = tmp_path / "statement.pdf"
    statement.write_bytes(PDF)
    disguised = tmp_path / "invoice.pdf"
    disguised.write_bytes(Path("/bin/true").read_bytes())
    sign_in(page, "inv.files", then=f"/recording/crimes/{crime.pk}/")

    # A program named .pdf is refused, with the reason next to the field
    page.set_input_files("#files #id_file", str(disguised))
    page.click("#files button:has-text('Upload')")
    assert "programs cannot be attached" in page.locator("#id_file_error").inner_text()
    assert not RecordFile.objects.exists()

    # A real PDF is attached and listed on the crime page
    page.set_input_files("#files #id_file", str(statement))
    page.fill("#files #id_description", "Victim's first account")
    page.click("#files button:has-text('Upload')")
    page.wait_for_url(f"**/recording/crimes/{crime.pk}/#files")
    row = page.locator("table.record-files tbody tr").first
    assert "statement.pdf" in row.inner_text() and "PDF document" in row.inner_text()
    screenshot(page, "01-attached")
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.click("table.record-files a:has-text('statement.pdf')")
    assert Path(download.value.path()).read_bytes() == PDF
    assert AccessLog.objects.filter(action="download", record_id=str(crime.pk)).count() == 1

    # Withdrawn with a reason; it stays on the list, marked
    row.locator("summary:has-text('Withdraw')").click()
    row.locator("input[name$='-reason']").fill("Duplicate of the signed copy")
    row.locator("button:has-text('Withdraw statement.pdf')").click()
    page.wait_for_url(f"**/recording/crimes/{crime.pk}/#files")
    assert "Withdrawn" in page.locator("table.record-files").inner_text()
    assert "Duplicate of the signed copy" in page.locator("table.record-files").inner_text()
    screenshot(page, "02-withdrawn")
