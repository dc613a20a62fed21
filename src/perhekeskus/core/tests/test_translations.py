"""Every string the UI shows exists in Finnish and Swedish, with its placeholders intact."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")


def catalogue(lang: str) -> polib.POFile:
    path = Path(settings.LOCALE_PATHS[0]) / lang / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_catalogue_is_complete(lang: str) -> None:
    po = catalogue(lang)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_placeholders_survive_translation(lang: str) -> None:
    broken = []
    for entry in catalogue(lang).translated_entries():
        if entry.msgid_plural:
            expected = set(PLACEHOLDER.findall(entry.msgid_plural))
            translations = list(entry.msgstr_plural.values())
        else:
            expected = set(PLACEHOLDER.findall(entry.msgid))
            translations = [entry.msgstr]
        for text in translations:
            if set(PLACEHOLDER.findall(text)) != expected:
                broken.append((entry.msgid, text))
    assert broken == []


def test_compiled_catalogues_are_used_at_run_time() -> None:
    from django.utils import translation

    with translation.override("sv"):
        assert translation.gettext("Log in") != "Log in"
    with translation.override("fi"):
        assert translation.gettext("Log in") == "Kirjaudu sisään"
