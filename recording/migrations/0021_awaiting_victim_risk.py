"""The sergeant's queue of reports awaiting the victim is in the crime queues' risk order (issue 20 part 2):
each report carries its most serious waiting offence's rank, whether a victim waited for is vulnerable, and
the report's domestic-abuse, hate-crime and THRIVE facts. Reports saved before take them from what they
kept (the waiting allegations and the stored report); 99 sorts after every class."""

from typing import Any

from django.db import migrations, models

UNKNOWN_RANK = 99


def carry(apps: Any, schema_editor: Any) -> None:
    AwaitingVictim = apps.get_model("recording", "AwaitingVictim")
    ranks = dict(apps.get_model("recording", "Offence").objects.values_list("code", "seriousness_rank"))
    for row in AwaitingVictim.objects.all().iterator(chunk_size=500):
        stored = row.report if isinstance(row.report, dict) else {}
        details = stored.get("details") or {}
        waiting = [a for a in row.allegations if isinstance(a, dict)]
        refs = {a.get("victim") for a in waiting}
        victims = [
            *(stored.get("report") or {}).get("victims", []),
            *(stored.get("victim_details") or {}).values(),
        ]
        row.seriousness_rank = min(
            (ranks.get(a.get("offence") or "", UNKNOWN_RANK) for a in waiting), default=UNKNOWN_RANK
        )
        row.vulnerable_victim = bool(details.get("vulnerable_victim")) or any(
            isinstance(v, dict) and v.get("vulnerable") and v.get("ref") in refs for v in victims
        )
        row.domestic_abuse = bool(details.get("domestic_abuse"))
        row.hate_crime = bool(details.get("hate_crime"))
        row.grade = details.get("grade") or ""
        row.save(
            update_fields=["seriousness_rank", "vulnerable_victim", "domestic_abuse", "hate_crime", "grade"]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('recording', '0020_victim_adjustments'),
    ]

    operations = [
        migrations.AddField(
            model_name='awaitingvictim',
            name='domestic_abuse',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='awaitingvictim',
            name='grade',
            field=models.CharField(blank=True, choices=[('immediate', 'Immediate'), ('priority', 'Priority'), ('scheduled', 'Scheduled'), ('resolved_without_deployment', 'Resolved without deployment')], max_length=30),
        ),
        migrations.AddField(
            model_name='awaitingvictim',
            name='hate_crime',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='awaitingvictim',
            name='seriousness_rank',
            field=models.PositiveSmallIntegerField(default=UNKNOWN_RANK, help_text="The most serious waiting offence's class rank: 1 = most serious (R-PRINCIPAL)."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='awaitingvictim',
            name='vulnerable_victim',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='historicalawaitingvictim',
            name='domestic_abuse',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='historicalawaitingvictim',
            name='grade',
            field=models.CharField(blank=True, choices=[('immediate', 'Immediate'), ('priority', 'Priority'), ('scheduled', 'Scheduled'), ('resolved_without_deployment', 'Resolved without deployment')], max_length=30),
        ),
        migrations.AddField(
            model_name='historicalawaitingvictim',
            name='hate_crime',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='historicalawaitingvictim',
            name='seriousness_rank',
            field=models.PositiveSmallIntegerField(default=UNKNOWN_RANK, help_text="The most serious waiting offence's class rank: 1 = most serious (R-PRINCIPAL)."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicalawaitingvictim',
            name='vulnerable_victim',
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(carry, migrations.RunPython.noop),
    ]
