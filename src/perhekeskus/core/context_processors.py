from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, get_language_info, override


def _language_url(request: HttpRequest, code: str) -> str:
    """The same page in another language, rebuilt from the URL Django resolved: never from the
    raw path, which an attacker chooses (`//evil.example/fi/` would become a link off the site).
    A page that did not resolve (a 404) links to the language's home page."""
    home = f"/{code}/"
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return home
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    try:
        with override(code):
            url = reverse(name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return home
    if not url.startswith("/") or url.startswith(("//", "/\\")):
        return home
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def site(request: HttpRequest) -> dict[str, object]:
    current = get_language() or settings.LANGUAGE_CODE
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                # Each language is named in itself: a Swedish speaker looks for "Svenska".
                "name_local": info["name_local"],
                "url": _language_url(request, code),
                "current": code == current,
            }
        )
    return {
        "site_name": settings.PERHEKESKUS_SITE_NAME,
        "site_languages": languages,
        "is_demo": getattr(settings, "PERHEKESKUS_DEMO", False),
    }
