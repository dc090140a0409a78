from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from staffing.models import Team, User


def team_list() -> QuerySet[Team]:
    return (
        Team.objects.select_related("sergeant")
        .annotate(
            investigators=Count(
                "members", filter=Q(members__role=User.Role.INVESTIGATOR, members__is_active=True)
            ),
            members_total=Count("members", filter=Q(members__is_active=True)),
        )
        .order_by("code")
    )
