"""A full-text index on the case summary for the case search (issue 23 part 4): the expression is the one
Django's SearchVector("summary", config="english") writes, so the planner uses it. PostgreSQL only; the
SQLite demo searches summaries with LIKE."""

from django.db import migrations

INDEX = "complaint_summary_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON complaints_complaintcase "
            "USING gin (to_tsvector('english'::regconfig, COALESCE(summary, '')))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("complaints", "0008_case_suspension")]
    operations = [migrations.RunPython(create, drop)]
