"""The database side of the search: write analysed tokens, and answer "which documents hold
these tokens, in which field class". Everything else (analysis, ranking) is Python and the same
on both databases.

SQLite: an FTS5 table per language (`finder_fts_<lang>`, columns a–d, rowid = document id),
asked with one MATCH per token and column (`{a} : "token"`): every token is quoted as an FTS5
string (`fts5_phrase`) and passed as a parameter, so nothing typed becomes MATCH syntax. Many
rare terms at once (need-concept targets) are read from its fts5vocab "instance" table, where
they are bound parameters of an equality.

PostgreSQL: `finder_searchfield`, one row per document and field class with a tsvector of its
distinct tokens and a GIN index per language; one `tsv @@ 'token'::tsquery` branch per token.
(A row per field class, not one vector with weights, so that the GIN index tells which field
matched without re-reading a long vector per token.) The tsvector and tsquery literals are built
here with every lexeme quoted and escaped, and passed as parameters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from django.db import connection, transaction

from perhekeskus.finder.models import FIELD_CLASSES, INDEX_LANGUAGES

# Documents' field classes as written: (document id, language, {class: distinct tokens}).
Row = tuple[int, str, dict[str, Sequence[str]]]
# Per token asked, {document id: bit mask of the field classes it is in (a=1, b=2, c=4, d=8)}.
Postings = list[dict[int, int]]
CLASS_BITS = {cls: 1 << i for i, cls in enumerate(FIELD_CLASSES)}


def quote_lexeme(token: str) -> str:
    """A token as a quoted tsvector/tsquery lexeme: 'it''s' (a backslash doubled too)."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens: Iterable[str]) -> str:
    return " ".join(quote_lexeme(t) for t in dict.fromkeys(tokens) if t)


def tsquery_literal(token: str) -> str:
    return quote_lexeme(token)


def fts5_phrase(token: str) -> str:
    """A token as an FTS5 string: "…" with inner double quotes doubled. Used wherever a token
    would be written into a MATCH expression (diagnostics, the fallback's prefix queries)."""
    return '"' + token.replace('"', '""') + '"'


def _check_language(language: str) -> str:
    # Table names are built from the language; only the index's own languages pass.
    if language not in INDEX_LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}")
    return language


class Backend(Protocol):
    vendor: str

    def clear(self) -> None: ...

    def delete(self, documents: Iterable[tuple[int, str]]) -> None: ...

    def insert(self, rows: Sequence[Row]) -> None: ...

    def match(
        self,
        language: str,
        tokens: Sequence[str],
        only: Mapping[str, tuple[str, ...]] | None = None,
        documents: Collection[int] | None = None,
        frequencies: Mapping[str, int] | None = None,
    ) -> Postings: ...

    def match_phrases(
        self,
        language: str,
        phrases: Mapping[str, Sequence[Sequence[str]]],
        classes: Sequence[str],
        documents: Collection[int] | None = None,
    ) -> dict[str, dict[int, int]]: ...

    def similar_words(
        self, language: str, key: str, threshold: float
    ) -> list[tuple[str, int]] | None: ...


