"""The count of mismatched resolutions beside the sergeant's queue (issue 24 part 4) read every resolved flag
through the status index, and resolved flags pile up for ever: a partial index of the few it counts, built
CONCURRENTLY on PostgreSQL so a live flags table is not locked while it builds."""

from django.db import migrations, models

from config.migration_ops import AddIndexConcurrentlyOnPostgres


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("qa", "0001_squashed_0012_hidden_crime_unsure_band"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgres(
            model_name="unrecordedflag",
            index=models.Index(
                fields=["id"],
                name="qa_flag_mismatch_idx",
                condition=models.Q(status="resolved") & ~models.Q(resolve_mismatch=""),
            ),
        ),
    ]
