"""GET /taxonomies and /taxonomy_terms, with the contact-channel taxonomy that lives in code."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.api.base import HsdsView, detail, object_id
from perhekeskus.catalog.api.filters import search_in_code, text_search
from perhekeskus.catalog.api.paging import Countable, Prepended
from perhekeskus.catalog.api.params import (
    ACCEPT_LANGUAGE,
    ID,
    LanguageParams,
    SearchParams,
    TaxonomyTermParams,
)
from perhekeskus.catalog.api.shapes import DETAIL_RESPONSES, LIST_RESPONSES, page_of, shape
from perhekeskus.catalog.models import ChannelKind, Taxonomy, TaxonomyTerm


class TaxonomyListView(HsdsView):
    params_class = SearchParams

    @extend_schema(
        operation_id="listTaxonomies",
        summary="Taxonomies",
        description="The classifications in use, the contact-channel taxonomy first.",
        parameters=[SearchParams, ACCEPT_LANGUAGE],
        responses={200: page_of("Taxonomy"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        search = params.get("search")
        taxonomies = Prepended(
            search_in_code([None], search, lambda t: hsds.taxonomy(t, lang=lang)),
            text_search(selectors.taxonomy_list(), search, ("name", "description")),
        )
        return self.paged(params, taxonomies, lambda t: hsds.taxonomy(t, lang=lang))


class TaxonomyDetailView(HsdsView):
    @extend_schema(
        operation_id="getTaxonomy",
        summary="A taxonomy",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Taxonomy"), **DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, object_id(id)

        def find() -> Taxonomy | None:
            if pk == hsds.CHANNEL_TAXONOMY_ID:
                return None
            return selectors.taxonomy_get(taxonomy_id=pk)

        return detail(find, lambda t: hsds.taxonomy(t, lang=lang))


class TaxonomyTermListView(HsdsView):
    params_class = TaxonomyTermParams

    @extend_schema(
        operation_id="listTaxonomyTerms",
        summary="Taxonomy terms",
        description="Terms by taxonomy and code, the contact-channel terms first.",
        parameters=[TaxonomyTermParams, ACCEPT_LANGUAGE],
        responses={200: page_of("TaxonomyTerm"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        taxonomy_id = params.get("taxonomy_id")
        search = params.get("search")
        # The channel terms have no parent: they are at the top, and under no term.
        channel_terms: list[str] = [] if params.get("parent_id") else list(ChannelKind.values)
        channel_terms = search_in_code(
            channel_terms, search, lambda t: hsds.taxonomy_term(t, lang=lang)
        )
        stored = selectors.taxonomy_term_list(taxonomy_id=taxonomy_id)
        if params.get("parent_id"):
            stored = stored.filter(parent_id=params["parent_id"])
        if params["top_only"]:
            stored = stored.filter(parent__isnull=True)
        stored = text_search(stored, search, ("name", "description"))
        terms: Countable
        if taxonomy_id == hsds.CHANNEL_TAXONOMY_ID:
            terms = Prepended(channel_terms, TaxonomyTerm.objects.none())
        elif taxonomy_id is not None:
            terms = stored
        else:
            terms = Prepended(channel_terms, stored)
        return self.paged(params, terms, lambda t: hsds.taxonomy_term(t, lang=lang))


class TaxonomyTermDetailView(HsdsView):
    @extend_schema(
        operation_id="getTaxonomyTerm",
        summary="A taxonomy term",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("TaxonomyTerm"), **DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, object_id(id)

        def find() -> TaxonomyTerm | str:
            kind = hsds.CHANNEL_KIND_BY_TERM_ID.get(pk)
            return kind if kind is not None else selectors.taxonomy_term_get(taxonomy_term_id=pk)

        return detail(find, lambda t: hsds.taxonomy_term(t, lang=lang))
