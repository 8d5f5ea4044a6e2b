"""Database objects behind a FullTextDocument table, made by migrations per database.

PostgreSQL: a trigger that computes the weighted tsvector from the three word columns, and a
GIN index on it; for a table with a `core_document` column, also a vector of the A and B words
alone (a question's title and body, without its answers), a fraction of the size, with its own
GIN index (search.fulltext's core-only search: the suggestions while asking). SQLite: an FTS5 table with the document table as its external content and
triggers that keep the two in step. Neither exists on the other database.
"""

from __future__ import annotations

from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def fts_table(table: str) -> str:
    return f"{table}_fts"


def vocab_table(fts: str) -> str:
    """FTS5's vocabulary of an FTS5 table: documents per term (search.stats)."""
    return f"{fts}_vocab"


def core_index(table: str) -> str:
    return f"{table}_core_gin"


def _weighted(weights: str, row: str = "") -> str:
    """The tsvector of the word columns of these weights ("ABC": terms_a as A, …), read from
    `row` ("NEW." in the trigger, "" in an UPDATE)."""
    return " || ".join(
        f"setweight(to_tsvector('simple', coalesce({row}terms_{w.lower()}, '')), '{w}')"
        for w in weights
    )


# The core vector: the A and B words, without C (a question's answers).
CORE_WEIGHTS = "AB"


def _vector_function(table: str, *, core_vector: bool) -> str:
    core = f"NEW.core_document := {_weighted(CORE_WEIGHTS, 'NEW.')};" if core_vector else ""
    return f"""CREATE OR REPLACE FUNCTION {table}_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.document := {_weighted("ABC", "NEW.")};
          {core}
          RETURN NEW;
        END $$"""


def _postgresql(table: str) -> list[str]:
    return [
        _vector_function(table, core_vector=False),
        f"""CREATE TRIGGER {table}_vector BEFORE INSERT OR UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_vector()""",
        _document_index(table),
        f"ALTER TABLE {table} ALTER COLUMN document SET STATISTICS {STATISTICS_TARGET}",
    ]


# search.stats reads how common a word is from the planner's statistics of the document
# column; at this target they keep the ~10,000 most common words (at 100, ~1,000), so the few
# words a search must count itself are rare and cheap to count.
STATISTICS_TARGET = 1000


def _document_index(table: str) -> str:
    return f"CREATE INDEX {table}_document_gin ON {table} USING gin (document)"


def _sqlite(table: str, key: str) -> list[str]:
    fts = fts_table(table)
    new = "new.terms_a, new.terms_b, new.terms_c"
    old = "old.terms_a, old.terms_b, old.terms_c"
    return [
        f"""CREATE VIRTUAL TABLE {fts} USING fts5(
        terms_a, terms_b, terms_c, content='{table}', content_rowid='{key}')""",
        f"CREATE VIRTUAL TABLE {vocab_table(fts)} USING fts5vocab({fts}, 'row')",
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
          INSERT INTO {fts}(rowid, terms_a, terms_b, terms_c) VALUES (new.{key}, {new});
        END""",
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
          INSERT INTO {fts}({fts}, rowid, terms_a, terms_b, terms_c)
          VALUES ('delete', old.{key}, {old});
        END""",
        f"""CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
          INSERT INTO {fts}({fts}, rowid, terms_a, terms_b, terms_c)
          VALUES ('delete', old.{key}, {old});
          INSERT INTO {fts}(rowid, terms_a, terms_b, terms_c) VALUES (new.{key}, {new});
        END""",
    ]


def _drop(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_vector ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_vector()",
            f"DROP INDEX IF EXISTS {table}_document_gin",
            f"DROP INDEX IF EXISTS {core_index(table)}",
        ]
    if vendor == "sqlite":
        return [
            *(f"DROP TRIGGER IF EXISTS {table}_{suffix}" for suffix in ("ai", "ad", "au")),
            f"DROP TABLE IF EXISTS {vocab_table(fts_table(table))}",
            f"DROP TABLE IF EXISTS {fts_table(table)}",
        ]
    return []


def install(schema_editor: BaseDatabaseSchemaEditor, table: str, key: str) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = _postgresql(table)
    elif vendor == "sqlite":
        statements = _sqlite(table, key)
    else:
        raise NotImplementedError(
            f"full-text search is built for PostgreSQL and SQLite, not {vendor}"
        )
    for statement in statements:
        schema_editor.execute(statement)


def uninstall(schema_editor: BaseDatabaseSchemaEditor, table: str) -> None:
    for statement in _drop(schema_editor.connection.vendor, table):
        schema_editor.execute(statement)


def install_core_vector_operation(table: str):  # -> migrations.RunPython
    """The migration operation that makes the trigger fill `core_document` too, fills it for
    the rows there are, and indexes it (PostgreSQL; on SQLite a column filter on FTS5's
    terms_a and terms_b does the same)."""
    from django.db import migrations

    def forward(apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(_vector_function(table, core_vector=True))
        # Filling writes a new version of every row: the trigger (which would compute
        # `document` again) is off meanwhile, and the document's GIN index is built afresh
        # after rather than fed a million row versions (at a million questions that took
        # longer than building it).
        schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_vector")
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_document_gin")
        schema_editor.execute(f"UPDATE {table} SET core_document = {_weighted(CORE_WEIGHTS)}")
        schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_vector")
        schema_editor.execute(_document_index(table))
        schema_editor.execute(
            f"ALTER TABLE {table} ALTER COLUMN document SET STATISTICS {STATISTICS_TARGET}"
        )
        schema_editor.execute(
            f"CREATE INDEX {core_index(table)} ON {table} USING gin (core_document)"
        )

    def backward(apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"DROP INDEX IF EXISTS {core_index(table)}")
        schema_editor.execute(_vector_function(table, core_vector=False))

    return migrations.RunPython(forward, backward)


def install_operation(table: str, key: str):  # -> migrations.RunPython
    """The migration operation that installs (and on reverse removes) the objects above."""
    from django.db import migrations

    def forward(apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        install(schema_editor, table, key)

    def backward(apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        uninstall(schema_editor, table)

    return migrations.RunPython(forward, backward)