class SqliteBackend:
    vendor = "sqlite"

    def clear(self) -> None:
        with connection.cursor() as cursor:
            for lang in INDEX_LANGUAGES:
                cursor.execute(f"DELETE FROM finder_fts_{lang}")  # noqa: S608  (table from a checked language, values bound)

    def delete(self, documents: Iterable[tuple[int, str]]) -> None:
        by_language: dict[str, list[int]] = {}
        for doc_id, lang in documents:
            by_language.setdefault(_check_language(lang), []).append(doc_id)
        with connection.cursor() as cursor:
            for lang, ids in by_language.items():
                for start in range(0, len(ids), 900):
                    chunk = ids[start : start + 900]
                    marks = ",".join("?" * len(chunk)).replace("?", "%s")
                    cursor.execute(f"DELETE FROM finder_fts_{lang} WHERE rowid IN ({marks})", chunk)  # noqa: S608  (table from a checked language, values bound)

    def insert(self, rows: Sequence[Row]) -> None:
        by_language: dict[str, list[tuple[Any, ...]]] = {}
        for doc_id, lang, classes in rows:
            values = (doc_id, *(" ".join(classes.get(c, ())) for c in FIELD_CLASSES))
            by_language.setdefault(_check_language(lang), []).append(values)
        with connection.cursor() as cursor:
            for lang, values_list in by_language.items():
                cursor.executemany(
                    f"INSERT INTO finder_fts_{lang} (rowid, a, b, c, d) "  # noqa: S608  (table from a checked language, values bound)
                    "VALUES (%s, %s, %s, %s, %s)",
                    values_list,
                )

    def match(
        self,
        language: str,
        tokens: Sequence[str],
        only: Mapping[str, tuple[str, ...]] | None = None,
        documents: Collection[int] | None = None,
        frequencies: Mapping[str, int] | None = None,
    ) -> Postings:
        """Which documents hold each token, in which field classes; `only` limits a token to
        some classes, `documents` the documents asked about (`frequencies`, the tokens'
        document counts, is not needed here). One FTS5 MATCH per token and
        column, `{a} : "token"` with the token quoted, joined into a few UNION ALL statements.
        (`documents` filters the rows as they arrive: FTS5 lists a token's documents faster
        than it looks up thousands of rowids.)"""
        postings: Postings = [{} for _ in tokens]
        if not tokens:
            return postings
        lang = _check_language(language)
        only = only or {}
        # Tokens wanted in a few classes (the need concepts' many targets, rare in names and
        # keywords) in one look-up of the vocabulary table, the others by MATCH: the vocabulary
        # table is quick to ask for many terms, MATCH quick to list many documents.
        few = [t for t in dict.fromkeys(tokens) if len(only.get(t, FIELD_CLASSES)) <= 2]
        index = {token: i for i, token in enumerate(tokens)}
        with connection.cursor() as cursor:
            for first in range(0, len(few), 500):
                terms = few[first : first + 500]
                for classes_ in {only[t] for t in terms}:
                    group = [t for t in terms if only[t] == classes_]
                    marks = ", ".join(["%s"] * len(group))
                    columns = ", ".join(f"'{c}'" for c in classes_ if c in CLASS_BITS)
                    cursor.execute(
                        f"SELECT doc, col, term FROM finder_fts_{lang}_instance "  # noqa: S608  (table from a checked language, values bound)
                        f"WHERE term IN ({marks}) AND col IN ({columns})",
                        group,
                    )
                    for doc, col, term in cursor.fetchall():
                        if documents is not None and doc not in documents:
                            continue
                        posting = postings[index[term]]
                        posting[doc] = posting.get(doc, 0) | CLASS_BITS[col]
        listed = set(few)
        wanted = [
            (i, cls, f"{{{cls}}} : {fts5_phrase(token)}")
            for i, token in enumerate(tokens)
            if token not in listed
            for cls in only.get(token, FIELD_CLASSES)
            if cls in CLASS_BITS
        ]
        classes = {cls: n for n, cls in enumerate(FIELD_CLASSES)}
        branch = f"SELECT rowid, %s FROM finder_fts_{lang} WHERE finder_fts_{lang} MATCH %s"  # noqa: S608  (table from a checked language, values bound)
        with connection.cursor() as cursor:
            # SQLite joins at most 500 selects into one compound statement.
            for start in range(0, len(wanted), 400):
                chunk = wanted[start : start + 400]
                params: list[Any] = []
                for i, cls, expression in chunk:
                    params.extend((i * 4 + classes[cls], expression))
                cursor.execute(" UNION ALL ".join([branch] * len(chunk)), params)
                for doc, label in cursor.fetchall():
                    if documents is not None and doc not in documents:
                        continue
                    i, n = divmod(label, 4)
                    posting = postings[i]
                    posting[doc] = posting.get(doc, 0) | (1 << n)
        return postings

    def match_phrases(
        self,
        language: str,
        phrases: Mapping[str, Sequence[Sequence[str]]],
        classes: Sequence[str],
        documents: Collection[int] | None = None,
    ) -> dict[str, dict[int, int]]:
        """The documents where every word of a phrase (any of each word's tokens) is in one and
        the same field class, by FTS5 MATCH with every token quoted: `{a} : (("x" OR "y") AND
        "z")`."""
        lang = _check_language(language)
        found: dict[str, dict[int, int]] = {key: {} for key in phrases}
        keys = list(phrases)
        wanted: list[tuple[int, str]] = []
        for n, key in enumerate(keys):
            expression = " AND ".join(
                "(" + " OR ".join(fts5_phrase(token) for token in tokens) + ")"
                for tokens in phrases[key]
                if tokens
            )
            if expression:
                wanted.extend(
                    (n * 4 + FIELD_CLASSES.index(cls), f"{{{cls}}} : ({expression})")
                    for cls in classes
                    if cls in CLASS_BITS
                )
        branch = f"SELECT rowid, %s FROM finder_fts_{lang} WHERE finder_fts_{lang} MATCH %s"  # noqa: S608  (table from a checked language, values bound)
        with connection.cursor() as cursor:
            for start in range(0, len(wanted), 400):
                chunk = wanted[start : start + 400]
                params: list[Any] = [value for pair in chunk for value in pair]
                cursor.execute(" UNION ALL ".join([branch] * len(chunk)), params)
                for doc, label in cursor.fetchall():
                    if documents is not None and doc not in documents:
                        continue
                    n, bit = divmod(label, 4)
                    posting = found[keys[n]]
                    posting[doc] = posting.get(doc, 0) | (1 << bit)
        return found

    def similar_words(
        self, language: str, key: str, threshold: float
    ) -> list[tuple[str, int]] | None:
        return None  # no trigram index in SQLite: the engine's in-memory one answers


