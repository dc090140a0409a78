"""`python manage.py screen_incidents [--since DATE]`: run the nightly hidden-crime screen now (issue 21
part 2) over incidents closed under non-crime codes that the patterns in force have not read, printing
the number of open possible-hidden-crime flags last (thin over qa.services.hidden_crimes).
`python manage.py screen_incidents --evaluate FILE.json [--json]`: score the screen on a labelled file
(issue 21 part 5); the figures and their meaning are in qa.screen.evaluate."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from qa import selectors
from qa.screen import evaluate
from qa.screen.defaults import ho_offences
from qa.services.hidden_crimes import hidden_crime_screen


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--since: {text!r} is not a date (YYYY-MM-DD).") from exc


class Command(BaseCommand):
    help = (
        "Screen the narratives of incidents closed under non-crime codes for hidden crimes (hidden-crime-"
        "risk codes first, each incident once per version of the patterns); with --evaluate FILE, score "
        "the screen on a labelled file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--since",
            type=_day,
            help="only incidents closed on or after this date (YYYY-MM-DD, Europe/London)",
        )
        parser.add_argument("--evaluate", metavar="FILE", help="a labelled file in the examples.json format")
        parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["evaluate"]:
            self._evaluate(Path(options["evaluate"]), as_json=options["json"])
            return
        since = options.get("since")
        start = timezone.make_aware(datetime.combine(since, time.min)) if since else None
        result = hidden_crime_screen(since=start)
        self.stdout.write(
            f"Hidden-crime screen (patterns version {result.patterns_version}): read {result.screened} "
            f"narrative(s); {result.flagged} new possible hidden crime(s); {result.closed} flag(s) closed "
            "as recorded."
        )
        self.stdout.write("Open possible hidden crimes:")
        self.stdout.write(str(result.open))

    def _evaluate(self, path: Path, *, as_json: bool) -> None:
        try:
            items = evaluate.items_from(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        figures = evaluate.evaluate(items, selectors.screen_patterns_current(), ho_offences())
        for line in evaluate.report_lines(figures):
            self.stdout.write(line)
        if as_json:
            self.stdout.write(json.dumps(figures))
