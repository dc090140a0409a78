"""The review bundle of a 200-file complaint case (issue 22 part 7): the time to stream the whole zip
(every file read from storage, hashed and deflated, the letters, the decision record, the case log and
the index), goal under 10 seconds. The files are uploaded through the product's own service (content
check and hash included), with incompressible content so deflate gets no help."""

from __future__ import annotations

import logging
import os

from django.core.files.uploadedfile import SimpleUploadedFile

from bench import data
from bench.measure import Figure, timed
from complaints.models import ComplaintCase
from complaints.services.bundle import case_bundle_stream
from staffing.models import RecordFile
from staffing.records import record_kind
from staffing.services.files import record_file_upload

logger = logging.getLogger("bench")

BUNDLE_FILES = 200
FILE_BYTES = 256 * 1024  # a scanned letter or statement; the small run uses 16 KB
FILE_BYTES_SMALL = 16 * 1024


def measure_review_bundle(built: data.Built, *, repeat: int, small: bool) -> Figure:
    figure = Figure(
        key="review_bundle_200_files_s",
        title=f"Review bundle of a case holding {BUNDLE_FILES} files (stream the whole zip)",
        unit="s",
        kind="max",
        threshold=10.0,
    )
    case = ComplaintCase.objects.order_by("pk").first()
    if case is None:
        figure.measurable = False
        figure.note = "no complaint case in the bench data"
        return figure
    advisor = built.people.advisors[0]
    kind = record_kind("complaint_case")
    size = FILE_BYTES_SMALL if small else FILE_BYTES
    rows = [
        record_file_upload(
            kind=kind,
            record=case,
            actor=advisor,
            upload=SimpleUploadedFile(f"statement-{n:03d}.pdf", b"%PDF-1.4\n" + os.urandom(size)),
            description="bench",
        )
        for n in range(BUNDLE_FILES)
    ]
    figure.note = (
        f"{BUNDLE_FILES} files of {size // 1024} KB each ({BUNDLE_FILES * size // (1024 * 1024)} MB)"
    )
    try:
        for _ in range(repeat):
            figure.samples.append(timed(lambda: sum(len(chunk) for chunk in case_bundle_stream(case=case))))
    finally:
        # The bench database is thrown away; its stored bytes are removed with it (the product itself
        # never deletes a file).
        for row in rows:
            row.file.storage.delete(str(row.file.name))
        RecordFile.history.filter(record_id=case.pk).delete()
        RecordFile.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return figure