@contextmanager
def _search_cursor() -> Iterator[Any]:
    """A cursor for the look-ups: many small index scans in one statement, where starting
    parallel workers costs more than they save (on a 2-core server, about half the time)."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield cursor


# A token held by more than this many times the documents asked about is looked up by their ids.
BY_ID_RATIO = 3


class PostgresBackend:
    vendor = "postgresql"

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM finder_searchfield")

    def delete(self, documents: Iterable[tuple[int, str]]) -> None:
        ids = [doc_id for doc_id, _lang in documents]
        if ids:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM finder_searchfield WHERE document_id = ANY(%s)", [ids])

    def insert(self, rows: Sequence[Row]) -> None:
        values = [
            (doc_id, _check_language(lang), cls, tsvector_literal(tokens))
            for doc_id, lang, classes in rows
            for cls, tokens in classes.items()
            if cls in FIELD_CLASSES and tokens
        ]
        if not values:
            return
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor: COPY writes thousands of rows at once
            with raw.copy(
                "COPY finder_searchfield (document_id, language, cls, tsv) FROM STDIN"
            ) as copy:
                for value in values:
                    copy.write_row(value)

    def match(
        self,
        language: str,
        tokens: Sequence[str],
        only: Mapping[str, tuple[str, ...]] | None = None,
        documents: Collection[int] | None = None,
        frequencies: Mapping[str, int] | None = None,
    ) -> Postings:
        """Which documents hold each token, in which field classes; `only` limits a token to
        some classes, `documents` the documents asked about.

        A token held by many more documents than those asked about (by `frequencies`) is
        looked up by document id; the others by their GIN entry, the rows filtered as they
        arrive. The planner cannot tell which is cheaper from a parameter, so it is told."""
        postings: Postings = [{} for _ in tokens]
        if not tokens or (documents is not None and not documents):
            return postings
        lang = _check_language(language)
        only = only or {}
        frequencies = frequencies or {}
        ids = None if documents is None else list(documents)
        branches = []
        params: list[Any] = []
        for i, token in enumerate(tokens):
            classes = [c for c in only.get(token, FIELD_CLASSES) if c in CLASS_BITS]
            limit = (
                ""
                if len(classes) == len(FIELD_CLASSES)
                else " AND cls IN (" + ", ".join(f"'{c}'" for c in classes) + ")"
            )
            by_id = ids is not None and frequencies.get(token, 0) > BY_ID_RATIO * len(ids)
            branches.append(
                f"SELECT document_id, cls, {i} FROM finder_searchfield "  # noqa: S608  (no user text)
                f"WHERE language = %s AND tsv @@ %s::tsquery{limit}"
                + (" AND document_id = ANY(%s)" if by_id else "")
            )
            params.extend((lang, tsquery_literal(token)))
            if by_id:
                params.append(ids)
        bits = CLASS_BITS
        with _search_cursor() as cursor:
            cursor.execute(" UNION ALL ".join(branches), params)
            for doc, cls, i in cursor.fetchall():
                if documents is not None and doc not in documents:
                    continue
                posting = postings[i]
                posting[doc] = posting.get(doc, 0) | bits[cls]
        return postings

    def match_phrases(
        self,
        language: str,
        phrases: Mapping[str, Sequence[Sequence[str]]],
        classes: Sequence[str],
        documents: Collection[int] | None = None,
    ) -> dict[str, dict[int, int]]:
        """The documents where every word of a phrase (any of each word's tokens) is in one and
        the same field class: `tsv @@ ('x' | 'y') & 'z'` on the rows of those classes."""
        lang = _check_language(language)
        found: dict[str, dict[int, int]] = {key: {} for key in phrases}
        keys = [key for key, words in phrases.items() if any(words)]
        if not keys or not classes:
            return found
        limit = ", ".join(f"'{c}'" for c in classes if c in CLASS_BITS)
        branches = " UNION ALL ".join(
            f"SELECT document_id, cls, {i} FROM finder_searchfield "  # noqa: S608  (no user text)
            f"WHERE language = %s AND cls IN ({limit}) AND tsv @@ %s::tsquery"
            for i in range(len(keys))
        )
        params: list[Any] = []
        for key in keys:
            query = " & ".join(
                "(" + " | ".join(tsquery_literal(token) for token in tokens) + ")"
                for tokens in phrases[key]
                if tokens
            )
            params.extend((lang, query))
        with _search_cursor() as cursor:
            cursor.execute(branches, params)
            for doc, cls, i in cursor.fetchall():
                if documents is not None and doc not in documents:
                    continue
                posting = found[keys[i]]
                posting[doc] = posting.get(doc, 0) | CLASS_BITS[cls]
        return found

    def similar_words(
        self, language: str, key: str, threshold: float
    ) -> list[tuple[str, int]] | None:
        """Surface words whose trigram key is at least `threshold` similar, by pg_trgm's GIN
        index. The threshold is lowered a little here; the engine applies the exact one in
        Python, so SQLite and PostgreSQL end with the same candidates."""
        with connection.cursor() as cursor:
            # `%` uses the index at pg_trgm.similarity_threshold; set it for this connection.
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, false)",
                [str(max(0.0, threshold - 0.05))],
            )
            cursor.execute(
                "SELECT term, frequency FROM finder_searchterm "
                "WHERE language = %s AND kind = 'word' AND trigram_key %% %s",
                [_check_language(language), key],
            )
            return [(term, int(frequency)) for term, frequency in cursor.fetchall()]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise RuntimeError(
        f"The finder's search index supports SQLite and PostgreSQL, not {connection.vendor}"
    )
