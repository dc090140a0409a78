from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from staffing.models import Shift, ShiftAssignment, ShiftKind, Team, TrainingRecord, User


class TeamFactory(DjangoModelFactory[Team]):
    class Meta:
        model = Team
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:03d}")
    name = factory.LazyAttribute(lambda o: f"Team {o.code}")
    capacity = Team.DEFAULT_CAPACITY


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda o: f"{o.username}@police.example")
    direct_phone = factory.Sequence(lambda n: f"01632 {960000 + n % 1000:06d}")  # Ofcom's drama range
    role = User.Role.RECORDER
    password = factory.django.Password("correct-horse-battery")


def on_shift_now(
    user: User, *, skills: tuple[str, ...] = (), hours_before: int = 2, hours_after: int = 6
) -> Shift:
    """Put `user` on a shift of their team covering now, trained (valid today) in `skills`."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    start = (now - timedelta(hours=hours_before)).replace(microsecond=0)
    # The team's shift made by a call a moment ago (a crew put on shift one by one): on a busy machine
    # the calls straddle a second, and two shifts where the test meant one change what a page shows.
    shift = Shift.objects.filter(
        team=user.team, starts_at__gt=start - timedelta(minutes=1), starts_at__lte=start
    ).first() or Shift.objects.create(
        team=user.team, starts_at=start, kind=ShiftKind.EARLY, ends_at=now + timedelta(hours=hours_after)
    )
    ShiftAssignment.objects.get_or_create(shift=shift, user=user)
    for skill in skills:
        TrainingRecord.objects.create(
            user=user, skill=skill, trained_on=timezone.localdate() - timedelta(days=100)
        )
    return shift
