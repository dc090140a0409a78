"""The IOPC's 2024/25 category list (reference/complaint_categories.md): discreditable conduct its own
group, out-of-court disposals, the four information sub-categories and the corruption sub-categories.
Three categories retire on 1 April 2024 and every stored allegation under one moves, with a history row
saying why, to the category that keeps its meaning:
  B4 Other search          -> B3 Stops, and stop and search (a search of a person, the nearer meaning)
  D1 Access to information -> D3 Use of police systems
  H5 Discreditable conduct -> L1 Discreditable conduct (its own group now)
The rows are written here as they stand in this version of the list (a migration is frozen); later
corrections come through the reference CSV and load_reference."""

import datetime as dt

from django.db import migrations, models
from django.utils import timezone

TAKES_EFFECT = dt.date(2024, 4, 1)
POWERS = "B - Police powers, policies and procedures"
INFORMATION = "D - Access and/or disclosure of information"
CORRUPTION = "G - Abuse of position/corruption"
# code -> (title, group, valid_from, retired_on, replaced_by)
LIST_2024_25 = {
    "B2": ("Searches of premises and seizure of property", POWERS, None, None, ""),
    "B3": ("Stops, and stop and search", POWERS, None, None, ""),
    "B4": ("Other search", POWERS, None, TAKES_EFFECT, "B3"),
    "B10": ("Out of court disposals", POWERS, TAKES_EFFECT, None, ""),
    "D1": ("Access to information", INFORMATION, None, TAKES_EFFECT, "D3"),
    "D3": ("Use of police systems", INFORMATION, TAKES_EFFECT, None, ""),
    "D4": ("Handling of information", INFORMATION, TAKES_EFFECT, None, ""),
    "D5": ("Accessing and handling of information from other sources", INFORMATION, TAKES_EFFECT, None, ""),
    "G3": ("Abuse of position for other purpose", CORRUPTION, None, None, ""),
    "G5": ("Abuse of position for financial purpose", CORRUPTION, TAKES_EFFECT, None, ""),
    "G6": ("Obstruction of justice", CORRUPTION, TAKES_EFFECT, None, ""),
    "G7": ("Organisational corruption", CORRUPTION, TAKES_EFFECT, None, ""),
    "H5": ("Discreditable conduct", "H - Individual behaviours", None, TAKES_EFFECT, "L1"),
    "L1": ("Discreditable conduct", "L - Discreditable conduct", TAKES_EFFECT, None, ""),
}
REASON = "IOPC category list of 2024/25 (complaint_categories.md)"


def _history(apps, model_name, obj, kind, reason):
    """The history row simple-history would write for this change (migrations do not run its signals)."""
    historical = apps.get_model("complaints", f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.fields}
    historical.objects.create(
        **values, history_date=timezone.now(), history_type=kind, history_change_reason=reason
    )


def forwards(apps, schema_editor):
    category = apps.get_model("complaints", "ComplaintCategory")
    allegation = apps.get_model("complaints", "Allegation")
    if not category.objects.exists():
        return  # a new database: load_reference loads the whole list from the CSV
    for code, (title, group, valid_from, retired_on, replaced_by) in LIST_2024_25.items():
        obj = category.objects.filter(code=code).first()
        values = {
            "title": title,
            "group": group,
            "valid_from": valid_from,
            "retired_on": retired_on,
            "replaced_by": replaced_by,
        }
        if obj is None:
            obj = category.objects.create(code=code, **values)
            _history(apps, "ComplaintCategory", obj, "+", REASON)
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            obj.save()
            _history(apps, "ComplaintCategory", obj, "~", REASON)
    for old, (_t, _g, _f, _r, new) in LIST_2024_25.items():
        if not new:
            continue
        target = category.objects.get(code=new)
        source = category.objects.get(code=old)
        reason = (
            f"Category {old} {source.title} retired on {TAKES_EFFECT:%d %B %Y} ({REASON}): "
            f"now {new} {target.title}, the same meaning"
        )
        for item in allegation.objects.filter(category=source):
            item.category = target
            item.save(update_fields=["category"])
            _history(apps, "Allegation", item, "~", reason)


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0009_complaint_summary_fts'),
    ]

    operations = [
        migrations.AddField(
            model_name='complaintcategory',
            name='replaced_by',
            field=models.CharField(blank=True, help_text="The category a retired one's allegations were moved to.", max_length=6),
        ),
        migrations.AddField(
            model_name='complaintcategory',
            name='retired_on',
            field=models.DateField(blank=True, help_text='From this day the category is no longer used.', null=True),
        ),
        migrations.AddField(
            model_name='complaintcategory',
            name='valid_from',
            field=models.DateField(blank=True, help_text='First day this category is used; empty: on every list so far.', null=True),
        ),
        migrations.AddField(
            model_name='historicalcomplaintcategory',
            name='replaced_by',
            field=models.CharField(blank=True, help_text="The category a retired one's allegations were moved to.", max_length=6),
        ),
        migrations.AddField(
            model_name='historicalcomplaintcategory',
            name='retired_on',
            field=models.DateField(blank=True, help_text='From this day the category is no longer used.', null=True),
        ),
        migrations.AddField(
            model_name='historicalcomplaintcategory',
            name='valid_from',
            field=models.DateField(blank=True, help_text='First day this category is used; empty: on every list so far.', null=True),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
