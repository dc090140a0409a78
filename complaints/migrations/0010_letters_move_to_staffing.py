"""Letters move to staffing's generic letters (issue 22): every letter complaints issued from its
three fixed templates becomes an issued staffing Letter about its case, its HTML kept exactly as it was
sent, drafted from version 1 of the shipped template of the same purpose; then the old table goes."""

import re

from django.conf import settings
from django.db import migrations
from django.utils.html import strip_tags

SHIPPED_FOR = {
    "acknowledgement": "complaint-acknowledgement",
    "update": "complaint-update",
    "outcome": "complaint-outcome-review",
}


def _heading(html):
    found = re.search(r"<h1>(.*?)</h1>", html, re.DOTALL)
    return strip_tags(found.group(1)).strip()[:200] if found else ""


def move(apps, schema_editor):
    Old = apps.get_model("complaints", "Letter")
    Complainant = apps.get_model("complaints", "Complainant")
    Letter = apps.get_model("staffing", "Letter")
    Version = apps.get_model("staffing", "LetterTemplateVersion")
    for old in Old.objects.select_related("case").order_by("pk").iterator(chunk_size=500):
        version = Version.objects.get(template__key=SHIPPED_FOR[old.kind], number=1)
        complainant = Complainant.objects.filter(case_id=old.case_id).order_by("pk").first()
        letter = Letter.objects.create(
            record_type="complaint_case",
            record_id=old.case_id,
            record_label=old.case.reference,
            template_version=version,
            purpose=old.kind,
            status="issued",
            sender=f"Office of the Police and Crime Commissioner for {settings.RESOLVE_FORCE_NAME}",
            recipient_name=complainant.name if complainant else "",
            recipient_email=complainant.email if complainant else "",
            recipient_address=complainant.address if complainant else "",
            subject=_heading(old.html) or {"acknowledgement": "Acknowledgement", "update": "Update", "outcome": "Outcome"}[old.kind],
            body=strip_tags(old.html).strip(),
            handler_id=old.created_by_id,
            issued_by_id=old.created_by_id,
            issued_at=old.created_at,
            dated=old.dated,
            issued_html=old.html,
            created_by_id=old.created_by_id,
        )
        Letter.objects.filter(pk=letter.pk).update(created_at=old.created_at)


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0009_complaint_summary_fts'),
        ('staffing', '0014_letter_templates_shipped'),
    ]

    operations = [
        migrations.RunPython(move, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='letter',
            name='case',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='created_by',
        ),
        migrations.DeleteModel(
            name='HistoricalLetter',
        ),
        migrations.DeleteModel(
            name='Letter',
        ),
    ]
