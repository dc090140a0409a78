"""Publishing a force's version of the hidden-crime screen's patterns (issue 21 part 1)."""

from __future__ import annotations

import re

import yaml
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from config.exceptions import DomainError
from qa.models import ScreenPatternVersion
from qa.screen import PatternError
from qa.screen.defaults import default_pattern_set, pattern_set_from_text
from staffing.models import User

VERSION_LINE = re.compile(r"^version:[ \t]*\d+[ \t]*$", re.MULTILINE)


def screen_patterns_next_version() -> int:
    stored = ScreenPatternVersion.objects.aggregate(top=Max("version"))["top"] or 0
    return max(stored, default_pattern_set().version) + 1


@transaction.atomic
def screen_patterns_publish(*, actor: User, text: str, note: str) -> ScreenPatternVersion:
    """Check the text by compiling it and keep it as the next version. The version number is the
    service's to give (the text's `version:` line is set to it), so two managers never publish the same
    number. A text that does not compile is refused naming where it is wrong, and nothing is stored."""
    text = text.replace("\r\n", "\n")  # a browser's textarea sends CRLF line ends
    if not note.strip():
        raise DomainError("Say what this version changes.", field="note")
    if not VERSION_LINE.search(text):
        raise DomainError("The patterns need a line 'version: N' at the top level.", field="text")
    version = screen_patterns_next_version()
    text = VERSION_LINE.sub(f"version: {version}", text, count=1)
    try:
        pattern_set_from_text(text)  # kept: the page after publishing shows this version in force
    except yaml.YAMLError as exc:
        raise DomainError(f"The text is not valid YAML: {exc}", field="text") from exc
    except PatternError as exc:
        raise DomainError(f"Patterns not published: {exc}", field="text") from exc
    row = ScreenPatternVersion(
        version=version, text=text, note=note.strip(), published_by=actor, published_at=timezone.now()
    )
    row._change_reason = note.strip()  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:  # another manager published this number a moment ago
        raise DomainError("Another version was published just now; publish again.", field="text") from exc
    return row
