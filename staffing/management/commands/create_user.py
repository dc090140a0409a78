from __future__ import annotations

import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from config.exceptions import DomainError
from staffing.models import User
from staffing.services import user_create_or_update, user_token


class Command(BaseCommand):
    help = (
        "Create a user, or change the role/team of an existing one. The password comes from "
        "RESOLVE_PASSWORD when set. With --token the API token is printed alone on the last line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help=f"one of: {', '.join(User.Role.values)}")
        parser.add_argument("--team", help="team code")
        parser.add_argument("--token", action="store_true", help="print the user's API token last")

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("RESOLVE_PASSWORD") or None
        if password:
            try:
                validate_password(password, User(username=options["username"]))
            except ValidationError as exc:
                raise CommandError("RESOLVE_PASSWORD is too weak: " + " ".join(exc.messages)) from exc
        try:
            with transaction.atomic():
                user, created = user_create_or_update(
                    username=options["username"],
                    role=options["role"],
                    team_code=options["team"],
                    password=password,
                    reason="create_user command",
                )
                token = user_token(user=user) if options["token"] else None
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        verb = "Created" if created else "Updated"
        team = f", team {user.team.code}" if user.team else ""
        self.stdout.write(f"{verb} user {user.username} (role {user.role}{team})")
        if token:
            self.stdout.write(token)
