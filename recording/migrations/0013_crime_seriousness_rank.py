"""A crime carries its offence class's seriousness rank (ho_offences.csv), so the work queues weigh the
offence itself from the crime's own row and index (issue 20 part 2: an ungraded rape sat below an
interference with a motor vehicle). Existing crimes, and their history rows, take their class's rank."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

HELP = "From the offence class: 1 = most serious (R-PRINCIPAL); orders the work queues."


def carry_rank(apps, schema_editor):
    Offence = apps.get_model("recording", "Offence")
    rank = Subquery(Offence.objects.filter(pk=OuterRef("offence_id")).values("seriousness_rank")[:1])
    # A derived column filled once from its source: the history rows get the same value rather than a
    # new history row each (nothing a person changed).
    for name in ("Crime", "HistoricalCrime"):
        apps.get_model("recording", name)._base_manager.update(seriousness_rank=rank)


class Migration(migrations.Migration):
    dependencies = [
        ("recording", "0012_crime_risk_queue_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="crime",
            name="seriousness_rank",
            field=models.PositiveSmallIntegerField(default=99, help_text=HELP),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcrime",
            name="seriousness_rank",
            field=models.PositiveSmallIntegerField(default=99, help_text=HELP),
            preserve_default=False,
        ),
        migrations.RunPython(carry_rank, migrations.RunPython.noop),
    ]
