"""Link the subjects of cases already held to their user accounts (issue 17).

Until now only the browser form linked a subject to the user with that collar number; a case logged
through the API stayed readable by the officer it is about. complaints.services now links every new
subject; this links the old ones the same way (collar number held by exactly one user)."""

from django.db import migrations


def link(apps, schema_editor):
    Subject = apps.get_model("complaints", "Subject")
    User = apps.get_model("staffing", "User")
    for subject in Subject.objects.filter(user__isnull=True).exclude(collar_number=""):
        matches = list(User.objects.filter(collar_number__iexact=subject.collar_number.strip())[:2])
        if len(matches) == 1:
            subject.user = matches[0]
            subject.save(update_fields=["user"])


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0006_optional_facts_subject_staff_id_review_recommendations"),
        ("staffing", "0001_initial"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
