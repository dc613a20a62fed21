"""The database side of the search index: the token matcher of each database.

SQLite: an FTS5 table per language holding the analysed tokens of the four field classes, and an
fts5vocab "instance" table over it (term, document, column). PostgreSQL: a GIN index per
language on `finder_searchfield.tsv` (a tsvector of each document's field class), and pg_trgm
on the vocabulary for fuzzy word look-ups.
"""

from django.db import migrations

LANGUAGES = ("fi", "sv", "en")


def _sqlite(lang: str) -> tuple[list[str], list[str]]:
    forward = [
        # The tokens arrive analysed and joined by spaces: the "ascii" tokenizer with "_" as a
        # token character splits them only there, so FTS5 keeps exactly the tokens written.
        f"CREATE VIRTUAL TABLE finder_fts_{lang} USING fts5("
        "a, b, c, d, tokenize = \"ascii tokenchars '_'\", detail = column)",
        # (term, document, column) rows for many rare terms at once: the need concepts' targets.
        f"CREATE VIRTUAL TABLE finder_fts_{lang}_instance USING fts5vocab("
        f"'finder_fts_{lang}', 'instance')",
    ]
    backward = [
        f"DROP TABLE IF EXISTS finder_fts_{lang}_instance",
        f"DROP TABLE IF EXISTS finder_fts_{lang}",
    ]
    return forward, backward


POSTGRESQL_FORWARD = [
    # The CI and production database users may create extensions; pg_trgm ships with PostgreSQL.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # fastupdate off: a rebuild writes thousands of rows at once, and GIN's pending list would
    # then be scanned by every search until the next vacuum.
    *(
        f"CREATE INDEX finder_field_tsv_{lang} ON finder_searchfield USING gin (tsv) "
        f"WITH (fastupdate = off) WHERE language = '{lang}'"
        for lang in LANGUAGES
    ),
    "CREATE INDEX finder_term_trgm ON finder_searchterm USING gin (trigram_key gin_trgm_ops) "
    "WITH (fastupdate = off)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS finder_term_trgm",
]


def _run(schema_editor, statements):
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for lang in LANGUAGES:
            _run(schema_editor, _sqlite(lang)[0])
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_FORWARD)
    else:
        raise RuntimeError(f"The finder's search index supports SQLite and PostgreSQL, not {vendor}")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for lang in LANGUAGES:
            _run(schema_editor, _sqlite(lang)[1])
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("finder", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
