"""Migration operations shared by the apps."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db.migrations.operations import AddIndex, CreateModel
from django.db.migrations.operations.base import Operation


class AddIndexConcurrentlyOnPostgres(AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL, so adding an index to a table of millions of incidents
    does not block the feed and the screens while it builds; a plain AddIndex elsewhere (the SQLite
    demo). The migration that uses it must set `atomic = False`."""

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


class CreateModels(Operation):
    """Create several models as one step, for an app's squashed initial migration (issue 24 part 1).

    Django's own CreateModel, applied one by one, re-renders every model related to the new one, and
    nearly every model here points at User (a creator, a history user), so a new database re-rendered
    nearly the whole project once per model: about 15,000 model renders and most of `migrate`'s CPU.
    This adds all the model states and renders them once. The tables are the ones CreateModel makes:
    each is made by the schema editor's create_model, whose foreign keys PostgreSQL adds at the end of
    the migration and SQLite checks only when rows arrive, so the order of the models does not matter.
    """

    serialization_expand_args = ["operations"]

    def __init__(self, operations: list[CreateModel]) -> None:
        self.operations = operations

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [self.operations], {})

    def state_forwards(self, app_label: str, state: Any) -> None:
        # Each CreateModel adds its model state the usual way, with the rendered models set aside so
        # that none of them re-renders anything; then the new models and all they touch render once.
        rendered = state.__dict__.pop("apps", None)
        try:
            for operation in self.operations:
                operation.state_forwards(app_label, state)
        finally:
            if rendered is not None:
                state.__dict__["apps"] = rendered
        state.reload_models([(app_label, operation.name_lower) for operation in self.operations], delay=False)

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        for operation in self.operations:
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        for operation in reversed(self.operations):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Create {len(self.operations)} models"

    @property
    def migration_name_fragment(self) -> str:
        return "models"
