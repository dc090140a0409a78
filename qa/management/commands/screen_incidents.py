"""`python manage.py screen_incidents --evaluate FILE.json [--json]`: score the hidden-crime screen on a
labelled file (issue 21 part 5); the figures and their meaning are in qa.screen.evaluate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qa import selectors
from qa.screen import evaluate
from qa.screen.defaults import ho_offences


class Command(BaseCommand):
    help = "Screen incidents for hidden crimes; with --evaluate FILE, score the screen on a labelled file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--evaluate", metavar="FILE", help="a labelled file in the examples.json format")
        parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["evaluate"]:
            raise CommandError("Give --evaluate FILE.json to score the screen on a labelled file.")
        path = Path(options["evaluate"])
        try:
            items = evaluate.items_from(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        figures = evaluate.evaluate(items, selectors.screen_patterns_current(), ho_offences())
        for line in evaluate.report_lines(figures):
            self.stdout.write(line)
        if options["json"]:
            self.stdout.write(json.dumps(figures))
