"""Work queues of open crimes are ordered riskiest first, then oldest (config.queues.risk_order; issue
15). This partial index holds exactly that order, so a page of the crimes-to-allocate queue reads the
first index entries nobody is allocated instead of sorting every open crime. Built CONCURRENTLY on
PostgreSQL: the crime table holds millions of rows at a large force."""

from django.db import migrations, models

from config.migration_ops import AddIndexConcurrentlyOnPostgres


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("recording", "0011_awaiting_victim"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgres(
            model_name="crime",
            index=models.Index(
                models.OrderBy(models.F("vulnerable_victim"), descending=True),
                models.OrderBy(models.F("domestic_abuse"), descending=True),
                models.OrderBy(models.F("hate_crime"), descending=True),
                models.Case(
                    models.When(grade="immediate", then=models.Value(0)),
                    models.When(grade="priority", then=models.Value(1)),
                    models.When(grade="scheduled", then=models.Value(2)),
                    models.When(grade="resolved_without_deployment", then=models.Value(3)),
                    default=models.Value(4),
                    output_field=models.IntegerField(),
                ),
                models.OrderBy(models.F("recorded_at")),
                models.OrderBy(models.F("id")),
                condition=models.Q(("status__in", ["allocated", "recorded", "under_investigation"])),
                name="crime_risk_queue_idx",
            ),
        ),
    ]
