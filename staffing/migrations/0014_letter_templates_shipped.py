"""The letter templates Resolve ships (staffing/reference/letter_templates.yaml) as version 1 of each,
replacing the three fixed English templates complaints once rendered (issue 22 part 1). A template a
force already has (same key) is left alone."""

from django.db import migrations


def load(apps, schema_editor):
    from staffing.reference import letter_templates_shipped

    LetterTemplate = apps.get_model("staffing", "LetterTemplate")
    LetterTemplateVersion = apps.get_model("staffing", "LetterTemplateVersion")
    for item in letter_templates_shipped():
        if LetterTemplate.objects.filter(key=item["key"]).exists():
            continue
        subject, body = item.pop("subject"), item.pop("body")
        template = LetterTemplate.objects.create(version=1, **item)
        LetterTemplateVersion.objects.create(
            template=template, number=1, subject=subject, body=body, note="Shipped with Resolve"
        )


class Migration(migrations.Migration):
    dependencies = [("staffing", "0013_letters")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
