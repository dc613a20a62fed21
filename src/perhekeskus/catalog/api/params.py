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


class ServiceFilterParams(PageParams):
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


class TaxonomyTermParams(PageParams):
    taxonomy_id = _uuid_field(_("Only the terms of this taxonomy."))


ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="fi, sv or en; the `lang` parameter wins over it.",
)
ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)
