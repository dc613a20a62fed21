"""Absolute links in e-mails, text messages and calendar files: the site's own address from the
settings (`SITE_DOMAIN`, `SITE_HTTPS`), never from a request's Host header."""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    scheme = "https" if settings.PERHEKESKUS_SITE_HTTPS else "http"
    return f"{scheme}://{settings.PERHEKESKUS_SITE_DOMAIN}"


def absolute(path: str) -> str:
    """`path` (from `reverse`) as an absolute address on this site."""
    return f"{site_url()}{path}"
