"""The family's language where a page or an answer must be in one of the site's languages:
what a booking, a sign-up and their messages are written in."""

from __future__ import annotations

from collections.abc import Collection

from django.utils.translation import get_language

SITE_LANGUAGES = ("fi", "sv", "en")


def active_language(languages: Collection[str] = SITE_LANGUAGES) -> str:
    """The active language ("fi" of "fi-FI") when it is one of `languages`, else Finnish."""
    language = (get_language() or "fi")[:2]
    return language if language in languages else "fi"
