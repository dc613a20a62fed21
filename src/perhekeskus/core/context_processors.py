from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request: HttpRequest) -> dict[str, object]:
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                # Each language is named in itself: a Swedish speaker looks for "Svenska".
                "name_local": info["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return {
        "site_name": settings.PERHEKESKUS_SITE_NAME,
        "site_languages": languages,
        "is_demo": getattr(settings, "PERHEKESKUS_DEMO", False),
    }
