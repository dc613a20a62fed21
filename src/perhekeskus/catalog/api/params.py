"""The query and path parameters of the API, validated by DRF serializers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Far beyond any real catalogue, and small enough that the database's OFFSET never overflows.
MAX_PAGE = 1_000_000
MAX_SEARCH = 200


def _uuid_field(help_text: Any) -> serializers.UUIDField:
    # Django's own wording, which its catalogues translate (DRF's UUID message is not in fi/sv).
    return serializers.UUIDField(
        required=False, help_text=help_text, error_messages={"invalid": _("Enter a valid UUID.")}
    )


class LanguageParams(serializers.Serializer[Any]):
    lang = serializers.ChoiceField(
        choices=LANGUAGES,
        required=False,
        help_text=_(
            "Language of the texts: fi, sv or en. Takes precedence over Accept-Language; "
            "Finnish by default. Every language has the same ids."
        ),
    )


class PageParams(LanguageParams):
    page = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE, default=1, help_text=_("Page number, from 1.")
    )
    per_page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PER_PAGE,
        default=DEFAULT_PER_PAGE,
        help_text=_("Items per page, at most 100."),
    )


def _search_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_SEARCH,
        help_text=_(
            "Words to look for in the names and descriptions, in any of the three languages; "
            "every word must be found."
        ),
    )


def _flag(help_text: Any) -> serializers.BooleanField:
    return serializers.BooleanField(required=False, default=False, help_text=help_text)


class CatalogueFilterParams(PageParams):
    organization_id = _uuid_field(_("Only the services this organisation provides."))
    taxonomy_term_id = _uuid_field(
        _(
            "Only services classified with this term. A term of the contact-channel taxonomy "
            "gives the services that can be reached through that channel."
        )
    )
    taxonomy_id = _uuid_field(_("Only services with any term of this taxonomy."))
    modified_after = serializers.DateTimeField(
        required=False,
        help_text=_("Only what changed at or after this time (ISO 8601, e.g. 2025-01-31T12:00Z)."),
    )


class ServiceFilterParams(CatalogueFilterParams):
    minimal = _flag(_("true: only each service's id and last modification time."))
    full = _flag(_("true: each service fully nested, as GET /services/{id} gives it."))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("minimal") and attrs.get("full"):
            raise serializers.ValidationError({"minimal": [_("Choose minimal or full, not both.")]})
        # Parameters a subclass adds (the finder's search) answer in a shape of their own.
        own = set(ServiceFilterParams._declared_fields)
        added = [n for n in attrs if n not in own and attrs[n] not in (None, "", False)]
        if (attrs.get("minimal") or attrs.get("full")) and added:
            name = "minimal" if attrs.get("minimal") else "full"
            raise serializers.ValidationError(
                {name: [_("This shape is not available with a search or its filters.")]}
            )
        return attrs


class SearchParams(PageParams):
    search = _search_field()


class OrganizationParams(SearchParams):
    full = _flag(_("true: each organisation fully nested, with its services and places."))


class ServiceAtLocationParams(CatalogueFilterParams):
    search = _search_field()
    postcode = serializers.RegexField(
        r"^\d{5}$",
        required=False,
        help_text=_("Only the places with this postal code (five digits)."),
        error_messages={"invalid": _("A Finnish postal code has five digits.")},
    )
    full = _flag(_("true: each service at a location fully nested."))


class TaxonomyTermParams(SearchParams):
    taxonomy_id = _uuid_field(_("Only the terms of this taxonomy."))
    parent_id = _uuid_field(_("Only the terms directly under this term."))
    top_only = _flag(_("true: only the terms at the top of their taxonomy (without a parent)."))


ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="fi, sv or en; the `lang` parameter wins over it.",
)
ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)
