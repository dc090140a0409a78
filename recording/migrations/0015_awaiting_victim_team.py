"""A report awaiting the victim keeps the team of whoever saved it, so only that team (or a manager)
records or closes it (issue 20 part 6: any recorder closed another team's waiting report). Existing
reports take their saver's team as it is now, the nearest fact there is."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def carry_team(apps, schema_editor):
    User = apps.get_model("staffing", "User")
    team = Subquery(User.objects.filter(pk=OuterRef("created_by_id")).values("team_id")[:1])
    for name in ("AwaitingVictim", "HistoricalAwaitingVictim"):
        apps.get_model("recording", name)._base_manager.update(team_id=team)


class Migration(migrations.Migration):
    dependencies = [
        ("recording", "0014_crime_risk_queue_idx_offence"),
        ("staffing", "0007_staff_flags_need_admin_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="awaitingvictim",
            name="team",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="staffing.team",
            ),
        ),
        migrations.AddField(
            model_name="historicalawaitingvictim",
            name="team",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="staffing.team",
            ),
        ),
        migrations.RunPython(carry_team, migrations.RunPython.noop),
    ]
