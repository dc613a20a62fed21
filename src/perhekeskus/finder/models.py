"""The finder's data: the search index of public services, the need thesaurus coordinators
edit, and the anonymous record of searches that found nothing.

The index holds text already analysed in Python (`search.analysis`): one row per service and
language, its tokens grouped in four field classes. The database-specific matcher lives beside
it: on SQLite one FTS5 table per language (`finder_fts_<lang>`, migration 0002), on PostgreSQL
`SearchField` (a tsvector per document and field class, GIN-indexed per language by migration
0002) and pg_trgm on the vocabulary.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.models import Service

INDEX_LANGUAGES = ("fi", "sv", "en")
# Field classes of the index, highest weight first:
# a: name, alternate name, keywords; b: summary and family-center task names;
# c: provider, places and the service's names in the other languages; d: long texts.
FIELD_CLASSES = ("a", "b", "c", "d")


# --- The need thesaurus -------------------------------------------------------------------------


class NeedConcept(models.Model):  # type: ignore[django-manager-missing]
    """A life situation in the words families use ("ero", "en jaksa", "skilsmässa", "breakup"),
    and what it leads to: words of the services that help, and family-center tasks.

    `name`, `description`, `phrases` and `targets` are translated (`name_fi`, `phrases_sv`, …).
    Phrases and targets are lists: one per line, or separated by commas.
    """

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    phrases = models.TextField(
        _("phrases"),
        blank=True,
        help_text=_(
            "Everyday words and phrasings for this situation, one per line or separated by "
            "commas. Write inflected forms only when they mean something else than the base form."
        ),
    )
    targets = models.TextField(
        _("words of the services that help"),
        blank=True,
        help_text=_(
            "Words found in the names and keywords of the services that help, one per line or "
            "separated by commas, e.g. lastenvalvoja, family mediation."
        ),
    )
    tasks = models.JSONField(
        _("family-center tasks"),
        default=list,
        blank=True,
        help_text=_("The family-center tasks (1–8) whose services help in this situation."),
    )
    show_on_home = models.BooleanField(
        _("show on the home page"),
        default=False,
        help_text=_("Offer this situation as an entry on the finder's home page."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only concepts in use expand searches.")
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations (need thesaurus)")
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.name

    @property
    def task_numbers(self) -> list[int]:
        return sorted({int(t) for t in self.tasks or [] if str(t).isdigit() and 1 <= int(t) <= 8})


# --- The search index ---------------------------------------------------------------------------


class SearchDocument(models.Model):
    """A public service as the search sees it in one language: analysed tokens by field class,
    field lengths for ranking, and what filters and facets read (so that a search reads one
    table). A service that is not public has no documents."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=2)
    # The name as shown in `language` (with the catalogue's fallback), folded for sorting.
    name_sort = models.CharField(max_length=300, blank=True)
    # The name's words, normalised, for "the query is the name"; and its analysed tokens.
    name_key = models.CharField(max_length=300, blank=True)
    name_tokens = models.TextField(blank=True)
    a = models.TextField(blank=True)
    b = models.TextField(blank=True)
    c = models.TextField(blank=True)
    d = models.TextField(blank=True)
    len_a = models.PositiveIntegerField(default=0)
    len_b = models.PositiveIntegerField(default=0)
    len_c = models.PositiveIntegerField(default=0)
    len_d = models.PositiveIntegerField(default=0)
    # Surface words of names, keywords and the like: the typo corrector's vocabulary.
    words = models.TextField(blank=True)
    # Filters and facets.
    organization_id = models.UUIDField(db_index=True)
    area_type = models.CharField(max_length=20)
    municipalities = models.CharField(max_length=1000, blank=True)  # " 018 638 "
    tasks = models.CharField(max_length=40, blank=True)  # " 2 6 "
    channels = models.CharField(max_length=100, blank=True)  # " visit phone chat "
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    coordinates = models.TextField(blank=True)  # "lat,lon;lat,lon": its physical places
    service_updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "language"], name="finder_doc_unique")
        ]
        indexes = [models.Index(fields=["language", "name_sort"], name="finder_doc_lang_name")]

    def __str__(self) -> str:
        return f"{self.service_id} [{self.language}]"


class SearchField(models.Model):
    """PostgreSQL's matcher: a document's distinct tokens of one field class as a tsvector, with
    a GIN index per language (migration 0002). A row per field class rather than one vector with
    weights, so that the index itself tells which field matched. On SQLite the table exists and
    stays empty (FTS5 tables do this work there).

    No foreign-key constraint: the index code deletes these rows with their documents, and
    without one a test database's flush (TRUNCATE of every table) is not refused."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    language = models.CharField(max_length=2)
    cls = models.CharField(max_length=1)
    tsv = SearchVectorField()

    def __str__(self) -> str:
        return f"{self.document_id} {self.language}:{self.cls}"


class TermKind(models.TextChoices):
    TOKEN = "token", _("Analysed token")
    WORD = "word", _("Surface word")


class SearchTerm(models.Model):
    """The index's vocabulary per language: analysed tokens (for compound and substring
    expansion) and surface words (for "did you mean"), with the number of documents that hold
    them. `trigram_key` is the term folded to ASCII letters, for trigram similarity that is the
    same in Python and in PostgreSQL's pg_trgm whatever the database's locale."""

    language = models.CharField(max_length=2)
    kind = models.CharField(max_length=5, choices=TermKind.choices)
    term = models.CharField(max_length=100)
    trigram_key = models.CharField(max_length=100)
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "kind", "term"], name="finder_term_unique")
        ]

    def __str__(self) -> str:
        return f"{self.language}:{self.kind}:{self.term}"


class SearchIndexState(models.Model):
    """One row: a random stamp that changes whenever the index or the thesaurus changes (so that
    every process knows when its cached vocabulary is stale), and corpus statistics."""

    index_generation = models.CharField(max_length=32, blank=True)
    thesaurus_generation = models.CharField(max_length=32, blank=True)
    # {"fi": {"n": 115, "avg": [a, b, c, d]}, ...}
    stats = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"search index {self.index_generation}"


# --- Unmet needs --------------------------------------------------------------------------------


class ZeroResultQuery(models.Model):
    """How often a search found nothing, per normalised text, language, municipality and day.

    Counted, never traced: no IP address, user, session or time of day is stored, so a row
    cannot be tied to a person. Leaders read these as unmet needs.
    """

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=2)
    municipality_code = models.CharField(_("municipality"), max_length=3, blank=True)
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(
        _("searches"), default=0, validators=[MinValueValidator(0), MaxValueValidator(10**9)]
    )

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        ordering = ["-date", "-count"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "municipality_code", "date"],
                name="finder_zero_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.language} {self.query!r} × {self.count}"
