"""The risk order of the crime work queues weighs the offence (config.queues.risk_order, issue 20 part 2):
a restricted class first, then vulnerability, domestic abuse and hate, then the class's seriousness rank,
then the THRIVE grade with an ungraded crime counted as immediate. The partial index holds that order
again, built CONCURRENTLY on PostgreSQL as before."""

from django.db import migrations, models

from config.migration_ops import AddIndexConcurrentlyOnPostgres


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("recording", "0013_crime_seriousness_rank"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="crime", name="crime_risk_queue_idx"),
        AddIndexConcurrentlyOnPostgres(
            model_name="crime",
            index=models.Index(
                models.OrderBy(models.F("restricted"), descending=True),
                models.OrderBy(models.F("vulnerable_victim"), descending=True),
                models.OrderBy(models.F("domestic_abuse"), descending=True),
                models.OrderBy(models.F("hate_crime"), descending=True),
                models.OrderBy(models.F("seriousness_rank")),
                models.Case(
                    models.When(grade="immediate", then=models.Value(0)),
                    models.When(grade="priority", then=models.Value(1)),
                    models.When(grade="scheduled", then=models.Value(2)),
                    models.When(grade="resolved_without_deployment", then=models.Value(3)),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                ),
                models.OrderBy(models.F("recorded_at")),
                models.OrderBy(models.F("id")),
                condition=models.Q(("status__in", ["allocated", "recorded", "under_investigation"])),
                name="crime_risk_queue_idx",
            ),
        ),
    ]
