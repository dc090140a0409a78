"""The incremental sweep reads incidents written since its last run (qa.services.sweep). Built
CONCURRENTLY on PostgreSQL: at a large force's size the incident table holds millions of rows, and a
plain CREATE INDEX would block the feed while it builds."""

from django.db import migrations, models

from config.migration_ops import AddIndexConcurrentlyOnPostgres


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("recording", "0006_drop_dead_ddm_permission"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgres(
            model_name="incident",
            index=models.Index(fields=["updated_at", "id"], name="incident_updated_idx"),
        ),
    ]
